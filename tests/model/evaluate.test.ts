import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { DEFAULT_CNI, type Plan } from '../../src/model/plan';
import { EXPANDED_VPC, PRESETS, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { exhaustionByWalk, usedByNodeLoop } from '../reference/evaluate-ref';
import { largePlan } from '../fixtures/large-plan';

const valid = (p: unknown): Plan => {
  const v = validatePlan(p, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
};

describe('evaluate: the small routable VPC (3 × /24, m5.16xlarge, 20 pods per node)', () => {
  const r = evaluate(valid(SMALL_ROUTABLE_VPC), dataset);
  it('one node with 20 pods takes 100 addresses: 108 per subnet with its 8 reserved', () => {
    expect(r.subnets.map((s) => s.used.desired)).toEqual([108, 108, 108]);
    expect(r.subnets[0]!.breakdown.desired).toEqual({ reserved: 8, nodeIps: 1, eniPrimaries: 1, podIps: 20, warmIps: 78, total: 108 });
  });
  it('does not fit at 9 nodes: 3 per /24 need 308 of 251 usable', () => {
    expect(r.fits).toBe(false);
    expect(r.subnets.map((s) => s.used.max)).toEqual([308, 308, 308]);
    expect(r.subnets[0]!.usable).toBe(251);
  });
  it('nodes-a runs out first, at the 7th node (its third)', () => {
    expect(r.firstExhaustion).toEqual({ subnet: 'nodes-a', atNodes: 7 });
    expect(r.subnets.map((s) => s.exhaustedAtNodes)).toEqual([7, 8, 9]);
  });
  it('holds 6 nodes: two m5.16xlarge per /24', () => {
    expect(r.nodeGroups[0]!.maxNodesThatFit).toBe(6);
  });
  it('reports the three max-pods numbers: 737 ENI-limited, 250 recommended, 735 effective', () => {
    expect(r.nodeGroups[0]!.maxPodsNumbers).toMatchObject({ eniLimited: 737, recommended: 250, effective: 735 });
  });
  it('flags the exhausted subnets with a fix', () => {
    const codes = r.warnings.map((w) => `${w.code}@${w.path}`);
    expect(codes).toContain('subnet-exhausted@vpc.subnets[0]');
    expect(codes).toContain('warm-pool-waste@cni');
  });
});

describe('evaluate: the expanded VPC with custom networking', () => {
  const r = evaluate(valid(EXPANDED_VPC), dataset);
  it('node subnets lose 1 address per node; pod subnets take 3 ENIs × 50 less the unused slots', () => {
    // max pods 250: ipamd stops at 147 ≥ ... no: 20 pods, W=1 → 2 pod ENIs of 49 = 98 + 2 primaries = 100
    expect(r.nodeGroups[0]!.perNode).toMatchObject({ nodeSubnetIps: 1, podSubnetIps: 100, enis: 3 });
    expect(r.subnets.find((s) => s.name === 'nodes-a')!.used.max).toBe(8 + 20);
    expect(r.subnets.find((s) => s.name === 'pods-a')!.used.max).toBe(20 * 100);
    expect(r.fits).toBe(true);
  });
});

describe('evaluate agrees with a node-by-node reference', () => {
  it('on every preset and the benchmark plan, at min, desired and max', () => {
    for (const p of [...PRESETS, largePlan()]) {
      const plan = valid(JSON.parse(JSON.stringify(p)));
      const r = evaluate(plan, dataset);
      for (const scale of ['min', 'desired', 'max'] as const) {
        const counts = plan.nodeGroups.map((g) => (scale === 'min' ? g.minNodes : scale === 'desired' ? g.desiredNodes : g.maxNodes));
        expect(r.subnets.map((s) => s.used[scale]), `${plan.name} ${scale}`).toEqual(usedByNodeLoop(plan, dataset, counts));
      }
    }
  });

  const planArb = fc
    .record({
      subnets: fc.array(fc.record({ az: fc.constantFrom('a', 'b', 'c'), prefix: fc.integer({ min: 22, max: 27 }), reserved: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 6 }),
      groups: fc.array(
        fc.record({
          type: fc.constantFrom('m5.large', 't3.small', 'm5.16xlarge', 'c5.4xlarge', 'p5.48xlarge', 'm4.large'),
          min: fc.integer({ min: 0, max: 5 }), extra: fc.integer({ min: 0, max: 10 }), extra2: fc.integer({ min: 0, max: 20 }),
          pods: fc.integer({ min: 0, max: 60 }), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      warm: fc.integer({ min: 0, max: 2 }),
      mit: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      wit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    })
    .map(({ subnets, groups, warm, mit, wit }): Plan => {
      const subs = subnets.map((s, i) => ({ name: `s${i}`, az: `us-east-1${s.az}`, cidr: `10.0.${i * 4}.0/${s.prefix}`, reservedIps: s.reserved }));
      return {
        version: 1,
        name: 'random',
        vpc: { cidrs: ['10.0.0.0/16'], subnets: subs },
        cni: { ...DEFAULT_CNI, warmEniTarget: warm, minimumIpTarget: mit, warmIpTarget: wit },
        nodeGroups: groups.map((g, i) => ({
          name: `g${i}`, instanceType: g.type,
          subnets: [...new Set(g.pick.map((p) => subs[p % subs.length]!.name))],
          minNodes: g.min, desiredNodes: g.min + g.extra, maxNodes: g.min + g.extra + g.extra2, podsPerNode: g.pods, maxPods: null,
        })),
      };
    });

  it('on random plans: usage per subnet, and where each subnet runs out along the scale path', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const plan = valid(p);
        const r = evaluate(plan, dataset);
        const counts = plan.nodeGroups.map((g) => g.maxNodes);
        expect(r.subnets.map((s) => s.used.max)).toEqual(usedByNodeLoop(plan, dataset, counts));
        expect(r.subnets.map((s) => s.exhaustedAtNodes)).toEqual(exhaustionByWalk(plan, dataset));
        expect(r.fits).toBe(r.subnets.every((s) => s.used.max <= s.usable));
      }),
      { numRuns: 300 },
    );
  });

  it('maxNodesThatFit is the largest count that fits with the others at desired', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const plan = valid(p);
        const r = evaluate(plan, dataset);
        plan.nodeGroups.forEach((g, gi) => {
          const n = r.nodeGroups[gi]!.maxNodesThatFit;
          const touched = new Set(g.subnets.map((name) => plan.vpc.subnets.findIndex((s) => s.name === name)));
          const fitsWith = (k: number) => {
            const counts = plan.nodeGroups.map((h, hi) => (hi === gi ? k : h.desiredNodes));
            const used = usedByNodeLoop(plan, dataset, counts);
            return [...touched].every((s) => used[s]! <= r.subnets[s]!.usable);
          };
          if (n > 0) expect(fitsWith(n)).toBe(true);
          if (fitsWith(0)) expect(fitsWith(n + 1)).toBe(false);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('exhaustion series', () => {
  it('runs from min to max and on until the first subnet runs out, at most 1,000 points', () => {
    const r = evaluate(valid(EXPANDED_VPC), dataset);
    const xs = r.series.points.map((p) => p.nodes);
    expect(xs[0]).toBe(3);
    expect(xs).toContain(60);
    expect(r.series.marks).toEqual({ min: 3, desired: 3, max: 60 });
    expect(xs.length).toBeLessThanOrEqual(1001);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
  it('on the benchmark plan stays within the point budget', () => {
    const plan = valid(JSON.parse(JSON.stringify(largePlan())));
    for (const g of plan.nodeGroups) {
      g.desiredNodes *= 10;
      g.maxNodes *= 10;
    }
    expect(evaluate(plan, dataset).series.points.length).toBeLessThanOrEqual(1001);
  });
});
