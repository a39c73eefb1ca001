/**
 * Adds up what the node groups take in each subnet for a given node count per group, and says whether
 * each subnet still holds it. This is the hot path of an evaluation (the exhaustion series and the
 * searches call it thousands of times), so it works on flat typed arrays and never loops over nodes:
 * a group's n nodes over k launch subnets put floor(n/k) or ceil(n/k) nodes in each.
 */
import { cidrSize, parseCidr } from './cidr';
import type { Plan } from './plan';
import type { Contribution, GroupPlacement } from './placement';
import { blockGeometry, blockUse, type BlockGeometry } from './prefix-blocks';
import { discoveryPools, fillDiscovery, type DiscoveryPools } from './subnet-discovery-fill';

export interface SubnetStatic {
  size: number;
  usable: number;
  reserved: number;
  geometry: BlockGeometry;
}

export function subnetStatics(plan: Plan): SubnetStatic[] {
  return plan.vpc.subnets.map((s) => {
    const c = parseCidr(s.cidr);
    const cidr = c.ok ? c.value : { base: 0, prefix: 32 };
    const r = s.prefixReservation ? parseCidr(s.prefixReservation) : undefined;
    const size = cidrSize(cidr);
    return {
      size,
      usable: Math.max(0, size - 5),
      reserved: s.reservedIps ?? 0,
      geometry: blockGeometry(cidr, r && r.ok ? r.value : undefined),
    };
  });
}

/** Per-subnet sums, one Float64Array per kind, indexed by subnet. */
export class Usage {
  readonly nodeIps: Float64Array;
  readonly eniPrimaries: Float64Array;
  readonly podIps: Float64Array;
  readonly warmIps: Float64Array;
  readonly prefixes: Float64Array;
  readonly singles: Float64Array;
  /** 1 where subnet discovery's ENIs found no eligible subnet with room (the AZ's pool ran out). */
  readonly poolShort: Uint8Array;
  constructor(readonly n: number) {
    this.nodeIps = new Float64Array(n);
    this.eniPrimaries = new Float64Array(n);
    this.podIps = new Float64Array(n);
    this.warmIps = new Float64Array(n);
    this.prefixes = new Float64Array(n);
    this.singles = new Float64Array(n);
    this.poolShort = new Uint8Array(n);
  }
  clear() {
    for (const a of [this.nodeIps, this.eniPrimaries, this.podIps, this.warmIps, this.prefixes, this.singles])
      a.fill(0);
    this.poolShort.fill(0);
  }
  add(s: number, c: Contribution, nodes: number) {
    if (nodes === 0) return;
    this.nodeIps[s]! += c.nodeIps * nodes;
    this.eniPrimaries[s]! += c.eniPrimaries * nodes;
    this.podIps[s]! += c.podIps * nodes;
    this.warmIps[s]! += c.warmIps * nodes;
    this.prefixes[s]! += c.prefixes * nodes;
    this.singles[s]! += c.singles * nodes;
  }
  /** Addresses taken in subnet s, `reservedIps` included (AWS's 5 are not). */
  used(s: number, st: SubnetStatic): number {
    return st.reserved + this.nodeIps[s]! + this.eniPrimaries[s]! + this.podIps[s]! + this.warmIps[s]!;
  }
}

/** Adds one group's `nodes` nodes, spread over its launch subnets. */
export function addGroup(u: Usage, g: GroupPlacement, nodes: number) {
  const k = g.slots.length;
  if (k === 0 || nodes <= 0) return;
  const base = Math.floor(nodes / k);
  const extra = nodes - base * k;
  for (let j = 0; j < k; j++) {
    const n = base + (j < extra ? 1 : 0);
    const slot = g.slots[j]!;
    u.add(slot.nodeSubnet, g.discovery?.slots[j]?.fixed ?? g.onNodeSubnet, n);
    if (g.onPodSubnet !== g.onNodeSubnet) u.add(slot.podSubnet, g.onPodSubnet, n);
  }
}

export function usageFor(groups: readonly GroupPlacement[], counts: ArrayLike<number>, u: Usage): Usage {
  u.clear();
  for (let i = 0; i < groups.length; i++) addGroup(u, groups[i]!, counts[i]!);
  fillDiscovery(groups, counts, u);
  return u;
}

/**
 * Does subnet s hold what `u` puts in it? Addresses must not exceed the usable count; with prefixes,
 * the /28 blocks left after single addresses spoil theirs must hold them, and single addresses must fit
 * outside a prefix reservation.
 */
export function subnetFits(u: Usage, s: number, st: SubnetStatic): boolean {
  if (u.poolShort[s]) return false;
  if (u.used(s, st) > st.usable) return false;
  const prefixes = u.prefixes[s]!;
  const singles = u.singles[s]! + st.reserved;
  if (singles > st.geometry.singleCapacity) return false;
  if (prefixes === 0) return true;
  return blockUse(st.geometry, singles, prefixes).short === 0;
}

/** What one launch slot of a group puts into one subnet, flattened for the per-subnet searches. */
interface SlotEntry {
  group: number;
  slot: number;
  slots: number;
  addresses: number;
  singles: number;
  prefixes: number;
}

/** Pool states an index remembers before it starts afresh (a few bytes each). */
const MAX_POOL_STATES = 4096;

/**
 * Per subnet, the group slots that put addresses into it, so that a search about one subnet costs the
 * few groups that touch it rather than the whole plan.
 */
export class SubnetIndex {
  private readonly entries: SlotEntry[][];
  /** Subnets joined by subnet discovery: judged with their whole AZ pool (subnet-discovery.ts). */
  private readonly pools: DiscoveryPools | null;
  /**
   * The pools' verdicts by node counts: a fill judges every member of its pool at once, and the searches
   * come back to the same counts from subnet after subnet (the 40-group plan's evaluation asks ~1,600 times
   * about ~380 distinct pool states; the fill is most of its cost).
   */
  private pooled?: { u: Usage; sets: Set<number>[]; position: Int32Array; fitted: Map<string, Uint8Array> };
  constructor(
    private readonly groups: readonly GroupPlacement[],
    private readonly st: readonly SubnetStatic[],
  ) {
    this.entries = st.map(() => []);
    this.pools = discoveryPools(groups, st.length);
    groups.forEach((g, gi) => {
      const k = g.slots.length;
      g.slots.forEach((slot, j) => {
        const put = (s: number, c: Contribution) =>
          this.entries[s]!.push({
            group: gi,
            slot: j,
            slots: k,
            addresses: c.nodeIps + c.eniPrimaries + c.podIps + c.warmIps,
            singles: c.singles,
            prefixes: c.prefixes,
          });
        put(slot.nodeSubnet, g.discovery?.slots[j]?.fixed ?? g.onNodeSubnet);
        if (g.onPodSubnet !== g.onNodeSubnet) put(slot.podSubnet, g.onPodSubnet);
      });
    });
  }
  /**
   * A subnet of a subnet-discovery pool: its pool's members with what stays put, then the pool's secondary
   * ENIs water-filled over them (fillDiscovery), then subnetFits for every member, remembered by counts.
   */
  private poolFits(s: number, counts: ArrayLike<number>): boolean {
    const pools = this.pools!;
    const c = pools.componentOf[s]!;
    const p = (this.pooled ??= {
      u: new Usage(this.st.length),
      sets: pools.members.map((m) => new Set(m)),
      position: Int32Array.from(pools.componentOf, (pc, m) => (pc < 0 ? -1 : pools.members[pc]!.indexOf(m))),
      fitted: new Map(),
    });
    const key = `${c}:${Array.prototype.join.call(counts, ',')}`;
    let fit = p.fitted.get(key);
    if (!fit) {
      const u = p.u;
      const members = pools.members[c]!;
      for (const m of members) {
        let used = 0;
        let singles = 0;
        let prefixes = 0;
        for (const e of this.entries[m]!) {
          const n = counts[e.group]!;
          const nodes = Math.floor(n / e.slots) + (e.slot < n % e.slots ? 1 : 0);
          used += nodes * e.addresses;
          singles += nodes * e.singles;
          prefixes += nodes * e.prefixes;
        }
        // Totals only: the kinds do not matter to the fit.
        u.nodeIps[m] = used;
        u.eniPrimaries[m] = 0;
        u.podIps[m] = 0;
        u.warmIps[m] = 0;
        u.singles[m] = singles;
        u.prefixes[m] = prefixes;
        u.poolShort[m] = 0;
      }
      fillDiscovery(this.groups, counts, u, p.sets[c]);
      fit = Uint8Array.from(members, (m) => (subnetFits(u, m, this.st[m]!) ? 1 : 0));
      if (p.fitted.size >= MAX_POOL_STATES) p.fitted.clear();
      p.fitted.set(key, fit);
    }
    return fit[p.position[s]!] === 1;
  }

  /** Does subnet s hold the groups at these node counts? Same rule as subnetFits. */
  fits(s: number, counts: ArrayLike<number>): boolean {
    if (this.pools && this.pools.componentOf[s]! >= 0) return this.poolFits(s, counts);
    const st = this.st[s]!;
    let used = st.reserved;
    let singles = st.reserved;
    let prefixes = 0;
    for (const e of this.entries[s]!) {
      const n = counts[e.group]!;
      const nodes = Math.floor(n / e.slots) + (e.slot < n % e.slots ? 1 : 0);
      used += nodes * e.addresses;
      singles += nodes * e.singles;
      prefixes += nodes * e.prefixes;
    }
    if (used > st.usable || singles > st.geometry.singleCapacity) return false;
    return prefixes === 0 || blockUse(st.geometry, singles, prefixes).short === 0;
  }
}
