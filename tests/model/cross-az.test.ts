import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  colocatePlan,
  colocationSnippet,
  crossAzCost,
  labelSelectorErrors,
  spreadFromPlan,
  TOPOLOGY_AWARE_ROUTING_ANNOTATION,
  TOPOLOGY_AWARE_ROUTING_YAML,
  TRADE_OFF,
  type CrossAzInput,
} from '../../src/model/cross-az';
import { DEFAULT_CNI, type Plan } from '../../src/model/plan';

function ok(input: CrossAzInput) {
  const r = crossAzCost(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

describe('crossAzCost', () => {
  it('8 pods × 1 GB/h over two even AZs: half crosses, 2,920 GB and 58.40 USD a month', () => {
    const r = ok({ pods: 8, traffic: { kind: 'perHour', bytesPerPodPerHour: 1e9 }, spread: { a: 4, b: 4 } });
    expect(r.crossAzShare).toBeCloseTo(0.5, 12);
    expect(r.monthlyGb).toBeCloseTo(5840, 9); // 8 × 1 GB × 730 h
    expect(r.monthlyCrossAzGb).toBeCloseTo(2920, 9);
    expect(r.monthlyCostUsd).toBeCloseTo(58.4, 9); // 2,920 × (0.01 out + 0.01 in)
    expect(r.colocated).toEqual({ monthlyCrossAzGb: 0, monthlyCostUsd: 0 });
    expect(r.monthlySavingsUsd).toBeCloseTo(58.4, 9);
  });

  it('three even AZs: 2/3 crosses', () => {
    const r = ok({ pods: 3, traffic: { kind: 'perHour', bytesPerPodPerHour: 1e9 }, spread: { a: 1, b: 1, c: 1 } });
    expect(r.crossAzShare).toBeCloseTo(2 / 3, 12);
    expect(r.monthlyCostUsd).toBeCloseTo(3 * 730 * (2 / 3) * 0.02, 9); // 29.20 USD
  });

  it('weights 2:1:1 normalise to 0.5/0.25/0.25: share 1 − 0.375 = 0.625', () => {
    const r = ok({ pods: 4, traffic: { kind: 'perHour', bytesPerPodPerHour: 0 }, spread: { a: 2, b: 1, c: 1 } });
    expect(r.fractions).toEqual({ a: 0.5, b: 0.25, c: 0.25 });
    expect(r.crossAzShare).toBeCloseTo(0.625, 12);
  });

  it('per step: 100 MB × 36 steps/h = 3.6 GB/h per pod; 16 pods split 12/4 at custom prices', () => {
    const r = ok({
      pods: 16,
      traffic: { kind: 'perStep', bytesPerPodPerStep: 1e8, stepsPerHour: 36 },
      spread: { a: 12, b: 4 },
      pricePerGbOut: 0.02,
      pricePerGbIn: 0,
    });
    expect(r.bytesPerHour).toBe(16 * 3.6e9);
    expect(r.crossAzShare).toBeCloseTo(1 - (0.75 ** 2 + 0.25 ** 2), 12); // 0.375
    expect(r.monthlyCrossAzGb).toBeCloseTo(16 * 3.6 * 730 * 0.375, 6); // 15,768 GB
    expect(r.monthlyCostUsd).toBeCloseTo(15768 * 0.02, 6);
  });

  it('one AZ: nothing crosses', () => {
    const r = ok({ pods: 4, traffic: { kind: 'perHour', bytesPerPodPerHour: 5e9 }, spread: { a: 4, b: 0 } });
    expect(r.crossAzShare).toBe(0);
    expect(r.monthlyCostUsd).toBe(0);
  });

  it('states the trade-off and the latency', () => {
    const r = ok({ pods: 1, traffic: { kind: 'perHour', bytesPerPodPerHour: 1 }, spread: { a: 1 } });
    expect(r.tradeOff).toMatch(/single point of failure/);
    expect(r.tradeOff).toMatch(/capacity/);
    expect(r.latencyNote).toMatch(/latency/);
    expect(TRADE_OFF).toBe(r.tradeOff);
  });

  it('returns errors for impossible input', () => {
    const r = crossAzCost({
      pods: -1,
      traffic: { kind: 'perStep', bytesPerPodPerStep: -5, stepsPerHour: Number.NaN },
      spread: { a: 0 },
      pricePerGbIn: -0.01,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(5);
  });

  it('share is 0..1 − 1/k for k AZs and cost scales with it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (ws) => {
        const spread = Object.fromEntries(ws.map((w, i) => [`az${i}`, w]));
        const r = ok({ pods: 10, traffic: { kind: 'perHour', bytesPerPodPerHour: 1e9 }, spread });
        expect(r.crossAzShare).toBeGreaterThanOrEqual(0);
        expect(r.crossAzShare).toBeLessThanOrEqual(1 - 1 / ws.length + 1e-12);
        expect(r.monthlyCostUsd).toBeCloseTo(r.monthlyGb * r.crossAzShare * 0.02, 6);
      }),
    );
  });
});

describe('co-location manifests', () => {
  it('colocationSnippet is a preferred podAffinity, weight 100, on the zone key', () => {
    expect(parse(colocationSnippet({ app: 'trainer', 'app.kubernetes.io/part-of': 'true' }))).toEqual({
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                labelSelector: { matchLabels: { app: 'trainer', 'app.kubernetes.io/part-of': 'true' } },
                topologyKey: 'topology.kubernetes.io/zone',
              },
            },
          ],
        },
      },
    });
  });
  it('label selectors are checked', () => {
    expect(labelSelectorErrors({ app: 'trainer' })).toEqual([]);
    expect(labelSelectorErrors({})).toHaveLength(1);
    expect(labelSelectorErrors({ 'bad key!': '-x' })).toHaveLength(2);
  });
  it('Topology Aware Routing annotation', () => {
    expect(TOPOLOGY_AWARE_ROUTING_ANNOTATION).toEqual({ 'service.kubernetes.io/topology-mode': 'Auto' });
    expect(parse(TOPOLOGY_AWARE_ROUTING_YAML)).toEqual({
      metadata: { annotations: TOPOLOGY_AWARE_ROUTING_ANNOTATION },
    });
  });
});

function plan(): Plan {
  return {
    version: 1,
    name: 'p',
    cni: { ...DEFAULT_CNI, customNetworking: true },
    vpc: {
      cidrs: ['10.0.0.0/16'],
      subnets: [
        { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/20' },
        { name: 'nodes-b', az: 'us-east-1b', cidr: '10.0.16.0/20' },
        { name: 'nodes-c', az: 'us-east-1c', cidr: '10.0.32.0/20' },
        { name: 'pods-a', az: 'us-east-1a', cidr: '10.0.64.0/18' },
        { name: 'pods-b', az: 'us-east-1b', cidr: '10.0.128.0/18' },
      ],
    },
    nodeGroups: [
      {
        name: 'gpu',
        instanceType: 'p5.48xlarge',
        subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
        podSubnets: ['pods-a', 'pods-b'],
        minNodes: 0,
        desiredNodes: 4,
        maxNodes: 8,
        podsPerNode: 10,
        maxPods: null,
      },
      {
        name: 'sys',
        instanceType: 'm5.large',
        subnets: ['nodes-b'],
        minNodes: 1,
        desiredNodes: 2,
        maxNodes: 3,
        podsPerNode: 5,
        maxPods: null,
      },
    ],
  };
}

describe('plan helpers', () => {
  it('spreadFromPlan: 4 nodes over subnets in a, b, c → a 2, b 1, c 1', () => {
    expect(spreadFromPlan(plan(), 0)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 1, 'us-east-1c': 1 });
    expect(spreadFromPlan(plan(), 9)).toEqual({});
  });

  it('colocatePlan keeps only the group’s subnets and pod subnets in the AZ, on a copy', () => {
    const p = plan();
    const before = structuredClone(p);
    const c = colocatePlan(p, 0, 'us-east-1a');
    expect(c.nodeGroups[0]?.subnets).toEqual(['nodes-a']);
    expect(c.nodeGroups[0]?.podSubnets).toEqual(['pods-a']);
    expect(c.nodeGroups[1]).toEqual(p.nodeGroups[1]);
    expect(p).toEqual(before);
    expect(colocatePlan(p, 0, 'us-east-1c').nodeGroups[0]?.podSubnets).toEqual([]);
    expect(colocatePlan(p, 1, 'us-east-1a').nodeGroups[1]?.podSubnets).toBeUndefined();
    expect(colocatePlan(p, 5, 'us-east-1a')).toEqual(p);
  });
});
