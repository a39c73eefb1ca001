/**
 * Joins AWS's instance facts into the compact dataset the app ships (data/instances.json).
 * Pure: takes a file reader so tests can run it on the committed copies in data/aws/.
 */

/** The upstream files `npm run data -- --from DIR` copies (SOURCES.md names where each came from). */
export const SOURCE_FILES = [
  'instance-limits.json',
  'instance-vcpus.json',
  'instance-branch-enis.json',
  'instance-karpenter.json',
  'eni-max-pods.txt',
  'eni-max-pods.vpc-cni.txt',
] as const;

/** The project's own files beside them: never overwritten by a copy. */
export const OWN_FILES = ['instance-vcpus-extra.json', 'SOURCES.md'] as const;

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
    file: 'instance-vcpus-extra.json',
    what: 'vCPUs and memory of types no other source lists (EC2 DescribeInstanceTypes dump)',
    repository: 'getmoto/moto',
    path: 'moto/ec2/resources/instance_types.json',
    commit: '008b9e13966c7f32cd01e8209db511907b22942d',
    commitDate: 'unknown',
  },
  {
    file: 'instance-karpenter.json',
    what: 'EFA interfaces, GPUs and accelerators, Karpenter labels and allocatable cpu/memory (AL2023)',
    repository: 'aws/karpenter-provider-aws',
    path: 'website/content/en/docs/reference/instance-types.md',
    commit: '1d927085dd81a9df9301e613f371dac5b4d16bfe',
    commitDate: '2026-08-21',
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
  // From Karpenter's instance-types table; null where the type has no entry there (28 types): unknown.
  'efa',
  'gpus',
  'gpuName',
  'gpuManufacturer',
  'gpuMemoryMiB',
  'accelerators',
  'acceleratorName',
  'acceleratorManufacturer',
  'neuronCores',
  'arch',
  'generation',
  'hypervisorLabel',
  'allocatableCpuMilli',
  'allocatableMemoryMiB',
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
interface VcpuRow {
  instanceType: string;
  vcpus: number;
  memoryMiB: number;
}
interface BranchRow {
  instanceType: string;
  isTrunkingCompatible: boolean;
  branchInterfaces: number;
}
interface KarpenterRow {
  labels: Record<string, string | number>;
  resources: Record<string, string | number>;
}

const K = 'karpenter.k8s.aws/';

/** Kubernetes quantities as Karpenter's table writes them: "191450m" CPU, "1938410Mi" memory. */
function milliCpu(q: string | number): number {
  const s = String(q);
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Math.round(Number(s) * 1000);
}
function mebibytes(q: string | number): number {
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(String(q));
  if (!m) throw new Error(`instance-karpenter.json: memory quantity ${String(q)} is not understood`);
  const n = Number(m[1]);
  return m[2] === 'Gi' ? n * 1024 : m[2] === 'Ki' ? Math.floor(n / 1024) : m[2] === 'Mi' ? n : Math.floor(n / 2 ** 20);
}

function karpenterColumns(k: KarpenterRow | undefined): (string | number | null)[] {
  if (!k) return Array<null>(14).fill(null);
  const l = k.labels;
  const r = k.resources;
  const str = (v: string | number | undefined) => (v === undefined || v === '' ? null : String(v));
  return [
    Number(r['vpc.amazonaws.com/efa'] ?? 0),
    Number(l[`${K}instance-gpu-count`] ?? 0),
    str(l[`${K}instance-gpu-name`]),
    str(l[`${K}instance-gpu-manufacturer`]),
    l[`${K}instance-gpu-memory`] === undefined ? null : Number(l[`${K}instance-gpu-memory`]),
    Number(l[`${K}instance-accelerator-count`] ?? 0),
    str(l[`${K}instance-accelerator-name`]),
    str(l[`${K}instance-accelerator-manufacturer`]),
    Number(r['aws.amazon.com/neuroncore'] ?? 0),
    String(l['kubernetes.io/arch']),
    l[`${K}instance-generation`] === undefined ? null : Number(l[`${K}instance-generation`]),
    String(l[`${K}instance-hypervisor`] ?? ''),
    milliCpu(r.cpu!),
    mebibytes(r.memory!),
  ];
}

/**
 * The dataset, column by column (`data[c][i]` is column c of type i): 1,391 types compress to ~12 KB
 * gzip this way, ~3 KB less than row by row.
 */
export function buildDataset(read: (file: string) => string) {
  const limits = JSON.parse(read('instance-limits.json')) as LimitRow[];
  const vcpuRows = [
    ...(JSON.parse(read('instance-vcpus.json')) as VcpuRow[]),
    ...(JSON.parse(read('instance-vcpus-extra.json')) as VcpuRow[]),
  ];
  const vcpus = new Map(vcpuRows.map((r) => [r.instanceType, r]));
  const branch = new Map(
    (JSON.parse(read('instance-branch-enis.json')) as BranchRow[]).map((r) => [r.instanceType, r]),
  );
  const karpenter = JSON.parse(read('instance-karpenter.json')) as Record<string, KarpenterRow>;
  const rows = [...limits]
    .sort((a, b) => (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0))
    .map((l) => {
      const v = vcpus.get(l.instanceType);
      const b = branch.get(l.instanceType);
      const cards = l.networkCards.length || 1;
      const totalEnis = l.networkCards.reduce((s, c) => s + c.maxEnis, 0) || l.enis;
      if (l.networkCards.some((c) => c.maxEnis !== l.enis)) {
        throw new Error(`${l.instanceType}: network cards with different ENI counts; the dataset keeps one per type`);
      }
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
        ...karpenterColumns(Object.hasOwn(karpenter, l.instanceType) ? karpenter[l.instanceType] : undefined),
      ];
    });
  return {
    generatedFrom: 'data/aws (see SOURCES.md); regenerate with npm run data',
    dataDate: '2026-08-22',
    provenance: PROVENANCE,
    columns: COLUMNS,
    data: COLUMNS.map((_, c) => rows.map((r) => r[c] ?? null)),
  };
}
