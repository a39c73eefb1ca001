/**
 * Failure and surge scenarios: plan → changed plan → evaluation, so the same model says which subnets
 * run out when an AZ is lost or when a node-group upgrade surges.
 */
import { evaluate, type FullEvaluation } from './evaluate';
import type { InstanceDataset } from './instances';
import type { Plan } from './plan';
import { validatePlan } from './validate-plan';

/**
 * EKS creates new control-plane ENIs on every version upgrade: up to 8 addresses (EKS User Guide
 * `latest/ug/networking/network-reqs.adoc`: 2–4 cluster ENIs, new ones on every upgrade).
 */
export const UPGRADE_CONTROL_PLANE_IPS = 8;

export interface ScenarioResult {
  /** The changed plan (valid input to validatePlan and evaluate when `evaluation` is not null). */
  plan: Plan;
  evaluation: FullEvaluation | null;
  /** Subnets that do not hold every group at max in the scenario. */
  exhausted: { name: string; usedAtMax: number; usable: number; exhaustedAtNodes: number | null }[];
  /** What the scenario did, in words (groups stranded, surge per group, subnets given the control-plane ENIs). */
  notes: string[];
}

function run(plan: Plan, dataset: InstanceDataset, notes: string[]): ScenarioResult {
  const v = validatePlan(plan, dataset);
  if (!v.ok)
    return {
      plan,
      evaluation: null,
      exhausted: [],
      notes: [...notes, ...v.issues.map((i) => `${i.path}: ${i.message}`)],
    };
  const evaluation = evaluate(v.plan, dataset, v.warnings);
  const exhausted = evaluation.subnets
    .filter((s) => !s.fitsAtMax)
    .map((s) => ({ name: s.name, usedAtMax: s.used.max, usable: s.usable, exhaustedAtNodes: s.exhaustedAtNodes }));
  return { plan: v.plan, evaluation, exhausted, notes };
}

/**
 * The plan with AZ `az` gone: its subnets leave every group's `subnets` and `podSubnets`, node counts stay,
 * so the group's nodes spread over the remaining AZs. A group left with no launch subnet is dropped (its
 * nodes have nowhere to go; named in `notes`). The AZ's subnets stay in the VPC, unused.
 * @example withoutAz(SMALL_ROUTABLE_VPC, 'us-east-1c') // general on nodes-a, nodes-b: 9 nodes → 5 + 4
 */
export function withoutAz(plan: Plan, az: string): { plan: Plan; stranded: string[] } {
  const next = structuredClone(plan);
  const inAz = new Set(plan.vpc.subnets.filter((s) => s.az === az).map((s) => s.name));
  const stranded: string[] = [];
  next.nodeGroups = next.nodeGroups.filter((g) => {
    g.subnets = g.subnets.filter((n) => !inAz.has(n));
    if (g.podSubnets) g.podSubnets = g.podSubnets.filter((n) => !inAz.has(n));
    if (g.subnets.length === 0) stranded.push(g.name);
    return g.subnets.length > 0;
  });
  return { plan: next, stranded };
}

/**
 * Loses AZ `az` (see withoutAz) and evaluates: which subnets run out with the nodes moved.
 * @example loseAz(SMALL_ROUTABLE_VPC, 'us-east-1c', dataset).exhausted.map((s) => s.name)
 *   // ['nodes-a', 'nodes-b']: 5 and 4 m5.16xlarge × 100 + 8 reserved against 251
 */
export function loseAz(plan: Plan, az: string, dataset: InstanceDataset): ScenarioResult {
  if (!plan.vpc.subnets.some((s) => s.az === az)) {
    return { ...run(plan, dataset, []), notes: [`no subnet is in ${az}: nothing changes`] };
  }
  const { plan: next, stranded } = withoutAz(plan, az);
  const notes = [`${az} lost: its subnets leave every node group; node counts stay`];
  if (stranded.length) notes.push(`${stranded.join(', ')} had subnets only in ${az}: dropped (nowhere to launch)`);
  return run(next, dataset, notes);
}

export interface SurgeOptions {
  /** Extra nodes per group at once: a count, or a percentage of maxNodes such as '10%' (rounded up). */
  maxSurge?: number | `${number}%`;
  /** The group's updateConfig maxUnavailable (EKS default 1). */
  maxUnavailable?: number;
  /** Addresses EKS may take for new control-plane ENIs during the upgrade (default 8). */
  controlPlaneIps?: number;
}

/**
 * Surge nodes per group. Default: what EKS managed node groups do in the scale-up phase of an update,
 * "the larger of up to twice the number of AZs the Auto Scaling group is in, and maxUnavailable" (EKS User
 * Guide, "Understand each phase of node updates"; maxUnavailable defaults to 1), so 6 for a 3-AZ group.
 * @example surgeNodes(3-AZ group of max 9, {}) === 6; surgeNodes(group of max 45, { maxSurge: '10%' }) === 5
 */
export function surgeNodes(plan: Plan, groupIndex: number, o: SurgeOptions = {}): number {
  const g = plan.nodeGroups[groupIndex]!;
  if (o.maxSurge !== undefined) {
    if (typeof o.maxSurge === 'number') return Math.max(0, Math.floor(o.maxSurge));
    const pct = Number(o.maxSurge.slice(0, -1));
    return Number.isFinite(pct) ? Math.max(1, Math.ceil((Math.max(0, pct) * g.maxNodes) / 100 - 1e-9)) : 1;
  }
  const byName = new Map(plan.vpc.subnets.map((s) => [s.name, s.az]));
  const azs = new Set(g.subnets.map((n) => byName.get(n)));
  return Math.max(2 * azs.size, o.maxUnavailable ?? 1);
}

/**
 * The plan during a node-group upgrade: every group (with nodes) adds its surge to desiredNodes and
 * maxNodes at once, and the cluster subnets carry `controlPlaneIps` more reserved addresses. Which
 * subnets are the cluster subnets is not in the plan: those no group uses (dedicated cluster subnets,
 * as the best-practices guide suggests), or if there are none, the first subnet of each AZ in plan
 * order. Each gets the full 8, since EKS may put all new ENIs in any one of them.
 * @example withSurge(EXPANDED_VPC): general 3/60 → 9/66 nodes; nodes-a/b/c reservedIps 8 → 16
 */
export function withSurge(plan: Plan, o: SurgeOptions = {}): { plan: Plan; surge: number[]; clusterSubnets: string[] } {
  const next = structuredClone(plan);
  const surge = plan.nodeGroups.map((g, i) => (g.maxNodes > 0 ? surgeNodes(plan, i, o) : 0));
  next.nodeGroups.forEach((g, i) => {
    g.maxNodes += surge[i]!;
    g.desiredNodes += surge[i]!;
  });
  const used = new Set(plan.nodeGroups.flatMap((g) => [...g.subnets, ...(g.podSubnets ?? [])]));
  let cluster = next.vpc.subnets.filter((s) => !used.has(s.name));
  if (cluster.length === 0) {
    const seen = new Set<string>();
    cluster = next.vpc.subnets.filter((s) => !seen.has(s.az) && seen.add(s.az));
  }
  const extra = Math.max(0, o.controlPlaneIps ?? UPGRADE_CONTROL_PLANE_IPS);
  for (const s of cluster) s.reservedIps = (s.reservedIps ?? 0) + extra;
  return { plan: next, surge, clusterSubnets: cluster.map((s) => s.name) };
}

/**
 * Evaluates the upgrade surge (see withSurge): which subnets run out with every group at max + surge.
 * @example upgradeSurge(SMALL_ROUTABLE_VPC, {}, dataset): 9 + 6 nodes, nodes-a/b/c also carry +8 → 16 reserved
 */
export function upgradeSurge(plan: Plan, o: SurgeOptions, dataset: InstanceDataset): ScenarioResult {
  const { plan: next, surge, clusterSubnets } = withSurge(plan, o);
  const notes = [
    ...plan.nodeGroups.map(
      (g, i) => `${g.name}: +${surge[i]} nodes during the update (${g.maxNodes} → ${g.maxNodes + surge[i]!} at max)`,
    ),
    `EKS control-plane ENIs: +${Math.max(0, o.controlPlaneIps ?? UPGRADE_CONTROL_PLANE_IPS)} reserved in ${clusterSubnets.join(', ') || 'no subnet'}`,
  ];
  return run(next, dataset, notes);
}
