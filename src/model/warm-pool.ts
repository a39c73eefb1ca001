/**
 * One node's addresses after the VPC CNI's ipamd has settled, in closed form (amazon-vpc-cni-k8s @ b52188387 (v1.23.1)
 * `pkg/ipamd/ipamd.go`, `pkg/ipamd/datastore/data_store.go`, `pkg/awsutils/awsutils.go`).
 *
 * The figures are the steady state of pods arriving one at a time on a fresh node, the 5-s pool loop
 * settling between arrivals (`isDatastorePoolTooLow` → `increaseDatastorePool`, one action per
 * iteration). tests/reference/ipamd-sim.ts replays that loop step by step and the property tests hold
 * this closed form to it.
 */
import { cniValue } from './cni-settings';
import { cardGroups, type CardGroup } from './card-groups';
import { launchLayout, multiNicManages } from './efa-layout';
import type { CniSettings, EfaLayout, NodeGroupKind } from './plan';
import { type InstanceType, slotsPerEni, vpcCniSupportsPrefixDelegation } from './instances';
import { HOST_NETWORK_PODS, maxPodsInForce, type MaxPodsSource } from './max-pods';

export const ADDRESSES_PER_PREFIX = 16;

export interface NodeInput {
  /** Non-hostNetwork pods asked for on the node. */
  pods: number;
  /** Pods with their own security groups (branch ENIs), on top of `pods`. */
  branchPods?: number;
  /** kubelet max pods; null/undefined = the default of whoever launches the node (`kind`). */
  maxPods?: number | null;
  /** Who launches the node (default self-managed): decides max pods when none is set, and caps it. */
  kind?: NodeGroupKind;
  /** The interfaces the launch attaches (default none). */
  efaLayout?: EfaLayout;
  /** Pods annotated k8s.amazonaws.com/nicConfig: multi-nic-attachment (with ENABLE_MULTI_NIC). */
  multiHomedPods?: number;
  /** Karpenter RESERVED_ENIS (default: 1 under custom networking, as Karpenter's docs ask, else 0). */
  reservedEnis?: number;
}

/** Addresses one node puts into one subnet, by kind. */
export interface SubnetShare {
  /** The node's own primary address (1 in the launch subnet). */
  nodeIps: number;
  /** Primary addresses of further interfaces: pod ENIs, the trunk ENI, EFA interfaces with ENA. */
  eniPrimaries: number;
  /** Pod addresses in use (branch-ENI pods included). */
  podIps: number;
  /** Held but idle pod addresses: the warm pool. */
  warmIps: number;
  /** /28 prefixes (prefix delegation). */
  prefixes: number;
  /** Single addresses (everything not inside a prefix). */
  singles: number;
}

/** Which warm-pool rule ipamd follows for this node. */
export type PoolMode = 'warm-eni' | 'warm-ip' | 'prefix' | 'prefix-warm-ip';

export interface NodeAccounting {
  instanceType: string;
  pods: number;
  /** The max pods in force (contract): see `maxPodsSource`. */
  maxPods: number;
  /** ENIs attached and managed by the CNI: primary, pod ENIs, trunk. */
  enis: number;
  /** Addresses held for pods: secondary IPs, or 16 per prefix. */
  ips: number;
  prefixes: number;
  /** Addresses taken from the launch subnet (node IP and ENI primaries included). */
  nodeSubnetIps: number;
  /** Addresses taken from the custom-networking pod subnet. */
  podSubnetIps: number;
  /** Requested pods that will not run with an address. */
  podsWithoutIp: number;
  // ---- detail (extensions beyond the contract's keys) ----
  mode: PoolMode;
  /** Prefix delegation was asked for but the type is not Nitro or bare metal: secondary IPs instead. */
  prefixFallback: boolean;
  /** Pods that run with an address (regular and branch). */
  podsRunning: number;
  /** Regular pods admitted by the kubelet (max pods − 2 hostNetwork − branch pods). */
  podsAdmitted: number;
  /** Held pod addresses not in use: the warm pool. */
  warmIps: number;
  /** ENI primary addresses (the node IP is the primary ENI's). */
  eniPrimaries: number;
  /** Pod-capable ENIs the node may have (after MAX_ENI, trunk, custom networking). */
  podEniLimit: number;
  /** The most pod addresses the CNI can ever hold on this node. */
  ipCapacity: number;
  /** Effective max pods: min(kubelet max pods − 2, addresses the CNI can hold). */
  effectiveMaxPods: number;
  slotsPerEni: number;
  trunkEni: boolean;
  branchPods: number;
  /** Addresses per node, all subnets together. */
  totalIps: number;
  kind: NodeGroupKind;
  /** Why `maxPods` is what it is, and what it would be without the kind's cap. */
  maxPodsSource: MaxPodsSource;
  maxPodsUncapped: number;
  efaLayout: EfaLayout;
  /** EFA interfaces the launch attaches (EFA with ENA, and EFA-only). */
  efaInterfaces: number;
  /** Primary IPv4 of launch-time interfaces beyond the primary ENI (EFA with ENA), in the node subnet. */
  launchInterfaceIps: number;
  /** EFA-only interfaces on card 0, each taking one of the CNI's ENI slots. */
  efaOnlyOnCard0: number;
  multiNic: boolean;
  /** Multi-homed pods running with an address on every managed card. */
  multiHomedPods: number;
  /** The node's cards, alike ones grouped. */
  cards: CardGroup[];
  /** Where the addresses land: the launch subnet, and the pod subnet (custom networking; zero without). */
  share: { node: SubnetShare; pod: SubnetShare };
}

/**
 * Smallest settled value of a pool that grows from 0 towards `demand`, in `chunk`-sized steps at node
 * start (one ENI's worth per action) and then one unit per arriving pod, stopping before any action once
 * `stopAt` units are held (ipamd's `TotalIPs ≥ maxPods` check) and never beyond `cap`.
 */
function settle(init: number, demand: number, chunk: number, stopAt: number, cap: number): number {
  if (stopAt <= 0 || cap <= 0) return 0;
  const atStart = Math.min(init, cap, Math.ceil(stopAt / chunk) * chunk);
  if (atStart >= stopAt) return atStart;
  return Math.max(atStart, Math.min(demand, stopAt, cap));
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/**
 * One node's ENIs, held addresses and subnet addresses after the CNI settles.
 * @example nodeAccounting(m5.8xlarge, DEFAULT_CNI, { pods: 10 }).nodeSubnetIps === 60 // 2 ENIs × 30
 */
export function nodeAccounting(t: InstanceType, cni: CniSettings, input: NodeInput): NodeAccounting {
  const pods = Math.max(0, Math.floor(input.pods));
  const S = slotsPerEni(t);
  const cn = cni.customNetworking;
  const kind = input.kind ?? 'self-managed';
  const launch = launchLayout(t, input.efaLayout ?? 'none');
  const inForce = maxPodsInForce(t, kind, input.maxPods ?? null, {
    reservedEnis: input.reservedEnis ?? (cn ? 1 : 0),
    efaOnlyOnCard0: launch.efaOnlyOnCard0,
    prefixDelegation: cni.prefixDelegation,
    customNetworking: cn,
  });
  const maxPods = inForce.value;
  const maxEni = cni.maxEni !== null && cni.maxEni >= 1 ? Math.min(cni.maxEni, t.enis) : t.enis;
  // ipamd keeps one card-0 slot for the trunk until it is attached (`hasRoomForEni`), but asks for the trunk
  // only when card 0 has a slot free beside the primary (aws/amazon-vpc-cni-k8s #1202): MAX_ENI=1, or an
  // EFA-only interface on a 2-ENI card 0, leaves the node without trunk (and branch pods) for good.
  const sgpSlot = cni.podEni && t.trunk;
  const trunkEni = sgpSlot && maxEni - launch.efaOnlyOnCard0 >= 2;
  // MAX_ENI counts every attached interface; EFA-only ones on card 0 are unmanaged but still take a slot.
  const eniLimit = Math.max(0, maxEni - (sgpSlot ? 1 : 0) - launch.efaOnlyOnCard0);
  // Without custom networking the primary ENI always takes secondaries (`tryAssignIPs` needs no free slot).
  const podEniLimit = cn ? Math.max(0, eniLimit - 1) : Math.max(1, eniLimit);

  // Branch pods (security groups for pods) count against the kubelet's max pods but take no pool address.
  const requestedBranch = Math.max(0, Math.floor(input.branchPods ?? 0));
  const podSlots = Math.max(0, maxPods - HOST_NETWORK_PODS);
  const branchPods = Math.min(requestedBranch, trunkEni ? t.branchEnis : 0, podSlots);
  const podsAdmitted = Math.min(pods, podSlots - branchPods);

  const wit = cni.warmIpTarget ?? 0;
  const mit = cni.minimumIpTarget ?? 0;
  const ipTargets = wit > 0 || mit > 0;
  const prefixFallback = cni.prefixDelegation && !vpcCniSupportsPrefixDelegation(t);
  const pd = cni.prefixDelegation && !prefixFallback;
  // With WARM_IP_TARGET unset, MINIMUM_IP_TARGET alone is the whole target: pods never raise it.
  const target = (p: number) => (wit > 0 ? Math.max(p + wit, mit) : mit);

  let ips: number;
  let prefixes = 0;
  let podEnis: number;
  let mode: PoolMode;
  if (pd) {
    const u = ADDRESSES_PER_PREFIX;
    const capPrefixes = podEniLimit * S;
    const stop = ceilDiv(maxPods, u);
    if (ipTargets) {
      mode = 'prefix-warm-ip';
      prefixes = settle(ceilDiv(target(0), u), ceilDiv(target(podsAdmitted), u), S, stop, capPrefixes);
    } else {
      mode = 'prefix';
      const wpt = Math.max(0, cni.warmPrefixTarget);
      const demand = wpt >= 1 ? ceilDiv(podsAdmitted, u) + wpt : Math.floor(podsAdmitted / u) + 1;
      prefixes = settle(Math.max(1, wpt), demand, S, stop, capPrefixes);
    }
    ips = prefixes * u;
    podEnis = ceilDiv(prefixes, S);
  } else if (ipTargets) {
    mode = 'warm-ip';
    ips = settle(target(0), target(podsAdmitted), S, maxPods, podEniLimit * S);
    podEnis = ceilDiv(ips, S);
  } else {
    mode = 'warm-eni';
    const w = Math.max(0, cni.warmEniTarget);
    const demand = w >= 1 ? ceilDiv(podsAdmitted, S) + w : Math.floor(podsAdmitted / S) + 1;
    podEnis = settle(Math.max(1, w), demand, 1, ceilDiv(maxPods, S), podEniLimit);
    ips = podEnis * S;
  }

  // Without custom networking the primary ENI is always there, pods or not.
  const poolEnis = cn ? podEnis : Math.max(podEnis, 1);
  const card0Enis = poolEnis + (cn ? 1 : 0) + (trunkEni ? 1 : 0);
  // Pods that can have card 0's addresses (multi-homed ones included; see ENABLE_MULTI_NIC below).
  let card0Running = Math.min(podsAdmitted, ips);

  // Card 0's pool and pod ENIs: in the pod subnet under custom networking, else in the node subnet.
  const node = share();
  const pod = share();
  node.nodeIps = 1;
  node.singles = 1;
  node.eniPrimaries += launch.extraNodeIps;
  node.singles += launch.extraNodeIps;

  // ENABLE_MULTI_NIC: every other managed card keeps WARM_IP_TARGET=1 / MINIMUM_IP_TARGET=1 (ipamd
  // datastoreTargetState), i.e. the pods it serves + 1 addresses, on the launch's EFA ENI if there is one,
  // else on an ENI the CNI creates there (in the ENIConfig subnet under custom networking). Multi-homed pods
  // take one address on every managed card; any other pod takes card 0's, and only when card 0 has none
  // free the next managed card's, in card order (rpc_handler.go AddNetwork: ErrNoAvailableIPInDataStore →
  // next datastore). Every card's datastore has the same ENI limit (card 0's, or MAX_ENI).
  const multiNic = cniValue(cni, 'multiNic');
  const extra = multiNic ? launch.cards.slice(1).filter(multiNicManages) : [];
  const unit = pd ? ADDRESSES_PER_PREFIX : 1;
  const cardUnits = maxEni * S;
  const cardCapacity = cardUnits * unit;
  const multiAsked = multiNic ? Math.min(Math.max(0, Math.floor(input.multiHomedPods ?? 0)), podsAdmitted) : 0;
  const multiHomed = Math.min(multiAsked, card0Running, extra.length ? cardCapacity : Infinity);
  card0Running = multiHomed + Math.min(podsAdmitted - multiAsked, ips - multiHomed);
  let spill = extra.length ? podsAdmitted - multiAsked - (card0Running - multiHomed) : 0;
  const extraCards = extra.map((c) => {
    const spilled = Math.min(spill, cardCapacity - multiHomed);
    spill -= spilled;
    const used = multiHomed + spilled;
    // No card grows once it holds max pods addresses (a Karpenter max pods of 0 keeps them all empty).
    const units = maxPods <= 0 ? 0 : Math.min(pd ? ceilDiv(used + 1, ADDRESSES_PER_PREFIX) : used + 1, cardUnits);
    const launchEni = c.interfaces.includes('efa') ? 1 : 0;
    const enisNeeded = units === 0 ? 0 : Math.max(1, ceilDiv(units, S));
    const onLaunch = launchEni ? Math.min(units, S) : 0;
    return {
      card: c,
      units,
      used,
      spilled,
      launchEni,
      newEnis: Math.max(0, enisNeeded - launchEni),
      onLaunch,
      onNew: units - onLaunch,
    };
  });
  let extraIps = 0;
  let extraPrefixes = 0;
  let extraEnis = 0;
  let extraUsed = 0;
  let spilledPods = 0;
  for (const x of extraCards) {
    const newShare = cn ? pod : node;
    const usedOnLaunch = Math.min(x.used, x.onLaunch * unit);
    const usedOnNew = x.used - usedOnLaunch;
    addPool(node, x.onLaunch, unit, usedOnLaunch);
    addPool(newShare, x.onNew, unit, usedOnNew);
    newShare.eniPrimaries += x.newEnis;
    newShare.singles += x.newEnis;
    extraIps += x.units * unit;
    extraPrefixes += pd ? x.units : 0;
    extraEnis += x.launchEni + x.newEnis;
    extraUsed += x.used;
    spilledPods += x.spilled;
  }

  const podsRunning = card0Running + spilledPods + branchPods;
  const podsWithoutIp = pods + requestedBranch - podsRunning;
  const card0Warm = ips - card0Running;
  // Trunk and branch ENIs live where the pod ENIs live (the VPC resource controller; an assumption, not traced in its code).
  const poolShare = cn ? pod : node;
  poolShare.eniPrimaries += card0Enis - 1;
  poolShare.podIps += card0Running + branchPods;
  poolShare.warmIps += card0Warm;
  poolShare.prefixes += prefixes;
  poolShare.singles += card0Enis - 1 + branchPods + (pd ? 0 : card0Running + card0Warm);

  const nodeSubnetIps = total(node);
  const podSubnetIps = total(pod);
  // Card 0's pool, and with ENABLE_MULTI_NIC what the other managed cards can hold for pods that spill there.
  const ipCapacity = unit * podEniLimit * S + extra.length * cardCapacity;
  const enis = card0Enis + extraEnis;
  const eniPrimaries = card0Enis + launch.extraNodeIps + extraCards.reduce((a, x) => a + x.newEnis, 0);
  return {
    instanceType: t.name,
    pods,
    maxPods,
    enis,
    ips: ips + extraIps,
    prefixes: prefixes + extraPrefixes,
    nodeSubnetIps,
    podSubnetIps,
    podsWithoutIp,
    mode,
    prefixFallback,
    podsRunning,
    podsAdmitted,
    warmIps: card0Warm + extraIps - extraUsed,
    eniPrimaries,
    podEniLimit,
    ipCapacity,
    effectiveMaxPods: Math.max(0, Math.min(podSlots, ipCapacity)),
    slotsPerEni: S,
    trunkEni,
    branchPods,
    totalIps: nodeSubnetIps + podSubnetIps,
    kind,
    maxPodsSource: inForce.source,
    maxPodsUncapped: inForce.uncapped,
    efaLayout: launch.layout,
    efaInterfaces: launch.efaInterfaces,
    launchInterfaceIps: launch.extraNodeIps,
    efaOnlyOnCard0: launch.efaOnlyOnCard0,
    multiNic,
    multiHomedPods: multiHomed,
    cards: cardGroups(
      launch.cards,
      card0Enis + launch.efaOnlyOnCard0,
      { nodeSubnetIps, podSubnetIps, cn },
      extraCards,
      unit,
      ips,
    ),
    share: { node, pod },
  };
}

const share = (): SubnetShare => ({ nodeIps: 0, eniPrimaries: 0, podIps: 0, warmIps: 0, prefixes: 0, singles: 0 });
const total = (s: SubnetShare) => s.nodeIps + s.eniPrimaries + s.podIps + s.warmIps;

/** Adds `units` pool units (IPs, or prefixes of `unit` addresses) of which `used` addresses carry pods. */
function addPool(s: SubnetShare, units: number, unit: number, used: number) {
  s.podIps += used;
  s.warmIps += units * unit - used;
  if (unit > 1) s.prefixes += units;
  else s.singles += units;
}
