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
 * The order of events the "most free" choice assumes and the water-filling that follows from it:
 * subnet-discovery-fill.ts. The tag rules: subnet-discovery-tags.ts; the warnings and the evaluate --json
 * summary: subnet-discovery-report.ts. This file splits a node's addresses into what stays in the node
 * subnet and the ENIs discovery places (splitNode) and gives a group's placement its discovery slots.
 *
 * A plan with no subnet tagged `kubernetes.io/role/cni` in a node's AZ (and no launch subnet tagged =0)
 * places exactly as before: placement gets no `discovery` and nothing here runs.
 */
import { cidrSize, parseCidr } from './cidr';
import type { InstanceType } from './instances';
import type { CniSettings, NodeGroup, Plan } from './plan';
import type { Contribution, DiscoveryStatics, GroupPlacement, MovableRun, SlotDiscovery } from './placement-types';
import { discoveryCluster, discoveryRuns, eligibleSubnets, excludesPods } from './subnet-discovery-tags';
import { ADDRESSES_PER_PREFIX, nodeAccounting, type NodeAccounting, type NodeInput } from './warm-pool';

export type { DiscoveryStatics, GroupDiscovery, MovableRun, SlotDiscovery } from './placement-types';
// Imported from here by evaluate.ts and src/ui (subnet-tags.tsx, node-explain.ts).
export { CNI_CLUSTER_TAG_PREFIX, CNI_ROLE_TAG, discoveryCluster } from './subnet-discovery-tags';
export { discoverySummary, type DiscoverySummary } from './subnet-discovery-report';

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
