/**
 * What the Karpenter and EKS Auto Mode exports share for a node pool (a group with `requirements`): its
 * candidates, the NodePool's requirements as written in the plan, its disruption budget and the cpu limit
 * that lets any candidate reach pods.max. Both tools read the same `karpenter.sh/v1` NodePool (the Auto Mode
 * one references an `eks.amazonaws.com` NodeClass instead of an EC2NodeClass).
 */
import type { InstanceDataset } from '../instances';
import { evaluatePool, type PoolEvaluation } from '../node-pool';
import type { CniSettings, NodeGroup } from '../plan';
import type { YamlMap } from './yaml';

/** The requirements exactly as the plan writes them (no `values` key where the plan has none). */
export function poolRequirements(g: NodeGroup): YamlMap[] {
  return (g.requirements ?? []).map((r) => ({
    key: r.key,
    operator: r.operator,
    values: r.values === undefined ? undefined : [...r.values],
  }));
}

/**
 * `spec.disruption` for the plan's budget, or undefined when the plan has none (Karpenter's default budget,
 * 10% of the nodes, then stands). The CRD requires `consolidateAfter` once `disruption` is written: it and
 * `consolidationPolicy` are Karpenter's own defaults.
 */
export function poolDisruption(g: NodeGroup): YamlMap | undefined {
  if (g.disruptionBudget === undefined) return undefined;
  return {
    consolidationPolicy: 'WhenEmptyOrUnderutilized',
    consolidateAfter: '0s',
    budgets: [{ nodes: String(g.disruptionBudget) }],
  };
}

export interface PoolCpuLimit {
  /** vCPUs: the most any candidate needs for pods.max plus the nodes a disruption replaces at once. */
  cpu: number;
  instanceType: string;
  nodes: number;
  vcpus: number;
}

/**
 * The NodePool's `limits.cpu`: the largest (nodes at pods.max + disruption budget) × vCPUs over the candidates,
 * so the limit never stops Karpenter short of the plan's pods whichever candidate it launches.
 * @example the GPU pool (p4d, p5, p5en; 512 pods of 1 GPU): p5.48xlarge 64 nodes × 192 = 12288
 */
export function poolCpuLimit(pool: PoolEvaluation, g: NodeGroup, dataset: InstanceDataset): PoolCpuLimit | null {
  let best: PoolCpuLimit | null = null;
  for (const c of pool.list) {
    const vcpus = dataset.byName.get(c.instanceType)?.vcpus;
    if (vcpus === null || vcpus === undefined) continue;
    const nodes = c.nodes + (g.disruptionBudget ?? 0);
    const cpu = nodes * vcpus;
    if (!best || cpu > best.cpu) best = { cpu, instanceType: c.instanceType, nodes, vcpus };
  }
  return best;
}

/** The comment line for the cpu limit. */
export function cpuLimitNote(limit: PoolCpuLimit | null, g: NodeGroup): string {
  if (!limit) return 'The vCPUs of the candidates are unknown: set limits.cpu by hand.';
  const budget = g.disruptionBudget ? ` (+ ${g.disruptionBudget} being replaced)` : '';
  return (
    `limits.cpu ${limit.cpu}: the most any candidate needs for pods.max ${g.pods!.max}: ` +
    `${limit.nodes - (g.disruptionBudget ?? 0)} ${limit.instanceType} nodes${budget} × ${limit.vcpus} vCPUs.`
  );
}

/** The comment lines for the disruption budget. */
export function disruptionNote(g: NodeGroup): string[] {
  if (g.disruptionBudget === undefined) {
    return ['No disruption budget in the plan: the default budget (10% of the nodes at once) stands.'];
  }
  return [
    `disruption.budgets nodes "${g.disruptionBudget}" (the plan's disruptionBudget): at most that many nodes are`,
    'replaced at once by drift or consolidation, their addresses held twice meanwhile (the plan counts them at max).',
  ];
}

/** The pool's candidates, worst first; null when the requirements select none that runs the pod. */
export function poolOf(g: NodeGroup, cni: CniSettings, dataset: InstanceDataset): PoolEvaluation | null {
  return evaluatePool(g, cni, dataset);
}

/** Comment lines: the candidates and the worst and best of them. */
export function candidatesNote(pool: PoolEvaluation, g: NodeGroup): string[] {
  const pick = (p: PoolEvaluation['worst']) => {
    const pods = `${p.podsPerNode} pod${p.podsPerNode === 1 ? '' : 's'}`;
    return `${p.instanceType} (${p.nodes} nodes of ${pods}, ${p.addresses} addresses)`;
  };
  const small = pool.tooSmall.length ? ` (${pool.tooSmall.length} of them too small for one pod)` : '';
  return [
    `${pool.candidates} candidate types from the requirements, written as in the plan${small}.`,
    `At pods.max ${g.pods!.max} the subnets must hold the worst, ${pick(pool.worst)};`,
    `the best is ${pick(pool.best)}.`,
  ];
}
