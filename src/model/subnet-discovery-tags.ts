/**
 * Subnet discovery's tag rules (subnet-discovery.ts says what the VPC CNI does with them): which subnets
 * are eligible for a node's pod ENIs, read from `kubernetes.io/role/cni` and
 * `cni.networking.k8s.aws/cluster/<name>`, whether discovery runs for a group at all, and the tags an
 * export writes on the subnets it creates.
 */
import { cniValue } from './cni-settings';
import { clusterName } from './export/common';
import type { CniSettings, NodeGroup, Plan, Subnet } from './plan';

export const CNI_ROLE_TAG = 'kubernetes.io/role/cni';
export const CNI_CLUSTER_TAG_PREFIX = 'cni.networking.k8s.aws/cluster/';

/** The subnet's `kubernetes.io/role/cni` value, if tagged. */
export function cniRole(s: Pick<Subnet, 'tags'>): string | undefined {
  const tags = s.tags;
  return tags && Object.prototype.hasOwnProperty.call(tags, CNI_ROLE_TAG) ? tags[CNI_ROLE_TAG] : undefined;
}

/** Tagged `kubernetes.io/role/cni=0`: no pod ENI goes there (and, as a node subnet, its primary ENI carries no pods). */
export function excludesPods(s: Pick<Subnet, 'tags'>): boolean {
  return cniRole(s) === '0';
}

/** No cluster tag, or one naming `cluster`. */
export function servesCluster(s: Pick<Subnet, 'tags'>, cluster: string): boolean {
  const keys = Object.keys(s.tags ?? {}).filter((k) => k.startsWith(CNI_CLUSTER_TAG_PREFIX));
  return keys.length === 0 || keys.includes(CNI_CLUSTER_TAG_PREFIX + cluster);
}

/** A subnet other than the node's that subnet discovery may put pod ENIs in (same AZ checked by the caller). */
export function discoverable(s: Pick<Subnet, 'tags'>, cluster: string): boolean {
  const role = cniRole(s);
  return role !== undefined && role !== '0' && servesCluster(s, cluster);
}

/**
 * The cluster the tags are matched against: the EKS cluster name the exports write for the plan
 * (its name, with what EKS does not allow replaced by "-"; export/common.ts clusterName).
 */
export function discoveryCluster(plan: Pick<Plan, 'name'>): string {
  return clusterName(plan);
}

/** Does the VPC CNI's subnet discovery decide where this group's pod ENIs go (before looking at tags)? */
export function discoveryRuns(plan: Plan, g: Pick<NodeGroup, 'kind'>, cni: CniSettings): boolean {
  return (
    (plan.vpc.ipFamily ?? 'ipv4') === 'ipv4' &&
    cniValue(cni, 'subnetDiscovery') &&
    !cni.customNetworking &&
    g.kind !== 'auto-mode'
  );
}

/** Subnet indexes (plan order) eligible for the secondary ENIs of a node launched in subnet `n`. */
export function eligibleSubnets(plan: Plan, n: number, cluster = discoveryCluster(plan)): number[] {
  const own = plan.vpc.subnets[n]!;
  const out: number[] = [];
  plan.vpc.subnets.forEach((s, i) => {
    if (i === n ? !excludesPods(s) : s.az === own.az && discoverable(s, cluster)) out.push(i);
  });
  return out;
}

/**
 * The tags an export writes on a subnet it creates: Name (the plan's name), then the plan's own tags
 * (`kubernetes.io/role/cni = "1"` on the pod subnets subnet discovery uses), AWS-reserved `aws:` keys
 * and a Name tag of the plan's own left out (EC2 refuses the first; the second is the subnet's name).
 * @example exportedSubnetTags({ name: 'pods-a', tags: { 'kubernetes.io/role/cni': '1' } })
 *   → [['Name', 'pods-a'], ['kubernetes.io/role/cni', '1']]
 */
export function exportedSubnetTags(s: Pick<Subnet, 'name' | 'tags'>): [string, string][] {
  const own = Object.entries(s.tags ?? {}).filter(([k]) => k !== 'Name' && !k.toLowerCase().startsWith('aws:'));
  return [['Name', s.name], ...own];
}
