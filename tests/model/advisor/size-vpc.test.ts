import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { sizeVpc, type SizeVpcInput } from '../../../src/model/advisor';
import { parseCidr } from '../../../src/model/cidr';
import { canAssociate } from '../../../src/model/cidr-association';
import { evaluate } from '../../../src/model/evaluate';
import { validatePlan } from '../../../src/model/validate-plan';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const cidr = (t: string) => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

function expectSound(input: SizeVpcInput) {
  const r = sizeVpc(input, dataset);
  expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
  if (!r.ok) return null;
  const v = validatePlan(JSON.parse(JSON.stringify(r.plan)), dataset);
  expect(v.ok, JSON.stringify(!v.ok && v.issues)).toBe(true);
  if (!v.ok) return null;
  const e = evaluate(v.plan, dataset, v.warnings);
  expect(e.fits).toBe(true);
  // Each CIDR is /16–/28 and associable next to the ones before it; the quota holds.
  const cidrs = r.plan.vpc.cidrs.map(cidr);
  cidrs.forEach((c, i) => {
    expect(c.prefix).toBeGreaterThanOrEqual(16);
    expect(c.prefix).toBeLessThanOrEqual(28);
    if (i > 0) expect(canAssociate(cidrs.slice(0, i), c)).toEqual({ ok: true });
  });
  expect(cidrs.length).toBeLessThanOrEqual(r.plan.vpc.cidrQuota ?? 5);
  return { plan: r.plan, evaluation: e, notes: r.notes };
}

describe('sizeVpc', () => {
  it('9 m5.16xlarge with 20 pods over 3 AZs, 20 % headroom: routable 10.0.0.0/21, /23 node subnets (4 × 100 + 8 = 408 ≤ 507), /27 cluster subnets', () => {
    const r = expectSound({
      azs: AZS,
      headroomPct: 20,
      nodeGroups: [{ name: 'general', instanceType: 'm5.16xlarge', maxNodes: 9, podsPerNode: 20 }],
    })!;
    expect(r.plan.vpc.cidrs).toEqual(['10.0.0.0/21']);
    expect(r.plan.vpc.subnets.map((s) => `${s.name} ${s.cidr}`)).toEqual([
      'nodes-a 10.0.0.0/23',
      'nodes-b 10.0.2.0/23',
      'nodes-c 10.0.4.0/23',
      'cluster-a 10.0.6.0/27',
      'cluster-b 10.0.6.32/27',
      'cluster-c 10.0.6.64/27',
    ]);
    expect(r.plan.cni.customNetworking).toBe(false);
    expect(r.evaluation.subnets[0]!.used.max).toBe(8 + 3 * 100);
  });

  it('200 of them: pods move to 100.64.0.0/17 with custom networking (routable would need a /17), max pods 250', () => {
    const r = expectSound({
      azs: AZS,
      headroomPct: 20,
      nodeGroups: [{ name: 'general', instanceType: 'm5.16xlarge', maxNodes: 200, podsPerNode: 20 }],
    })!;
    expect(r.plan.vpc.cidrs).toEqual(['10.0.0.0/23', '100.64.0.0/17']);
    expect(r.plan.cni.customNetworking).toBe(true);
    expect(r.plan.nodeGroups[0]).toMatchObject({ podSubnets: ['pods-a', 'pods-b', 'pods-c'], maxPods: 250 });
    // 240 nodes / 3 = 80 per AZ: node subnet 80 + 8 → /25; pod subnet 80 × 101 = 8,080 → /19
    expect(r.plan.vpc.subnets.find((s) => s.name === 'pods-a')!.cidr).toBe('100.64.0.0/19');
    expect(r.notes[0]).toContain('10.0.0.0/17');
  });

  it("podNetwork 'routable' keeps pods in the node subnets even when large", () => {
    const r = expectSound({
      azs: AZS,
      podNetwork: 'routable',
      nodeGroups: [{ name: 'g', instanceType: 'm5.16xlarge', maxNodes: 200, podsPerNode: 20 }],
    })!;
    expect(r.plan.cni.customNetworking).toBe(false);
    expect(r.plan.vpc.cidrs).toEqual(['10.0.0.0/17']);
  });

  it('prefix delegation: node subnets sized by /28 blocks, not addresses; max pods 110 on m5.large', () => {
    const r = expectSound({
      azs: AZS.slice(0, 2),
      cni: { prefixDelegation: true },
      nodeGroups: [{ name: 'g', instanceType: 'm5.large', maxNodes: 20, podsPerNode: 30 }],
    })!;
    expect(r.plan.nodeGroups[0]!.maxPods).toBe(110);
    const blocks = r.evaluation.subnets[0]!.prefixBlocks!.max;
    expect(blocks.free).toBeGreaterThanOrEqual(0);
  });

  it('refuses what AWS cannot hold, naming the field', () => {
    expect(sizeVpc({ azs: [], nodeGroups: [] }, dataset)).toMatchObject({
      ok: false,
      error: expect.stringContaining('azs'),
    });
    expect(
      sizeVpc({ azs: AZS, nodeGroups: [{ name: 'x', instanceType: 'm5.huge', maxNodes: 1, podsPerNode: 1 }] }, dataset),
    ).toMatchObject({ ok: false, error: expect.stringContaining('nodeGroups[0].instanceType') });
    expect(
      sizeVpc(
        {
          azs: ['a'],
          podNetwork: 'secondary',
          nodeGroups: [{ name: 'x', instanceType: 'm5.16xlarge', maxNodes: 5000, podsPerNode: 20 }],
        },
        dataset,
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('/16') });
  });

  it('always passes validatePlan and fits, whatever the groups, AZs, headroom and CNI settings', () => {
    const types = dataset.types.map((t) => t.name);
    const group = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      instanceType: fc.constantFrom(...types),
      minNodes: fc.integer({ min: 0, max: 5 }),
      desiredNodes: fc.integer({ min: 0, max: 30 }),
      maxNodes: fc.integer({ min: 0, max: 60 }),
      podsPerNode: fc.integer({ min: 0, max: 110 }),
      maxPods: fc.option(fc.integer({ min: 10, max: 250 }), { nil: undefined }),
    });
    const input = fc.record({
      nodeGroups: fc.uniqueArray(group, { minLength: 0, maxLength: 3, selector: (g) => g.name }),
      azs: fc
        .integer({ min: 1, max: 4 })
        .map((n) => ['us-west-2a', 'us-west-2b', 'us-west-2c', 'us-west-2d'].slice(0, n)),
      headroomPct: fc.integer({ min: 0, max: 50 }),
      podNetwork: fc.constantFrom('auto' as const, 'secondary' as const),
      primaryBase: fc.constantFrom('10.0.0.0', '10.20.0.0', '172.16.0.0', '192.168.0.0'),
      cni: fc.record({
        warmEniTarget: fc.integer({ min: 0, max: 2 }),
        warmIpTarget: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        minimumIpTarget: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        prefixDelegation: fc.boolean(),
        podEni: fc.boolean(),
      }),
    });
    fc.assert(
      fc.property(input, (inp) => {
        expectSound(inp);
      }),
      { numRuns: 300 },
    );
  });
});
