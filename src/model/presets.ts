/** Plans to start from (issue "The planner"): each shows one classic way a VPC runs out, or the fix. */
import { DEFAULT_CNI, type Plan } from './plan';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** A routable /22 with three /24 node subnets: one m5.16xlarge with a single pod already takes 100. */
export const SMALL_ROUTABLE_VPC: Plan = {
  version: 1,
  name: 'Small routable VPC',
  vpc: {
    cidrs: ['10.0.0.0/22'],
    subnets: AZS.map((az, i) => ({ name: `nodes-${az.slice(-1)}`, az, cidr: `10.0.${i}.0/24`, reservedIps: 8 })),
  },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [
    {
      name: 'general',
      instanceType: 'm5.16xlarge',
      subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
      minNodes: 3,
      desiredNodes: 3,
      maxNodes: 9,
      podsPerNode: 20,
      maxPods: null,
    },
  ],
};

/** The same VPC with 100.64.0.0/16, 100.65.0.0/16 and 100.66.0.0/16 for pods under custom networking. */
export const EXPANDED_VPC: Plan = {
  version: 1,
  name: 'Expanded VPC (100.64.0.0/10 + custom networking)',
  vpc: {
    cidrs: ['10.0.0.0/22', '100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16'],
    subnets: [
      ...SMALL_ROUTABLE_VPC.vpc.subnets,
      ...AZS.map((az, i) => ({ name: `pods-${az.slice(-1)}`, az, cidr: `100.${64 + i}.0.0/16` })),
    ],
  },
  cni: { ...DEFAULT_CNI, customNetworking: true },
  nodeGroups: [
    { ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, podSubnets: ['pods-a', 'pods-b', 'pods-c'], maxPods: 250, maxNodes: 60 },
  ],
};

/** GPU training: p5.48xlarge (32 network cards, but pods use card 0's 2 ENIs × 50) beside system nodes. */
export const GPU_TRAINING: Plan = {
  version: 1,
  name: 'GPU training cluster (p5.48xlarge)',
  vpc: {
    cidrs: ['10.20.0.0/20'],
    subnets: AZS.slice(0, 2)
      .map((az, i) => ({ name: `gpu-${az.slice(-1)}`, az, cidr: `10.20.${i * 4}.0/22`, reservedIps: 16 }))
      .concat(
        AZS.slice(0, 2).map((az, i) => ({
          name: `system-${az.slice(-1)}`,
          az,
          cidr: `10.20.${8 + i}.0/24`,
          reservedIps: 8,
        })),
      ),
  },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [
    {
      name: 'p5-training',
      instanceType: 'p5.48xlarge',
      subnets: ['gpu-a', 'gpu-b'],
      minNodes: 2,
      desiredNodes: 8,
      maxNodes: 32,
      podsPerNode: 12,
      maxPods: null,
    },
    {
      name: 'system',
      instanceType: 'm6i.2xlarge',
      subnets: ['system-a', 'system-b'],
      minNodes: 2,
      desiredNodes: 3,
      maxNodes: 6,
      podsPerNode: 20,
      maxPods: null,
    },
  ],
};

/** High-churn web: MINIMUM_IP_TARGET a little above the pods per node, with a WARM_IP_TARGET. */
export const HIGH_CHURN_WEB: Plan = {
  version: 1,
  name: 'High-churn web cluster (MINIMUM_IP_TARGET)',
  vpc: {
    cidrs: ['10.30.0.0/19'],
    subnets: AZS.map((az, i) => ({ name: `web-${az.slice(-1)}`, az, cidr: `10.30.${i * 8}.0/21`, reservedIps: 24 })),
  },
  cni: { ...DEFAULT_CNI, minimumIpTarget: 30, warmIpTarget: 5 },
  nodeGroups: [
    {
      name: 'web',
      instanceType: 'm5.2xlarge',
      subnets: ['web-a', 'web-b', 'web-c'],
      minNodes: 6,
      desiredNodes: 30,
      maxNodes: 90,
      podsPerNode: 25,
      maxPods: null,
    },
  ],
};

/**
 * Where a newcomer starts: one VPC CIDR (a /16) with a /20 subnet in each of three AZs, and no node group
 * yet, so nothing is placed and nothing fails. "Add node group" puts a group on these three subnets.
 */
export const BLANK_PLAN: Plan = {
  version: 1,
  name: 'Blank plan',
  vpc: {
    cidrs: ['10.0.0.0/16'],
    subnets: AZS.map((az, i) => ({ name: `nodes-${az.slice(-1)}`, az, cidr: `10.0.${i * 16}.0/20` })),
  },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [],
};

/**
 * GPU training with EFA, where the interface layout decides the verdict: 8 p5.48xlarge (a capacity block in
 * one AZ: EFA does not cross AZs) in a /22 (1,019 usable, 32 reserved), managed node groups, default CNI.
 * Figures from `npm run --silent cli -- evaluate` (12 pods per node, WARM_ENI_TARGET 1: 2 ENIs × 49 held):
 * - `efa` (eksctl efaEnabled): 32 EFA with ENA, 131 addresses per node; gpu-a needs 32 + 8 × 131 = 1,080 of
 *   1,019 at max: DOES NOT FIT, only 7 of 8 nodes (exit 1).
 * - `efa-only` (terraform-aws-eks v21): EFA-only on cards 1–31, 100 per node; 832 of 1,019: fits, room to 9.
 * - `ena-efa-only` (EC2's layout): 50 per node and fits, but warns that the default max pods 100 admits 98
 *   pods where only 49 get addresses (set max pods to 51).
 */
export const GPU_TRAINING_EFA: Plan = {
  version: 1,
  name: 'GPU training (p5.48xlarge, EFA)',
  vpc: {
    cidrs: ['10.40.0.0/20'],
    subnets: [
      { name: 'gpu-a', az: 'us-east-1a', cidr: '10.40.0.0/22', reservedIps: 32 },
      { name: 'system-a', az: 'us-east-1a', cidr: '10.40.4.0/24', reservedIps: 8 },
      { name: 'system-b', az: 'us-east-1b', cidr: '10.40.5.0/24', reservedIps: 8 },
    ],
  },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [
    {
      name: 'p5-training',
      instanceType: 'p5.48xlarge',
      subnets: ['gpu-a'],
      minNodes: 2,
      desiredNodes: 4,
      maxNodes: 8,
      podsPerNode: 12,
      maxPods: null,
      kind: 'managed',
      efaLayout: 'efa',
    },
    {
      name: 'system',
      instanceType: 'm6i.2xlarge',
      subnets: ['system-a', 'system-b'],
      minNodes: 2,
      desiredNodes: 3,
      maxNodes: 6,
      podsPerNode: 20,
      maxPods: null,
      kind: 'managed',
    },
  ],
};

/**
 * A Karpenter NodePool of the p4d, p5 and p5en families (issue 14): 512 pods of 8 vCPUs, 64 GiB and one
 * NVIDIA GPU, EFA on, two /20 node subnets. Karpenter may launch any of the 4 candidates, so the subnets are
 * judged against the worst: p5.4xlarge (1 GPU: 1 pod a node, 512 nodes × 60 addresses = 30,720) does not fit
 * and nodes-a runs out at 137 nodes; with the best, p4d.24xlarge (8 pods a node, 64 nodes × 103), it fits.
 * instanceType, the node counts and podsPerNode are what validatePlan fills in (the worst candidate); a
 * plan file leaves them out, and the page's draft does not write them.
 */
export const KARPENTER_GPU_POOL: Plan = {
  version: 1,
  name: 'Karpenter GPU pool (p4d, p5, p5en)',
  vpc: {
    cidrs: ['10.0.0.0/16'],
    subnets: [
      { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/20' },
      { name: 'nodes-b', az: 'us-east-1b', cidr: '10.0.16.0/20' },
    ],
  },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [
    {
      name: 'training',
      kind: 'karpenter',
      subnets: ['nodes-a', 'nodes-b'],
      maxPods: null,
      efaLayout: 'efa',
      requirements: [{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p4d', 'p5', 'p5en'] }],
      pods: { min: 0, desired: 64, max: 512 },
      podRequests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': 1 },
      instanceType: 'p5.4xlarge',
      minNodes: 0,
      desiredNodes: 64,
      maxNodes: 512,
      podsPerNode: 1,
    },
  ],
};

/**
 * Every preset, in a stable order (an index names a preset): new presets go at the end. The page opens
 * on BLANK_PLAN, not on PRESETS[0].
 */
export const PRESETS: readonly Plan[] = [
  SMALL_ROUTABLE_VPC,
  EXPANDED_VPC,
  GPU_TRAINING,
  HIGH_CHURN_WEB,
  BLANK_PLAN,
  GPU_TRAINING_EFA,
  KARPENTER_GPU_POOL,
];
