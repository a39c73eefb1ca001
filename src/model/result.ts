/**
 * What evaluate(plan) returns: plain data the views and the CLI's `evaluate --json` show.
 * Keys marked (contract) are the stable part of `evaluate --json` (README, "The command line"); the rest are
 * extensions.
 */
import type { MaxPodsNumbers } from './max-pods';
import type { NodeAccounting } from './warm-pool';

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the plan, with a stable code, where it is, what is wrong and what to do. */
export interface Warning {
  /** Stable kebab-case identifier, e.g. "subnet-exhausted" (contract). */
  code: string;
  /** Plain-language message (contract). */
  message: string;
  /** Plan path, e.g. "vpc.subnets[0]" or "nodeGroups[1].maxPods" (contract). */
  path: string;
  severity: Severity;
  /** A concrete fix. */
  fix: string;
  /** When the fix is a setting, the change that applies it (the app shows a button). */
  apply?: PlanPatch;
}

/** A small, declarative change to a plan (the app applies it with applyPatch in src/state/apply-patch.ts). */
export type PlanPatch =
  | { kind: 'cni'; set: Partial<import('./plan').CniSettings> }
  | { kind: 'nodeGroup'; index: number; set: Partial<import('./plan').NodeGroup> };

/** Addresses in one subnet, by what takes them. */
export interface UsageBreakdown {
  /** `reservedIps` of the plan (load balancers, endpoints, ...); AWS's 5 are not in `used`. */
  reserved: number;
  /** Node primary addresses (one per node launched here). */
  nodeIps: number;
  /** Primary addresses of further ENIs (pod ENIs, trunk ENIs). */
  eniPrimaries: number;
  /** Pod addresses in use (including branch-ENI pods). */
  podIps: number;
  /** Held but idle pod addresses: the warm pool. */
  warmIps: number;
  /** Sum of the above: the subnet's `used`. */
  total: number;
}

export type Scale = 'min' | 'desired' | 'max';

export interface PrefixBlocks {
  /** Aligned /28 blocks in the subnet (or its prefix reservation) that prefixes could ever use. */
  total: number;
  /** Blocks holding prefixes. */
  usedByPrefixes: number;
  /** Blocks spoiled by single addresses (node IPs, ENI primaries, reservedIps). */
  spoiled: number;
  /** Blocks left for new prefixes (usedByPrefixes + spoiled + free = total). */
  free: number;
  /** Prefixes wanted that find no free block: the subnet is out of /28 blocks. */
  short: number;
  /** Prefixes the nodes want at this scale. */
  needed: number;
}

export interface SubnetResult {
  name: string;
  cidr: string;
  az: string;
  /** 2^(32−n) (contract). */
  size: number;
  /** size − 5 (contract). */
  usable: number;
  /** Addresses taken at each scale (contract). */
  used: Record<Scale, number>;
  breakdown: Record<Scale, UsageBreakdown>;
  /** Free addresses at each scale (usable − used; negative when over). */
  free: Record<Scale, number>;
  /** Does it hold every group at max? */
  fitsAtMax: boolean;
  /** Total nodes (x of the exhaustion chart) at which this subnet first runs out; null if never within the series. */
  exhaustedAtNodes: number | null;
  /** Which VPC CIDR holds it (index), or -1. */
  vpcCidrIndex: number;
  /** Roles: node subnet of some group, pod subnet (custom networking), or unused. */
  roles: ('nodes' | 'pods')[];
  /** With prefix delegation: /28 block accounting per scale. */
  prefixBlocks?: Record<Scale, PrefixBlocks>;
}

export interface NodeGroupResult {
  name: string;
  instanceType: string;
  /** kubelet max pods in force: the plan's, else the ENI-limited default (contract). */
  maxPods: number;
  /** The node object of `node --json` (contract). */
  perNode: NodeAccounting;
  /** ENI-limited, recommended, effective and Karpenter's (max-pods.ts maxPodsNumbers). */
  maxPodsNumbers: MaxPodsNumbers;
  /** Most nodes of this group that fit, the other groups at desiredNodes (contract). */
  maxNodesThatFit: number;
  nodes: Record<Scale, number>;
  /** Addresses this group takes at each scale, all subnets together. */
  addresses: Record<Scale, number>;
  /** Where subnet discovery puts a node's secondary ENIs (absent when it changes nothing for this group). */
  subnetDiscovery?: import('./subnet-discovery-report').DiscoverySummary;
  // ---- node pools only (contract §4): the candidates and the worst and best at pods.max ----
  candidates?: number;
  worst?: import('./node-pool').PoolPick;
  best?: import('./node-pool').PoolPick;
  /** Every candidate that runs the pod, most addresses first. */
  candidateList?: import('./node-pool').PoolCandidate[];
  /** Candidates too small for one pod. */
  tooSmall?: import('./node-pool').PoolCandidate[];
}

export interface SeriesPoint {
  /** Total nodes over all groups. */
  nodes: number;
  /** Addresses used per subnet, in plan order. */
  used: number[];
  /**
   * With prefixes: per subnet, the larger of `used` and the /28 block load (usable × blocks wanted ÷ blocks),
   * which crosses the usable line where prefixes run short. Absent when no subnet holds prefixes.
   */
  load?: number[];
}

export interface ExhaustionSeries {
  /** Subnet names in the order of `used`. */
  subnets: string[];
  usable: number[];
  points: SeriesPoint[];
  /** Total nodes at min, desired and max. */
  marks: Record<Scale, number>;
  /** Where the series ends (first exhaustion or 2× max). */
  endNodes: number;
}

export interface Totals {
  nodes: Record<Scale, number>;
  /** Addresses used in all subnets. */
  used: Record<Scale, number>;
  /** Of those, the warm pool. */
  warm: Record<Scale, number>;
  /** Of those, pod addresses in use. */
  pods: Record<Scale, number>;
  usable: number;
}

export interface Evaluation {
  /** Every subnet has room with every group at maxNodes (contract). */
  fits: boolean;
  nodeGroups: NodeGroupResult[];
  subnets: SubnetResult[];
  warnings: Warning[];
  /** The subnet that runs out first when all groups scale together, and at how many total nodes. */
  firstExhaustion: { subnet: string; atNodes: number } | null;
  totals: Totals;
  series: ExhaustionSeries;
}
