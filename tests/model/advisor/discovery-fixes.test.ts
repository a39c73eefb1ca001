/**
 * The advisor's subnet-discovery fix (a tagged subnet from a secondary CIDR, beside custom networking)
 * and the IPv6 cluster, offered only when no IPv4 fix makes the plan fit. Figures from AWS's: m5.16xlarge
 * 15 ENIs × 50 IPv4 (49 secondaries per ENI), m5.large 3 × 10.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { advise } from '../../../src/model/advisor';
import type { Plan } from '../../../src/model/plan';
import { issuePlan, ROLE } from '../discovery-plans';

describe('a tagged subnet from a secondary CIDR (subnet discovery)', () => {
  const all = advise(issuePlan(), dataset);
  const tagged = all.find((a) => a.id === 'tagged-subnet')!;
  const cn = all.find((a) => a.id === 'secondary-cidr')!;

  it('adds 100.64.0.0/16 as pods-a tagged kubernetes.io/role/cni=1: no ENIConfig, no max-pods change; fits', () => {
    expect(tagged).toBeDefined();
    expect(tagged.plan.vpc.cidrs).toEqual(['10.0.0.0/16', '100.64.0.0/16']);
    expect(tagged.plan.vpc.subnets.at(-1)).toEqual({
      name: 'pods-a-2',
      az: 'us-east-1a',
      cidr: '100.64.0.0/16',
      tags: { [ROLE]: '1' },
    });
    expect(tagged.plan.cni.customNetworking).toBe(false);
    expect(tagged.plan.nodeGroups[0]!.maxPods).toBeNull();
    expect(tagged.headroom.fitsAtMax).toBe(true);
    // Each node: node IP + 49 on the primary ENI stay in the /24; its warm ENI (1 + 49) goes to the new subnet.
    expect(tagged.evaluation.subnets.map((s) => s.used.max)).toEqual([200, 0, 200]);
  });

  it('costs less than custom networking (no node replacement, no ENIConfigs), and the cost lines say so', () => {
    expect(tagged.costScore).toBeLessThan(cn.costScore);
    expect(tagged.cost.join('\n')).toMatch(/no ENIConfig, no max-pods change, no node replacement/);
    expect(cn.cost.join('\n')).toMatch(/node replacement needed/);
    // Custom networking moves the primary ENI's pods out too: more headroom, which the ranking weighs first.
    expect(cn.headroom.exhaustionRatio).toBeGreaterThan(tagged.headroom.exhaustionRatio);
  });

  it('is not offered in an IPv6 cluster', () => {
    const ipv6: Plan = { ...issuePlan(), vpc: { ...issuePlan().vpc, ipFamily: 'ipv6' } };
    expect(advise(ipv6, dataset, { always: true }).map((a) => a.id)).not.toContain('tagged-subnet');
  });

  it('the IPv6 cluster is not offered when an IPv4 fix makes the plan fit', () => {
    expect(all.map((a) => a.id)).not.toContain('ipv6-cluster');
  });
});

describe('an IPv6 cluster when IPv4 cannot be made to fit', () => {
  // A /26 (59 usable) in a VPC with no room for another CIDR; 40 m5.large nodes of 10 pods: in IPv4 each node
  // needs its own address and 10 pod addresses at least (440 > 59), prefixes 1 + 16 each (680).
  const tiny: Plan = {
    version: 1,
    name: 'tiny',
    vpc: {
      cidrs: ['10.0.0.0/26'],
      cidrQuota: 1,
      subnets: [{ name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/26' }],
    },
    cni: issuePlan().cni,
    nodeGroups: [
      {
        name: 'g',
        instanceType: 'm5.large',
        subnets: ['nodes-a'],
        minNodes: 40,
        desiredNodes: 40,
        maxNodes: 40,
        podsPerNode: 10,
        maxPods: null,
      },
    ],
  };
  const all = advise(tiny, dataset);

  it('is the fix, and fits: 40 IPv4 addresses, one per node', () => {
    const v6 = all.find((a) => a.id === 'ipv6-cluster')!;
    expect(v6).toBeDefined();
    expect(all.every((a) => a.id === 'ipv6-cluster' || !a.headroom.fitsAtMax)).toBe(true);
    expect(v6.plan.vpc.ipFamily).toBe('ipv6');
    expect(v6.headroom.fitsAtMax).toBe(true);
    expect(v6.evaluation.subnets[0]!.used.max).toBe(40);
    expect(v6.cost.join('\n')).toMatch(/a new cluster/);
    expect(v6.cost.join('\n')).toMatch(/IPv6/);
  });
});
