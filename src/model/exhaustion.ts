/**
 * The scale path of the exhaustion chart and the searches along it. All groups scale together in
 * proportion: at λ ∈ [0, 1] a group has min + ⌊λ·(max − min)⌋ nodes, past max (λ ∈ [1, 2]) ⌊λ·max⌋.
 * x is the total node count. Usage only grows along the path, so the first point where a subnet runs
 * out is found by bisection rather than by walking nodes.
 *
 * λ is held as an integer number of ticks (λ = t / LAMBDA_TICKS) so that groups whose steps coincide
 * (all of them at λ = 1) step together exactly: floating-point λ would let one group step a hair before
 * another and report a state that is not on the path.
 */
import type { NodeGroup } from './plan';
import type { GroupPlacement } from './placement';
import { SubnetIndex, type SubnetStatic, Usage, usageFor } from './subnet-usage';
import type { ExhaustionSeries, SeriesPoint } from './result';
import { blockLoad, blockUse } from './prefix-blocks';

export const LAMBDA_TICKS = 1 << 20;
/** The path ends at twice max. */
export const MAX_LAMBDA = 2 * LAMBDA_TICKS;
export const MAX_SERIES_POINTS = 1000;

/** Node counts per group at tick t (exact integer arithmetic: t·max < 2^53). */
export function countsAt(groups: readonly NodeGroup[], t: number, out: Int32Array | number[]): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    out[i] =
      t <= LAMBDA_TICKS
        ? g.minNodes + Math.floor((t * (g.maxNodes - g.minNodes)) / LAMBDA_TICKS)
        : Math.floor((t * g.maxNodes) / LAMBDA_TICKS);
  }
}

/**
 * Where the series ends when no subnet runs out: every group at MAX_LAMBDA, twice its max, so twice the
 * plan's nodes at max. The verdict says it without building the series (a 40-group plan's series costs
 * more than the rest of its evaluation).
 */
export const endNodesWhenNothingRunsOut = (nodesAtMax: number): number => (MAX_LAMBDA / LAMBDA_TICKS) * nodesAtMax;

const total = (c: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += c[i]!;
  return s;
};

export interface PathSearch {
  /** Total nodes at the first point of the path where the subnet runs out, or null within 2× max. */
  exhaustedAt: (number | null)[];
  /** The smallest λ at which each subnet runs out (Infinity if never). */
  lambda: number[];
}

/** For every subnet, the first point of the scale path where it no longer fits. */
export function searchPath(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
): PathSearch {
  const n = st.length;
  const index = new SubnetIndex(placed, st);
  const counts = new Int32Array(groups.length);
  const fitsAt = (lambda: number, s: number) => {
    countsAt(groups, lambda, counts);
    return index.fits(s, counts);
  };
  const exhaustedAt: (number | null)[] = [];
  const lambdas: number[] = [];
  for (let s = 0; s < n; s++) {
    if (fitsAt(MAX_LAMBDA, s)) {
      exhaustedAt.push(null);
      lambdas.push(Infinity);
      continue;
    }
    let lo = 0;
    let hi = MAX_LAMBDA;
    if (!fitsAt(0, s)) hi = 0;
    else {
      // fits at lo, not at hi: 22 halvings of the integer tick range find the first failing tick
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (fitsAt(mid, s)) lo = mid;
        else hi = mid;
      }
    }
    countsAt(groups, hi, counts);
    exhaustedAt.push(total(counts));
    lambdas.push(hi);
  }
  return { exhaustedAt, lambda: lambdas };
}

/** Chart series from min nodes to max, and on until the first subnet runs out (or 2× max). */
export function buildSeries(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  names: string[],
  firstLambda: number,
): ExhaustionSeries {
  const end = Math.min(MAX_LAMBDA, Math.max(LAMBDA_TICKS, Math.ceil(firstLambda * 1.08)));
  const u = new Usage(st.length);
  const counts = new Int32Array(groups.length);
  countsAt(groups, 0, counts);
  const xMin = total(counts);
  countsAt(groups, end, counts);
  const xEnd = total(counts);
  const steps = Math.max(1, Math.min(MAX_SERIES_POINTS - 1, xEnd - xMin));
  const points: SeriesPoint[] = [];
  let lastX = -1;
  const lambdas: number[] = [];
  // ceil: the first tick at or after i/steps of the way, so a step of one node per sample is never skipped
  for (let i = 0; i <= steps; i++) lambdas.push(Math.ceil((end * i) / steps));
  if (Number.isFinite(firstLambda) && firstLambda <= end) lambdas.push(firstLambda - 1, firstLambda);
  lambdas.push(LAMBDA_TICKS);
  lambdas.sort((a, b) => a - b);
  for (const lambda of lambdas) {
    countsAt(groups, lambda, counts);
    const x = total(counts);
    if (x === lastX) continue;
    lastX = x;
    points.push(seriesPoint(placed, st, counts, u, x));
  }
  const mark = (lambda: number) => {
    countsAt(groups, lambda, counts);
    return total(counts);
  };
  return {
    subnets: names,
    usable: st.map((s) => s.usable),
    points,
    marks: { min: mark(0), desired: groups.reduce((s, g) => s + g.desiredNodes, 0), max: mark(LAMBDA_TICKS) },
    endNodes: xEnd,
  };
}

/**
 * One point of a series: the addresses used in each subnet at these node counts (`u` is reused), and
 * with prefixes the /28 block load, which reaches the usable line where the blocks run out.
 */
export function seriesPoint(
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  counts: ArrayLike<number>,
  u: Usage,
  nodes: number,
): SeriesPoint {
  usageFor(placed, counts, u);
  const used = st.map((s, i) => u.used(i, s));
  const withPrefixes = st.some((_, i) => u.prefixes[i]! > 0);
  const load = withPrefixes
    ? st.map((s, i) =>
        u.prefixes[i]! > 0
          ? Math.max(used[i]!, blockLoad(blockUse(s.geometry, u.singles[i]! + s.reserved, u.prefixes[i]!), s.usable))
          : used[i]!,
      )
    : undefined;
  return load ? { nodes, used, load } : { nodes, used };
}

/**
 * Most nodes of group `gi` that fit, the other groups at desiredNodes (contract §2), judged on the
 * subnets the group touches (or on `judged` alone: group-scale.ts asks one subnet at a time).
 */
export function maxNodesThatFit(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  gi: number,
  index: SubnetIndex = new SubnetIndex(placed, st),
  judged: readonly number[] = placed[gi]!.touches,
): number {
  const counts = groups.map((g) => g.desiredNodes);
  const touches = judged;
  const fits = (n: number) => {
    counts[gi] = n;
    return touches.every((s) => index.fits(s, counts));
  };
  if (!fits(0)) return 0;
  // Each node takes at least its own address in a launch subnet, which bounds the search.
  const slots = placed[gi]!.slots.length;
  let hi = slots * (Math.max(...placed[gi]!.slots.map((s) => st[s.nodeSubnet]!.usable)) + 1);
  let lo = 0;
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
