import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { advise, compareAdvice } from '../../../src/model/advisor';
import { measure } from '../../../src/model/advisor/measure';
import { evaluate } from '../../../src/model/evaluate';
import { DEFAULT_CNI, type Plan } from '../../../src/model/plan';
import { validatePlan } from '../../../src/model/validate-plan';

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const types = dataset.types.map((t) => t.name);

/** Random plans in 10.0.0.0/16: one node subnet per AZ of /20–/27, one or two groups over them. */
const planArb: fc.Arbitrary<Plan> = fc
  .record({
    azs: fc.integer({ min: 1, max: 3 }),
    prefix: fc.integer({ min: 20, max: 27 }),
    reserved: fc.integer({ min: 0, max: 10 }),
    quota: fc.integer({ min: 1, max: 5 }),
    groups: fc.array(
      fc.record({
        instanceType: fc.constantFrom(...types),
        desired: fc.integer({ min: 0, max: 10 }),
        extra: fc.integer({ min: 0, max: 40 }),
        pods: fc.integer({ min: 0, max: 60 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    cni: fc.record({
      warmIpTarget: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      minimumIpTarget: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      prefixDelegation: fc.boolean(),
      customNetworking: fc.constant(false),
    }),
  })
  .map((r): Plan => {
    const size = 2 ** (32 - r.prefix);
    const subnets = AZS.slice(0, r.azs).map((az, i) => {
      const base = i * size;
      return {
        name: `n-${az.slice(-1)}`,
        az,
        cidr: `10.0.${Math.floor(base / 256)}.${base % 256}/${r.prefix}`,
        reservedIps: r.reserved,
      };
    });
    return {
      version: 1,
      name: 'random',
      vpc: { cidrs: ['10.0.0.0/16'], subnets, cidrQuota: r.quota },
      cni: { ...DEFAULT_CNI, ...r.cni },
      nodeGroups: r.groups.map((g, i) => ({
        name: `g${i}`,
        instanceType: g.instanceType,
        subnets: subnets.map((s) => s.name),
        minNodes: 0,
        desiredNodes: g.desired,
        maxNodes: g.desired + g.extra,
        podsPerNode: g.pods,
        maxPods: null,
      })),
    };
  });

describe('advise on random plans', () => {
  it('every fix is a whole valid plan, measured by the same model, never worse on fit or headroom, ranked in order', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const base = measure(plan, dataset)!;
        const list = advise(plan, dataset);
        list.forEach((a, i) => {
          const v = validatePlan(JSON.parse(JSON.stringify(a.plan)), dataset);
          expect(v.ok).toBe(true);
          if (!v.ok) return;
          expect(evaluate(v.plan, dataset, v.warnings).fits).toBe(a.evaluation.fits);
          expect(a.rank).toBe(i + 1);
          if (i > 0) expect(compareAdvice(list[i - 1]!, a)).toBeLessThanOrEqual(0);
          if (base.headroom.fitsAtMax) expect(a.headroom.fitsAtMax).toBe(true);
          expect(a.headroom.exhaustionRatio).toBeGreaterThanOrEqual(base.headroom.exhaustionRatio - 1e-9);
          a.evaluation.nodeGroups.forEach((g, gi) =>
            expect(g.perNode.podsWithoutIp).toBeLessThanOrEqual(base.evaluation.nodeGroups[gi]!.perNode.podsWithoutIp),
          );
        });
      }),
      { numRuns: 150 },
    );
  });
});
