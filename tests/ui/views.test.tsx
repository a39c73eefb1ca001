/**
 * The pure helpers behind the views: chart data (which subnets, how many points, which scale), the
 * per-node explanation, and the instance-type search.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { maxPodsNumbers } from '../../src/model/max-pods';
import { DEFAULT_CNI } from '../../src/model/plan';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { nodeAccounting } from '../../src/model/warm-pool';
import { searchInstanceTypes } from '../../src/ui/editor/instance-info';
import { chartModel, MAX_POINTS, niceCeil, pickSubnets, prefersPercent, TOP_N } from '../../src/ui/results/chart-data';
import { explainNode } from '../../src/ui/results/node-explain';
import { largePlan } from '../fixtures/large-plan';

const evaluated = (plan: unknown) => {
  const v = validatePlan(plan, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return evaluate(v.plan, dataset, v.warnings);
};

describe('chart data', () => {
  it('draws every subnet of a small plan, in addresses', () => {
    const ev = evaluated(SMALL_ROUTABLE_VPC);
    const idx = pickSubnets(ev, 'loaded');
    expect(idx).toEqual([0, 1, 2]);
    expect(prefersPercent(ev, idx)).toBe(false);
    const m = chartModel(ev, idx, false);
    expect([m.rows[0]!.nodes, m.rows[m.rows.length - 1]!.nodes]).toEqual([3, 9]);
    // At 7 nodes (where it runs out) nodes-a holds 3 nodes: 3 × 100 + 8 reserved.
    expect(m.rows.find((r) => r.nodes === 7)).toMatchObject({ s0: 308 });
    m.rows.forEach((r, i) => expect(r.s1).toBe(m.used[i]![1]));
  });

  it('on the 48-subnet plan: the 8 most loaded by default, one AZ on request, at most 200 points', () => {
    const ev = evaluated(largePlan());
    const top = pickSubnets(ev, 'loaded');
    expect(top).toHaveLength(TOP_N);
    const loads = ev.subnets.map((s) => s.used.max / s.usable);
    const cut = Math.min(...top.map((i) => loads[i]!));
    expect(ev.subnets.every((_, i) => top.includes(i) || loads[i]! <= cut)).toBe(true);
    expect(pickSubnets(ev, 'az:us-east-1b')).toHaveLength(16);
    const m = chartModel(ev, pickSubnets(ev, 'all'), true);
    expect(m.rows.length).toBeLessThanOrEqual(MAX_POINTS + 10);
    expect(m.lines).toHaveLength(48);
  });

  it('switches to % of usable when /16 pod subnets sit beside /24 node subnets', () => {
    const ev = evaluated(EXPANDED_VPC);
    expect(prefersPercent(ev, pickSubnets(ev, 'all'))).toBe(true);
  });

  it('rounds axis tops up to friendly numbers', () => {
    expect([niceCeil(321), niceCeil(1000), niceCeil(104), niceCeil(0)]).toEqual([400, 1000, 120, 1]);
  });
});

describe("how one node's number arises", () => {
  it('m5.8xlarge with 10 pods: (ceil(10 ÷ 29) + 1) ENIs × 29 = 58 held, + 2 primaries = 60', () => {
    const t = dataset.byName.get('m5.8xlarge')!;
    const steps = explainNode(t, DEFAULT_CNI, nodeAccounting(t, DEFAULT_CNI, { pods: 10 }));
    const by = Object.fromEntries(steps.map((s) => [s.label, s]));
    expect(by['Pod addresses held']).toMatchObject({
      value: '58',
      formula: '(ceil(10 ÷ 29) + WARM_ENI_TARGET 1) ENIs × 29 slots',
    });
    expect(by['Of which warm pool']!.value).toBe('48');
    expect(by['Addresses per node']!.value).toBe('60');
  });

  it('says when max pods caps the pool: prefix delegation with the default 110 max pods', () => {
    const t = dataset.byName.get('m5.large')!;
    const cni = { ...DEFAULT_CNI, prefixDelegation: true, warmPrefixTarget: 10 };
    const steps = explainNode(t, cni, nodeAccounting(t, cni, { pods: 20 }));
    expect(steps.find((s) => s.label === 'Pod addresses held')!.formula).toMatch(/capped/);
  });
});

describe('instance types', () => {
  it('type-ahead ranks the exact name, then names starting with the text, then the family', () => {
    expect(searchInstanceTypes(dataset, 'm5.8')[0]!.name).toBe('m5.8xlarge');
    expect(
      searchInstanceTypes(dataset, 'p5')
        .slice(0, 3)
        .map((t) => t.name),
    ).toEqual(['p5.4xlarge', 'p5.48xlarge', 'p5e.48xlarge']);
    expect(searchInstanceTypes(dataset, 'zz9')).toEqual([]);
    expect(searchInstanceTypes(dataset, '', 2000)).toHaveLength(1391);
  });

  it('gives the three max-pods numbers: m5.16xlarge 737 / 250 / 735', () => {
    const m5 = dataset.byName.get('m5.16xlarge')!;
    expect(maxPodsNumbers(m5, DEFAULT_CNI, nodeAccounting(m5, DEFAULT_CNI, { pods: 0 }))).toMatchObject({
      eniLimited: 737,
      recommended: 250,
      effective: 735,
    });
  });
});
