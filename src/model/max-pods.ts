/**
 * The three max-pods numbers (the data's sources: data/aws/SOURCES.md).
 *
 * 1. ENI-limited (`eni-max-pods.txt`, AL2023 nodeadm, Karpenter): E × (I − 1) + 2.
 * 2. Recommended (amazon-eks-ami @ 0ab84280 `templates/al2/runtime/max-pods-calculator.sh`): custom networking, prefix delegation, --cni-max-eni, 110/250 cap.
 * 3. Effective: see `nodeAccounting` in warm-pool.ts (it needs the CNI settings).
 */
import type { InstanceType } from './instances';
import type { CniSettings } from './plan';

/** The two hostNetwork pods (aws-node, kube-proxy) that eni-max-pods.txt adds on top. */
export const HOST_NETWORK_PODS = 2;

/**
 * ENI-limited max pods, the default a node gets: ENIs × (IPv4 per ENI − 1) + 2, default card only
 * (`gen_vpc_ip_limits.go` printPodLimit).
 * @example eniLimitedMaxPods(m5.8xlarge) === 234 // 8 × 29 + 2
 */
export function eniLimitedMaxPods(t: InstanceType): number {
  return t.enis * (t.ipv4PerEni - 1) + HOST_NETWORK_PODS;
}

export interface CalculatorOptions {
  customNetworking?: boolean;
  prefixDelegation?: boolean;
  /** `--cni-max-eni N`: min(N, E); not validated by the script (0 gives 0 ENIs). */
  maxEni?: number | null;
  /** `--show-max-allowed`: skip the 110/250 cap. */
  showMaxAllowed?: boolean;
  /** `--cni-version`: prefix delegation needs 1.9 or newer. Defaults to a current CNI. */
  cniVersion?: { major: number; minor: number };
}

/**
 * `max-pods-calculator.sh` exactly (amazon-eks-ami @0ab84280):
 * `raw = (min(N?, E) − cn) × ((nitro ∧ pd ∧ cni≥1.9) ? 16(I−1) : (I−1)) + 2`, then
 * `min(raw, V > 30 ? 250 : 110)` unless show-max-allowed. Unknown vCPUs take the 110 cap, as the script's
 * failed integer test does.
 * @example recommendedMaxPods(m5.16xlarge, {}) === 250 // raw 737, capped
 */
export function recommendedMaxPods(t: InstanceType, o: CalculatorOptions = {}): number {
  const v = o.cniVersion ?? { major: 1, minor: 23 };
  const pdSupported = v.major > 1 || (v.major === 1 && v.minor > 8);
  const isNitro = t.hypervisor === 'nitro';
  let enis = t.enis;
  if (o.maxEni !== undefined && o.maxEni !== null) enis = Math.min(o.maxEni, enis);
  if (o.customNetworking) enis -= 1;
  const slots = t.ipv4PerEni - 1;
  const raw = isNitro && o.prefixDelegation && pdSupported ? enis * slots * 16 + 2 : enis * slots + 2;
  if (o.showMaxAllowed) return raw;
  return Math.min(raw, recommendedCap(t));
}

/** The calculator's density cap: 250 above 30 vCPUs, else 110 (also when vCPUs are unknown). */
export function recommendedCap(t: InstanceType): number {
  return t.vcpus !== null && t.vcpus > 30 ? 250 : 110;
}

/**
 * Karpenter's `ENILimitedPods` (types.go l.641-661): usable = max(E − reservedENIs − efaOnly, 0);
 * 0 when nothing is usable, else usable × (I − 1) + 2.
 * @example karpenterEniLimitedPods(m5.large, 1) === 20 // custom networking: RESERVED_ENIS=1
 */
export function karpenterEniLimitedPods(t: InstanceType, reservedEnis = 0, efaOnlyEnis = 0): number {
  const usable = Math.max(t.enis - reservedEnis - efaOnlyEnis, 0);
  return usable === 0 ? 0 : usable * (t.ipv4PerEni - 1) + HOST_NETWORK_PODS;
}

/** Where the max pods in force comes from (the page and the report word it). */
export type MaxPodsSource =
  /** The plan's kubelet max pods. */
  | 'plan'
  /** Nothing set: the AMI's default (nodeadm / eni-max-pods.txt), which knows nothing of EFA-only interfaces. */
  | 'ami-default'
  /** An EKS managed node group: EKS's 110/250 cap overrides the value otherwise in force. */
  | 'eks-managed-cap'
  /** Karpenter with no kubelet.maxPods: its EFA-aware ENILimitedPods. */
  | 'karpenter'
  /** EKS Auto Mode: capped at 110. */
  | 'auto-mode-cap';

export interface MaxPodsInForce {
  value: number;
  source: MaxPodsSource;
  /** What it would be without the kind's cap (equal to value when no cap applies). */
  uncapped: number;
}

/** EKS Auto Mode caps max pods at 110 (EKS user guide, create-node-class.adoc). */
export const AUTO_MODE_MAX_PODS = 110;

/**
 * The kubelet max pods a node of this kind runs with: the plan's value, else the default
 * of whoever launches it; a managed group's EKS cap (110 up to 30 vCPUs, else 250; EKS user guide
 * `choosing-instance-type.adoc` "How maxPods is determined") and Auto Mode's 110 override everything.
 * @example maxPodsInForce(m5.16xlarge, 'managed', null).value === 250 // 737 otherwise, EKS caps it
 * @example maxPodsInForce(p5.48xlarge, 'karpenter', null, { efaOnlyOnCard0: 1 }).value === 51
 */
export function maxPodsInForce(
  t: InstanceType,
  kind: 'self-managed' | 'managed' | 'karpenter' | 'auto-mode',
  explicit: number | null,
  o: { reservedEnis?: number; efaOnlyOnCard0?: number; prefixDelegation?: boolean; customNetworking?: boolean } = {},
): MaxPodsInForce {
  if (kind === 'karpenter') {
    const value = explicit ?? karpenterEniLimitedPods(t, o.reservedEnis ?? 0, o.efaOnlyOnCard0 ?? 0);
    return { value, source: explicit === null ? 'karpenter' : 'plan', uncapped: value };
  }
  // Auto Mode's "usual calculation" knows its own prefix mode (max-pods-calculator.sh without the cap).
  const base =
    explicit ??
    (kind === 'auto-mode'
      ? recommendedMaxPods(t, {
          prefixDelegation: o.prefixDelegation,
          customNetworking: o.customNetworking,
          showMaxAllowed: true,
        })
      : eniLimitedMaxPods(t));
  const own: MaxPodsSource = explicit === null ? 'ami-default' : 'plan';
  const cap = kind === 'managed' ? recommendedCap(t) : kind === 'auto-mode' ? AUTO_MODE_MAX_PODS : Infinity;
  if (base <= cap) return { value: base, source: own, uncapped: base };
  return { value: cap, source: kind === 'managed' ? 'eks-managed-cap' : 'auto-mode-cap', uncapped: base };
}

/** Why the max pods in force is what it is, in a few words (the CLI report and the page share them). */
export const MAX_PODS_SOURCE: Record<MaxPodsSource, (uncapped: number) => string> = {
  plan: () => 'set in the plan',
  'ami-default': () => 'the AMI default (eni-max-pods.txt)',
  'eks-managed-cap': (u) => `EKS managed node group cap, over ${u}`,
  karpenter: () => "Karpenter's EFA-aware ENI-limited value",
  'auto-mode-cap': (u) => `EKS Auto Mode cap of ${AUTO_MODE_MAX_PODS}, over ${u}`,
};

/** The max-pods numbers of one node (a node group's result, the editor's instance facts). */
export interface MaxPodsNumbers {
  /** ENIs × (IPv4 per ENI − 1) + 2. */
  eniLimited: number;
  /** max-pods-calculator.sh with the plan's custom networking / prefix delegation / MAX_ENI. */
  recommended: number;
  /** What the node can really run: min(max pods − 2, addresses the CNI can hold). */
  effective: number;
  /** Karpenter ENILimitedPods with RESERVED_ENIS = 1 under custom networking, else 0. */
  karpenter: number;
}

/**
 * The max-pods numbers of a node of type `t` under the CNI settings; `node` is its accounting
 * (`nodeAccounting` in warm-pool.ts), which gives the effective value and card 0's EFA-only interfaces.
 * @example maxPodsNumbers(m5.16xlarge, DEFAULT_CNI, nodeAccounting(m5.16xlarge, DEFAULT_CNI, { pods: 0 }))
 *   // { eniLimited: 737, recommended: 250, effective: 735, karpenter: 737 }
 */
export function maxPodsNumbers(
  t: InstanceType,
  cni: CniSettings,
  /** The node's accounting (warm-pool.ts NodeAccounting): what the CNI can hold, and EFA-only interfaces on card 0. */
  node: { effectiveMaxPods: number; efaOnlyOnCard0: number },
): MaxPodsNumbers {
  return {
    eniLimited: eniLimitedMaxPods(t),
    // recommendedMaxPods applies prefix delegation only on Nitro, as the script does
    recommended: recommendedMaxPods(t, {
      customNetworking: cni.customNetworking,
      prefixDelegation: cni.prefixDelegation,
      maxEni: cni.maxEni,
    }),
    effective: node.effectiveMaxPods,
    // EFA-aware: Karpenter ENILimitedPods (instancetype/types.go) subtracts card 0's EFA-only interfaces
    karpenter: karpenterEniLimitedPods(t, cni.customNetworking ? 1 : 0, node.efaOnlyOnCard0),
  };
}
