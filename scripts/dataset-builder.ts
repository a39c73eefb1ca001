/**
 * Joins AWS's instance facts into the compact dataset the app ships (data/instances.json).
 * Pure: takes a file reader so tests can run it on the committed copies in data/aws/.
 */

export const SOURCE_FILES = [
  'instance-limits.json',
  'instance-vcpus.json',
  'instance-branch-enis.json',
  'eni-max-pods.txt',
  'eni-max-pods.vpc-cni.txt',
  'SOURCES.md',
] as const;

/** Where each input came from; travels with the data so the app and CLI can cite it. */
export const PROVENANCE = [
  {
    file: 'instance-limits.json',
    what: 'ENIs on the default network card, IPv4 per ENI, network cards, hypervisor, bare metal',
    repository: 'aws/amazon-vpc-cni-k8s',
    path: 'pkg/vpc/vpc_ip_resource_limit.go',
    commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa',
    commitDate: '2026-08-20',
  },
  {
    file: 'eni-max-pods.vpc-cni.txt',
    what: 'eni-max-pods.txt (test oracle for ENI-limited max pods)',
    repository: 'aws/amazon-vpc-cni-k8s',
    path: 'misc/eni-max-pods.txt',
    commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa',
    commitDate: '2026-08-20',
  },
  {
    file: 'instance-vcpus.json',
    what: 'vCPUs and memory',
    repository: 'aws/karpenter-provider-aws',
    path: 'website/content/en/docs/reference/instance-types.md',
    commit: '1d927085dd81a9df9301e613f371dac5b4d16bfe',
    commitDate: '2026-08-21',
  },
  {
    file: 'instance-vcpus.json',
    what: 'vCPUs and memory (types missing from the Karpenter docs)',
    repository: 'kubernetes/autoscaler',
    path: 'cluster-autoscaler/cloudprovider/aws/ec2_instance_types.go',
    commit: '55c37cd5eb550756c5ccc5a89e9068d77797e575',
    commitDate: '2026-08-22',
  },
  {
    file: 'instance-branch-enis.json',
    what: 'trunk compatibility and branch ENIs (security groups for pods)',
    repository: 'aws/karpenter-provider-aws',
    path: 'pkg/providers/instancetype/zz_generated.vpclimits.go',
    commit: '1d927085dd81a9df9301e613f371dac5b4d16bfe',
    commitDate: '2026-08-18',
  },
  {
    file: 'eni-max-pods.txt',
    what: 'eni-max-pods.txt as last shipped in the EKS AMI (1,197 types)',
    repository: 'awslabs/amazon-eks-ami',
    path: 'templates/shared/runtime/eni-max-pods.txt',
    commit: '2377b69aaeb8d751af1a265c2bfbeb94e6f6da90',
    commitDate: '2026-02-27',
  },
] as const;

export const COLUMNS = [
  'name',
  'enis',
  'ipv4PerEni',
  'networkCards',
  'totalEnis',
  'hypervisor',
  'bareMetal',
  'vcpus',
  'memoryMiB',
  'trunk',
  'branchEnis',
] as const;

interface LimitRow {
  instanceType: string;
  enis: number;
  ipv4PerEni: number;
  isBareMetal: boolean;
  hypervisor: string;
  defaultNetworkCardIndex: number;
  networkCards: { index: number; maxEnis: number }[];
}
interface VcpuRow { instanceType: string; vcpus: number; memoryMiB: number }
interface BranchRow { instanceType: string; isTrunkingCompatible: boolean; branchInterfaces: number }

export function buildDataset(read: (file: string) => string) {
  const limits = JSON.parse(read('instance-limits.json')) as LimitRow[];
  const vcpus = new Map((JSON.parse(read('instance-vcpus.json')) as VcpuRow[]).map((r) => [r.instanceType, r]));
  const branch = new Map((JSON.parse(read('instance-branch-enis.json')) as BranchRow[]).map((r) => [r.instanceType, r]));
  const rows = [...limits]
    .sort((a, b) => (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0))
    .map((l) => {
      const v = vcpus.get(l.instanceType);
      const b = branch.get(l.instanceType);
      const cards = l.networkCards.length || 1;
      const totalEnis = l.networkCards.reduce((s, c) => s + c.maxEnis, 0) || l.enis;
      return [
        l.instanceType,
        l.enis,
        l.ipv4PerEni,
        cards,
        totalEnis,
        l.hypervisor,
        l.isBareMetal ? 1 : 0,
        v ? v.vcpus : null,
        v ? v.memoryMiB : null,
        b?.isTrunkingCompatible ? 1 : 0,
        b ? b.branchInterfaces : 0,
      ];
    });
  return {
    generatedFrom: 'data/aws (see SOURCES.md); regenerate with npm run data',
    dataDate: '2026-08-22',
    provenance: PROVENANCE,
    columns: COLUMNS,
    rows,
  };
}
