/**
 * plan → result: per subnet the addresses used at min, desired and max nodes by kind, per node group the
 * per-node figures and the three max-pods numbers, the exhaustion series, and the warnings.
 * The cost does not grow with node counts: per-node figures are closed form and subnets are filled by
 * arithmetic, so a 10,000-node plan costs what a 10-node plan does (bench/evaluate.bench.ts).
 */
import { cidrSize, freeAddressCount, parseCidr, containsCidr, type Cidr } from './cidr';
import type { InstanceDataset } from './instances';
import { maxPodsNumbers } from './max-pods';
import { evaluatePool, isPool, poolAsGroup, type PoolEvaluation } from './node-pool';
import type { Plan } from './plan';
import { placeGroups, type GroupPlacement } from './placement';
import { blockUse } from './prefix-blocks';
import type { Evaluation, NodeGroupResult, PrefixBlocks, Scale, SubnetResult, UsageBreakdown } from './result';
import { buildSeries, maxNodesThatFit, searchPath } from './exhaustion';
import { discoverySummary } from './subnet-discovery';
import { SubnetIndex, subnetFits, subnetStatics, type SubnetStatic, Usage, usageFor } from './subnet-usage';
import { planWarnings } from './warnings';
import type { VpcIssue } from './vpc-rules';

const SCALES: Scale[] = ['min', 'desired', 'max'];

export interface VpcCidrResult {
  cidr: string;
  size: number;
  /** Addresses of the CIDR not covered by any subnet. */
  free: number;
  subnets: number;
}

export interface FullEvaluation extends Evaluation {
  vpcCidrs: VpcCidrResult[];
  /** With node pools whose best candidate differs from the worst: the plan evaluated with the best ones. */
  bestCase?: Pick<Evaluation, 'fits' | 'firstExhaustion' | 'series' | 'totals'>;
}

/**
 * Evaluates a validated plan (see validatePlan) against the instance dataset.
 * @example evaluate(smallVpcPlan, dataset).subnets[0].used.desired // 100 per m5.16xlarge with 1–49 pods
 */
export function evaluate(input: Plan, dataset: InstanceDataset, vpcWarnings: readonly VpcIssue[] = []): FullEvaluation {
  // Node pools: the subnets are judged against the worst candidate; the best is evaluated beside it.
  const pools = input.nodeGroups.map((g) => (isPool(g) ? evaluatePool(g, input.cni, dataset) : null));
  const plan = pools.some(Boolean) ? withPoolCase(input, pools, 'worst') : input;
  const placed = placeGroups(plan, dataset);
  const st = subnetStatics(plan);
  const groups = plan.nodeGroups;
  const usages = {} as Record<Scale, Usage>;
  for (const scale of SCALES) {
    const counts = groups.map((g) =>
      scale === 'min' ? g.minNodes : scale === 'desired' ? g.desiredNodes : g.maxNodes,
    );
    usages[scale] = usageFor(placed, counts, new Usage(st.length));
  }
  const path = searchPath(groups, placed, st);
  const index = new SubnetIndex(placed, st);
  const roles = subnetRoles(plan, placed);
  const subnets = plan.vpc.subnets.map((s, i): SubnetResult =>
    subnetResult(plan, i, st[i]!, usages, path.exhaustedAt[i]!, roles[i]!),
  );
  const fits = subnets.every((s) => s.fitsAtMax);

  let first: { subnet: string; atNodes: number } | null = null;
  let firstLambda = Infinity;
  path.lambda.forEach((l, i) => {
    if (l < firstLambda) {
      firstLambda = l;
      first = { subnet: subnets[i]!.name, atNodes: path.exhaustedAt[i]! };
    }
  });

  const nodeGroups = groups.map((g, gi): NodeGroupResult => {
    const t = dataset.byName.get(g.instanceType)!;
    const p = placed[gi]!;
    const per = p.perNode;
    const nodes = { min: g.minNodes, desired: g.desiredNodes, max: g.maxNodes };
    return {
      name: g.name,
      instanceType: g.instanceType,
      maxPods: per.maxPods,
      perNode: per,
      maxPodsNumbers: maxPodsNumbers(t, plan.cni, per),
      maxNodesThatFit: maxNodesThatFit(groups, placed, st, gi, index),
      nodes,
      addresses: {
        min: nodes.min * per.totalIps,
        desired: nodes.desired * per.totalIps,
        max: nodes.max * per.totalIps,
      },
      ...poolKeys(pools[gi] ?? null),
      ...discoverySummary(plan, p),
    };
  });

  const sum = (f: (s: SubnetResult, sc: Scale) => number) =>
    Object.fromEntries(SCALES.map((sc) => [sc, subnets.reduce((a, s) => a + f(s, sc), 0)])) as Record<Scale, number>;
  const totals = {
    nodes: Object.fromEntries(
      SCALES.map((sc) => [
        sc,
        groups.reduce((a, g) => a + (sc === 'min' ? g.minNodes : sc === 'desired' ? g.desiredNodes : g.maxNodes), 0),
      ]),
    ) as Record<Scale, number>,
    used: sum((s, sc) => s.used[sc]),
    warm: sum((s, sc) => s.breakdown[sc].warmIps),
    pods: sum((s, sc) => s.breakdown[sc].podIps),
    usable: subnets.reduce((a, s) => a + s.usable, 0),
  };
  // The placeholders keep the fields' order (JSON output): lazy() redefines them in place.
  const result = {
    fits,
    nodeGroups,
    subnets,
    warnings: undefined,
    firstExhaustion: first,
    totals,
    series: undefined,
    vpcCidrs: vpcCidrResults(plan),
  } as unknown as FullEvaluation;
  // The series and the warnings are computed when first read: the verdict needs neither, and on a page that
  // opens a 40-group plan they are a third of the first evaluation (npm run bench:load).
  lazy(result, 'series', () =>
    buildSeries(
      groups,
      placed,
      st,
      subnets.map((s) => s.name),
      firstLambda,
    ),
  );
  if (pools.some((p) => p && p.best.instanceType !== p.worst.instanceType)) {
    const best = evaluate(withPoolCase(input, pools, 'best'), dataset);
    const bestCase = {
      fits: best.fits,
      firstExhaustion: best.firstExhaustion,
      series: undefined,
      totals: best.totals,
    } as unknown as NonNullable<FullEvaluation['bestCase']>;
    lazy(bestCase, 'series', () => best.series);
    result.bestCase = bestCase;
  }
  lazy(result, 'warnings', () => planWarnings(plan, dataset, result, placed, vpcWarnings));
  return result;
}

/**
 * Defines `key` on `obj` as computed on first read, then an ordinary property: enumerable, so JSON,
 * structuredClone, spreads and deep equality see it like any other field; writable, as a field is.
 */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  const own = (value: T[K]) =>
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(obj, key, {
    get: () => {
      const value = compute();
      own(value);
      return value;
    },
    set: own,
    enumerable: true,
    configurable: true,
  });
}

/** The plan evaluate judges the subnets on: each node pool as the group of its worst candidate (group-scale.ts). */
export function worstCasePlan(input: Plan, dataset: InstanceDataset): Plan {
  const pools = input.nodeGroups.map((g) => (isPool(g) ? evaluatePool(g, input.cni, dataset) : null));
  return pools.some(Boolean) ? withPoolCase(input, pools, 'worst') : input;
}

/** The plan with each pool group replaced by the group of its worst (or best) candidate, requirements dropped. */
function withPoolCase(plan: Plan, pools: readonly (PoolEvaluation | null)[], which: 'worst' | 'best'): Plan {
  return {
    ...plan,
    nodeGroups: plan.nodeGroups.map((g, i) => {
      const p = pools[i];
      if (!p) return g;
      const { requirements: _r, ...rest } = poolAsGroup(g, p[which]);
      return rest;
    }),
  };
}

/** evaluate --json's keys for a pool group (contract §4): candidates, worst, best; the list for the page. */
function poolKeys(p: PoolEvaluation | null) {
  if (!p) return {};
  return { candidates: p.candidates, worst: p.worst, best: p.best, candidateList: p.list, tooSmall: p.tooSmall };
}

function subnetRoles(plan: Plan, placed: readonly GroupPlacement[]): ('nodes' | 'pods')[][] {
  const roles = plan.vpc.subnets.map(() => new Set<'nodes' | 'pods'>());
  for (const g of placed) {
    for (const s of g.slots) {
      roles[s.nodeSubnet]!.add('nodes');
      if (s.podSubnet !== s.nodeSubnet) roles[s.podSubnet]!.add('pods');
    }
    // Tagged subnets that subnet discovery may put this group's pod ENIs in.
    for (const s of g.discovery?.podSubnets ?? []) roles[s]!.add('pods');
  }
  return roles.map((r) => [...r]);
}

function subnetResult(
  plan: Plan,
  i: number,
  st: SubnetStatic,
  usages: Record<Scale, Usage>,
  exhaustedAt: number | null,
  roles: ('nodes' | 'pods')[],
): SubnetResult {
  const s = plan.vpc.subnets[i]!;
  const breakdown = {} as Record<Scale, UsageBreakdown>;
  const used = {} as Record<Scale, number>;
  const free = {} as Record<Scale, number>;
  let prefixBlocks: Record<Scale, PrefixBlocks> | undefined;
  for (const sc of SCALES) {
    const u = usages[sc];
    const b: UsageBreakdown = {
      reserved: st.reserved,
      nodeIps: u.nodeIps[i]!,
      eniPrimaries: u.eniPrimaries[i]!,
      podIps: u.podIps[i]!,
      warmIps: u.warmIps[i]!,
      total: u.used(i, st),
    };
    breakdown[sc] = b;
    used[sc] = b.total;
    free[sc] = st.usable - b.total;
    if (usages.max.prefixes[i]! > 0 || (plan.cni.prefixDelegation && s.prefixReservation)) {
      prefixBlocks ??= {} as Record<Scale, PrefixBlocks>;
      const bu = blockUse(st.geometry, u.singles[i]! + st.reserved, u.prefixes[i]!);
      prefixBlocks[sc] = { ...bu, needed: u.prefixes[i]! };
    }
  }
  const vpcCidrIndex = plan.vpc.cidrs.findIndex((c) => {
    const a = parseCidr(c);
    const b = parseCidr(s.cidr);
    return a.ok && b.ok && containsCidr(a.value, b.value);
  });
  return {
    name: s.name,
    cidr: s.cidr,
    az: s.az,
    size: st.size,
    usable: st.usable,
    used,
    breakdown,
    free,
    fitsAtMax: subnetFits(usages.max, i, st),
    exhaustedAtNodes: exhaustedAt,
    vpcCidrIndex,
    roles,
    ...(prefixBlocks ? { prefixBlocks } : {}),
  };
}

function vpcCidrResults(plan: Plan): VpcCidrResult[] {
  const subnets = plan.vpc.subnets
    .map((s) => parseCidr(s.cidr))
    .filter((r) => r.ok)
    .map((r) => (r as { value: Cidr }).value);
  return plan.vpc.cidrs.flatMap((text) => {
    const c = parseCidr(text);
    if (!c.ok) return [];
    const inside = subnets.filter((s) => containsCidr(c.value, s));
    return [{ cidr: text, size: cidrSize(c.value), free: freeAddressCount(c.value, inside), subnets: inside.length }];
  });
}
