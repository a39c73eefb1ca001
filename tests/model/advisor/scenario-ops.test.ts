import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { EXPANDED_VPC, GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import { loseAz, surgeNodes, upgradeSurge, withoutAz, withSurge } from '../../../src/model/scenario-ops';
import { validatePlan } from '../../../src/model/validate-plan';
import { sizeVpc } from '../../../src/model/advisor';

describe('loseAz', () => {
  it('Small routable VPC without us-east-1c: 9 nodes over nodes-a/b (5 + 4): 508 and 408 of 251, nodes-a out at 5 nodes', () => {
    const r = loseAz(SMALL_ROUTABLE_VPC, 'us-east-1c', dataset);
    expect(r.plan.nodeGroups[0]!.subnets).toEqual(['nodes-a', 'nodes-b']);
    expect(r.plan.nodeGroups[0]!.maxNodes).toBe(9);
    expect(r.exhausted).toEqual([
      { name: 'nodes-a', usedAtMax: 8 + 5 * 100, usable: 251, exhaustedAtNodes: 5 },
      { name: 'nodes-b', usedAtMax: 8 + 4 * 100, usable: 251, exhaustedAtNodes: 6 },
    ]);
    expect(validatePlan(r.plan, dataset).ok).toBe(true);
  });

  it('Expanded VPC without us-east-1c: the /16 pod subnets absorb 30 nodes each (3,000 addresses), nothing runs out', () => {
    const r = loseAz(EXPANDED_VPC, 'us-east-1c', dataset);
    expect(r.plan.nodeGroups[0]!.podSubnets).toEqual(['pods-a', 'pods-b']);
    expect(r.exhausted).toEqual([]);
    expect(r.evaluation!.subnets.find((s) => s.name === 'pods-a')!.used.max).toBe(30 * 100);
    expect(r.evaluation!.subnets.find((s) => s.name === 'pods-c')!.used.max).toBe(0);
  });

  it('drops a group whose subnets were all in the lost AZ and says so', () => {
    const p = structuredClone(SMALL_ROUTABLE_VPC);
    p.nodeGroups.push({
      ...p.nodeGroups[0]!,
      name: 'only-c',
      subnets: ['nodes-c'],
      minNodes: 0,
      desiredNodes: 0,
      maxNodes: 1,
    });
    const { plan, stranded } = withoutAz(p, 'us-east-1c');
    expect(stranded).toEqual(['only-c']);
    expect(plan.nodeGroups.map((g) => g.name)).toEqual(['general']);
    expect(loseAz(p, 'us-east-1c', dataset).notes.join(' ')).toContain('only-c');
  });

  it('an AZ the plan does not use changes nothing', () => {
    const r = loseAz(SMALL_ROUTABLE_VPC, 'us-east-1f', dataset);
    expect(r.plan).toEqual(SMALL_ROUTABLE_VPC);
    expect(r.notes[0]).toContain('nothing changes');
  });
});

describe('upgradeSurge', () => {
  it('defaults to EKS managed node groups: max(2 × AZs, maxUnavailable 1) = 6 for a 3-AZ group, 4 for a 2-AZ one', () => {
    expect(surgeNodes(SMALL_ROUTABLE_VPC, 0)).toBe(6);
    expect(surgeNodes(GPU_TRAINING, 0)).toBe(4);
    expect(surgeNodes(GPU_TRAINING, 0, { maxUnavailable: 10 })).toBe(10);
  });

  it("'10%' rounds up on maxNodes (32 → 4, 6 → 1); a number is taken as is", () => {
    expect(surgeNodes(GPU_TRAINING, 0, { maxSurge: '10%' })).toBe(4);
    expect(surgeNodes(GPU_TRAINING, 1, { maxSurge: '10%' })).toBe(1);
    expect(surgeNodes(GPU_TRAINING, 1, { maxSurge: 3 })).toBe(3);
  });

  it('with no dedicated cluster subnet, the first subnet of each AZ takes the 8 control-plane addresses', () => {
    const { plan, clusterSubnets } = withSurge(EXPANDED_VPC);
    expect(clusterSubnets).toEqual(['nodes-a', 'nodes-b', 'nodes-c']);
    expect(plan.vpc.subnets.map((s) => s.reservedIps ?? 0)).toEqual([16, 16, 16, 0, 0, 0]);
    expect(plan.nodeGroups[0]).toMatchObject({ desiredNodes: 9, maxNodes: 66 });
  });

  it('with dedicated cluster subnets (a sized VPC), those take them: /27 with 4 + 8 reserved; the /24 node subnets hold 10 + 4 m5.large', () => {
    const sized = sizeVpc(
      {
        azs: ['us-east-1a', 'us-east-1b'],
        nodeGroups: [{ name: 'g', instanceType: 'm5.large', maxNodes: 10, podsPerNode: 10 }],
      },
      dataset,
    );
    if (!sized.ok) throw new Error(sized.error);
    const r = upgradeSurge(sized.plan, {}, dataset);
    expect(r.notes.at(-1)).toBe('EKS control-plane ENIs: +8 reserved in cluster-a, cluster-b');
    expect(r.evaluation!.subnets.find((s) => s.name === 'cluster-a')!.used.max).toBe(12);
    expect(r.plan.nodeGroups[0]!.maxNodes).toBe(14);
    // m5.large with 10 pods: 3 ENIs × 10 = 30 per node; 7 per AZ + 8 reserved = 218 of a /24's 251
    expect(r.evaluation!.subnets.find((s) => s.name === 'nodes-a')).toMatchObject({
      cidr: '10.0.0.0/24',
      used: { max: 218 },
    });
    expect(r.exhausted).toEqual([]);
  });

  it('GPU training with 10 % surge: gpu-a and gpu-b run out (18 nodes × 100 + 24 reserved against 1,019)', () => {
    const r = upgradeSurge(GPU_TRAINING, { maxSurge: '10%' }, dataset);
    expect(r.exhausted.map((s) => [s.name, s.usedAtMax])).toEqual([
      ['gpu-a', 1824],
      ['gpu-b', 1824],
    ]);
    expect(r.notes[0]).toBe('p5-training: +4 nodes during the update (32 → 36 at max)');
  });
});
