/**
 * The plan: plain data the app edits, the share link and JSON export carry, and the CLI evaluates.
 * Its runtime schema is in plan-schema.ts.
 */

export const PLAN_VERSION = 1;

export { DEFAULT_CNI, type CniSettings } from './cni-settings';
import type { CniSettings } from './cni-settings';
import type { EFA_LAYOUTS, NODE_GROUP_KINDS, POOL_OPERATORS } from './plan-schema';

/** One NodePool requirement, in Karpenter's own shape. */
export interface PoolRequirement {
  key: string;
  operator: (typeof POOL_OPERATORS)[number];
  values?: string[];
}

/** A cluster's IP family: `ipv4` (absent) or `ipv6` (pods on one IPv6 /80 per node). */
export type IpFamily = 'ipv4' | 'ipv6';

/** Who launches a group's nodes, and so who decides max pods (`self-managed` when absent). */
export type NodeGroupKind = (typeof NODE_GROUP_KINDS)[number];
/** The interfaces a launch attaches: `none` (absent), eksctl's `efa`, terraform-aws-eks v21's `efa-only`, EC2's `ena-efa-only`. */
export type EfaLayout = (typeof EFA_LAYOUTS)[number];

export interface Subnet {
  name: string;
  az: string;
  cidr: string;
  /** Addresses taken by things other than nodes and pods (load balancers, endpoints, EKS ENIs). */
  reservedIps?: number;
  /** A subnet CIDR reservation of type prefix, inside the subnet: only /28 prefixes come from it. */
  prefixReservation?: string;
  /**
   * The subnet's AWS tags (key → value, as describe-subnets lists them). `kubernetes.io/role/cni` and
   * `cni.networking.k8s.aws/cluster/<name>` steer the VPC CNI's subnet discovery (subnet-discovery.ts).
   */
  tags?: Record<string, string>;
  /** The subnet's ID when it exists already (an AWS import): exports refer to it instead of creating it. */
  id?: string;
}

export interface Vpc {
  /** The first is the primary CIDR; the rest are secondary. */
  cidrs: string[];
  subnets: Subnet[];
  /** IPv4 CIDR blocks this VPC may have (AWS default quota 5, adjustable up to 50). */
  cidrQuota?: number;
  /** The cluster's IP family (default ipv4): in an IPv6 cluster pods take no IPv4 addresses from the VPC. */
  ipFamily?: IpFamily;
  /** The VPC's ID when it exists already (an AWS import). */
  vpcId?: string;
  /** Secondary CIDRs already associated with the VPC (an AWS import): exports do not associate them again. */
  associatedCidrs?: string[];
}

export interface NodeGroup {
  name: string;
  instanceType: string;
  /** Launch subnets; node i goes to subnets[i mod k]. */
  subnets: string[];
  /** With custom networking: the ENIConfig (pod) subnet of each AZ. */
  podSubnets?: string[];
  minNodes: number;
  desiredNodes: number;
  maxNodes: number;
  /** Non-hostNetwork pods expected on each node. */
  podsPerNode: number;
  /** Pods per node with their own security groups (branch ENIs, needs podEni). */
  branchPodsPerNode?: number;
  /** kubelet --max-pods; null = the AMI's default, ENIs × (IPv4 per ENI − 1) + 2. */
  maxPods: number | null;
  /** Who launches the nodes (default self-managed): decides max pods when `maxPods` is null. */
  kind?: NodeGroupKind;
  /** EFA interfaces the launch attaches (default none). */
  efaLayout?: EfaLayout;
  /** Pods per node annotated k8s.amazonaws.com/nicConfig: multi-nic-attachment (ENABLE_MULTI_NIC). */
  multiHomedPodsPerNode?: number;
  /**
   * A node pool (Karpenter NodePool or EKS Auto Mode): the candidate types. The plan file then leaves out
   * instanceType, node counts and podsPerNode; validatePlan fills them in with the worst candidate.
   */
  requirements?: PoolRequirement[];
  /** A pool's workload: pods of `podRequests` at min, desired and max. */
  pods?: { min: number; desired: number; max: number };
  /** A pod's requests: cpu ("500m"), memory ("16Gi"), devices ("nvidia.com/gpu": 1). */
  podRequests?: Record<string, string | number>;
  /** Karpenter RESERVED_ENIS. */
  reservedEnis?: number;
  /** Nodes replaced at once by drift or consolidation. */
  disruptionBudget?: number;
  /** EKS Auto Mode ipv4PrefixSize ("Auto" = prefix delegation, "32" = secondary IPs). */
  ipv4PrefixSize?: 'Auto' | '32';
}

export interface Plan {
  version: 1;
  name: string;
  vpc: Vpc;
  cni: CniSettings;
  nodeGroups: NodeGroup[];
}
