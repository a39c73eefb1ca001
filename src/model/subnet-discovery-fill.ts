/**
 * Where subnet discovery puts each secondary ENI (subnet-discovery.ts says which ENIs and which subnets).
 *
 * The order of events the "most free" choice assumes (README, "How the numbers are computed"): every
 * node's fixed addresses are taken first (node IP, the primary ENI's secondaries, launch-time EFA
 * interfaces, the trunk ENI and branch pods); then the secondary ENIs are created one at a time, node
 * group by node group (plan order), launch subnet by launch subnet, every node's k-th secondary ENI
 * before any node's (k+1)-th, each in the eligible subnet with the most free addresses then (ties: the
 * subnet listed first). Each ENI is placed whole, with the addresses it holds once its node has settled.
 * Under that order the allocation is a water-filling of whole ENIs: the ENIs of one kind take the K
 * largest "slots" free, free − size, free − 2·size, … over their eligible subnets, found by bisection on
 * the water level, so the cost does not depend on node counts. tests/reference/discovery-sim.ts places
 * them one by one and the property tests hold this closed form to it.
 */
import type { Contribution, DiscoveryStatics, GroupPlacement } from './placement-types';

/** What fillDiscovery adds to: subnet-usage.ts's Usage. */
export interface UsageSink {
  readonly nodeIps: Float64Array;
  readonly eniPrimaries: Float64Array;
  readonly podIps: Float64Array;
  readonly warmIps: Float64Array;
  /** Set to 1 for the eligible subnets of ENIs that found no subnet with room (the AZ's pool ran out). */
  readonly poolShort: Uint8Array;
  add(s: number, c: Contribution, nodes: number): void;
}

/**
 * The largest water level L such that the slots free_s, free_s − size, … at or above L number at least
 * `k`, over the eligible subnets; `out[i]` gets the ENIs subnet eligible[i] takes (every slot above L,
 * then those exactly at L in subnet order). Returns L: the free count before the last ENI placed.
 */
export function waterFill(
  k: number,
  size: number,
  eligible: readonly number[],
  free: Float64Array,
  out: number[],
): number {
  let hi = -Infinity;
  for (const s of eligible) hi = Math.max(hi, free[s]!);
  let lo = hi - (k - 1) * size;
  const slotsFrom = (level: number) => {
    let n = 0;
    for (const s of eligible) if (free[s]! >= level) n += Math.floor((free[s]! - level) / size) + 1;
    return n;
  };
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (slotsFrom(mid) >= k) lo = mid;
    else hi = mid - 1;
  }
  let left = k;
  eligible.forEach((s, i) => {
    out[i] = free[s]! >= lo + 1 ? Math.floor((free[s]! - lo - 1) / size) + 1 : 0;
    left -= out[i]!;
  });
  eligible.forEach((s, i) => {
    if (left > 0 && free[s]! >= lo && (free[s]! - lo) % size === 0) {
      out[i]!++;
      left--;
    }
  });
  return lo;
}

/** Per evaluation scratch: free counts by subnet, initialised on first touch. */
const scratch = new WeakMap<DiscoveryStatics, { free: Float64Array; seen: Uint32Array; pass: number }>();

/**
 * Places the secondary ENIs of every discovery slot (groups at `counts`, node i of a group in slot i mod k),
 * in the order of events above, into `u`, which already holds everything else. `only` restricts it to the
 * slots whose node subnet is in that set (one AZ's pool).
 */
export function fillDiscovery(
  groups: readonly Pick<GroupPlacement, 'discovery'>[],
  counts: ArrayLike<number>,
  u: UsageSink,
  only?: ReadonlySet<number>,
): void {
  let statics: DiscoveryStatics | undefined;
  for (const g of groups) statics ??= g.discovery?.statics;
  if (!statics) return;
  let sc = scratch.get(statics);
  if (!sc) {
    sc = { free: new Float64Array(statics.usable.length), seen: new Uint32Array(statics.usable.length), pass: 0 };
    scratch.set(statics, sc);
  }
  const pass = (sc.pass = (sc.pass % 0xfffffffe) + 1);
  const { free, seen } = sc;
  const touch = (s: number) => {
    if (seen[s] === pass) return;
    seen[s] = pass;
    free[s] =
      statics.usable[s]! - (statics.reserved[s]! + u.nodeIps[s]! + u.eniPrimaries[s]! + u.podIps[s]! + u.warmIps[s]!);
  };
  const taken: number[] = [];
  groups.forEach((g, gi) => {
    const d = g.discovery;
    if (!d) return;
    const n = counts[gi]!;
    const k = d.slots.length;
    d.slots.forEach((slot, j) => {
      if (!slot || slot.eligible.length === 0 || (only && !only.has(slot.nodeSubnet))) return;
      const nodes = Math.floor(n / k) + (j < n % k ? 1 : 0);
      if (nodes <= 0) return;
      for (const s of slot.eligible) touch(s);
      for (const run of slot.runs) {
        const level = waterFill(nodes * run.count, run.size, slot.eligible, free, taken);
        slot.eligible.forEach((s, i) => {
          const c = taken[i]!;
          if (c === 0) return;
          u.add(s, run.per, c);
          free[s]! -= c * run.size;
        });
        // The last ENI found less free than it takes: no eligible subnet had room for it.
        if (level < run.size) for (const s of slot.eligible) u.poolShort[s] = 1;
      }
    });
  });
}

/** Subnets joined by discovery (a node subnet and the subnets its ENIs may go to), as connected components. */
export interface DiscoveryPools {
  /** Component of each subnet, −1 when no discovery slot touches it. */
  componentOf: Int32Array;
  members: number[][];
}

export function discoveryPools(
  groups: readonly Pick<GroupPlacement, 'discovery'>[],
  subnets: number,
): DiscoveryPools | null {
  const parent = Array.from({ length: subnets }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const inPool = new Uint8Array(subnets);
  let any = false;
  for (const g of groups) {
    for (const slot of g.discovery?.slots ?? []) {
      if (!slot) continue;
      any = true;
      inPool[slot.nodeSubnet] = 1;
      for (const s of slot.eligible) {
        inPool[s] = 1;
        parent[find(s)] = find(slot.nodeSubnet);
      }
    }
  }
  if (!any) return null;
  const componentOf = new Int32Array(subnets).fill(-1);
  const members: number[][] = [];
  const byRoot = new Map<number, number>();
  for (let s = 0; s < subnets; s++) {
    if (!inPool[s]) continue;
    const r = find(s);
    let c = byRoot.get(r);
    if (c === undefined) {
      c = members.length;
      byRoot.set(r, c);
      members.push([]);
    }
    members[c]!.push(s);
    componentOf[s] = c;
  }
  return { componentOf, members };
}
