/**
 * One group scaled alone, the others at desired (issue 11 point 13). The oracle is the whole evaluation of
 * a plan whose groups are pinned (min = desired = max): the others at their desired, this one at n. The
 * first n at which a subnet no longer fits at max is where it runs out; group-scale.ts must say the same
 * through its own search. Plus one case worked by hand from AWS's figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { groupScale } from '../../src/model/group-scale';
import type { Plan } from '../../src/model/plan';
import { GPU_TRAINING, HIGH_CHURN_WEB, SMALL_ROUTABLE_VPC } from '../../src/model/presets';

/** The plan with every group pinned at desired and group `gi` pinned at `n`. */
function pinned(plan: Plan, gi: number, n: number): Plan {
  const p = structuredClone(plan);
  p.nodeGroups.forEach((g, i) => {
    const c = i === gi ? n : g.desiredNodes;
    Object.assign(g, { minNodes: c, desiredNodes: c, maxNodes: c });
  });
  return p;
}

/** Where each subnet runs out as group `gi` grows, by evaluating every count from 0 to `limit`. */
function bruteForce(plan: Plan, gi: number, limit: number): (number | null)[] {
  const out: (number | null)[] = plan.vpc.subnets.map(() => null);
  for (let n = 0; n <= limit && out.some((x) => x === null); n++) {
    evaluate(pinned(plan, gi, n), dataset).subnets.forEach((s, i) => {
      if (out[i] === null && !s.fitsAtMax) out[i] = n;
    });
  }
  return out;
}

describe('one group scaled, the others at desired', () => {
  it('the small routable VPC by hand: 100 addresses per m5.16xlarge, 243 free per /24, nodes round-robin over 3 AZs', () => {
    // 243 = 251 usable − 8 reserved: 2 nodes per subnet; the 3rd node in nodes-a is node 7 (a, b, c, a, b, c, a).
    const s = groupScale(SMALL_ROUTABLE_VPC, dataset, 0);
    expect(s.exhaustedAt).toEqual([7, 8, 9]);
    expect(s.first).toEqual({ subnet: 'nodes-a', atNodes: 7 });
    // One group: its own x axis and the all-groups one agree.
    expect(evaluate(SMALL_ROUTABLE_VPC, dataset).subnets.map((x) => x.exhaustedAtNodes)).toEqual([7, 8, 9]);
    expect(s.series.marks).toEqual({ min: 3, desired: 3, max: 9 });
    expect(s.series.points[0]!.nodes).toBe(3);
    // At 7 nodes nodes-a holds 3 × 100 + 8 reserved.
    expect(s.series.points.find((p) => p.nodes === 7)!.used[0]).toBe(308);
  });

  it('the GPU preset: each group against the brute-force evaluation, the other at desired', () => {
    for (const gi of [0, 1]) {
      const s = groupScale(GPU_TRAINING, dataset, gi);
      const limit = 2 * GPU_TRAINING.nodeGroups[gi]!.maxNodes + 40;
      const truth = bruteForce(GPU_TRAINING, gi, limit);
      // Subnets the group leaves alone are null in the scale; the oracle has them null too unless full already.
      expect(s.exhaustedAt.map((x, i) => (x !== null && x <= limit ? x : truth[i] === null ? null : x))).toEqual(truth);
      // Its x axis is its own nodes: the series runs from its min, and the marks are its own.
      const g = GPU_TRAINING.nodeGroups[gi]!;
      expect(s.series.marks).toEqual({ min: g.minNodes, desired: g.desiredNodes, max: g.maxNodes });
    }
  });

  it('property: on random node counts and pods, every subnet runs out where the pinned evaluation says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (gi, desiredOther, podsA, podsB, max) => {
          const plan = structuredClone(SMALL_ROUTABLE_VPC);
          plan.nodeGroups[0]!.podsPerNode = podsA;
          plan.nodeGroups.push({
            ...plan.nodeGroups[0]!,
            name: 'system',
            instanceType: 'm5.large',
            subnets: ['nodes-a', 'nodes-b'],
            podsPerNode: Math.min(podsB, 27),
            minNodes: 0,
            desiredNodes: desiredOther,
            maxNodes: Math.max(desiredOther, 8),
          });
          plan.nodeGroups[gi]!.maxNodes = Math.max(plan.nodeGroups[gi]!.desiredNodes, max);
          plan.nodeGroups[gi]!.minNodes = 0;
          const s = groupScale(plan, dataset, gi);
          const truth = bruteForce(plan, gi, 80);
          expect(s.exhaustedAt.map((x) => (x !== null && x > 80 ? null : x))).toEqual(truth);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a subnet the group does not use never runs out of its nodes; the series keeps it flat', () => {
    const s = groupScale(GPU_TRAINING, dataset, 1); // system: system-a/b only
    const names = GPU_TRAINING.vpc.subnets.map((x) => x.name);
    expect(s.exhaustedAt[names.indexOf('gpu-a')]).toBeNull();
    const gpuA = new Set(s.series.points.map((p) => p.used[names.indexOf('gpu-a')]));
    expect(gpuA.size).toBe(1);
  });

  it('the series ends past the first exhaustion, at most twice max, with every count when they are few', () => {
    const s = groupScale(HIGH_CHURN_WEB, dataset, 0);
    const g = HIGH_CHURN_WEB.nodeGroups[0]!;
    expect(s.series.endNodes).toBeLessThanOrEqual(2 * g.maxNodes);
    expect(s.series.endNodes).toBeGreaterThanOrEqual(g.maxNodes);
    const xs = s.series.points.map((p) => p.nodes);
    expect(xs).toEqual([...Array(s.series.endNodes - g.minNodes + 1)].map((_, i) => g.minNodes + i));
  });
});
