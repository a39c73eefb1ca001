/**
 * The plan: plain data the app edits, the share link and JSON export carry, and the CLI evaluates
 * (`docs/contract.md` §1). Its runtime schema is in plan-schema.ts.
 */

export const PLAN_VERSION = 1;

export { DEFAULT_CNI, type CniSettings } from './cni-settings';
import type { CniSettings } from './cni-settings';
import type { EFA_LAYOUTS, NODE_GROUP_KINDS } from './plan-schema';

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
}

export interface Vpc {
  /** The first is the primary CIDR; the rest are secondary. */
  cidrs: string[];
  subnets: Subnet[];
  /** IPv4 CIDR blocks this VPC may have (AWS default quota 5, adjustable up to 50). */
  cidrQuota?: number;
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
}

export interface Plan {
  version: 1;
  name: string;
  vpc: Vpc;
  cni: CniSettings;
  nodeGroups: NodeGroup[];
}
