/**
 * Subnet discovery's closed form (the water-filling in src/model/subnet-discovery.ts) against a node by
 * node, ENI by ENI placement (tests/reference/discovery-sim.ts) on random plans with several tagged
 * subnets per AZ; and plans whose tags cannot matter evaluate exactly as the same plans without tags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { breakpoints, countsAtLambda } from '../reference/evaluate-ref';
import { placeGroups } from '../../src/model/placement';
import type { CniSettings, Plan, Subnet } from '../../src/model/plan';
import { subnetFits, subnetStatics, Usage, usageFor } from '../../src/model/subnet-usage';
import { validatePlan } from '../../src/model/validate-plan';
import { simulateDiscovery } from '../reference/discovery-sim';

const ROLE = 'kubernetes.io/role/cni';
const TYPES = ['m5.large', 'm5.xlarge', 'm5.4xlarge', 'm5.16xlarge', 'c5.2xlarge', 't3.medium', 'c5.18xlarge'];
const AZS = ['us-east-1a', 'us-east-1b'];

const tagArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Record<string, string> | undefined>(undefined) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Record<string, string>>({ [ROLE]: '1' }, { [ROLE]: 'shared' }, { [ROLE]: '' }),
  },
  { weight: 1, arbitrary: fc.constant<Record<string, string>>({ [ROLE]: '0' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { [ROLE]: '1', 'cni.networking.k8s.aws/cluster/prop': 'shared' },
      { [ROLE]: '1', 'cni.networking.k8s.aws/cluster/other': 'shared' },
    ),
  },
);

const subnetArb = fc.record({
  az: fc.constantFrom(...AZS),
  prefix: fc.integer({ min: 21, max: 27 }),
  reservedIps: fc.integer({ min: 0, max: 40 }),
  tags: tagArb,
});

const cniArb: fc.Arbitrary<CniSettings> = fc.record({
  warmEniTarget: fc.integer({ min: 0, max: 2 }),
  warmIpTarget: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null, freq: 3 }),
  minimumIpTarget: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 3 }),
  warmPrefixTarget: fc.integer({ min: 1, max: 2 }),
  maxEni: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 4 }),
  prefixDelegation: fc.boolean(),
  customNetworking: fc.constant(false),
  podEni: fc.boolean(),
});

const groupArb = fc.record({
  type: fc.constantFrom(...TYPES),
  subnets: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
  min: fc.integer({ min: 0, max: 6 }),
  extra: fc.integer({ min: 0, max: 20 }),
  pods: fc.integer({ min: 0, max: 80 }),
  branch: fc.integer({ min: 0, max: 3 }),
});

/** A valid plan: subnets carved one per /20 of 10.0.0.0/16, groups over the subnets drawn. */
const planArb: fc.Arbitrary<Plan> = fc
  .record({
    subnets: fc.array(subnetArb, { minLength: 2, maxLength: 8 }),
    groups: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
    cni: cniArb,
  })
  .map(({ subnets, groups, cni }) => {
    const subs: Subnet[] = subnets.map((s, i) => ({
      name: `s${i}`,
      az: s.az,
      cidr: `10.0.${i * 16}.0/${s.prefix}`,
      ...(s.reservedIps ? { reservedIps: s.reservedIps } : {}),
      ...(s.tags ? { tags: s.tags } : {}),
    }));
    return {
      version: 1 as const,
      name: 'prop',
      vpc: { cidrs: ['10.0.0.0/16'], subnets: subs },
      cni,
      nodeGroups: groups.map((g, gi) => ({
        name: `g${gi}`,
        instanceType: g.type,
        subnets: [...new Set(g.subnets.map((j) => j % subs.length))].map((j) => `s${j}`),
        minNodes: g.min,
        desiredNodes: g.min + Math.floor(g.extra / 2),
        maxNodes: g.min + g.extra,
        podsPerNode: g.pods,
        ...(cni.podEni ? { branchPodsPerNode: g.branch } : {}),
        maxPods: null,
      })),
    };
  });

function valid(plan: Plan): Plan | null {
  const v = validatePlan(plan, dataset);
  return v.ok ? v.plan : null;
}

describe('subnet discovery: closed form against the ENI-by-ENI placement', () => {
  it('agrees on every subnet’s addresses and on which pools run short, at random node counts', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
        (raw, countsRaw) => {
          const plan = valid(raw);
          fc.pre(plan !== null);
          const counts = plan!.nodeGroups.map((_, i) => countsRaw[i]!);
          const placed = placeGroups(plan!, dataset);
          const st = subnetStatics(plan!);
          const u = usageFor(placed, counts, new Usage(st.length));
          const sim = simulateDiscovery(plan!, dataset, counts);
          expect(st.map((s, i) => u.used(i, s))).toEqual(sim.used);
          expect(Array.from(u.poolShort, (x) => x === 1)).toEqual(sim.short);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees on where each subnet first runs out along the scale path (address rule; plans without prefixes)', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const plan = valid({ ...raw, cni: { ...raw.cni, prefixDelegation: false } });
        fc.pre(plan !== null);
        const e = evaluate(plan!, dataset);
        const usable = plan!.vpc.subnets.map((s) => 2 ** (32 - Number(s.cidr.split('/')[1])) - 5);
        const walk: (number | null)[] = plan!.vpc.subnets.map(() => null);
        for (const t of breakpoints(plan!)) {
          const counts = countsAtLambda(plan!, t);
          const sim = simulateDiscovery(plan!, dataset, counts);
          const total = counts.reduce((a, b) => a + b, 0);
          sim.used.forEach((x, i) => {
            if (walk[i] === null && (x > usable[i]! || sim.short[i])) walk[i] = total;
          });
        }
        expect(e.subnets.map((s) => s.exhaustedAtNodes)).toEqual(walk);
        // fitsAtMax follows the same rule at max.
        const atMax = simulateDiscovery(
          plan!,
          dataset,
          plan!.nodeGroups.map((g) => g.maxNodes),
        );
        expect(e.subnets.map((s) => s.fitsAtMax)).toEqual(atMax.used.map((x, i) => x <= usable[i]! && !atMax.short[i]));
      }),
      { numRuns: 150 },
    );
  });

  it('subnetFits and the per-subnet search agree at any counts', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
        (raw, countsRaw) => {
          const plan = valid(raw);
          fc.pre(plan !== null);
          const counts = plan!.nodeGroups.map((_, i) => countsRaw[i]!);
          const placed = placeGroups(plan!, dataset);
          const st = subnetStatics(plan!);
          const u = usageFor(placed, counts, new Usage(st.length));
          const e = evaluate(
            {
              ...plan!,
              nodeGroups: plan!.nodeGroups.map((g, i) => ({
                ...g,
                minNodes: counts[i]!,
                desiredNodes: counts[i]!,
                maxNodes: counts[i]!,
              })),
            },
            dataset,
          );
          expect(e.subnets.map((s) => s.fitsAtMax)).toEqual(st.map((s, i) => subnetFits(u, i, s)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The evaluation without the plan echoes that differ by construction (the tags themselves). */
function comparable(plan: Plan) {
  const e = evaluate(plan, dataset);
  return {
    ...e,
    warnings: e.warnings.filter((w) => !w.code.startsWith('subnet-discovery') && !w.code.startsWith('subnet-tagged')),
  };
}

describe('a plan with no tag that subnet discovery acts on evaluates exactly as before', () => {
  const strip = (p: Plan): Plan => ({ ...p, vpc: { ...p.vpc, subnets: p.vpc.subnets.map(({ tags: _t, ...s }) => s) } });

  it('tags that cannot matter (other keys, another cluster, an AZ without nodes) change nothing', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(
          fc.constantFrom<Record<string, string>>(
            { Name: 'x', team: 'ml' },
            { 'kubernetes.io/role/internal-elb': '1' },
            { [ROLE]: '1', 'cni.networking.k8s.aws/cluster/other': 'shared' },
          ),
          { minLength: 8, maxLength: 8 },
        ),
        (raw, tags) => {
          const plan = valid(strip(raw));
          fc.pre(plan !== null);
          const tagged: Plan = {
            ...plan!,
            vpc: { ...plan!.vpc, subnets: plan!.vpc.subnets.map((s, i) => ({ ...s, tags: tags[i]! })) },
          };
          expect(comparable(tagged)).toEqual(comparable(plan!));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('any tags with ENABLE_SUBNET_DISCOVERY=false, with custom networking, or in an IPv6 cluster change nothing', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom('off', 'ipv6'), (raw, how) => {
        const tagged = valid(
          how === 'off'
            ? { ...raw, cni: { ...raw.cni, subnetDiscovery: false } }
            : { ...raw, vpc: { ...raw.vpc, ipFamily: 'ipv6' } },
        );
        fc.pre(tagged !== null);
        expect(comparable(tagged!)).toEqual(comparable(strip(tagged!)));
      }),
      { numRuns: 100 },
    );
  });

  it('tagged plans under custom networking place as untagged ones', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const names = raw.vpc.subnets.map((x) => x.name);
        const plan = valid({
          ...raw,
          cni: { ...raw.cni, customNetworking: true },
          nodeGroups: raw.nodeGroups.map((g) => ({ ...g, podSubnets: names })),
        });
        fc.pre(plan !== null);
        expect(comparable(plan!)).toEqual(comparable(strip(plan!)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the order of events the "most free" choice assumes', () => {
  // The model places every node's fixed addresses first, then the ENIs ('burst'). Nodes that arrive one at a
  // time, each settling first, may put an early ENI in the node subnet while it is roomier, leaving less room
  // for later nodes' own addresses. On a seeded sample the first exhaustion is the same in at least 9 plans
  // of 10 (README, "Subnet discovery"); this fails if the two orders drift apart.
  it('nodes one at a time, each settling first, run out where the model says in 9 plans of 10 or more', () => {
    const diffs: number[] = [];
    fc.assert(
      fc.property(planArb, (raw) => {
        const plan = valid({ ...raw, cni: { ...raw.cni, prefixDelegation: false } });
        fc.pre(plan !== null);
        if (!placeGroups(plan!, dataset).some((g) => g.discovery)) return;
        const usable = plan!.vpc.subnets.map((s) => 2 ** (32 - Number(s.cidr.split('/')[1])) - 5);
        const first = (order: 'burst' | 'one-by-one') => {
          for (const t of breakpoints(plan!)) {
            const counts = countsAtLambda(plan!, t);
            const sim = simulateDiscovery(plan!, dataset, counts, order);
            if (sim.used.some((x, i) => x > usable[i]! || sim.short[i])) return counts.reduce((a, b) => a + b, 0);
          }
          return null;
        };
        const a = first('burst');
        const b = first('one-by-one');
        if (a !== null && b !== null) diffs.push(b - a);
        else if (a !== b) diffs.push(a === null ? 9999 : -9999);
      }),
      { numRuns: 300, seed: 15 },
    );
    const same = diffs.filter((d) => d === 0).length;
    console.log(
      `first exhaustion, one by one − burst: ${same} of ${diffs.length} the same; differences ${diffs.filter((d) => d).join(', ')}`,
    );
    expect(diffs.length).toBeGreaterThan(100);
    expect(same / diffs.length).toBeGreaterThanOrEqual(0.9);
  });
});
