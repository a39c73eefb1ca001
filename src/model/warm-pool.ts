/**
 * One node's addresses after the VPC CNI's ipamd has settled (`docs/vpc-cni.md` §1–4), in closed form.
 *
 * The figures are the steady state of pods arriving one at a time on a fresh node, the 5-s pool loop
 * settling between arrivals (`isDatastorePoolTooLow` → `increaseDatastorePool`, one action per
 * iteration). tests/reference/ipamd-sim.ts replays that loop step by step and the property tests hold
 * this closed form to it.
 */
import type { CniSettings } from './plan';
import { type InstanceType, slotsPerEni, vpcCniSupportsPrefixDelegation } from './instances';
import { eniLimitedMaxPods, HOST_NETWORK_PODS } from './max-pods';

export const ADDRESSES_PER_PREFIX = 16;

export interface NodeInput {
  /** Non-hostNetwork pods asked for on the node. */
  pods: number;
  /** Pods with their own security groups (branch ENIs), on top of `pods`. */
  branchPods?: number;
  /** kubelet max pods; null/undefined = the AMI's default (ENI-limited). */
  maxPods?: number | null;
}

/** Which warm-pool rule ipamd follows for this node. */
export type PoolMode = 'warm-eni' | 'warm-ip' | 'prefix' | 'prefix-warm-ip';

export interface NodeAccounting {
  instanceType: string;
  pods: number;
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
  const maxPods = input.maxPods ?? eniLimitedMaxPods(t);
  const S = slotsPerEni(t);
  const cn = cni.customNetworking;
  const trunkEni = cni.podEni && t.trunk;
  const eniLimit = Math.max(0, (cni.maxEni !== null && cni.maxEni >= 1 ? Math.min(cni.maxEni, t.enis) : t.enis) - (trunkEni ? 1 : 0));
  const podEniLimit = Math.max(0, eniLimit - (cn ? 1 : 0));

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
  const enis = poolEnis + (cn ? 1 : 0) + (trunkEni ? 1 : 0);
  const regularRunning = Math.min(podsAdmitted, ips);
  const podsRunning = regularRunning + branchPods;
  const podsWithoutIp = pods + requestedBranch - podsRunning;
  // Trunk and branch ENIs live where the pod ENIs live (VPC resource controller; vpc-cni.md §4, M).
  const sgpIps = (trunkEni ? 1 : 0) + branchPods;
  const poolIps = ips + poolEnis;
  const nodeSubnetIps = cn ? 1 : poolIps + sgpIps;
  const podSubnetIps = cn ? poolIps + sgpIps : 0;
  const ipCapacity = (pd ? ADDRESSES_PER_PREFIX : 1) * podEniLimit * S;
  return {
    instanceType: t.name,
    pods,
    maxPods,
    enis,
    ips,
    prefixes,
    nodeSubnetIps,
    podSubnetIps,
    podsWithoutIp,
    mode,
    prefixFallback,
    podsRunning,
    podsAdmitted,
    warmIps: ips - regularRunning,
    eniPrimaries: enis,
    podEniLimit,
    ipCapacity,
    effectiveMaxPods: Math.max(0, Math.min(podSlots, ipCapacity)),
    slotsPerEni: S,
    trunkEni,
    branchPods,
    totalIps: nodeSubnetIps + podSubnetIps,
  };
}
