/** Plans the advisor tests share, each built to make one fix necessary or impossible. */
import { DEFAULT_CNI, type Plan } from '../../../src/model/plan';
import { SMALL_ROUTABLE_VPC } from '../../../src/model/presets';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The small routable VPC's three /24s inside a /16 with no room for another CIDR: only free space helps. */
export function roomyVpcFullQuota(): Plan {
  const p = structuredClone(SMALL_ROUTABLE_VPC);
  p.name = 'Three /24s in a /16, CIDR quota 1';
  p.vpc.cidrs = ['10.0.0.0/16'];
  p.vpc.cidrQuota = 1;
  return p;
}

/**
 * Fits (2 m5.16xlarge per /24 at max: 10 + 200 = 210 of 251) but 72 % of its addresses are warm pool.
 * With prefix delegation each /24 must hold 12 single addresses (10 reserved + 2 node IPs) and 6 prefixes:
 * 18 of its 14 unspoiled /28 blocks, unless a prefix reservation keeps the singles out of the upper /25.
 */
export function warmWasteInSmallSubnets(): Plan {
  return {
    version: 1,
    name: 'Warm waste in /24s',
    vpc: {
      cidrs: ['10.0.0.0/22'],
      cidrQuota: 1,
      subnets: AZS.map((az, i) => ({ name: `nodes-${az.slice(-1)}`, az, cidr: `10.0.${i}.0/24`, reservedIps: 10 })),
    },
    cni: { ...DEFAULT_CNI },
    nodeGroups: [
      {
        name: 'general',
        instanceType: 'm5.16xlarge',
        subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
        minNodes: 3,
        desiredNodes: 3,
        maxNodes: 6,
        podsPerNode: 20,
        maxPods: null,
      },
    ],
  };
}

/** The small routable VPC on a non-Nitro type: prefix delegation would silently fall back. */
export function xenOnly(): Plan {
  const p = structuredClone(SMALL_ROUTABLE_VPC);
  p.nodeGroups[0]!.instanceType = 'm4.16xlarge';
  return p;
}

/** m5.xlarge (4 ENIs × 15) running 40 pods: every ENI is needed, MAX_ENI cannot cut one. */
export function denseSmallNodes(): Plan {
  return {
    version: 1,
    name: 'Dense m5.xlarge',
    vpc: {
      cidrs: ['10.0.0.0/20'],
      cidrQuota: 1,
      subnets: AZS.slice(0, 2).map((az, i) => ({
        name: `nodes-${az.slice(-1)}`,
        az,
        cidr: `10.0.${i * 4}.0/22`,
        reservedIps: 8,
      })),
    },
    cni: { ...DEFAULT_CNI },
    nodeGroups: [
      {
        name: 'web',
        instanceType: 'm5.xlarge',
        subnets: ['nodes-a', 'nodes-b'],
        minNodes: 10,
        desiredNodes: 20,
        maxNodes: 60,
        podsPerNode: 40,
        maxPods: null,
      },
    ],
  };
}
