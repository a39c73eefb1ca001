/**
 * How the advisor measures a plan: validate it as any input is validated, evaluate it with the same
 * model as `evaluate --json`, and read off the headroom the ranking compares.
 */
import { evaluate, type FullEvaluation } from '../evaluate';
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import { validatePlan } from '../validate-plan';

/** The exhaustion search ends at twice max (exhaustion.ts): the ratio when nothing runs out. */
export const PATH_END_RATIO = 2;

export interface Headroom {
  /** Every subnet holds every group at maxNodes. */
  fitsAtMax: boolean;
  /** Total nodes at which the first subnet runs out when all groups scale together; null: not within 2× max. */
  firstExhaustionNodes: number | null;
  /** The smallest `free.max` over the subnets (negative: over). */
  minFreeAtMax: number;
  /** Share of the addresses used at desired that sit in warm pools (0–1). */
  warmShareAtDesired: number;
  /** Addresses used in all subnets at max. */
  addressesAtMax: number;
  /** firstExhaustionNodes ÷ total max nodes; 2 (the end of the search) when nothing runs out. */
  exhaustionRatio: number;
}

/** A plan that passed validatePlan, evaluated with its VPC warnings (what `evaluate --json` prints). */
export interface Measured {
  plan: Plan;
  evaluation: FullEvaluation;
  headroom: Headroom;
}

/**
 * Validates and evaluates a plan; null when it does not validate (a candidate the advisor must drop).
 * @example measure(SMALL_ROUTABLE_VPC, dataset)!.headroom // fits false, first exhaustion 7 of 9 nodes
 */
export function measure(plan: Plan, dataset: InstanceDataset): Measured | null {
  const v = validatePlan(plan, dataset);
  if (!v.ok) return null;
  const evaluation = evaluate(v.plan, dataset, v.warnings);
  return { plan: v.plan, evaluation, headroom: headroomOf(evaluation) };
}

/** @example headroomOf(evaluate(SMALL_ROUTABLE_VPC)).exhaustionRatio ≈ 0.78 // nodes-a at 7 of 9 nodes */
export function headroomOf(e: FullEvaluation): Headroom {
  const maxNodes = e.totals.nodes.max;
  const first = e.firstExhaustion?.atNodes ?? null;
  return {
    fitsAtMax: e.fits,
    firstExhaustionNodes: first,
    minFreeAtMax: e.subnets.reduce((m, s) => Math.min(m, s.free.max), Infinity),
    warmShareAtDesired: e.totals.used.desired > 0 ? e.totals.warm.desired / e.totals.used.desired : 0,
    addressesAtMax: e.totals.used.max,
    exhaustionRatio: first === null || maxNodes === 0 ? PATH_END_RATIO : Math.min(PATH_END_RATIO, first / maxNodes),
  };
}

/** Pods per node that get no address, per group (a fix must never raise any of them). @example [0] for the small routable VPC */
export function strandedPods(e: FullEvaluation): number[] {
  return e.nodeGroups.map((g) => g.perNode.podsWithoutIp);
}

/** A deep copy the fixes may change freely (plans are plain data). */
export function clonePlan(plan: Plan): Plan {
  return structuredClone(plan);
}

/**
 * The warm margin above the expected pods: max(5, ⌈10 % of pods⌉), the seed's "a little above".
 * @example warmMargin(20) === 5; warmMargin(110) === 11
 */
export function warmMargin(pods: number): number {
  return Math.max(5, Math.ceil(pods * 0.1));
}

/** A name not yet in `taken` (then added to it). @example uniqueName('pods-a', new Set(['pods-a'])) === 'pods-a-2' */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/**
 * Short labels for AZs: the trailing letter when those are unique, else the whole name.
 * @example azLabels(['us-east-1a', 'us-east-1b']) → a, b; azLabels(['us-east-1a', 'us-west-2a']) → the full names
 */
export function azLabels(azs: readonly string[]): Map<string, string> {
  const short = azs.map((az) => (/[a-z]$/.test(az) ? az.slice(-1) : az));
  const unique = new Set(short).size === azs.length;
  return new Map(azs.map((az, i) => [az, unique ? short[i]! : az]));
}
