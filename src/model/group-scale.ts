/**
 * One node group scaled alone: the others held at desired (as maxNodesThatFit judges a group, contract §2),
 * the group from its min to past its max. For each subnet, the group's node count at which it runs out;
 * and the series over the group's nodes, for the exhaustion chart's "Scale: <group>" view. The all-groups
 * path (exhaustion.ts) counts every group's nodes on its x axis, so "gpu-a runs out at 24 nodes" there
 * includes the system nodes; here x is the group's own nodes.
 */
import { worstCasePlan } from './evaluate';
import { MAX_SERIES_POINTS, maxNodesThatFit, seriesPoint } from './exhaustion';
import type { InstanceDataset } from './instances';
import type { NodeGroup, Plan } from './plan';
import { placeGroups, type GroupPlacement } from './placement';
import type { ExhaustionSeries, SeriesPoint } from './result';
import { SubnetIndex, subnetStatics, type SubnetStatic, Usage } from './subnet-usage';

export interface GroupScale {
  /** The group's index in the plan, and its name. */
  group: number;
  name: string;
  /**
   * Per subnet of the plan: the group's node count at which the subnet no longer fits, the others at
   * desired; 0 when it does not fit even with the group at 0 (the others fill it); null when the group
   * leaves it alone or it never runs out of this group's nodes.
   */
  exhaustedAt: (number | null)[];
  /** The subnet that runs out first as the group grows, and at how many of its nodes; null if none. */
  first: { subnet: string; atNodes: number } | null;
  /** x = the group's nodes, from its min to past its max (to 2 × max at most); marks are its min/desired/max. */
  series: ExhaustionSeries;
}

/**
 * The scale of group `gi` over a placed plan (evaluate's internals). Each subnet is searched alone with
 * maxNodesThatFit: usage only grows with the group's nodes, so the first count that does not fit is one
 * more than the most that do.
 */
export function groupScaleOf(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  names: readonly string[],
  gi: number,
): GroupScale {
  const g = groups[gi]!;
  const index = new SubnetIndex(placed, st);
  const counts = groups.map((x) => x.desiredNodes);
  const fitsAt = (s: number, n: number) => {
    counts[gi] = n;
    return index.fits(s, counts);
  };
  const touches = new Set(placed[gi]!.touches);
  const exhaustedAt = st.map((_, s): number | null => {
    if (!touches.has(s)) return null;
    if (!fitsAt(s, 0)) return 0;
    const most = maxNodesThatFit(groups, placed, st, gi, index, [s]);
    // The search is bounded (each node takes an address in a launch subnet): fitting one more is "never".
    return fitsAt(s, most + 1) ? null : most + 1;
  });
  let first: GroupScale['first'] = null;
  for (const [s, n] of exhaustedAt.entries()) {
    if (n !== null && (first === null || n < first.atNodes)) first = { subnet: names[s]!, atNodes: n };
  }
  const series = groupSeries(groups, placed, st, names, gi, first?.atNodes ?? null);
  return { group: gi, name: g.name, exhaustedAt, first, series };
}

/**
 * The series of group `gi` from its min nodes to its max, on to just past the first exhaustion (at most
 * 2 × max), the others at desired: every node count when there are few, else up to MAX_SERIES_POINTS
 * samples, always with the counts at desired, max and either side of the first exhaustion.
 */
function groupSeries(
  groups: readonly NodeGroup[],
  placed: readonly GroupPlacement[],
  st: readonly SubnetStatic[],
  names: readonly string[],
  gi: number,
  first: number | null,
): ExhaustionSeries {
  const g = groups[gi]!;
  const lo = g.minNodes;
  const past = first === null ? 2 * g.maxNodes : Math.ceil(first * 1.08);
  const end = Math.max(lo + 1, g.maxNodes, Math.min(2 * g.maxNodes, past));
  const steps = Math.max(1, Math.min(MAX_SERIES_POINTS - 1, end - lo));
  const xs = new Set<number>();
  // ceil: the first count at or after i/steps of the way, so a step of one node per sample is never skipped
  for (let i = 0; i <= steps; i++) xs.add(lo + Math.ceil(((end - lo) * i) / steps));
  for (const x of [g.desiredNodes, g.maxNodes, ...(first === null ? [] : [first - 1, first])]) {
    if (x >= lo && x <= end) xs.add(x);
  }
  const counts = groups.map((x) => x.desiredNodes);
  const u = new Usage(st.length);
  const points: SeriesPoint[] = [...xs]
    .sort((a, b) => a - b)
    .map((x) => {
      counts[gi] = x;
      return seriesPoint(placed, st, counts, u, x);
    });
  return {
    subnets: [...names],
    usable: st.map((s) => s.usable),
    points,
    marks: { min: g.minNodes, desired: g.desiredNodes, max: g.maxNodes },
    endNodes: end,
  };
}

/** The scale of group `gi` of a validated plan (node pools at their worst candidate, as evaluate judges them). */
export function groupScale(input: Plan, dataset: InstanceDataset, gi: number): GroupScale {
  const plan = worstCasePlan(input, dataset);
  const placed = placeGroups(plan, dataset);
  const st = subnetStatics(plan);
  return groupScaleOf(
    plan.nodeGroups,
    placed,
    st,
    plan.vpc.subnets.map((s) => s.name),
    gi,
  );
}
