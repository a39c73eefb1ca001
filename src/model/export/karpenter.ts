/**
 * Karpenter v1 manifests: an EC2NodeClass (with `kubelet.maxPods`) and a NodePool per node group.
 * Karpenter computes pod density itself (`ENILimitedPods` in aws/karpenter-provider-aws
 * `pkg/providers/instancetype/types.go` @ 1d927085), which has no notion of
 * custom networking or prefix delegation: hence `kubelet.maxPods`, and `RESERVED_ENIS=1` with custom networking.
 */
import type { InstanceDataset } from '../instances';
import type { NodeGroup, Plan } from '../plan';
import { clusterName, commentSafe, GENERATED_BY, groupSubnets, isSubnetId } from './common';
import { maxPodsSetting } from './max-pods-setting';
import { yamlStream, type YamlMap, type YamlValue } from './yaml';

/**
 * A Kubernetes object name (DNS-1123 subdomain) from a free-text name, unique among `taken`.
 * @example k8sName('GPU Pool', new Set()) === 'gpu-pool'
 */
export function k8sName(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 60) || 'nodes';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}-${i}`;
  taken.add(n);
  return n;
}

function nodeClass(plan: Plan, g: NodeGroup, name: string, maxPods: number | null): YamlMap {
  const cluster = clusterName(plan);
  const subnetTerms: YamlValue[] = groupSubnets(plan, g).map((s) => (isSubnetId(s.name) ? { id: s.name } : { tags: { Name: s.name } }));
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name },
    spec: {
      role: `KarpenterNodeRole-${cluster}`,
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: subnetTerms,
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': cluster } }],
      kubelet: maxPods === null ? undefined : { maxPods },
    },
  };
}

function nodePool(g: NodeGroup, name: string, vcpus: number | null): YamlMap {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name },
          requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: [g.instanceType] }],
        },
      },
      limits: vcpus === null ? undefined : { cpu: g.maxNodes * vcpus },
    },
  };
}

/** The header comment lines: what to replace, and the controller setting custom networking needs. */
function header(plan: Plan): string[] {
  const lines = [
    GENERATED_BY,
    `Karpenter v1 EC2NodeClass and NodePool for each node group of plan "${commentSafe(plan.name)}".`,
    `Replace spec.role with your Karpenter node role; security groups are found by the tag karpenter.sh/discovery=${clusterName(plan)}.`,
    'Subnets are selected by their Name tag (the Terraform export sets it) or their ID.',
  ];
  if (plan.cni.customNetworking) {
    lines.push(
      'Custom networking is on: run the Karpenter controller with RESERVED_ENIS=1',
      '(Helm: --set settings.reservedENIs=1) so it leaves the primary ENI out of its pod density.',
    );
  }
  return lines;
}

/** All manifests as one YAML stream (NodeClass then NodePool per group), for `kubectl apply -f`. */
export function toKarpenter(plan: Plan, dataset: InstanceDataset): string {
  if (plan.nodeGroups.length === 0) return header(plan).concat('The plan has no node groups: nothing to write.').map((l) => `# ${l}`).join('\n') + '\n';
  const taken = new Set<string>();
  const docs: { comments: string[]; value: YamlValue }[] = [];
  plan.nodeGroups.forEach((g, i) => {
    const name = k8sName(g.name, taken);
    const setting = maxPodsSetting(g, plan.cni, dataset);
    const t = dataset.byName.get(g.instanceType);
    const vcpus = t?.vcpus ?? null;
    const classComments = i === 0 ? [...header(plan), ''] : [];
    classComments.push(`Node group ${g.name} (${g.instanceType}): ${setting.reason}.`);
    docs.push({ comments: classComments, value: nodeClass(plan, g, name, setting.value) });
    const poolComments: string[] = [];
    if (vcpus !== null) poolComments.push(`limits.cpu ${g.maxNodes * vcpus} = maxNodes ${g.maxNodes} × ${vcpus} vCPUs.`);
    else poolComments.push(`vCPUs of ${g.instanceType} are unknown: set limits.cpu for maxNodes ${g.maxNodes} by hand.`);
    if (g.minNodes > 0) poolComments.push(`Karpenter keeps no minimum: minNodes ${g.minNodes} is not enforced here.`);
    docs.push({ comments: poolComments, value: nodePool(g, name, vcpus) });
  });
  return yamlStream(docs);
}
