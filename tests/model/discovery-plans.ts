/** Plans the subnet discovery tests share. */
import type { Plan } from '../../src/model/plan';

export const ROLE = 'kubernetes.io/role/cni';

/** The issue's plan: a /24 node subnet and a /20 in the same AZ, 4 × m5.16xlarge with 10 pods each. */
export function issuePlan(tag?: string): Plan {
  return {
    version: 1,
    name: 'discovery-test',
    vpc: {
      cidrs: ['10.0.0.0/16'],
      subnets: [
        { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/24' },
        {
          name: 'pods-a',
          az: 'us-east-1a',
          cidr: '10.0.16.0/20',
          ...(tag !== undefined ? { tags: { [ROLE]: tag } } : {}),
        },
      ],
    },
    cni: {
      warmEniTarget: 1,
      warmIpTarget: null,
      minimumIpTarget: null,
      warmPrefixTarget: 1,
      maxEni: null,
      prefixDelegation: false,
      customNetworking: false,
      podEni: false,
    },
    nodeGroups: [
      {
        name: 'general',
        instanceType: 'm5.16xlarge',
        subnets: ['nodes-a'],
        minNodes: 4,
        desiredNodes: 4,
        maxNodes: 4,
        podsPerNode: 10,
        maxPods: null,
      },
    ],
  };
}
