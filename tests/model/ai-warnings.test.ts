import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { advise } from '../../src/model/advisor';
import { evaluate } from '../../src/model/evaluate';
import type { NodeGroup, Plan } from '../../src/model/plan';
import { validatePlan } from '../../src/model/validate-plan';

function plan(groups: Partial<NodeGroup>[], cidr = '10.0.0.0/22'): Plan {
  const v = validatePlan(
    {
      version: 1,
      name: 't',
      vpc: { cidrs: ['10.0.0.0/20'], subnets: [{ name: 'a', az: 'us-east-1a', cidr }] },
      nodeGroups: groups.map((g, i) => ({
        name: `g${i}`,
        subnets: ['a'],
        minNodes: 0,
        desiredNodes: 1,
        maxNodes: 2,
        podsPerNode: 10,
        maxPods: null,
        ...g,
      })),
    },
    dataset,
  );
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
}
const codes = (p: Plan) => evaluate(p, dataset).warnings.map((w) => w.code);

describe('GPU and AI node warnings', () => {
  it('the ena-efa-only trap on p5.48xlarge: max pods 100 admits 98 pods, the CNI addresses 49; the fix sets 51', () => {
    const w = evaluate(
      plan([{ instanceType: 'p5.48xlarge', podsPerNode: 60, efaLayout: 'ena-efa-only' }]),
      dataset,
    ).warnings;
    const trap = w.find((x) => x.code === 'efa-only-max-pods')!;
    expect(trap.severity).toBe('error');
    expect(trap.apply).toEqual({ kind: 'nodeGroup', index: 0, set: { maxPods: 51 } });
    expect(trap.message).toContain('only 49 get addresses');
  });
  it('no trap for a Karpenter group: Karpenter computes 51 itself', () => {
    expect(
      codes(plan([{ instanceType: 'p5.48xlarge', podsPerNode: 40, efaLayout: 'ena-efa-only', kind: 'karpenter' }])),
    ).not.toContain('efa-only-max-pods');
  });
  it('EFA requested on m5.large (no EFA) is an error with a fix that sets the layout to none', () => {
    const w = evaluate(plan([{ instanceType: 'm5.large', efaLayout: 'efa' }]), dataset).warnings.find(
      (x) => x.code === 'efa-unsupported',
    )!;
    expect(w.apply).toEqual({ kind: 'nodeGroup', index: 0, set: { efaLayout: 'none' } });
  });
  it('EFA on a type Karpenter does not list (p3.16xlarge) says the count is unknown', () => {
    expect(codes(plan([{ instanceType: 'p3.16xlarge', efaLayout: 'efa' }]))).toContain('efa-count-unknown');
  });
  it('efa layout on p6-b300.48xlarge (card 0 ENA only): eksctl cannot launch it', () => {
    expect(codes(plan([{ instanceType: 'p6-b300.48xlarge', efaLayout: 'efa' }]))).toContain('efa-card0-ena-only');
    expect(codes(plan([{ instanceType: 'p5.48xlarge', efaLayout: 'efa' }]))).not.toContain('efa-card0-ena-only');
  });
  it('a managed m5.16xlarge with max pods 500 runs 250: the EKS cap is said, with a fix', () => {
    const e = evaluate(plan([{ instanceType: 'm5.16xlarge', kind: 'managed', maxPods: 500 }]), dataset);
    expect(e.nodeGroups[0]!.maxPods).toBe(250);
    expect(e.warnings.find((x) => x.code === 'managed-max-pods-capped')!.apply).toEqual({
      kind: 'nodeGroup',
      index: 0,
      set: { maxPods: 250 },
    });
    expect(codes(plan([{ instanceType: 'm5.16xlarge', kind: 'managed', maxPods: 200 }]))).not.toContain(
      'managed-max-pods-capped',
    );
  });
});

describe('the advisor switches an efa layout to EFA-only interfaces', () => {
  // Two /24s cannot hold 4 p5.48xlarge at 131 addresses each (2 per subnet = 262 > 251); at 100 they fit.
  const p = () => {
    const v = validatePlan(
      {
        version: 1,
        name: 'gpu',
        vpc: {
          cidrs: ['10.0.0.0/20'],
          subnets: [
            { name: 'a', az: 'us-east-1a', cidr: '10.0.0.0/24' },
            { name: 'b', az: 'us-east-1b', cidr: '10.0.1.0/24' },
          ],
        },
        nodeGroups: [
          {
            name: 'gpu',
            instanceType: 'p5.48xlarge',
            subnets: ['a', 'b'],
            minNodes: 0,
            desiredNodes: 2,
            maxNodes: 4,
            podsPerNode: 10,
            maxPods: null,
            efaLayout: 'efa',
          },
        ],
      },
      dataset,
    );
    if (!v.ok) throw new Error('invalid');
    return v.plan;
  };
  it('does not fit with efa (131 per node); efa-only fits (100 per node), measured', () => {
    expect(evaluate(p(), dataset).fits).toBe(false);
    const a = advise(p(), dataset).find((x) => x.id === 'efa-layout-efa-only')!;
    expect(a.headroom.fitsAtMax).toBe(true);
    expect(a.evaluation.nodeGroups[0]!.perNode.nodeSubnetIps).toBe(100);
    expect(a.cost.join(' ')).toContain('terraform-aws-eks');
  });
  it('ena-efa-only comes with the max pods it implies (51)', () => {
    const a = advise(p(), dataset).find((x) => x.id === 'efa-layout-ena-efa-only')!;
    expect(a.plan.nodeGroups[0]!.maxPods).toBe(51);
    expect(a.evaluation.nodeGroups[0]!.perNode.nodeSubnetIps).toBe(50);
  });
});
