/**
 * EC2 API calls of a scale-out against EC2's token buckets: the calls are ipamd's (aws/amazon-vpc-cni-k8s
 * v1.23.1 @ b5218838, `pkg/awsutils/awsutils.go` and `pkg/ipamd/ipamd.go`), the buckets the EC2 Developer
 * Guide's "Request throttling for the Amazon EC2 API".
 *
 * The VPC CNI's ipamd calls EC2 from every node: about 4 calls at start, 6 per extra ENI, one
 * AssignPrivateIpAddresses per pod (WARM_IP_TARGET / MINIMUM_IP_TARGET) or per 16 pods (prefix
 * delegation). The buckets are per account, per Region and per API, shared with everything else there.
 * A burst of N nodes in T seconds is throttled on an API when N·c + X > B + r·T (bucket B, refill r/s,
 * other traffic X). The cost is O(node groups × APIs): no loop over nodes, so `evaluate --json` can carry it.
 */
import type { Plan } from './plan';
import type { NodeGroupResult } from './result';
import { ADDRESSES_PER_PREFIX, type NodeAccounting } from './warm-pool';

/** One EC2 token bucket: B tokens at most, refilled at r tokens per second. */
export interface TokenBucket {
  bucket: number;
  refillPerSecond: number;
}

/**
 * The buckets of the AWS EC2 Developer Guide, "Request throttling for the Amazon EC2 API", as published
 * (its tables "Request token bucket sizes and refill rates" and "Resource token bucket sizes"). AWS changes
 * them: callers override any entry.
 * ipamd's DescribeNetworkInterfaces / DescribeInstances pass IDs but no filter: assumed on the
 * unfiltered 50 / 10 bucket (M). `RunInstances:instances` is the resource bucket (1 token per instance).
 * @example DEFAULT_BUCKETS.AttachNetworkInterface // { bucket: 50, refillPerSecond: 5 }
 */
export const DEFAULT_BUCKETS: Readonly<Record<string, TokenBucket>> = Object.freeze({
  DescribeNetworkInterfaces: { bucket: 50, refillPerSecond: 10 },
  DescribeSubnets: { bucket: 100, refillPerSecond: 20 },
  CreateTags: { bucket: 100, refillPerSecond: 10 },
  AssignPrivateIpAddresses: { bucket: 100, refillPerSecond: 5 },
  CreateNetworkInterface: { bucket: 100, refillPerSecond: 5 },
  DescribeInstances: { bucket: 50, refillPerSecond: 10 },
  AttachNetworkInterface: { bucket: 50, refillPerSecond: 5 },
  ModifyNetworkInterfaceAttribute: { bucket: 100, refillPerSecond: 5 },
  RunInstances: { bucket: 5, refillPerSecond: 2 },
  'RunInstances:instances': { bucket: 1000, refillPerSecond: 2 },
  UnassignPrivateIpAddresses: { bucket: 100, refillPerSecond: 5 },
  DetachNetworkInterface: { bucket: 50, refillPerSecond: 5 },
  DeleteNetworkInterface: { bucket: 100, refillPerSecond: 5 },
  CreateSubnetCidrReservation: { bucket: 5, refillPerSecond: 1 },
});

/** The APIs a node start draws on, in the order of `perApi`. */
export const SCALE_OUT_APIS = [
  'DescribeNetworkInterfaces',
  'DescribeSubnets',
  'CreateTags',
  'AssignPrivateIpAddresses',
  'CreateNetworkInterface',
  'DescribeInstances',
  'AttachNetworkInterface',
  'ModifyNetworkInterfaceAttribute',
  'RunInstances',
  'RunInstances:instances',
] as const;
export type ScaleOutApi = (typeof SCALE_OUT_APIS)[number];

/**
 * ASGs and Karpenter launch instances in batches (one RunInstances / CreateFleet request for many), so
 * the request bucket (5, 2/s) is shown with an upper bound of one call per node but never binds; the
 * resource bucket (1,000 instances, 2/s) counts every instance and does.
 */
const INFORMATIONAL: ReadonlySet<string> = new Set(['RunInstances']);

export interface ApiCallOptions {
  /** The window T in which the nodes start, in seconds. */
  seconds: number;
  /** Bucket overrides by API name (merged over DEFAULT_BUCKETS). */
  buckets?: Partial<Record<string, TokenBucket>>;
  /** Other calls on an API in the same account, Region and window (other clusters, tools). */
  otherTraffic?: Partial<Record<string, number>>;
}

export interface ApiLoad {
  api: string;
  /** Calls per starting node, averaged over the groups that scale out. */
  callsPerNode: number;
  /** All calls in the window, other traffic included. */
  calls: number;
  bucket: number;
  refillPerSecond: number;
  /** B + r·T. */
  tokensAvailable: number;
  throttled: boolean;
  /** Seconds the last call finishes after the window: max(0, (calls − B)/r − T). */
  delaySeconds: number;
  /** Seconds from the start until the bucket has served every call: max(0, (calls − B)/r). */
  drainSeconds: number;
  /** Shown, never binding (RunInstances requests are batched). */
  informational: boolean;
}

export interface ApiCallsResult {
  seconds: number;
  /** Nodes that start: Σ (maxNodes − desiredNodes). */
  nodes: number;
  perApi: ApiLoad[];
  /** The API with the largest (calls − B)/r, i.e. the first to throttle as T shrinks; null if every bucket alone holds its calls. */
  binding: string | null;
  throttled: boolean;
  /** The largest delaySeconds. */
  delaySeconds: number;
  perGroup: { name: string; nodes: number; callsPerNode: Partial<Record<ScaleOutApi, number>> }[];
}

/**
 * EC2 calls one node makes from launch until it runs its pods (ipamd v1.23.1 `nodeInit`, `tryAllocateENI`,
 * subnet discovery on):
 * init DescribeNetworkInterfaces 1, DescribeSubnets 1, CreateTags 1, AssignPrivateIpAddresses 1 (none under
 * custom networking: the primary ENI takes no pods, the first pod ENI is created instead); each ENI ipamd
 * adds: DescribeSubnets 2 (0 under custom networking, no subnet discovery), CreateNetworkInterface 1,
 * DescribeInstances 1, AttachNetworkInterface 1, ModifyNetworkInterfaceAttribute 1; with WARM_IP_TARGET /
 * MINIMUM_IP_TARGET one Assign per address grown beyond the start target (pods arriving one at a time),
 * with prefix delegation one per prefix; units that ride on a new ENI need no Assign. The trunk ENI and
 * branch ENIs (security groups for pods) come from the VPC resource controller and are not counted.
 * @example callsPerNode(m5.16xlarge with 20 pods, DEFAULT_CNI) // 10 calls: 4 + one extra ENI × 6
 */
export function callsPerNode(per: NodeAccounting, cni: Plan['cni']): Record<ScaleOutApi, number> {
  const cn = cni.customNetworking;
  const S = per.slotsPerEni;
  const extraEnis = Math.max(0, per.enis - 1 - (per.trunkEni ? 1 : 0));
  let assigns: number;
  if (per.mode === 'warm-eni') {
    assigns = cn ? 0 : 1;
  } else {
    const wit = cni.warmIpTarget ?? 0;
    const mit = cni.minimumIpTarget ?? 0;
    const start = wit > 0 ? Math.max(wit, mit) : mit;
    const units = per.mode === 'warm-ip' ? per.ips : per.prefixes;
    const startUnits = Math.min(
      units,
      per.mode === 'warm-ip'
        ? start
        : per.mode === 'prefix-warm-ip'
          ? Math.ceil(start / ADDRESSES_PER_PREFIX)
          : Math.max(1, cni.warmPrefixTarget),
    );
    const growthEnis = Math.max(0, Math.ceil(units / S) - Math.ceil(startUnits / S));
    assigns = (cn || startUnits === 0 ? 0 : 1) + Math.max(0, units - startUnits - growthEnis);
  }
  return {
    DescribeNetworkInterfaces: 1,
    DescribeSubnets: 1 + (cn ? 0 : 2 * extraEnis),
    CreateTags: 1,
    AssignPrivateIpAddresses: assigns,
    CreateNetworkInterface: extraEnis,
    DescribeInstances: extraEnis,
    AttachNetworkInterface: extraEnis,
    ModifyNetworkInterfaceAttribute: extraEnis,
    RunInstances: 1,
    'RunInstances:instances': 1,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The scale-out from desiredNodes to maxNodes of every group in `seconds`, per API against its bucket.
 * @example 200 m5.16xlarge nodes (2 ENIs each) in 20 s: AttachNetworkInterface 200 calls against
 *   50 + 5·20 = 150 tokens: throttled, drains at (200 − 50)/5 = 30 s, i.e. 10 s after the window
 *   (each request takes a token; r tokens refill per second up to B); in 60 s: 350 tokens, not throttled, binding still AttachNetworkInterface.
 */
export function apiCalls(
  plan: Plan,
  evaluation: { nodeGroups: readonly Pick<NodeGroupResult, 'name' | 'perNode'>[] },
  options: ApiCallOptions,
): ApiCallsResult {
  const T = Math.max(0, options.seconds);
  const perGroup = plan.nodeGroups.map((g, i) => {
    const nodes = Math.max(0, g.maxNodes - g.desiredNodes);
    const per = evaluation.nodeGroups[i]!.perNode;
    return { name: g.name, nodes, callsPerNode: callsPerNode(per, plan.cni) };
  });
  const nodes = perGroup.reduce((a, g) => a + g.nodes, 0);
  let binding: string | null = null;
  let worst = 0;
  const perApi = SCALE_OUT_APIS.map((api): ApiLoad => {
    const b = { ...DEFAULT_BUCKETS[api]!, ...options.buckets?.[api] };
    const own = perGroup.reduce((a, g) => a + g.nodes * g.callsPerNode[api], 0);
    const calls = own + Math.max(0, options.otherTraffic?.[api] ?? 0);
    const tokensAvailable = b.bucket + b.refillPerSecond * T;
    const informational = INFORMATIONAL.has(api);
    const over = calls - b.bucket;
    const drainSeconds = over <= 0 ? 0 : b.refillPerSecond > 0 ? over / b.refillPerSecond : Infinity;
    const delaySeconds = Math.max(0, drainSeconds - T);
    if (!informational && drainSeconds > worst) {
      worst = drainSeconds;
      binding = api;
    }
    return {
      api,
      callsPerNode: nodes ? round2(own / nodes) : 0,
      calls,
      bucket: b.bucket,
      refillPerSecond: b.refillPerSecond,
      tokensAvailable,
      throttled: !informational && calls > tokensAvailable,
      delaySeconds: round2(delaySeconds),
      drainSeconds: round2(drainSeconds),
      informational,
    };
  });
  const counted = perApi.filter((p) => !p.informational);
  return {
    seconds: T,
    nodes,
    perApi,
    binding,
    throttled: counted.some((p) => p.throttled),
    delaySeconds: counted.reduce((a, p) => Math.max(a, p.delaySeconds), 0),
    perGroup,
  };
}

/**
 * Calls one node makes at start, all APIs together (RunInstances left out: batched).
 * @example m5.16xlarge, 20 pods: 10 with WARM_ENI_TARGET=1, 4 with MINIMUM_IP_TARGET=25 / WARM_IP_TARGET=5
 */
export function totalCallsPerNode(per: NodeAccounting, cni: Plan['cni']): number {
  const c = callsPerNode(per, cni);
  return SCALE_OUT_APIS.filter((a) => !a.startsWith('RunInstances')).reduce((s, a) => s + c[a], 0);
}
