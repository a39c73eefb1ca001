/**
 * The scale path of the exhaustion chart and the searches along it. All groups scale together in
 * proportion: at λ ∈ [0, 1] a group has min + ⌊λ·(max − min)⌋ nodes, past max (λ ∈ [1, 2]) ⌊λ·max⌋.
 * x is the total node count. Usage only grows along the path, so the first point where a subnet runs
 * out is found by bisection rather than by walking nodes.
 */
import type { NodeGroup } from './plan';
import type { GroupPlacement } from './placement';
import { subnetFits, type SubnetStatic, Usage, usageFor } from './subnet-usage';
import type { ExhaustionSeries, SeriesPoint } from './result';

export const MAX_LAMBDA = 2;
export const MAX_SERIES_POINTS = 1000;

export function countsAt(groups: readonly NodeGroup[], lambda: number, out: Int32Array | number[]): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    out[i] = lambda <= 1
      ? g.minNodes + Math.floor(lambda * (g.maxNodes - g.minNodes) + 1e-9)
      : Math.floor(lambda * g.maxNodes + 1e-9);
  }
}

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
export function searchPath(groups: readonly NodeGroup[], placed: readonly GroupPlacement[], st: readonly SubnetStatic[]): PathSearch {
  const n = st.length;
  const u = new Usage(n);
  const counts = new Int32Array(groups.length);
  const fitsAt = (lambda: number, s: number) => {
    countsAt(groups, lambda, counts);
    return subnetFits(usageFor(placed, counts, u), s, st[s]!);
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
      // fits at lo, not at hi; node counts change only at λ = k/(max−min), so 50 halvings pin it
      for (let it = 0; it < 50 && hi - lo > 1e-12; it++) {
        const mid = (lo + hi) / 2;
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
  const end = Math.min(MAX_LAMBDA, Math.max(1, firstLambda * 1.08));
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
  for (let i = 0; i <= steps; i++) lambdas.push((end * i) / steps);
  if (Number.isFinite(firstLambda) && firstLambda <= end) lambdas.push(firstLambda);
  lambdas.push(1);
  lambdas.sort((a, b) => a - b);
  for (const lambda of lambdas) {
    countsAt(groups, lambda, counts);
    const x = total(counts);
    if (x === lastX) continue;
    lastX = x;
    usageFor(placed, counts, u);
    points.push({ nodes: x, used: st.map((s, i) => u.used(i, s)) });
  }
  const mark = (lambda: number) => {
    countsAt(groups, lambda, counts);
    return total(counts);
  };
  return {
    subnets: names,
    usable: st.map((s) => s.usable),
    points,
    marks: { min: mark(0), desired: groups.reduce((s, g) => s + g.desiredNodes, 0), max: mark(1) },
    endNodes: xEnd,
  };
}

/**
 * Most nodes of group `gi` that fit, the other groups at desiredNodes (contract §2), judged on the
 * subnets the group touches.
 */
export function maxNodesThatFit(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  gi: number,
): number {
  const counts = groups.map((g) => g.desiredNodes);
  const u = new Usage(st.length);
  const touches = placed[gi]!.touches;
  const fits = (n: number) => {
    counts[gi] = n;
    usageFor(placed, counts, u);
    return touches.every((s) => subnetFits(u, s, st[s]!));
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
