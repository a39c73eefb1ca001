/**
 * Cross-AZ traffic between the pods of one workload (multi-node training or inference), what it costs
 * spread over AZs against co-located, and the manifests that co-locate it.
 */
import type { Plan } from './plan';

/** Hours in the month AWS bills by (8,760 / 12). */
export const HOURS_PER_MONTH = 730;
/** Decimal gigabyte, as AWS bills data transfer: 1 GB = 10^9 bytes. */
export const BYTES_PER_GB = 1e9;
/**
 * EC2 data transfer between AZs in one Region: 0.01 USD per GB in each direction (EC2 on-demand pricing,
 * "Data Transfer within the same AWS Region"), so 0.02 USD for every GB that crosses.
 */
export const DEFAULT_PRICE_PER_GB_EACH_WAY = 0.01;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** How much each pod sends to its peers. */
export type Traffic =
  | { kind: 'perHour'; bytesPerPodPerHour: number }
  | { kind: 'perStep'; bytesPerPodPerStep: number; stepsPerHour: number };

export interface CrossAzInput {
  pods: number;
  traffic: Traffic;
  /** Pods (or nodes, or any weights) per AZ; normalised to fractions. See {@link spreadFromPlan}. */
  spread: Record<string, number>;
  /** USD per GB leaving an AZ (default 0.01). */
  pricePerGbOut?: number;
  /** USD per GB entering an AZ (default 0.01). */
  pricePerGbIn?: number;
}

export interface CrossAzResult {
  /** Share of the pods in each AZ (f_i). */
  fractions: Record<string, number>;
  /** 1 − Σ f_i²: the share of an all-to-all exchange that crosses AZs. */
  crossAzShare: number;
  /** Bytes all pods send per hour. */
  bytesPerHour: number;
  /** GB all pods send per month (730 h). */
  monthlyGb: number;
  /** GB per month that crosses AZs when spread. */
  monthlyCrossAzGb: number;
  /** USD per month when spread: crossing GB × (out + in price). */
  monthlyCostUsd: number;
  /** Co-located in one AZ: nothing crosses, nothing is billed. */
  colocated: { monthlyCrossAzGb: 0; monthlyCostUsd: 0 };
  monthlySavingsUsd: number;
  latencyNote: string;
  tradeOff: string;
}

export const LATENCY_NOTE =
  'Every cross-AZ hop also adds latency: AZs in a Region are kilometres apart (AWS: within 100 km) and ' +
  'linked with single-digit-millisecond latency, against well under a millisecond inside one AZ. ' +
  'Collective operations (all-reduce) wait for the slowest link, so a few pods in another AZ slow every step.';

export const TRADE_OFF =
  'Co-locating in one AZ makes that AZ a single point of failure: if it fails or is impaired, the whole ' +
  'workload stops. And one AZ may not have capacity for large instance types (GPU, Trainium, high-memory), ' +
  'so pods can stay Pending or nodes fail to launch. The affinity is "preferred" so pods still schedule ' +
  'elsewhere when the AZ is full, paying cross-AZ transfer instead of waiting.';

/** Every problem with the input, in words; empty when valid. */
export function checkCrossAzInput(input: CrossAzInput): string[] {
  const errors: string[] = [];
  const nonNegative = (what: string, v: number): void => {
    if (!Number.isFinite(v) || v < 0) errors.push(`${what} must be a number of 0 or more, got ${v}`);
  };
  if (!Number.isInteger(input.pods) || input.pods < 0)
    errors.push(`pods must be a whole number of 0 or more, got ${input.pods}`);
  const t = input.traffic;
  if (t.kind === 'perHour') nonNegative('bytes per pod per hour', t.bytesPerPodPerHour);
  else {
    nonNegative('bytes per pod per step', t.bytesPerPodPerStep);
    nonNegative('steps per hour', t.stepsPerHour);
  }
  const weights = Object.entries(input.spread);
  for (const [az, w] of weights) nonNegative(`pods in ${az}`, w);
  if (weights.reduce((s, [, w]) => s + (Number.isFinite(w) && w > 0 ? w : 0), 0) === 0) {
    errors.push('the spread needs at least one AZ with pods');
  }
  if (input.pricePerGbOut !== undefined) nonNegative('price per GB out', input.pricePerGbOut);
  if (input.pricePerGbIn !== undefined) nonNegative('price per GB in', input.pricePerGbIn);
  return errors;
}

/**
 * Monthly cross-AZ transfer and cost, spread against co-located. The model: every pod exchanges
 * evenly with every other pod (all-to-all, as in data-parallel all-reduce), so with fractions f_i of the
 * pods in AZ i, the share that crosses AZs is 1 − Σ f_i² (the chance two pods picked at random are in
 * different AZs; it ignores the pod's own slot, so it slightly understates for few pods). Volume =
 * bytes per pod per hour (or per step × steps per hour) × pods × 730 h, in GB of 10^9 bytes; each crossing
 * GB is billed once out of its AZ and once into the other (default 0.01 + 0.01 USD).
 * @example crossAzCost({ pods: 8, traffic: { kind: 'perHour', bytesPerPodPerHour: 1e9 },
 *   spread: { 'us-east-1a': 4, 'us-east-1b': 4 } }) // share 0.5, 5,840 GB → 2,920 GB cross, 58.40 USD
 */
export function crossAzCost(input: CrossAzInput): Checked<CrossAzResult> {
  const errors = checkCrossAzInput(input);
  if (errors.length > 0) return { ok: false, errors };
  const total = Object.values(input.spread).reduce((s, w) => s + w, 0);
  const fractions = Object.fromEntries(Object.entries(input.spread).map(([az, w]) => [az, w / total]));
  const crossAzShare = Math.max(0, 1 - Object.values(fractions).reduce((s, f) => s + f * f, 0));
  const t = input.traffic;
  const perPod = t.kind === 'perHour' ? t.bytesPerPodPerHour : t.bytesPerPodPerStep * t.stepsPerHour;
  const bytesPerHour = perPod * input.pods;
  const monthlyGb = (bytesPerHour * HOURS_PER_MONTH) / BYTES_PER_GB;
  const monthlyCrossAzGb = monthlyGb * crossAzShare;
  const price =
    (input.pricePerGbOut ?? DEFAULT_PRICE_PER_GB_EACH_WAY) + (input.pricePerGbIn ?? DEFAULT_PRICE_PER_GB_EACH_WAY);
  const monthlyCostUsd = monthlyCrossAzGb * price;
  return {
    ok: true,
    value: {
      fractions,
      crossAzShare,
      bytesPerHour,
      monthlyGb,
      monthlyCrossAzGb,
      monthlyCostUsd,
      colocated: { monthlyCrossAzGb: 0, monthlyCostUsd: 0 },
      monthlySavingsUsd: monthlyCostUsd,
      latencyNote: LATENCY_NOTE,
      tradeOff: TRADE_OFF,
    },
  };
}

/**
 * Nodes per AZ of one node group at its desired size, placed as the plan says: node i in
 * subnets[i mod k]. With equal pods per node that is the pods' spread. Unknown subnets are left out.
 * @example three subnets in a, b, c and 4 desired nodes → { a: 2, b: 1, c: 1 }
 */
export function spreadFromPlan(plan: Plan, nodeGroupIndex: number): Record<string, number> {
  const group = plan.nodeGroups[nodeGroupIndex];
  const spread: Record<string, number> = {};
  if (!group || group.subnets.length === 0) return spread;
  const azOf = new Map(plan.vpc.subnets.map((s) => [s.name, s.az]));
  for (let i = 0; i < group.desiredNodes; i++) {
    const az = azOf.get(group.subnets[i % group.subnets.length] ?? '');
    if (az !== undefined) spread[az] = (spread[az] ?? 0) + 1;
  }
  return spread;
}

const LABEL_KEY =
  /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Problems with a `matchLabels` selector (Kubernetes label key and value syntax); empty when valid. */
export function labelSelectorErrors(matchLabels: Record<string, string>): string[] {
  const entries = Object.entries(matchLabels);
  if (entries.length === 0) return ['the label selector is empty; it would match every pod in the namespace'];
  const errors: string[] = [];
  for (const [k, v] of entries) {
    if (!LABEL_KEY.test(k)) errors.push(`"${k}" is not a valid label key`);
    if (!LABEL_VALUE.test(v))
      errors.push(`"${v}" (for ${k}) is not a valid label value: at most 63 letters, digits, "-", "_", "."`);
  }
  return errors;
}

/**
 * The Pod spec fragment that co-locates the workload's pods in one AZ: a preferred `podAffinity`
 * (weight 100) on `topology.kubernetes.io/zone`, selecting the workload's own pods. Preferred, not
 * required, so pods still schedule when that AZ is full. Values are quoted: labels are strings.
 * @example colocationSnippet({ app: 'trainer' }) // affinity: podAffinity: preferred… matchLabels: app: "trainer"
 */
export function colocationSnippet(matchLabels: Record<string, string>): string {
  const labels = Object.entries(matchLabels)
    .map(([k, v]) => `              ${LABEL_KEY.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)}\n`)
    .join('');
  return (
    'affinity:\n' +
    '  podAffinity:\n' +
    '    preferredDuringSchedulingIgnoredDuringExecution:\n' +
    '      - weight: 100\n' +
    '        podAffinityTerm:\n' +
    '          labelSelector:\n' +
    (labels === '' ? '            matchLabels: {}\n' : `            matchLabels:\n${labels}`) +
    '          topologyKey: topology.kubernetes.io/zone\n'
  );
}

/**
 * Topology Aware Routing for a Service (Kubernetes 1.27+; `service.kubernetes.io/topology-aware-hints: auto`
 * before): kube-proxy prefers endpoints in the client's zone, when each zone has enough endpoints for
 * its share of the load. Merge into the Service's `metadata.annotations`.
 */
export const TOPOLOGY_AWARE_ROUTING_ANNOTATION: Readonly<Record<string, string>> = Object.freeze({
  'service.kubernetes.io/topology-mode': 'Auto',
});

/** The annotation as a Service metadata fragment. */
export const TOPOLOGY_AWARE_ROUTING_YAML = 'metadata:\n  annotations:\n    service.kubernetes.io/topology-mode: Auto\n';

/**
 * A copy of the plan with node group `nodeGroupIndex` pinned to one AZ: its `subnets` and `podSubnets`
 * keep only the entries whose subnet (looked up by name in `vpc.subnets`) is in `az`, order kept.
 * All its nodes then land in that AZ's subnets (node i in subnets[i mod k]), which the caller should
 * re-evaluate. An empty list means the group has no subnet in that AZ. An index out of range gives an
 * unchanged copy. The input plan is not modified.
 */
export function colocatePlan(plan: Plan, nodeGroupIndex: number, az: string): Plan {
  const copy = structuredClone(plan);
  const group = copy.nodeGroups[nodeGroupIndex];
  if (!group) return copy;
  const azOf = new Map(copy.vpc.subnets.map((s) => [s.name, s.az]));
  const inAz = (name: string): boolean => azOf.get(name) === az;
  group.subnets = group.subnets.filter(inAz);
  if (group.podSubnets !== undefined) group.podSubnets = group.podSubnets.filter(inAz);
  return copy;
}
