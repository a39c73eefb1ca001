/**
 * The plan: plain data the app edits, the share link and JSON export carry, and the CLI evaluates
 * (`docs/contract.md` §1). Its runtime schema is in plan-schema.ts.
 */

export const PLAN_VERSION = 1;

/** The aws-node (VPC CNI) settings that shape the warm pool; null means "unset". */
export interface CniSettings {
  /** WARM_ENI_TARGET (default 1). Ignored when WARM_IP_TARGET or MINIMUM_IP_TARGET is set. */
  warmEniTarget: number;
  /** WARM_IP_TARGET. */
  warmIpTarget: number | null;
  /** MINIMUM_IP_TARGET. */
  minimumIpTarget: number | null;
  /** WARM_PREFIX_TARGET (prefix delegation only; the chart's default is 1). */
  warmPrefixTarget: number;
  /** MAX_ENI. */
  maxEni: number | null;
  /** ENABLE_PREFIX_DELEGATION. */
  prefixDelegation: boolean;
  /** AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: pod ENIs in the AZ's ENIConfig subnet. */
  customNetworking: boolean;
  /** ENABLE_POD_ENI: security groups for pods; a trunk ENI per node. */
  podEni: boolean;
}

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
}

export interface Plan {
  version: 1;
  name: string;
  vpc: Vpc;
  cni: CniSettings;
  nodeGroups: NodeGroup[];
}

export const DEFAULT_CNI: Readonly<CniSettings> = Object.freeze({
  warmEniTarget: 1,
  warmIpTarget: null,
  minimumIpTarget: null,
  warmPrefixTarget: 1,
  maxEni: null,
  prefixDelegation: false,
  customNetworking: false,
  podEni: false,
});
