import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { advise, adviseSteps, compareAdvice, type Advice } from '../../../src/model/advisor';
import { evaluate } from '../../../src/model/evaluate';
import type { Plan } from '../../../src/model/plan';
import { EXPANDED_VPC, HIGH_CHURN_WEB, PRESETS, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import { validatePlan } from '../../../src/model/validate-plan';
import { denseSmallNodes, roomyVpcFullQuota, warmWasteInSmallSubnets, xenOnly } from './plans';

const byId = (list: Advice[], id: string) => list.find((a) => a.id === id);
const ids = (list: Advice[]) => list.map((a) => a.id);
const subnet = (a: Advice, name: string) => a.evaluation.subnets.find((s) => s.name === name)!;

/** Every fix's plan is plain data that validates as any input does and evaluates to the evaluation it carries. */
function expectValidWholePlan(a: Advice) {
  const v = validatePlan(JSON.parse(JSON.stringify(a.plan)), dataset);
  expect(v.ok, `${a.id}: ${JSON.stringify(!v.ok && v.issues)}`).toBe(true);
  if (!v.ok) return;
  expect(evaluate(v.plan, dataset, v.warnings)).toEqual(a.evaluation);
  expect(a.headroom.fitsAtMax).toBe(a.evaluation.fits);
}

describe('advise: the small routable VPC (3 × /24, m5.16xlarge, 20 pods, 3/3/9 nodes)', () => {
  const base = evaluate(SMALL_ROUTABLE_VPC, dataset);
  const advice = advise(SMALL_ROUTABLE_VPC, dataset);

  it('starts from a plan that does not fit: nodes-a runs out at 7 nodes', () => {
    expect(base.fits).toBe(false);
    expect(base.firstExhaustion).toEqual({ subnet: 'nodes-a', atNodes: 7 });
  });

  it('ranks MIT/WIT first, then the secondary CIDRs (custom networking, then tagged subnets), then MAX_ENI; ranks are 1..n in order', () => {
    expect(ids(advice)).toEqual(['warm-ip-targets', 'secondary-cidr', 'tagged-subnet', 'max-eni']);
    expect(advice.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < advice.length; i++) expect(compareAdvice(advice[i - 1]!, advice[i]!)).toBeLessThanOrEqual(0);
    advice.forEach(expectValidWholePlan);
  });

  it('MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5: 25 addresses on one ENI + its primary = 26 per node instead of 100; fits with 165 free', () => {
    const a = byId(advice, 'warm-ip-targets')!;
    expect(a.plan.cni).toMatchObject({ minimumIpTarget: 25, warmIpTarget: 5 });
    const per = a.evaluation.nodeGroups[0]!.perNode;
    expect({ ips: per.ips, enis: per.enis, total: per.nodeSubnetIps }).toEqual({ ips: 25, enis: 1, total: 26 });
    expect(base.nodeGroups[0]!.perNode.nodeSubnetIps).toBe(100);
    expect(subnet(a, 'nodes-a').used.max).toBe(8 + 3 * 26);
    expect(a.headroom).toMatchObject({
      fitsAtMax: true,
      firstExhaustionNodes: null,
      minFreeAtMax: 165,
      addressesAtMax: 258,
      exhaustionRatio: 2,
    });
    expect(a.cost.join('\n')).toContain('AssignPrivateIpAddresses');
    expect(a.summary).toContain('EC2 calls per starting node: 10 → 4');
  });

  it('secondary CIDRs 100.64/65/66.0.0/16 with custom networking make it fit: 1 address per node in the /24s, 100 per node in the pod subnets', () => {
    const a = byId(advice, 'secondary-cidr')!;
    expect(a.plan.vpc.cidrs).toEqual(['10.0.0.0/22', '100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16']);
    expect(a.plan.cni.customNetworking).toBe(true);
    expect(a.plan.vpc.subnets.slice(3)).toEqual([
      { name: 'pods-a', az: 'us-east-1a', cidr: '100.64.0.0/16' },
      { name: 'pods-b', az: 'us-east-1b', cidr: '100.65.0.0/16' },
      { name: 'pods-c', az: 'us-east-1c', cidr: '100.66.0.0/16' },
    ]);
    expect(a.plan.nodeGroups[0]).toMatchObject({ podSubnets: ['pods-a', 'pods-b', 'pods-c'], maxPods: 250 });
    expect(a.evaluation.fits).toBe(true);
    expect(subnet(a, 'nodes-a').used.max).toBe(8 + 3);
    expect(subnet(a, 'pods-a').used.max).toBe(3 * 100);
    expect(a.headroom.firstExhaustionNodes).toBeNull();
    expect(a.cost.some((c) => c.startsWith('non-routable pod IPs'))).toBe(true);
    expect(a.cost).toContain('+1 EC2 calls per node at scale-out (10 → 11)');
  });

  it('MAX_ENI=1 with --max-pods=51 (1 × 49 + 2): 50 per node, fits, nodes-a runs out at 13 nodes', () => {
    const a = byId(advice, 'max-eni')!;
    expect(a.plan.cni.maxEni).toBe(1);
    expect(a.plan.nodeGroups[0]!.maxPods).toBe(51);
    expect(a.evaluation.nodeGroups[0]!.perNode.nodeSubnetIps).toBe(50);
    expect(a.headroom).toMatchObject({ fitsAtMax: true, firstExhaustionNodes: 13 });
    expect(a.cost.join('\n')).toContain('node replacement needed');
  });

  it('does not offer prefix delegation: /28 fragmentation leaves room for 2 nodes per /24 either way', () => {
    expect(byId(advice, 'prefix-delegation')).toBeUndefined();
    const pd = structuredClone(SMALL_ROUTABLE_VPC);
    pd.cni.prefixDelegation = true;
    pd.nodeGroups[0]!.maxPods = 250;
    expect(evaluate(pd, dataset).firstExhaustion!.atNodes).toBeLessThanOrEqual(7);
  });

  it('does not offer larger subnets: 10.0.0.0/22 has one free /24 and each subnet needs a /23', () => {
    expect(byId(advice, 'bigger-subnets')).toBeUndefined();
  });
});

describe('advise: larger subnets', () => {
  it('are carved from free space of 10.0.0.0/16 when the CIDR quota is full: /23s, names kept, fits, runs out at 13 nodes', () => {
    const advice = advise(roomyVpcFullQuota(), dataset);
    expect(byId(advice, 'secondary-cidr')).toBeUndefined();
    const a = byId(advice, 'bigger-subnets')!;
    expect(a.plan.vpc.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ['nodes-a', '10.0.4.0/23'],
      ['nodes-b', '10.0.6.0/23'],
      ['nodes-c', '10.0.8.0/23'],
    ]);
    // 4 nodes (9 × 1.2 = 11 over 3 subnets) × 100 + 8 = 408 ≤ 507 usable in a /23
    expect(subnet(a, 'nodes-a').usable).toBe(507);
    expect(a.headroom).toMatchObject({ fitsAtMax: true, firstExhaustionNodes: 13 });
    advice.forEach(expectValidWholePlan);
  });
});

describe('advise: prefix delegation', () => {
  it('is offered with a /25 prefix reservation when single addresses would spoil the /28 blocks', () => {
    const plan = warmWasteInSmallSubnets();
    expect(evaluate(plan, dataset).fits).toBe(true);
    const a = byId(advise(plan, dataset), 'prefix-delegation')!;
    expect(a.plan.cni.prefixDelegation).toBe(true);
    expect(a.plan.nodeGroups[0]!.maxPods).toBe(250);
    expect(a.plan.vpc.subnets.map((s) => s.prefixReservation)).toEqual([
      '10.0.0.128/25',
      '10.0.1.128/25',
      '10.0.2.128/25',
    ]);
    // ⌈20/16⌉ + 1 = 3 prefixes: 48 + 1 ENI = 49 per node, down from 100
    expect(a.evaluation.nodeGroups[0]!.perNode).toMatchObject({ prefixes: 3, nodeSubnetIps: 49 });
    expect(a.headroom.fitsAtMax).toBe(true);
    expect(subnet(a, 'nodes-a').prefixBlocks!.max).toMatchObject({ needed: 6, free: 1 });
    expectValidWholePlan(a);
    // Without the reservation 12 singles spoil 12 of 14 blocks and the 6 prefixes do not fit.
    const bare = structuredClone(a.plan);
    bare.vpc.subnets.forEach((s) => delete s.prefixReservation);
    expect(evaluate(bare, dataset).fits).toBe(false);
  });

  it('is not offered when no group is Nitro (m4.16xlarge would silently stay on secondary IPs)', () => {
    expect(byId(advise(xenOnly(), dataset, { always: true }), 'prefix-delegation')).toBeUndefined();
  });

  it('is not offered when it is already on, nor when it would hold more per node (m5.xlarge, 40 pods: 60 → 65)', () => {
    const on = structuredClone(EXPANDED_VPC);
    on.cni.prefixDelegation = true;
    expect(byId(advise(on, dataset, { always: true }), 'prefix-delegation')).toBeUndefined();
    expect(byId(advise(denseSmallNodes(), dataset, { always: true }), 'prefix-delegation')).toBeUndefined();
  });
});

describe('advise: what is offered when', () => {
  it('m5.xlarge with 40 pods: of the IPv4 fixes only MIT/WIT (60 → 49 per node); it moves the first exhaustion from 33 to 41 nodes but does not fit, so an IPv6 cluster comes first', () => {
    const advice = advise(denseSmallNodes(), dataset);
    expect(ids(advice)).toEqual(['ipv6-cluster', 'warm-ip-targets']);
    const a = byId(advice, 'warm-ip-targets')!;
    expect(a.evaluation.nodeGroups[0]!.perNode.nodeSubnetIps).toBe(49);
    expect(a.headroom).toMatchObject({ fitsAtMax: false, firstExhaustionNodes: 41 });
  });

  it('MAX_ENI is not offered when WARM_IP_TARGET / MINIMUM_IP_TARGET already sizes the pool', () => {
    expect(byId(advise(HIGH_CHURN_WEB, dataset, { always: true }), 'max-eni')).toBeUndefined();
  });

  it('MIT/WIT is not offered when the plan already has MINIMUM_IP_TARGET = pods + 5 and WARM_IP_TARGET = 5 (25 pods: 30 / 5)', () => {
    expect(byId(advise(HIGH_CHURN_WEB, dataset, { always: true }), 'warm-ip-targets')).toBeUndefined();
  });

  it('secondary CIDRs are not offered with custom networking already on, nor when the quota is full', () => {
    expect(byId(advise(EXPANDED_VPC, dataset), 'secondary-cidr')).toBeUndefined();
    expect(byId(advise(roomyVpcFullQuota(), dataset), 'secondary-cidr')).toBeUndefined();
  });

  it('with room for one CIDR only, one /16 is split into a /18 per AZ', () => {
    const p: Plan = structuredClone(SMALL_ROUTABLE_VPC);
    p.vpc.cidrQuota = 2;
    const a = byId(advise(p, dataset), 'secondary-cidr')!;
    expect(a.plan.vpc.cidrs).toEqual(['10.0.0.0/22', '100.64.0.0/16']);
    expect(a.plan.vpc.subnets.slice(3).map((s) => s.cidr)).toEqual([
      '100.64.0.0/18',
      '100.64.64.0/18',
      '100.64.128.0/18',
    ]);
    expect(a.evaluation.fits).toBe(true);
  });

  it('a plan that fits and wastes little gets no advice (High-churn web: MIT 30, WIT 5)', () => {
    expect(advise(HIGH_CHURN_WEB, dataset)).toEqual([]);
  });

  it('a plan that fits but wastes 72 % on warm pools (Expanded VPC) gets fixes that cut the warm share, none that shrink headroom', () => {
    const advice = advise(EXPANDED_VPC, dataset);
    expect(ids(advice)).toEqual(['warm-ip-targets', 'prefix-delegation', 'max-eni']);
    for (const a of advice) {
      expect(a.headroom.fitsAtMax).toBe(true);
      expect(a.headroom.warmShareAtDesired).toBeLessThan(0.5);
      expectValidWholePlan(a);
    }
  });

  it('every fix for every preset is a whole, valid plan', () => {
    for (const p of PRESETS) advise(p, dataset, { always: true }).forEach(expectValidWholePlan);
  });
});

describe('adviseSteps: the advice a step at a time (the page runs it between frames)', () => {
  const run = (plan: Plan) => {
    const steps = adviseSteps(plan, dataset);
    let yields = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) return { yields, advice: step.value };
      yields++;
    }
  };
  it('yields after the base plan and after each fix it measures, and returns what advise() returns', () => {
    const { yields, advice } = run(SMALL_ROUTABLE_VPC);
    const whole = advise(SMALL_ROUTABLE_VPC, dataset);
    expect(advice).toEqual(whole);
    expect(whole.length).toBeGreaterThan(1);
    // The base, then at least one measured plan per fix kept (fixes that do not improve are measured too).
    expect(yields).toBeGreaterThanOrEqual(whole.length + 1);
  });
  it('does not yield at all for a plan that needs no advice', () => {
    const fits = PRESETS.find((p) => advise(p, dataset).length === 0 && evaluate(p, dataset).fits);
    expect(fits, 'a preset that fits without warm-pool waste').toBeDefined();
    expect(run(fits!)).toEqual({ yields: 0, advice: [] });
  });
});
