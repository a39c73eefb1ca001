/**
 * Enhanced subnet discovery (VPC CNI ≥ 1.18, `ENABLE_SUBNET_DISCOVERY`, default on): without custom
 * networking, each new secondary ENI of a node goes to the eligible subnet with the most free addresses
 * at that moment. Eligible: the node's own subnet unless tagged `kubernetes.io/role/cni=0`, and the
 * subnets of the same VPC and AZ tagged `kubernetes.io/role/cni` with another value; a subnet with
 * `cni.networking.k8s.aws/cluster/<name>` tags serves only the clusters named (
 * amazon-vpc-cni-k8s v1.23.1 `pkg/awsutils/awsutils.go` createENI / getVpcSubnets, which sorts the
 * subnets by AvailableIpAddressCount). The primary ENI and its secondary IPs or prefixes stay in the node
 * subnet; a node subnet tagged `=0` leaves the primary ENI without pods, as custom networking does.
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
 *
 * A plan with no subnet tagged `kubernetes.io/role/cni` in a node's AZ (and no launch subnet tagged =0)
 * places exactly as before: placement gets no `discovery` and nothing here runs.
 */
import { cidrSize, parseCidr } from './cidr';
import { cniValue } from './cni-settings';
import { clusterName } from './export/common';
import type { InstanceType } from './instances';
import type { CniSettings, NodeGroup, Plan, Subnet } from './plan';
import type { Contribution, DiscoveryStatics, GroupPlacement, MovableRun, SlotDiscovery } from './placement-types';
import type { Warning } from './result';
import { ADDRESSES_PER_PREFIX, nodeAccounting, type NodeAccounting, type NodeInput } from './warm-pool';
import { fmt } from './format';

export type { DiscoveryStatics, GroupDiscovery, MovableRun, SlotDiscovery } from './placement-types';

export const CNI_ROLE_TAG = 'kubernetes.io/role/cni';
export const CNI_CLUSTER_TAG_PREFIX = 'cni.networking.k8s.aws/cluster/';

/** The subnet's `kubernetes.io/role/cni` value, if tagged. */
export function cniRole(s: Pick<Subnet, 'tags'>): string | undefined {
  const tags = s.tags;
  return tags && Object.prototype.hasOwnProperty.call(tags, CNI_ROLE_TAG) ? tags[CNI_ROLE_TAG] : undefined;
}

/** Tagged `kubernetes.io/role/cni=0`: no pod ENI goes there (and, as a node subnet, its primary ENI carries no pods). */
export function excludesPods(s: Pick<Subnet, 'tags'>): boolean {
  return cniRole(s) === '0';
}

/** No cluster tag, or one naming `cluster`. */
export function servesCluster(s: Pick<Subnet, 'tags'>, cluster: string): boolean {
  const keys = Object.keys(s.tags ?? {}).filter((k) => k.startsWith(CNI_CLUSTER_TAG_PREFIX));
  return keys.length === 0 || keys.includes(CNI_CLUSTER_TAG_PREFIX + cluster);
}

/** A subnet other than the node's that subnet discovery may put pod ENIs in (same AZ checked by the caller). */
export function discoverable(s: Pick<Subnet, 'tags'>, cluster: string): boolean {
  const role = cniRole(s);
  return role !== undefined && role !== '0' && servesCluster(s, cluster);
}

/**
 * The cluster the tags are matched against: the EKS cluster name the exports write for the plan
 * (its name, with what EKS does not allow replaced by "-"; export/common.ts clusterName).
 */
export function discoveryCluster(plan: Pick<Plan, 'name'>): string {
  return clusterName(plan);
}

/** Does the VPC CNI's subnet discovery decide where this group's pod ENIs go (before looking at tags)? */
export function discoveryRuns(plan: Plan, g: Pick<NodeGroup, 'kind'>, cni: CniSettings): boolean {
  return (
    (plan.vpc.ipFamily ?? 'ipv4') === 'ipv4' &&
    cniValue(cni, 'subnetDiscovery') &&
    !cni.customNetworking &&
    g.kind !== 'auto-mode'
  );
}

/** Subnet indexes (plan order) eligible for the secondary ENIs of a node launched in subnet `n`. */
export function eligibleSubnets(plan: Plan, n: number, cluster = discoveryCluster(plan)): number[] {
  const own = plan.vpc.subnets[n]!;
  const out: number[] = [];
  plan.vpc.subnets.forEach((s, i) => {
    if (i === n ? !excludesPods(s) : s.az === own.az && discoverable(s, cluster)) out.push(i);
  });
  return out;
}

const KINDS = ['nodeIps', 'eniPrimaries', 'podIps', 'warmIps', 'prefixes', 'singles'] as const;

/**
 * One node's addresses split into the fixed part (node subnet) and the secondary ENIs that discovery
 * places, from nodeAccounting's per-card figures. Pods are counted on the ENIs in creation order (the
 * primary first): which ENI's address a pod gets is ipamd's choice and the planner's assumption; the
 * totals by kind are nodeAccounting's exactly (checked: null when they would not be).
 * @example m5.16xlarge, 10 pods: fixed = node IP + 49 secondaries (10 in use); runs = [1 ENI of 1 + 49 warm]
 */
export function splitNode(
  per: NodeAccounting,
  primaryWithoutPods: boolean,
): { fixed: Contribution; runs: MovableRun[] } | null {
  const pd = per.mode === 'prefix' || per.mode === 'prefix-warm-ip';
  const unit = pd ? ADDRESSES_PER_PREFIX : 1;
  const S = per.slotsPerEni;
  const card0 = per.cards.find((c) => c.cards[0] === 0);
  if (!card0 || S <= 0) return null;
  const trunk = per.trunkEni ? 1 : 0;
  const units0 = card0.ips / unit;
  const poolEnis = card0.enis - trunk - per.efaOnlyOnCard0 - (primaryWithoutPods ? 1 : 0);
  const onPrimary = primaryWithoutPods ? 0 : Math.min(units0, S);
  const fill = (units: number, enis: number, into: number[]): boolean => {
    let left = units;
    for (let i = 0; i < enis; i++) {
      const u = Math.min(S, left);
      into.push(u);
      left -= u;
    }
    return left === 0;
  };
  const card0Enis: number[] = [];
  if (!fill(units0 - onPrimary, primaryWithoutPods ? poolEnis : poolEnis - 1, card0Enis)) return null;
  let launchUnits = 0;
  const otherEnis: number[] = [];
  for (const c of per.cards) {
    if (c.cards[0] === 0 || !c.managed) continue;
    const units = c.ips / unit;
    const onLaunch = c.launch.includes('efa') ? Math.min(units, S) : 0;
    for (let k = 0; k < c.cards.length; k++) {
      launchUnits += onLaunch;
      if (!fill(units - onLaunch, c.enis - c.launch.length, otherEnis)) return null;
    }
  }
  const all = { ...per.share.node };
  for (const k of KINDS) all[k] += per.share.pod[k];
  let pods = all.podIps - per.branchPods;
  const take = (addresses: number) => {
    const p = Math.max(0, Math.min(pods, addresses));
    pods -= p;
    return p;
  };
  const fixedUnits = onPrimary + launchUnits;
  const fixedPods = take(fixedUnits * unit);
  const fixed: Contribution = {
    nodeIps: 1,
    eniPrimaries: per.launchInterfaceIps + trunk,
    podIps: per.branchPods + fixedPods,
    warmIps: fixedUnits * unit - fixedPods,
    prefixes: pd ? fixedUnits : 0,
    singles: 1 + per.launchInterfaceIps + trunk + per.branchPods + (pd ? 0 : fixedUnits),
  };
  const runs: MovableRun[] = [];
  for (const u of [...card0Enis, ...otherEnis]) {
    const p = take(u * unit);
    const last = runs[runs.length - 1];
    if (last && last.size === 1 + u * unit && last.per.podIps === p) {
      last.count++;
      continue;
    }
    runs.push({
      count: 1,
      size: 1 + u * unit,
      per: {
        nodeIps: 0,
        eniPrimaries: 1,
        podIps: p,
        warmIps: u * unit - p,
        prefixes: pd ? u : 0,
        singles: 1 + (pd ? 0 : u),
      },
    });
  }
  // The split must add up to nodeAccounting's figures, kind by kind; otherwise place as before.
  const sum = { ...fixed };
  for (const r of runs) for (const k of KINDS) sum[k] += r.per[k] * r.count;
  if (pods !== 0 || KINDS.some((k) => sum[k] !== all[k])) return null;
  return { fixed, runs };
}

const staticsCache = new WeakMap<Plan['vpc'], DiscoveryStatics>();

function staticsOf(plan: Plan): DiscoveryStatics {
  let st = staticsCache.get(plan.vpc);
  if (!st) {
    st = { usable: [], reserved: [] };
    for (const s of plan.vpc.subnets) {
      const c = parseCidr(s.cidr);
      st.usable.push(c.ok ? Math.max(0, cidrSize(c.value) - 5) : 0);
      st.reserved.push(s.reservedIps ?? 0);
    }
    staticsCache.set(plan.vpc, st);
  }
  return st;
}

/**
 * The group's placement with subnet discovery where it applies: slots whose node subnet has a tagged
 * neighbour in its AZ (or is tagged =0) keep only the fixed part in the node subnet and hand their
 * secondary ENIs to the allocation (fillDiscovery); `touches` gains the tagged subnets. Unchanged when no
 * slot qualifies.
 */
export function withDiscovery(
  plan: Plan,
  t: InstanceType,
  g: NodeGroup,
  cni: CniSettings,
  input: NodeInput,
  placed: GroupPlacement,
): GroupPlacement {
  if (!discoveryRuns(plan, g, cni)) return placed;
  const cluster = discoveryCluster(plan);
  let withoutPods: NodeAccounting | undefined;
  let normal: { fixed: Contribution; runs: MovableRun[] } | null | undefined;
  const podSubnets = new Set<number>();
  const slots = placed.slots.map(({ nodeSubnet }): SlotDiscovery | null => {
    const own = plan.vpc.subnets[nodeSubnet]!;
    const eligible = eligibleSubnets(plan, nodeSubnet, cluster);
    const primaryWithoutPods = excludesPods(own);
    if (!primaryWithoutPods && !eligible.some((i) => i !== nodeSubnet)) return null;
    let split: { fixed: Contribution; runs: MovableRun[] } | null;
    if (primaryWithoutPods) {
      // As custom networking does: the primary ENI carries no pods, one ENI fewer for them (max pods too).
      withoutPods ??= nodeAccounting(t, { ...cni, customNetworking: true }, input);
      split = splitNode(withoutPods, true);
    } else {
      if (normal === undefined) normal = splitNode(placed.perNode, false);
      split = normal;
    }
    if (!split) return null;
    for (const i of eligible) if (i !== nodeSubnet) podSubnets.add(i);
    return { nodeSubnet, fixed: split.fixed, runs: split.runs, eligible, primaryWithoutPods };
  });
  if (slots.every((s) => s === null)) return placed;
  // Every launch subnet tagged =0: the group's nodes are those of the primary without pods.
  const perNode = withoutPods && slots.every((s) => s?.primaryWithoutPods) ? withoutPods : placed.perNode;
  const touches = [...new Set([...placed.touches, ...podSubnets])];
  return {
    ...placed,
    perNode,
    touches,
    discovery: { slots, podSubnets: [...podSubnets].sort((a, b) => a - b), statics: staticsOf(plan) },
  };
}

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

const names = (plan: Plan, idx: readonly number[]) => idx.map((i) => plan.vpc.subnets[i]!.name).join(', ');

/**
 * What subnet discovery does and does not do with the plan's tags: where each group's pod ENIs go, node
 * subnets tagged =0 (max pods, and whether any subnet is left for pod ENIs), and tags that do nothing
 * (discovery off, custom networking on, no node subnet in the tagged subnet's AZ, another cluster's tag).
 */
export function discoveryWarnings(plan: Plan, placed: readonly GroupPlacement[]): Warning[] {
  const out: Warning[] = [];
  const tagged = plan.vpc.subnets.flatMap((s, i) => (cniRole(s) !== undefined ? [i] : []));
  if (tagged.length === 0) return out;
  const on = cniValue(plan.cni, 'subnetDiscovery');
  const ipv6 = plan.vpc.ipFamily === 'ipv6';
  const list = names(plan, tagged);
  if (ipv6) {
    out.push({
      code: 'subnet-discovery-ipv6',
      severity: 'info',
      path: 'vpc.ipFamily',
      message: `Subnets tagged ${CNI_ROLE_TAG} (${list}) play no part in an IPv6 cluster: pods take IPv6 addresses from the node's primary ENI`,
      fix: 'Nothing to do; the tags matter again if the plan goes back to IPv4',
    });
    return out;
  }
  if (!on || plan.cni.customNetworking) {
    out.push({
      code: 'subnet-discovery-unused',
      severity: 'info',
      path: !on ? 'cni.subnetDiscovery' : 'cni.customNetworking',
      message: !on
        ? `ENABLE_SUBNET_DISCOVERY=false: the tags ${CNI_ROLE_TAG} on ${list} do nothing, every pod ENI stays in its node subnet`
        : `Custom networking is on: the ENIConfig subnets win, the tags ${CNI_ROLE_TAG} on ${list} do nothing`,
      fix: !on
        ? 'Turn subnet discovery on (the VPC CNI default since 1.18) to use the tagged subnets'
        : 'Nothing to do, or plan without custom networking to use the tagged subnets',
    });
    return out;
  }
  const cluster = discoveryCluster(plan);
  const nodeAzs = new Set(placed.flatMap((p) => p.slots.map((s) => plan.vpc.subnets[s.nodeSubnet]!.az)));
  for (const i of tagged) {
    const s = plan.vpc.subnets[i]!;
    if (excludesPods(s)) continue;
    const path = `vpc.subnets[${i}].tags`;
    if (!servesCluster(s, cluster)) {
      out.push({
        code: 'subnet-tagged-for-other-cluster',
        severity: 'info',
        path,
        message: `${s.name} is tagged for other clusters only (${Object.keys(s.tags ?? {})
          .filter((k) => k.startsWith(CNI_CLUSTER_TAG_PREFIX))
          .join(', ')}): this cluster (${cluster}, from the plan name) does not use it`,
        fix: `Add the tag ${CNI_CLUSTER_TAG_PREFIX}${cluster}, or remove the cluster tags, for this cluster to use it`,
      });
    } else if (!nodeAzs.has(s.az)) {
      out.push({
        code: 'subnet-tagged-no-nodes',
        severity: 'info',
        path,
        message: `${s.name} is tagged ${CNI_ROLE_TAG} but no node group has a node subnet in ${s.az}: discovery only uses subnets in the node's AZ`,
        fix: `Launch nodes in ${s.az}, or tag a subnet in the AZs the nodes use`,
      });
    }
  }
  placed.forEach((p, gi) => {
    const d = p.discovery;
    if (!d) return;
    const g = plan.nodeGroups[gi]!;
    const zeroSlots = d.slots.filter((s): s is SlotDiscovery => s !== null && s.primaryWithoutPods);
    const stranded = zeroSlots.filter((s) => s.eligible.length === 0 && s.runs.length > 0);
    if (stranded.length) {
      out.push({
        code: 'subnet-discovery-no-pod-subnet',
        severity: 'error',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: ${names(
          plan,
          stranded.map((s) => s.nodeSubnet),
        )} ${stranded.length === 1 ? 'is' : 'are'} tagged ${CNI_ROLE_TAG}=0 and no subnet of the same AZ is tagged for pods: the nodes' pod ENIs cannot be created and their pods get no address`,
        fix: `Tag a subnet in that AZ ${CNI_ROLE_TAG}=1 (e.g. one from a secondary CIDR), or remove the =0 tag`,
      });
    }
    if (zeroSlots.length && zeroSlots.length < d.slots.length) {
      out.push({
        code: 'subnet-discovery-mixed-primary',
        severity: 'warning',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: some launch subnets are tagged ${CNI_ROLE_TAG}=0 (${names(
          plan,
          zeroSlots.map((s) => s.nodeSubnet),
        )}) and some are not: nodes there run one ENI's worth of pods fewer (the primary ENI carries none); the figures shown per node are those of the others`,
        fix: "Tag all of the group's launch subnets alike",
      });
    } else if (zeroSlots.length && g.maxPods === null && p.perNode.maxPods - 2 > p.perNode.ipCapacity) {
      out.push({
        code: 'subnet-discovery-max-pods',
        severity: 'warning',
        path: `nodeGroups[${gi}].maxPods`,
        message: `${g.name}: its launch subnets are tagged ${CNI_ROLE_TAG}=0, so the primary ENI carries no pods (as with custom networking), but the default max pods (${p.perNode.maxPods}) does not know: only ${fmt(p.perNode.ipCapacity)} pods get addresses`,
        fix: 'Set max pods to the value max-pods-calculator.sh gives with --cni-custom-networking-enabled',
      });
    }
    if (d.podSubnets.length) {
      const full =
        zeroSlots.length === d.slots.length
          ? 'all its pod ENIs'
          : 'its secondary ENIs (the primary ENI and its addresses stay in the node subnet)';
      out.push({
        code: 'subnet-discovery',
        severity: 'info',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: subnet discovery puts ${full} in whichever of ${names(plan, [...new Set(d.slots.flatMap((s) => s?.eligible ?? []))])} has the most free addresses in each AZ`,
        fix: 'Nothing to do; the per-subnet figures show where they land',
      });
    }
  });
  return out;
}

/** Where one node of a group puts its addresses under subnet discovery (evaluate --json `subnetDiscovery`). */
export interface DiscoverySummary {
  /** Addresses that stay in the node subnet: node IP, the primary ENI's, launch interfaces, trunk and branch. */
  nodeSubnetPerNode: number;
  /** Secondary ENIs discovery places, and the addresses they hold together. */
  enisPerNode: number;
  eniAddressesPerNode: number;
  /** The node subnet is tagged kubernetes.io/role/cni=0: the primary ENI carries no pods. */
  primaryWithoutPods: boolean;
  /** The subnets those ENIs may go to (every launch subnet's AZ), plan order. */
  subnets: string[];
}

/** The `subnetDiscovery` key of a node group's result, or nothing when discovery changes nothing for it. */
export function discoverySummary(
  plan: Plan,
  p: Pick<GroupPlacement, 'discovery'>,
): { subnetDiscovery?: DiscoverySummary } {
  const slots = (p.discovery?.slots ?? []).filter((s): s is SlotDiscovery => s !== null);
  const first = slots[0];
  if (!first) return {};
  const total = (c: Contribution) => c.nodeIps + c.eniPrimaries + c.podIps + c.warmIps;
  const eligible = [...new Set(slots.flatMap((s) => s.eligible))].sort((a, b) => a - b);
  return {
    subnetDiscovery: {
      nodeSubnetPerNode: total(first.fixed),
      enisPerNode: first.runs.reduce((a, r) => a + r.count, 0),
      eniAddressesPerNode: first.runs.reduce((a, r) => a + r.count * r.size, 0),
      primaryWithoutPods: first.primaryWithoutPods,
      subnets: eligible.map((i) => plan.vpc.subnets[i]!.name),
    },
  };
}

/**
 * The tags an export writes on a subnet it creates: Name (the plan's name), then the plan's own tags
 * (`kubernetes.io/role/cni = "1"` on the pod subnets subnet discovery uses), AWS-reserved `aws:` keys
 * and a Name tag of the plan's own left out (EC2 refuses the first; the second is the subnet's name).
 * @example exportedSubnetTags({ name: 'pods-a', tags: { 'kubernetes.io/role/cni': '1' } })
 *   → [['Name', 'pods-a'], ['kubernetes.io/role/cni', '1']]
 */
export function exportedSubnetTags(s: Pick<Subnet, 'name' | 'tags'>): [string, string][] {
  const own = Object.entries(s.tags ?? {}).filter(([k]) => k !== 'Name' && !k.toLowerCase().startsWith('aws:'));
  return [['Name', s.name], ...own];
}
