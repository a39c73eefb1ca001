/**
 * Node-pool plans as a plan file writes them (no instanceType, node counts or pods per node: the model
 * chooses them): the GPU pool (p4d, p5, p5en; 1 GPU per pod, 512 pods) and the general pool (c, m, r,
 * 4–16xlarge; 2 vCPU / 4 GiB pods, 2,000 pods) of issue 14, and an Auto Mode pool with pod subnets and "32".
 */
import { DEFAULT_CNI, type Plan } from '../../src/model/plan';

export const GPU_POOL = {
  version: 1,
  name: 'GPU pool',
  vpc: {
    cidrs: ['10.0.0.0/16'],
    subnets: [
      { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/20' },
      { name: 'nodes-b', az: 'us-east-1b', cidr: '10.0.16.0/20' },
    ],
  },
  nodeGroups: [
    {
      name: 'training',
      kind: 'karpenter',
      subnets: ['nodes-a', 'nodes-b'],
      maxPods: null,
      requirements: [{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p4d', 'p5', 'p5en'] }],
      pods: { min: 0, desired: 64, max: 512 },
      podRequests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': 1 },
      efaLayout: 'efa',
    },
  ],
} as const;

export const GENERAL_POOL = {
  version: 1,
  name: 'General pool',
  vpc: {
    cidrs: ['10.0.0.0/16'],
    subnets: [
      { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/21' },
      { name: 'nodes-b', az: 'us-east-1b', cidr: '10.0.8.0/21' },
      { name: 'nodes-c', az: 'us-east-1c', cidr: '10.0.16.0/21' },
    ],
  },
  nodeGroups: [
    {
      name: 'general',
      kind: 'karpenter',
      subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
      maxPods: null,
      requirements: [
        { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
        {
          key: 'karpenter.k8s.aws/instance-size',
          operator: 'In',
          values: ['4xlarge', '8xlarge', '12xlarge', '16xlarge'],
        },
      ],
      pods: { min: 0, desired: 500, max: 2000 },
      podRequests: { cpu: '2', memory: '4Gi' },
    },
  ],
} as const;

/** Every pool field and every operator kind: Exists without values, Gt with one, NotIn; RESERVED_ENIS, a budget. */
export const KARPENTER_ALL_FIELDS = {
  ...GENERAL_POOL,
  name: 'Karpenter, every field',
  nodeGroups: [
    {
      ...GENERAL_POOL.nodeGroups[0],
      requirements: [
        { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6i', 'm7i'] },
        { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['7'] },
        { key: 'karpenter.k8s.aws/instance-size', operator: 'NotIn', values: ['metal'] },
        { key: 'kubernetes.io/arch', operator: 'Exists' },
        { key: 'karpenter.k8s.aws/instance-gpu-count', operator: 'DoesNotExist' },
      ],
      podRequests: { cpu: '500m', memory: '1536Mi' },
      reservedEnis: 1,
      disruptionBudget: 3,
      maxPods: 58,
    },
  ],
} as const;

export const AUTO_MODE_POOL = {
  version: 1,
  name: 'Auto Mode pool',
  vpc: {
    cidrs: ['10.1.0.0/20', '100.64.0.0/16'],
    subnets: [
      { name: 'nodes-a', az: 'us-east-1a', cidr: '10.1.0.0/22' },
      { name: 'nodes-b', az: 'us-east-1b', cidr: '10.1.4.0/22' },
      { name: 'pods-a', az: 'us-east-1a', cidr: '100.64.0.0/17' },
      { name: 'pods-b', az: 'us-east-1b', cidr: '100.64.128.0/17' },
    ],
  },
  nodeGroups: [
    {
      name: 'inference',
      kind: 'auto-mode',
      subnets: ['nodes-a', 'nodes-b'],
      podSubnets: ['pods-a', 'pods-b'],
      maxPods: null,
      requirements: [
        { key: 'karpenter.k8s.aws/instance-gpu-name', operator: 'In', values: ['l4', 'a10g'] },
        { key: 'karpenter.k8s.aws/instance-gpu-count', operator: 'Lt', values: ['4'] },
      ],
      pods: { min: 2, desired: 16, max: 96 },
      podRequests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': 1 },
      ipv4PrefixSize: '32',
      disruptionBudget: 1,
    },
  ],
} as const;

export const POOL_PLANS: readonly [string, unknown][] = [
  ['GPU pool', GPU_POOL],
  ['general pool', GENERAL_POOL],
  ['Karpenter, every field', KARPENTER_ALL_FIELDS],
  ['Auto Mode pool', AUTO_MODE_POOL],
];

/** A raw pool plan as the type the store takes, CNI at its defaults (the draft drops the fixed fields anyway). */
export const asPlan = (p: unknown): Plan => {
  const plan = structuredClone(p) as Plan;
  return { ...plan, cni: plan.cni ?? { ...DEFAULT_CNI } };
};
