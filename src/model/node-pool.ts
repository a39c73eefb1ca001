/**
 * Node pools that choose their own instance types (karpenter-provider-aws @ 1d927085): a Karpenter NodePool's requirements
 * select the candidate types from Karpenter's well-known labels; the workload is pods with requests, not
 * nodes. For each candidate: pods per node = min(effective max pods, ⌊allocatable cpu ÷ cpu request⌋,
 * ⌊allocatable memory ÷ memory request⌋, ⌊devices ÷ device request⌋); nodes = ⌈pods ÷ pods per node⌉.
 * Karpenter may launch any candidate, so the subnets must hold the worst (most addresses for the same
 * pods); the best is shown beside it.
 *
 * Labels and allocatable resources come from Karpenter's instance-types table (karpenter-provider-aws
 * `website/content/en/docs/reference/instance-types.md` @ 1d927085, AL2023), in the dataset's `ai` facts.
 * DaemonSet pods are not subtracted from allocatable (the planner does not know them).
 */
import { groupCni } from './auto-mode';
import type { InstanceDataset, InstanceType } from './instances';
import type { CniSettings, NodeGroup, PoolRequirement } from './plan';
import { nodeInputOf } from './placement';
import { cpuMillis, memoryMiB, parseQuantity } from './quantity';
import type { ValidationIssue } from './plan-schema';
import { nodeAccounting, type NodeAccounting } from './warm-pool';

const K = 'karpenter.k8s.aws/';

/** The labels a requirement may name, and how each is read off a type (undefined: the label is absent). */
export const POOL_LABELS: Record<string, (t: InstanceType) => string | number | undefined> = {
  [`${K}instance-category`]: (t) => /^[a-z]+/.exec(t.name)?.[0],
  [`${K}instance-family`]: (t) => t.name.split('.')[0],
  [`${K}instance-generation`]: (t) => t.ai?.generation ?? undefined,
  [`${K}instance-size`]: (t) => t.name.split('.')[1],
  [`${K}instance-cpu`]: (t) => t.vcpus ?? undefined,
  [`${K}instance-memory`]: (t) => t.memoryMiB ?? undefined,
  [`${K}instance-gpu-count`]: (t) => (t.ai?.gpus ? t.ai.gpus : undefined),
  [`${K}instance-gpu-name`]: (t) => t.ai?.gpuName ?? undefined,
  [`${K}instance-gpu-manufacturer`]: (t) => t.ai?.gpuManufacturer ?? undefined,
  [`${K}instance-gpu-memory`]: (t) => t.ai?.gpuMemoryMiB ?? undefined,
  [`${K}instance-accelerator-count`]: (t) => (t.ai?.accelerators ? t.ai.accelerators : undefined),
  [`${K}instance-accelerator-name`]: (t) => t.ai?.acceleratorName ?? undefined,
  [`${K}instance-accelerator-manufacturer`]: (t) => t.ai?.acceleratorManufacturer ?? undefined,
  [`${K}instance-hypervisor`]: (t) => t.ai?.hypervisorLabel,
  'kubernetes.io/arch': (t) => t.ai?.arch,
  'kubernetes.io/os': (t) => (t.ai ? 'linux' : undefined),
  'node.kubernetes.io/instance-type': (t) => t.name,
};

/** Well-known keys that do not select instance types; accepted and not used to filter (capacity type). */
export const NON_TYPE_LABELS = new Set([
  'karpenter.sh/capacity-type',
  'topology.kubernetes.io/zone',
  'karpenter.sh/nodepool',
]);

export { POOL_OPERATORS } from './plan-schema';

/** Extended resources a pod may request, and the type's count of each. */
export const POOL_DEVICES: Record<string, (t: InstanceType) => number> = {
  'nvidia.com/gpu': (t) => (t.ai?.gpuManufacturer === 'nvidia' ? t.ai.gpus : 0),
  'amd.com/gpu': (t) => (t.ai?.gpuManufacturer === 'amd' ? t.ai.gpus : 0),
  'aws.amazon.com/neuron': (t) => (t.ai?.acceleratorManufacturer === 'aws' ? t.ai.accelerators : 0),
  'aws.amazon.com/neuroncore': (t) => t.ai?.neuronCores ?? 0,
  'vpc.amazonaws.com/efa': (t) => t.ai?.efa ?? 0,
};

/** Does one requirement hold for a type? Kubernetes node-selector semantics (NotIn and DoesNotExist match an absent label). */
export function requirementHolds(r: PoolRequirement, t: InstanceType): boolean {
  if (NON_TYPE_LABELS.has(r.key)) return true;
  const v = POOL_LABELS[r.key]?.(t);
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return v !== undefined && values.includes(String(v));
    case 'NotIn':
      return v === undefined || !values.includes(String(v));
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
      return v !== undefined && Number(v) > Number(values[0]);
    case 'Lt':
      return v !== undefined && Number(v) < Number(values[0]);
  }
}

/**
 * The types a pool's requirements select: those with Karpenter labels (the 28 types without are never
 * candidates) for which every requirement holds, by name.
 * @example matchRequirements(dataset, [{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p5'] }]) // [p5.48xlarge, p5.4xlarge]
 */
export function matchRequirements(dataset: InstanceDataset, reqs: readonly PoolRequirement[]): InstanceType[] {
  return dataset.types.filter((t) => t.ai && reqs.every((r) => requirementHolds(r, t)));
}

/** What is wrong with the requirements (keys, operators, values), each naming the field and the fix. */
export function requirementIssues(reqs: readonly PoolRequirement[], path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  reqs.forEach((r, i) => {
    const p = `${path}[${i}]`;
    if (!POOL_LABELS[r.key] && !NON_TYPE_LABELS.has(r.key)) {
      const near = Object.keys(POOL_LABELS).find((k) => k.endsWith(r.key.replace(/^.*\//, ''))) ?? null;
      issues.push({
        path: `${p}.key`,
        message: `unknown label key "${r.key}"${near ? ` (did you mean "${near}"?)` : ''}; use one of Karpenter's well-known labels such as ${K}instance-family`,
      });
      return;
    }
    const values = r.values ?? [];
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) {
      issues.push({
        path: `${p}.values`,
        message: `${r.operator} needs at least one value; add values or use Exists / DoesNotExist`,
      });
    }
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) {
      issues.push({ path: `${p}.values`, message: `${r.operator} takes no values; remove them` });
    }
    if (r.operator === 'Gt' || r.operator === 'Lt') {
      if (values.length !== 1 || !/^-?\d+$/.test(values[0]!.trim())) {
        issues.push({
          path: `${p}.values`,
          message: `${r.operator} needs exactly one whole number, got ${JSON.stringify(values)}; e.g. ["8"]`,
        });
      }
    }
  });
  return issues;
}

/** A pod's requests, read: CPU in millicores, memory in MiB, devices by resource name. */
export interface PodRequestsRead {
  cpuMilli: number;
  memoryMiB: number;
  devices: [string, number][];
}

/** Reads `podRequests`, or says which field does not parse and how to write it. */
export function readPodRequests(
  req: Readonly<Record<string, string | number>> | undefined,
  path: string,
): { ok: true; value: PodRequestsRead } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const out: PodRequestsRead = { cpuMilli: 0, memoryMiB: 0, devices: [] };
  for (const [k, v] of Object.entries(req ?? {})) {
    const p = `${path}.${k}`;
    if (k === 'cpu') {
      const n = cpuMillis(v);
      if (n === null)
        issues.push({ path: p, message: `cpu "${v}" is not a Kubernetes quantity; write e.g. "500m", "2" or "0.5"` });
      else out.cpuMilli = n;
    } else if (k === 'memory') {
      const n = memoryMiB(v);
      if (n === null)
        issues.push({
          path: p,
          message: `memory "${v}" is not a Kubernetes quantity; write e.g. "512Mi", "16Gi" or "1G"`,
        });
      else out.memoryMiB = n;
    } else if (POOL_DEVICES[k]) {
      const n = parseQuantity(v);
      if (n === null || !Number.isInteger(n))
        issues.push({ path: p, message: `${k} must be a whole number of devices, got ${JSON.stringify(v)}` });
      else if (n > 0) out.devices.push([k, n]);
    } else {
      issues.push({
        path: p,
        message: `unknown resource "${k}"; use cpu, memory or one of ${Object.keys(POOL_DEVICES).join(', ')}`,
      });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}

/** What limits a candidate's pods per node. */
export type PoolLimit = 'max-pods' | 'cpu' | 'memory' | 'devices';

export interface PoolCandidate {
  instanceType: string;
  /** Pods of this request that fit on one node (0: the type can never run the pod). */
  podsPerNode: number;
  limitedBy: PoolLimit;
  /** Nodes for pods.max (0 when the type cannot run the pod). */
  nodes: number;
  /** Addresses per node with podsPerNode pods, all subnets together. */
  perNodeIps: number;
  /** Addresses of all nodes at pods.max. */
  addresses: number;
}

/** The worst or best candidate, in the shape `evaluate --json` prints (contract §4). */
export interface PoolPick {
  instanceType: string;
  podsPerNode: number;
  nodes: number;
  addresses: number;
}

export interface PoolEvaluation {
  /** Types the requirements select. */
  candidates: number;
  /** Every candidate that can run the pod, most addresses first. */
  list: PoolCandidate[];
  /** Candidates too small for one pod, with what they lack. */
  tooSmall: PoolCandidate[];
  worst: PoolPick;
  best: PoolPick;
}

export const isPool = (g: Pick<NodeGroup, 'requirements'>): boolean => g.requirements !== undefined;

/**
 * One candidate type's figures for a pool group: its node with as many pods as fit (the rest of the
 * group's settings unchanged), and the nodes and addresses at pods.max.
 */
export function poolCandidate(
  t: InstanceType,
  cni: CniSettings,
  g: NodeGroup,
  req: PodRequestsRead,
  podsMax: number,
): PoolCandidate {
  const capacity = nodeAccounting(t, cni, { ...nodeInputOf(g), pods: 0 }).effectiveMaxPods;
  const limits: [PoolLimit, number][] = [['max-pods', capacity]];
  const ai = t.ai!;
  if (req.cpuMilli > 0) limits.push(['cpu', Math.floor(ai.allocatableCpuMilli / req.cpuMilli)]);
  if (req.memoryMiB > 0) limits.push(['memory', Math.floor(ai.allocatableMemoryMiB / req.memoryMiB)]);
  for (const [k, n] of req.devices) limits.push(['devices', Math.floor(POOL_DEVICES[k]!(t) / n)]);
  let [limitedBy, podsPerNode] = limits[0]!;
  for (const [l, n] of limits) if (n < podsPerNode) [limitedBy, podsPerNode] = [l, n];
  podsPerNode = Math.max(0, podsPerNode);
  if (podsPerNode === 0)
    return { instanceType: t.name, podsPerNode: 0, limitedBy, nodes: 0, perNodeIps: 0, addresses: 0 };
  const per: NodeAccounting = nodeAccounting(t, cni, { ...nodeInputOf(g), pods: podsPerNode });
  const nodes = Math.ceil(podsMax / podsPerNode);
  return {
    instanceType: t.name,
    podsPerNode,
    limitedBy,
    nodes,
    perNodeIps: per.totalIps,
    addresses: nodes * per.totalIps,
  };
}

const pick = (c: PoolCandidate): PoolPick => ({
  instanceType: c.instanceType,
  podsPerNode: c.podsPerNode,
  nodes: c.nodes,
  addresses: c.addresses,
});

/**
 * The candidates of a pool group, or null when the group is no pool, selects no type or fits its pod on none
 * (validatePlan reports those).
 */
export function evaluatePool(g: NodeGroup, cni: CniSettings, dataset: InstanceDataset): PoolEvaluation | null {
  if (!g.requirements || !g.pods) return null;
  // validatePlan evaluates each pool to fill in its group, and evaluate() the same pool again: remembered by
  // content (the group less the fields filled in from it, and the CNI settings), so an edited copy is never
  // mistaken for the original. The results are frozen: shared between callers, they must not be changed.
  let memo = poolMemo.get(dataset);
  if (!memo) poolMemo.set(dataset, (memo = new Map()));
  const key = JSON.stringify([canonicalGroup(g), cni]);
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const pool = computePool(g, cni, dataset);
  if (pool) for (const o of [pool, pool.list, pool.tooSmall]) Object.freeze(o);
  memo.set(key, pool);
  if (memo.size > POOL_MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return pool;
}

/** The pools evaluated lately, per dataset: enough for a workspace's scenarios and the advisor's variants. */
const poolMemo = new WeakMap<InstanceDataset, Map<string, PoolEvaluation | null>>();
const POOL_MEMO_SIZE = 64;

/** evaluatePool's work; `g` is a pool (requirements and pods). */
function computePool(g: NodeGroup, cni: CniSettings, dataset: InstanceDataset): PoolEvaluation | null {
  if (!g.requirements || !g.pods) return null;
  const req = readPodRequests(g.podRequests, '');
  if (!req.ok) return null;
  const types = matchRequirements(dataset, g.requirements);
  const own = groupCni(cni, g);
  const all = types.map((t) => poolCandidate(t, own, g, req.value, g.pods!.max));
  const list = all
    .filter((c) => c.podsPerNode > 0)
    .sort((a, b) => b.addresses - a.addresses || b.nodes - a.nodes || (a.instanceType < b.instanceType ? -1 : 1));
  if (list.length === 0) return null;
  return {
    candidates: types.length,
    list,
    tooSmall: all.filter((c) => c.podsPerNode === 0),
    worst: pick(list[0]!),
    best: pick(list[list.length - 1]!),
  };
}

/**
 * The concrete node group a pool stands for when one candidate is launched: its type, pods per node and the
 * nodes for pods min/desired/max, plus the disruption budget's replacement nodes at max (their addresses
 * are taken twice while drift or consolidation runs).
 */
export function poolAsGroup(g: NodeGroup, c: PoolPick): NodeGroup {
  const pods = g.pods!;
  const nodes = (n: number) => Math.ceil(n / c.podsPerNode);
  return {
    ...g,
    instanceType: c.instanceType,
    podsPerNode: c.podsPerNode,
    minNodes: nodes(pods.min),
    desiredNodes: nodes(pods.desired),
    maxNodes: nodes(pods.max) + (g.disruptionBudget ?? 0),
  };
}

const FIXED_FIELDS = ['instanceType', 'minNodes', 'desiredNodes', 'maxNodes', 'podsPerNode'] as const;

/**
 * Checks every pool group of a freshly parsed plan and fills in its concrete fields with the worst
 * candidate (so the rest of the model sees an ordinary group); checks that a fixed group has its fields.
 * Returns the problems, each naming the field and the fix; the plan is unusable when there are any.
 */
export function resolvePools(
  plan: { nodeGroups: NodeGroup[]; cni: CniSettings },
  dataset: InstanceDataset,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  plan.nodeGroups.forEach((g, i) => {
    const p = `nodeGroups[${i}]`;
    if (!isPool(g)) {
      for (const f of FIXED_FIELDS) {
        if (g[f] === undefined)
          issues.push({
            path: `${p}.${f}`,
            message: `${p}.${f} is missing; add it (or give requirements, pods and podRequests for a node pool)`,
          });
      }
      if (g.pods !== undefined || g.podRequests !== undefined) {
        issues.push({
          path: `${p}.requirements`,
          message: `pods and podRequests describe a node pool; add requirements (e.g. [{"key": "${K}instance-family", "operator": "In", "values": ["m5"]}]) or remove them`,
        });
      }
      return;
    }
    const kind = g.kind ?? 'self-managed';
    if (kind !== 'karpenter' && kind !== 'auto-mode') {
      issues.push({
        path: `${p}.kind`,
        message: `requirements choose instance types for Karpenter or EKS Auto Mode; set kind to "karpenter" or "auto-mode" (got "${kind}")`,
      });
      return;
    }
    const reqIssues = requirementIssues(g.requirements!, `${p}.requirements`);
    if (!g.pods)
      issues.push({
        path: `${p}.pods`,
        message: `a node pool needs its workload: pods {"min": 0, "desired": 64, "max": 512}`,
      });
    else if (g.pods.min > g.pods.desired || g.pods.desired > g.pods.max) {
      issues.push({
        path: `${p}.pods`,
        message: `pods must be min ≤ desired ≤ max, got ${g.pods.min}/${g.pods.desired}/${g.pods.max}`,
      });
    }
    const req = readPodRequests(g.podRequests, `${p}.podRequests`);
    if (!req.ok) issues.push(...req.issues);
    if (reqIssues.length) issues.push(...reqIssues);
    if (reqIssues.length || !req.ok || !g.pods) return;
    const types = matchRequirements(dataset, g.requirements!);
    if (types.length === 0) {
      issues.push({
        path: `${p}.requirements`,
        message:
          'the requirements select no instance type (of the types with Karpenter labels); loosen one, e.g. remove a NotIn or widen an In',
      });
      return;
    }
    const pool = evaluatePool(g, plan.cni, dataset);
    if (!pool) {
      const c = poolCandidate(types[0]!, groupCni(plan.cni, g), g, req.value, 1);
      issues.push({
        path: `${p}.podRequests`,
        message: `the pod fits on none of the ${types.length} candidate types (e.g. ${types[0]!.name}: limited by ${c.limitedBy}); lower the requests or select larger types`,
      });
      return;
    }
    const worst = poolAsGroup(g, pool.worst);
    for (const f of FIXED_FIELDS) (g as unknown as Record<string, unknown>)[f] = worst[f];
  });
  return issues;
}

/** A group as a plan file writes it: a pool without the fields the model fills in. */
export function canonicalGroup(g: NodeGroup): NodeGroup {
  if (!isPool(g)) return g;
  const out: Record<string, unknown> = { ...g };
  for (const f of FIXED_FIELDS) delete out[f];
  return out as unknown as NodeGroup;
}
