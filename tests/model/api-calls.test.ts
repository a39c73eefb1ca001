import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { apiCalls, callsPerNode, DEFAULT_BUCKETS, totalCallsPerNode } from '../../src/model/api-calls';
import { evaluate } from '../../src/model/evaluate';
import { DEFAULT_CNI, type CniSettings, type Plan } from '../../src/model/plan';
import { EXPANDED_VPC, HIGH_CHURN_WEB, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { nodeAccounting } from '../../src/model/warm-pool';

const type = (n: string) => dataset.byName.get(n)!;
const node = (t: string, pods: number, cni: Partial<CniSettings> = {}, maxPods?: number) => {
  const c = { ...DEFAULT_CNI, ...cni };
  return { per: nodeAccounting(type(t), c, { pods, maxPods }), cni: c };
};

/** 200 m5.16xlarge with 20 pods (2 ENIs each) starting from 0, in three /20s. */
function twoHundredNodes(): Plan {
  const p = structuredClone(SMALL_ROUTABLE_VPC);
  p.vpc.cidrs = ['10.0.0.0/16'];
  p.vpc.subnets.forEach((s, i) => (s.cidr = `10.0.${i * 16}.0/20`));
  Object.assign(p.nodeGroups[0]!, { minNodes: 0, desiredNodes: 0, maxNodes: 200 });
  return p;
}

describe('callsPerNode (amazon-vpc-cni-k8s v1.23.1 awsutils.go, ipamd.go)', () => {
  it('WARM_ENI_TARGET=1, 2 ENIs: 10 calls (DescribeSubnets 3, one each of DNI, CreateTags, Assign, CreateNI, DescribeInstances, Attach, Modify)', () => {
    const { per, cni } = node('m5.16xlarge', 20);
    expect(callsPerNode(per, cni)).toMatchObject({
      DescribeNetworkInterfaces: 1,
      DescribeSubnets: 3,
      CreateTags: 1,
      AssignPrivateIpAddresses: 1,
      CreateNetworkInterface: 1,
      DescribeInstances: 1,
      AttachNetworkInterface: 1,
      ModifyNetworkInterfaceAttribute: 1,
      RunInstances: 1,
    });
    expect(totalCallsPerNode(per, cni)).toBe(10);
  });

  it('custom networking: no subnet discovery per ENI and no Assign at start (the primary ENI takes no pods): 3 + 4 per pod ENI', () => {
    const { per, cni } = node('m5.16xlarge', 20, { customNetworking: true }, 250);
    expect(per.enis).toBe(3);
    expect(callsPerNode(per, cni)).toMatchObject({
      DescribeSubnets: 1,
      AssignPrivateIpAddresses: 0,
      AttachNetworkInterface: 2,
    });
    expect(totalCallsPerNode(per, cni)).toBe(3 + 2 * 4);
  });

  it('MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5 with 20 pods: all 25 addresses come at start, 4 calls', () => {
    const { per, cni } = node('m5.16xlarge', 20, { minimumIpTarget: 25, warmIpTarget: 5 });
    expect(totalCallsPerNode(per, cni)).toBe(4);
  });

  it('WARM_IP_TARGET=2 alone with 20 pods on m5.large: 1 Assign at start (2), 20 more addresses one pod at a time, 2 of them on new ENIs', () => {
    const { per, cni } = node('m5.large', 20, { warmIpTarget: 2 });
    expect(per.ips).toBe(22);
    const c = callsPerNode(per, cni);
    expect(c.AssignPrivateIpAddresses).toBe(1 + (22 - 2) - 2);
    expect(c.AttachNetworkInterface).toBe(2);
  });

  it('High-churn web (m5.2xlarge, MIT 30, WIT 5, 25 pods): one Assign for 14, then 2 ENIs created at start (14, 2): 16 calls', () => {
    const e = evaluate(HIGH_CHURN_WEB, dataset);
    const per = e.nodeGroups[0]!.perNode;
    expect(callsPerNode(per, HIGH_CHURN_WEB.cni)).toMatchObject({
      AssignPrivateIpAddresses: 1,
      AttachNetworkInterface: 2,
      DescribeSubnets: 5,
    });
    expect(totalCallsPerNode(per, HIGH_CHURN_WEB.cni)).toBe(16);
  });

  it('prefix delegation, WPT=1, 40 pods on m5.large: 1 Assign at start, then 1 per further prefix (4 prefixes → 4 Assigns)', () => {
    const { per, cni } = node('m5.large', 40, { prefixDelegation: true }, 110);
    expect(per.prefixes).toBe(4);
    expect(callsPerNode(per, cni)).toMatchObject({ AssignPrivateIpAddresses: 4, AttachNetworkInterface: 0 });
  });
});

describe('apiCalls: the scale-out desired → max against the token buckets (EC2 API request throttling page)', () => {
  it('200 nodes in 20 s: AttachNetworkInterface 200 calls against 50 + 5 × 20 = 150 tokens: throttled, done 10 s after the window', () => {
    const p = twoHundredNodes();
    const r = apiCalls(p, evaluate(p, dataset), { seconds: 20 });
    expect(r.nodes).toBe(200);
    const attach = r.perApi.find((a) => a.api === 'AttachNetworkInterface')!;
    expect(attach).toMatchObject({
      callsPerNode: 1,
      calls: 200,
      bucket: 50,
      refillPerSecond: 5,
      tokensAvailable: 150,
      throttled: true,
      drainSeconds: 30,
      delaySeconds: 10,
    });
    expect(r).toMatchObject({ throttled: true, binding: 'AttachNetworkInterface', delaySeconds: 10 });
  });

  it('the same 200 nodes in 60 s: 350 tokens, not throttled; Attach still binds first (largest (N·c − B)/r = 30 s)', () => {
    const p = twoHundredNodes();
    const r = apiCalls(p, evaluate(p, dataset), { seconds: 60 });
    expect(r).toMatchObject({ throttled: false, delaySeconds: 0, binding: 'AttachNetworkInterface' });
  });

  it('RunInstances requests are shown but never bind (ASGs batch launches); the per-instance resource bucket counts', () => {
    const p = twoHundredNodes();
    const r = apiCalls(p, evaluate(p, dataset), { seconds: 20 });
    expect(r.perApi.find((a) => a.api === 'RunInstances')).toMatchObject({
      calls: 200,
      informational: true,
      throttled: false,
    });
    expect(r.perApi.find((a) => a.api === 'RunInstances:instances')).toMatchObject({
      calls: 200,
      bucket: 1000,
      throttled: false,
    });
  });

  it('edited buckets and other traffic in the account: a 20-token Attach bucket plus 40 other calls throttles the 6-node small VPC in 1 s', () => {
    const e = evaluate(SMALL_ROUTABLE_VPC, dataset);
    const quiet = apiCalls(SMALL_ROUTABLE_VPC, e, { seconds: 1 });
    expect(quiet).toMatchObject({ nodes: 6, throttled: false, binding: null });
    const busy = apiCalls(SMALL_ROUTABLE_VPC, e, {
      seconds: 1,
      buckets: { AttachNetworkInterface: { bucket: 20, refillPerSecond: 5 } },
      otherTraffic: { AttachNetworkInterface: 40 },
    });
    // 6 + 40 = 46 calls against 20 + 5 = 25 tokens: (46 − 20)/5 = 5.2 s to drain, 4.2 s after the window
    expect(busy.perApi.find((a) => a.api === 'AttachNetworkInterface')).toMatchObject({
      calls: 46,
      tokensAvailable: 25,
      drainSeconds: 5.2,
      delaySeconds: 4.2,
    });
    expect(busy).toMatchObject({ throttled: true, binding: 'AttachNetworkInterface', delaySeconds: 4.2 });
  });

  it('no scale-out (desired = max): zero calls, nothing binds', () => {
    const p = structuredClone(EXPANDED_VPC);
    p.nodeGroups[0]!.desiredNodes = p.nodeGroups[0]!.maxNodes;
    const r = apiCalls(p, evaluate(p, dataset), { seconds: 60 });
    expect(r).toMatchObject({ nodes: 0, throttled: false, binding: null, delaySeconds: 0 });
    expect(r.perApi.every((a) => a.calls === 0)).toBe(true);
  });

  it('DEFAULT_BUCKETS carries the published table (Attach 50/5, Assign 100/5, unfiltered Describe* 50/10)', () => {
    expect(DEFAULT_BUCKETS.AttachNetworkInterface).toEqual({ bucket: 50, refillPerSecond: 5 });
    expect(DEFAULT_BUCKETS.AssignPrivateIpAddresses).toEqual({ bucket: 100, refillPerSecond: 5 });
    expect(DEFAULT_BUCKETS.DescribeInstances).toEqual({ bucket: 50, refillPerSecond: 10 });
    expect(DEFAULT_BUCKETS.RunInstances).toEqual({ bucket: 5, refillPerSecond: 2 });
  });

  it('is cheap: 100 groups of 100,000 nodes each in under 5 ms a call (no loop over nodes)', () => {
    const p = structuredClone(SMALL_ROUTABLE_VPC);
    p.nodeGroups = Array.from({ length: 100 }, (_, i) => ({ ...p.nodeGroups[0]!, name: `g${i}`, maxNodes: 100_000 }));
    const e = { nodeGroups: p.nodeGroups.map((g) => ({ name: g.name, perNode: node('m5.16xlarge', 20).per })) };
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) apiCalls(p, e, { seconds: 60 });
    expect((performance.now() - t0) / 100).toBeLessThan(5);
  });
});
