/**
 * EKS Auto Mode manifests: a NodeClass (`eks.amazonaws.com/v1`) and a NodePool (`karpenter.sh/v1`) for each
 * group of kind `auto-mode`. Sources, the EKS user guide (awsdocs/amazon-eks-user-guide, latest/ug/automode/):
 * - `create-node-pool.adoc` ("EKS Auto Mode Supported Labels"): a NodePool references
 *   `nodeClassRef: { group: eks.amazonaws.com, kind: NodeClass }`; Auto Mode uses its own label prefix
 *   `eks.amazonaws.com/` where Karpenter uses `karpenter.k8s.aws/`, keeps `kubernetes.io/arch`,
 *   `node.kubernetes.io/instance-type`, `topology.kubernetes.io/zone` and `karpenter.sh/capacity-type`, and does
 *   not support `kubernetes.io/os` (Linux only); disruption budgets as in Karpenter (default 10% of the nodes).
 * - `create-node-class.adoc` ("Node Class Specification"): `role`, `subnetSelectorTerms`,
 *   `securityGroupSelectorTerms`; `advancedNetworking.ipv4PrefixSize` ("Auto", the default: prefixes, falling
 *   back to secondary IPs; "32": secondary IPs); `podSubnetSelectorTerms` with `podSecurityGroupSelectorTerms`
 *   (set together) for pod subnets; max pods capped at 110, and no kubelet setting in the NodeClass.
 * - `auto-networking.adoc`: the VPC CNI's own settings do not apply; no security groups per pod.
 * A plan field without an Auto Mode equivalent (kubelet max pods, RESERVED_ENIS, the EFA layout) is said in a
 * comment, never dropped silently.
 */
import { AUTO_MODE_WARM_POOL_ASSUMPTION } from '../auto-mode';
import type { InstanceDataset } from '../instances';
import { isPool, type PoolEvaluation } from '../node-pool';
import type { NodeGroup, Plan, PoolRequirement } from '../plan';
import { AUTO_MODE_INSTANCE_LABELS, AUTO_MODE_SHARED_LABELS } from './auto-mode-labels';
import { clusterName, commentSafe, GENERATED_BY } from './common';
import { k8sName, subnetTerms } from './karpenter';
import {
  candidatesNote,
  cpuLimitNote,
  disruptionNote,
  poolCpuLimit,
  poolDisruption,
  poolOf,
  poolRequirements,
} from './pool-export';
import { yamlStream, type YamlMap, type YamlValue } from './yaml';

const K = 'karpenter.k8s.aws/';
const EKS = 'eks.amazonaws.com/';

export { AUTO_MODE_INSTANCE_LABELS, AUTO_MODE_SHARED_LABELS };

/** The IAM role the NodeClass names: a placeholder for the node role the user creates. */
export const AUTO_MODE_NODE_ROLE = 'AmazonEKSAutoNodeRole';

export interface AutoModeRequirement {
  /** The requirement as the NodePool writes it, or null where Auto Mode has no such label. */
  value: YamlMap | null;
  /** Why it was renamed or left out (for the comment), or null when written unchanged. */
  note: string | null;
}

/**
 * One plan requirement in Auto Mode's labels: `karpenter.k8s.aws/X` becomes `eks.amazonaws.com/X` where Auto
 * Mode has X; the shared labels stay; the rest have no Auto Mode label.
 * @example autoModeRequirement({ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p5'] }).value
 *   // { key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['p5'] }
 */
export function autoModeRequirement(r: PoolRequirement): AutoModeRequirement {
  const written = (key: string): YamlMap => ({
    key,
    operator: r.operator,
    values: r.values === undefined ? undefined : [...r.values],
  });
  if (r.key.startsWith(K)) {
    const label = r.key.slice(K.length);
    if ((AUTO_MODE_INSTANCE_LABELS as readonly string[]).includes(label)) {
      return { value: written(EKS + label), note: null };
    }
    return { value: null, note: `${r.key} has no Auto Mode label (eks.amazonaws.com/ has no ${label})` };
  }
  if ((AUTO_MODE_SHARED_LABELS as readonly string[]).includes(r.key)) return { value: written(r.key), note: null };
  if (r.key === 'kubernetes.io/os') {
    return { value: null, note: 'kubernetes.io/os: Auto Mode runs Linux only and does not take the label' };
  }
  return { value: null, note: `${r.key} is not a label Auto Mode supports` };
}

/**
 * The NodePool requirements in Auto Mode's labels. Where one has no Auto Mode label, the candidates the plan's
 * requirements select are pinned by name instead (node.kubernetes.io/instance-type In …), so the pool selects
 * exactly the types the plan evaluated.
 */
export function autoModeRequirements(
  g: NodeGroup,
  pool: PoolEvaluation | null,
): { requirements: YamlMap[]; notes: string[] } {
  if (!isPool(g)) {
    return {
      requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: [g.instanceType] }],
      notes: [],
    };
  }
  const out = (g.requirements ?? []).map(autoModeRequirement);
  const notes = out.flatMap((r) => (r.note ? [`Left out: ${r.note}.`] : []));
  const requirements = out.flatMap((r) => (r.value ? [r.value] : []));
  const renamed = out.some((r) => r.value && String(r.value.key).startsWith(EKS));
  const lines: string[] = [];
  if (renamed)
    lines.push("Requirements as in the plan, karpenter.k8s.aws/ labels written as Auto Mode's eks.amazonaws.com/.");
  if (notes.length && pool) {
    const names = [...pool.list, ...pool.tooSmall].map((c) => c.instanceType).sort();
    requirements.push({ key: 'node.kubernetes.io/instance-type', operator: 'In', values: names });
    lines.push(...notes, `So the ${names.length} candidate types the plan evaluated are listed by name instead.`);
  }
  if (requirements.length === 0) requirements.push(...poolRequirements(g));
  return { requirements, notes: lines };
}

function nodeClass(plan: Plan, g: NodeGroup, name: string): YamlMap {
  const cluster = clusterName(plan);
  const sg = [{ tags: { 'aws:eks:cluster-name': cluster } }];
  const pods = g.podSubnets?.length ? subnetTerms(plan, g.podSubnets) : undefined;
  return {
    apiVersion: 'eks.amazonaws.com/v1',
    kind: 'NodeClass',
    metadata: { name },
    spec: {
      role: AUTO_MODE_NODE_ROLE,
      subnetSelectorTerms: subnetTerms(plan, g.subnets),
      securityGroupSelectorTerms: sg,
      podSubnetSelectorTerms: pods,
      podSecurityGroupSelectorTerms: pods ? sg : undefined,
      advancedNetworking: { ipv4PrefixSize: g.ipv4PrefixSize ?? 'Auto' },
    },
  };
}

/** The comment lines of a group's NodeClass: what Auto Mode does with each plan field that changes addresses. */
function classNotes(g: NodeGroup, pool: PoolEvaluation | null): string[] {
  const lines = [`Node ${pool ? 'pool' : 'group'} ${g.name} (EKS Auto Mode):`];
  if (pool) lines.push(...candidatesNote(pool, g));
  else lines.push(`instance type ${g.instanceType}, ${g.maxNodes} nodes at max.`);
  lines.push(
    g.ipv4PrefixSize === '32'
      ? 'ipv4PrefixSize "32": secondary IPs, one address per pod (for sparse pools such as GPU nodes).'
      : 'ipv4PrefixSize Auto (the default): /28 prefixes, falling back to secondary IPs where no /28 is free.',
  );
  if (g.podSubnets?.length) {
    lines.push(
      "Pod addresses come from the pod subnets (podSubnetSelectorTerms, each in its node's AZ); Auto Mode takes",
      'the pod security groups with them (podSecurityGroupSelectorTerms, here the cluster security group).',
    );
  }
  lines.push(`${AUTO_MODE_WARM_POOL_ASSUMPTION}.`);
  if (g.maxPods !== null && g.maxPods !== undefined) {
    lines.push(
      `No Auto Mode equivalent: max pods ${g.maxPods} (the plan's maxPods). The NodeClass has no kubelet setting;`,
      'Auto Mode caps every node at 110 pods after its own calculation.',
    );
  }
  if (g.reservedEnis !== undefined) {
    lines.push(`No Auto Mode equivalent: RESERVED_ENIS=${g.reservedEnis} (a Karpenter controller setting).`);
  }
  if (g.efaLayout !== undefined && g.efaLayout !== 'none') {
    lines.push(
      `No Auto Mode equivalent written: the EFA layout ${g.efaLayout} (the NodeClass specification in the EKS guide`,
      'has no field for launch interfaces).',
    );
  }
  return lines;
}

/** The groups this export writes: those of kind auto-mode. */
export function autoModeGroups(plan: Plan): NodeGroup[] {
  return plan.nodeGroups.filter((g) => g.kind === 'auto-mode');
}

function header(plan: Plan): string[] {
  const lines = [
    GENERATED_BY,
    `EKS Auto Mode NodeClass and NodePool for each Auto Mode node group of plan "${commentSafe(plan.name)}".`,
    `Replace spec.role with your Auto Mode node role (${AUTO_MODE_NODE_ROLE} is the EKS guide's name)`,
    'and give it an access entry of type EC2 with AmazonEKSAutoNodePolicy; security groups are found by the tag',
    'EKS puts on the cluster security group (aws:eks:cluster-name). Subnets are selected by their Name tag or ID.',
    "The plan's VPC CNI settings do not apply to Auto Mode nodes: Auto Mode runs its own networking.",
  ];
  const skipped = plan.nodeGroups.filter((g) => g.kind !== 'auto-mode');
  if (skipped.length)
    lines.push(`Not EKS Auto Mode in the plan, so not written here: ${skipped.map((g) => g.name).join(', ')}.`);
  return lines;
}

/** All manifests as one YAML stream (NodeClass then NodePool per group), for `kubectl apply -f`. */
export function toAutoMode(plan: Plan, dataset: InstanceDataset): string {
  const groups = autoModeGroups(plan);
  if (groups.length === 0) {
    const lines = header(plan).concat('The plan has no node group of kind auto-mode: nothing to write.');
    return lines.map((l) => `# ${commentSafe(l)}`).join('\n') + '\n';
  }
  const taken = new Set<string>();
  const docs: { comments: string[]; value: YamlValue }[] = [];
  groups.forEach((g, i) => {
    const name = k8sName(g.name, taken);
    const pool = isPool(g) ? poolOf(g, plan.cni, dataset) : null;
    const reqs = autoModeRequirements(g, pool);
    const classComments = [...(i === 0 ? [...header(plan), ''] : []), ...classNotes(g, pool)];
    docs.push({ comments: classComments, value: nodeClass(plan, g, name) });
    const limit = pool ? poolCpuLimit(pool, g, dataset) : null;
    const vcpus = dataset.byName.get(g.instanceType)?.vcpus ?? null;
    const cpu = pool ? limit?.cpu : vcpus === null ? undefined : g.maxNodes * vcpus;
    const poolComments = [
      ...reqs.notes,
      pool
        ? cpuLimitNote(limit, g)
        : cpu !== undefined
          ? `limits.cpu ${cpu} = maxNodes ${g.maxNodes} × ${vcpus} vCPUs.`
          : `vCPUs of ${g.instanceType} are unknown: set limits.cpu for maxNodes ${g.maxNodes} by hand.`,
      ...(pool ? disruptionNote(g) : []),
      'Auto Mode launches only the instance types it supports (EKS guide: automode-learn-instances).',
    ];
    docs.push({
      comments: poolComments,
      value: {
        apiVersion: 'karpenter.sh/v1',
        kind: 'NodePool',
        metadata: { name },
        spec: {
          template: {
            spec: {
              nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name },
              requirements: reqs.requirements,
            },
          },
          disruption: poolDisruption(g),
          limits: cpu === undefined ? undefined : { cpu },
        },
      },
    });
  });
  return yamlStream(docs);
}
