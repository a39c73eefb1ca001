import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { endNodesWhenNothingRunsOut } from '../../src/model/exhaustion';
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
    expect(r.subnets[0]!.breakdown.desired).toEqual({
      reserved: 8,
      nodeIps: 1,
      eniPrimaries: 1,
      podIps: 20,
      warmIps: 78,
      total: 108,
    });
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
        const counts = plan.nodeGroups.map((g) =>
          scale === 'min' ? g.minNodes : scale === 'desired' ? g.desiredNodes : g.maxNodes,
        );
        expect(
          r.subnets.map((s) => s.used[scale]),
          `${plan.name} ${scale}`,
        ).toEqual(usedByNodeLoop(plan, dataset, counts));
      }
    }
  });

  const planArb = fc
    .record({
      subnets: fc.array(
        fc.record({
          az: fc.constantFrom('a', 'b', 'c'),
          prefix: fc.integer({ min: 22, max: 27 }),
          reserved: fc.integer({ min: 0, max: 20 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      groups: fc.array(
        fc.record({
          type: fc.constantFrom('m5.large', 't3.small', 'm5.16xlarge', 'c5.4xlarge', 'p5.48xlarge', 'm4.large'),
          min: fc.integer({ min: 0, max: 5 }),
          extra: fc.integer({ min: 0, max: 10 }),
          extra2: fc.integer({ min: 0, max: 20 }),
          pods: fc.integer({ min: 0, max: 60 }),
          pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      warm: fc.integer({ min: 0, max: 2 }),
      mit: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      wit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    })
    .map(({ subnets, groups, warm, mit, wit }): Plan => {
      const subs = subnets.map((s, i) => ({
        name: `s${i}`,
        az: `us-east-1${s.az}`,
        cidr: `10.0.${i * 4}.0/${s.prefix}`,
        reservedIps: s.reserved,
      }));
      return {
        version: 1,
        name: 'random',
        vpc: { cidrs: ['10.0.0.0/16'], subnets: subs },
        cni: { ...DEFAULT_CNI, warmEniTarget: warm, minimumIpTarget: mit, warmIpTarget: wit },
        nodeGroups: groups.map((g, i) => ({
          name: `g${i}`,
          instanceType: g.type,
          subnets: [...new Set(g.pick.map((p) => subs[p % subs.length]!.name))],
          minNodes: g.min,
          desiredNodes: g.min + g.extra,
          maxNodes: g.min + g.extra + g.extra2,
          podsPerNode: g.pods,
          maxPods: null,
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

  it('when no subnet runs out, the series ends at twice the nodes at max, as the verdict says without building it', () => {
    let nothingRunsOut = 0;
    const check = (plan: Plan) => {
      const r = evaluate(plan, dataset);
      if (r.firstExhaustion) return;
      nothingRunsOut++;
      expect(r.series.endNodes).toBe(endNodesWhenNothingRunsOut(r.totals.nodes.max));
    };
    for (const p of PRESETS) check(valid(JSON.parse(JSON.stringify(p))));
    fc.assert(
      fc.property(planArb, (p) => check(valid(p))),
      { numRuns: 600 },
    );
    // The property held on enough plans to mean something (about one in twelve runs out nowhere).
    expect(nothingRunsOut).toBeGreaterThan(20);
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

describe('warnings', () => {
  const withGroup = (cni: Partial<Plan['cni']>, group: Partial<Plan['nodeGroups'][number]>) =>
    evaluate(
      valid({
        ...SMALL_ROUTABLE_VPC,
        cni: { ...DEFAULT_CNI, ...cni },
        nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0], ...group }],
      }),
      dataset,
    );
  const codes = (r: ReturnType<typeof evaluate>) => r.warnings.map((w) => w.code);
  it('MINIMUM_IP_TARGET alone strands pods, in secondary-IP and in prefix mode, with a fix that sets WARM_IP_TARGET', () => {
    const r = withGroup({ minimumIpTarget: 30 }, { instanceType: 'm5.8xlarge', podsPerNode: 40, maxNodes: 3 });
    const w = r.warnings.find((x) => x.code === 'minimum-ip-target-strands-pods')!;
    expect(w.message).toMatch(/10 of 40 pods per node get none/);
    expect(w.apply).toEqual({ kind: 'cni', set: { warmIpTarget: 5, minimumIpTarget: 45 } });
    const pd = withGroup(
      { minimumIpTarget: 20, prefixDelegation: true },
      { instanceType: 'm5.large', podsPerNode: 40, maxPods: 110, maxNodes: 3 },
    );
    expect(codes(pd)).toContain('minimum-ip-target-strands-pods');
    expect(pd.nodeGroups[0]!.perNode).toMatchObject({ prefixes: 2, podsWithoutIp: 8 });
  });
  it('custom networking with the default max pods: fix sets the calculator value', () => {
    const r = evaluate(
      valid({
        ...EXPANDED_VPC,
        nodeGroups: [{ ...EXPANDED_VPC.nodeGroups[0]!, instanceType: 'm5.large', maxPods: null, podsPerNode: 25 }],
      }),
      dataset,
    );
    const w = r.warnings.find((x) => x.code === 'custom-networking-max-pods')!;
    expect(w.apply).toEqual({ kind: 'nodeGroup', index: 0, set: { maxPods: 20 } });
    expect(w.message).toMatch(/schedules up to 27 pods but only 18 get addresses/);
  });
  it('prefix delegation with the default max pods and on a non-Nitro type', () => {
    expect(codes(withGroup({ prefixDelegation: true }, {}))).toContain('prefix-delegation-max-pods');
    expect(codes(withGroup({ prefixDelegation: true }, { instanceType: 'm4.10xlarge' }))).toContain(
      'prefix-delegation-unsupported',
    );
  });
  it('MAX_ENI without a matching max pods', () => {
    expect(codes(withGroup({ maxEni: 1 }, { podsPerNode: 20 }))).toContain('max-eni-max-pods');
  });
  it('a subnet with fewer than 16 free addresses at max is flagged for EKS control-plane ENIs', () => {
    const r = withGroup({}, { maxNodes: 6, podsPerNode: 20 }); // 2 × 100 + 8 = 208 of 251: 43 free
    expect(codes(r)).not.toContain('cluster-subnet-low-free');
    const tight = evaluate(
      valid({
        ...SMALL_ROUTABLE_VPC,
        vpc: {
          ...SMALL_ROUTABLE_VPC.vpc,
          subnets: SMALL_ROUTABLE_VPC.vpc.subnets.map((s) => ({ ...s, reservedIps: 45 })),
        },
        nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, maxNodes: 6 }],
      }),
      dataset,
    );
    expect(tight.subnets[0]!.free.max).toBe(6);
    expect(codes(tight)).toContain('cluster-subnet-low-free');
  });
});

describe('prefix delegation counts /28 blocks, not loose addresses', () => {
  const pdPlan = (subnetCidr: string, nodes: number, reservation?: string) =>
    valid({
      version: 1,
      name: 'pd',
      vpc: {
        cidrs: ['10.0.0.0/16'],
        subnets: [
          { name: 'a', az: 'us-east-1a', cidr: subnetCidr, ...(reservation ? { prefixReservation: reservation } : {}) },
        ],
      },
      cni: { ...DEFAULT_CNI, prefixDelegation: true },
      nodeGroups: [
        {
          name: 'g',
          instanceType: 'm5.large',
          subnets: ['a'],
          minNodes: 0,
          desiredNodes: nodes,
          maxNodes: nodes,
          podsPerNode: 17,
          maxPods: 110,
        },
      ],
    });
  it('a /24 offers 14 blocks; each m5.large node takes 3 prefixes and spoils one block with its node IP', () => {
    // per node: 3 prefixes + 1 spoiled = 4 blocks; 14 blocks hold 3 nodes (12), not 4 (16)
    const three = evaluate(pdPlan('10.0.0.0/24', 3), dataset);
    expect(three.subnets[0]!.prefixBlocks!.max).toEqual({
      total: 14,
      usedByPrefixes: 9,
      spoiled: 3,
      free: 2,
      short: 0,
      needed: 9,
    });
    expect(three.fits).toBe(true);
    const four = evaluate(pdPlan('10.0.0.0/24', 4), dataset);
    expect(four.subnets[0]!.used.max).toBe(4 * 49); // 196 of 251 addresses: they fit, the blocks do not
    expect(four.fits).toBe(false);
    expect(four.warnings.find((w) => w.code === 'subnet-exhausted')!.message).toMatch(/free \/28 blocks/);
  });
  const reservationCase =
    'a prefix reservation keeps node IPs out of its blocks, yet 4 nodes on a /24 with a /25 ' +
    'reserved do not fit; 6 on a /23 do';
  it(reservationCase, () => {
    const r = evaluate(pdPlan('10.0.0.0/24', 4, '10.0.0.128/25'), dataset);
    // reservation: 8 blocks less the subnet's last one = 7; outside: 8 blocks less the first = 7, 4 spoiled → 3; 7 + 3 = 10 < 12
    expect(r.subnets[0]!.prefixBlocks!.max).toMatchObject({
      total: 14,
      spoiled: 4,
      usedByPrefixes: 10,
      free: 0,
      short: 2,
    });
    expect(r.fits).toBe(false);
    const r2 = evaluate(pdPlan('10.0.0.0/23', 6, '10.0.1.0/24'), dataset);
    // reservation 16 blocks − last = 15; outside 16 − first = 15, 6 spoiled → 9; 24 blocks for 18 prefixes
    expect(r2.subnets[0]!.prefixBlocks!.max).toEqual({
      total: 30,
      usedByPrefixes: 18,
      spoiled: 6,
      free: 6,
      short: 0,
      needed: 18,
    });
    expect(r2.fits).toBe(true);
  });
});

describe('series resolution', () => {
  it('a plan whose total nodes span fewer than 1,000 has a point at every total', () => {
    const r = evaluate(valid(SMALL_ROUTABLE_VPC), dataset);
    expect(r.series.points.map((p) => p.nodes)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.series.points.map((p) => p.used[0])).toEqual([108, 208, 208, 208, 308, 308, 308]);
  });
});

describe('the /28 block accounting adds up (issue 11 point 5)', () => {
  it('blocks with prefixes + spoiled + free = all blocks, for random singles and prefixes; short = prefixes without a block', async () => {
    const fc = (await import('fast-check')).default;
    const { blockGeometry, blockUse } = await import('../../src/model/prefix-blocks');
    const { parseCidr } = await import('../../src/model/cidr');
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 28 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 300 }),
        (n, singles, prefixes) => {
          const c = parseCidr(`10.0.0.0/${n}`);
          if (!c.ok) throw new Error('cidr');
          const u = blockUse(blockGeometry(c.value, undefined), singles, prefixes);
          expect(u.usedByPrefixes + u.spoiled + u.free).toBe(u.total);
          expect(u.free).toBeGreaterThanOrEqual(0);
          expect(u.usedByPrefixes + u.short).toBe(prefixes);
          // a /n has 2^(28-n) blocks, the first and last spoiled by AWS's reserved addresses
          expect(u.total).toBe(n === 28 ? 0 : 2 ** (28 - n) - 2);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the series and the warnings, computed when first read', () => {
  it('are ordinary fields to JSON, structuredClone and assignment, in the fields order', () => {
    const plan = validatePlan(largePlan(), dataset);
    if (!plan.ok) throw new Error('large plan invalid');
    const fresh = evaluate(plan.plan, dataset, plan.warnings);
    const json = JSON.parse(JSON.stringify(fresh)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'fits',
      'nodeGroups',
      'subnets',
      'warnings',
      'firstExhaustion',
      'totals',
      'series',
      'vpcCidrs',
    ]);
    const read = evaluate(plan.plan, dataset, plan.warnings);
    // Read once: the same value as the JSON and the clone carry, and the same object when read again.
    expect(read.series.points.length).toBeGreaterThan(2);
    expect(read.series).toBe(read.series);
    expect(json.series).toEqual(read.series);
    expect(json.warnings).toEqual(read.warnings);
    expect(structuredClone(evaluate(plan.plan, dataset, plan.warnings)).warnings).toEqual(read.warnings);
    read.warnings = [];
    expect(read.warnings).toEqual([]);
  });
});
