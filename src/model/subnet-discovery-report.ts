/**
 * What subnet discovery tells the user: the warnings about the plan's `kubernetes.io/role/cni` tags and
 * the per-group summary evaluate --json writes (`subnetDiscovery`).
 */
import { cniValue } from './cni-settings';
import { fmt } from './format';
import type { Plan } from './plan';
import type { Contribution, GroupPlacement, SlotDiscovery } from './placement-types';
import type { Warning } from './result';
import {
  CNI_CLUSTER_TAG_PREFIX,
  CNI_ROLE_TAG,
  cniRole,
  discoveryCluster,
  excludesPods,
  servesCluster,
} from './subnet-discovery-tags';

const names = (plan: Plan, idx: readonly number[]) => idx.map((i) => plan.vpc.subnets[i]!.name).join(', ');

/**
 * What subnet discovery does and does not do with the plan's tags: where each group's pod ENIs go, node
 * subnets tagged =0 (max pods, and whether any subnet is left for pod ENIs), and tags that do nothing
 * (discovery off, custom networking on, no node subnet in the tagged subnet's AZ, another cluster's tag).
 */
export function discoveryWarnings(plan: Plan, placed: readonly GroupPlacement[]): Warning[] {
  const out: Warning[] = [];
  const tagged = plan.vpc.subnets.flatMap((s, i) => (cniRole(s) !== undefined ? [i] : []));
  if (tagged.length === 0) return out;
  const on = cniValue(plan.cni, 'subnetDiscovery');
  const ipv6 = plan.vpc.ipFamily === 'ipv6';
  const list = names(plan, tagged);
  if (ipv6) {
    out.push({
      code: 'subnet-discovery-ipv6',
      severity: 'info',
      path: 'vpc.ipFamily',
      message: `Subnets tagged ${CNI_ROLE_TAG} (${list}) play no part in an IPv6 cluster: pods take IPv6 addresses from the node's primary ENI`,
      fix: 'Nothing to do; the tags matter again if the plan goes back to IPv4',
    });
    return out;
  }
  if (!on || plan.cni.customNetworking) {
    out.push({
      code: 'subnet-discovery-unused',
      severity: 'info',
      path: !on ? 'cni.subnetDiscovery' : 'cni.customNetworking',
      message: !on
        ? `ENABLE_SUBNET_DISCOVERY=false: the tags ${CNI_ROLE_TAG} on ${list} do nothing, every pod ENI stays in its node subnet`
        : `Custom networking is on: the ENIConfig subnets win, the tags ${CNI_ROLE_TAG} on ${list} do nothing`,
      fix: !on
        ? 'Turn subnet discovery on (the VPC CNI default since 1.18) to use the tagged subnets'
        : 'Nothing to do, or plan without custom networking to use the tagged subnets',
    });
    return out;
  }
  const cluster = discoveryCluster(plan);
  const nodeAzs = new Set(placed.flatMap((p) => p.slots.map((s) => plan.vpc.subnets[s.nodeSubnet]!.az)));
  for (const i of tagged) {
    const s = plan.vpc.subnets[i]!;
    if (excludesPods(s)) continue;
    const path = `vpc.subnets[${i}].tags`;
    if (!servesCluster(s, cluster)) {
      out.push({
        code: 'subnet-tagged-for-other-cluster',
        severity: 'info',
        path,
        message: `${s.name} is tagged for other clusters only (${Object.keys(s.tags ?? {})
          .filter((k) => k.startsWith(CNI_CLUSTER_TAG_PREFIX))
          .join(', ')}): this cluster (${cluster}, from the plan name) does not use it`,
        fix: `Add the tag ${CNI_CLUSTER_TAG_PREFIX}${cluster}, or remove the cluster tags, for this cluster to use it`,
      });
    } else if (!nodeAzs.has(s.az)) {
      out.push({
        code: 'subnet-tagged-no-nodes',
        severity: 'info',
        path,
        message: `${s.name} is tagged ${CNI_ROLE_TAG} but no node group has a node subnet in ${s.az}: discovery only uses subnets in the node's AZ`,
        fix: `Launch nodes in ${s.az}, or tag a subnet in the AZs the nodes use`,
      });
    }
  }
  placed.forEach((p, gi) => {
    const d = p.discovery;
    if (!d) return;
    const g = plan.nodeGroups[gi]!;
    const zeroSlots = d.slots.filter((s): s is SlotDiscovery => s !== null && s.primaryWithoutPods);
    const stranded = zeroSlots.filter((s) => s.eligible.length === 0 && s.runs.length > 0);
    if (stranded.length) {
      out.push({
        code: 'subnet-discovery-no-pod-subnet',
        severity: 'error',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: ${names(
          plan,
          stranded.map((s) => s.nodeSubnet),
        )} ${stranded.length === 1 ? 'is' : 'are'} tagged ${CNI_ROLE_TAG}=0 and no subnet of the same AZ is tagged for pods: the nodes' pod ENIs cannot be created and their pods get no address`,
        fix: `Tag a subnet in that AZ ${CNI_ROLE_TAG}=1 (e.g. one from a secondary CIDR), or remove the =0 tag`,
      });
    }
    if (zeroSlots.length && zeroSlots.length < d.slots.length) {
      out.push({
        code: 'subnet-discovery-mixed-primary',
        severity: 'warning',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: some launch subnets are tagged ${CNI_ROLE_TAG}=0 (${names(
          plan,
          zeroSlots.map((s) => s.nodeSubnet),
        )}) and some are not: nodes there run one ENI's worth of pods fewer (the primary ENI carries none); the figures shown per node are those of the others`,
        fix: "Tag all of the group's launch subnets alike",
      });
    } else if (zeroSlots.length && g.maxPods === null && p.perNode.maxPods - 2 > p.perNode.ipCapacity) {
      out.push({
        code: 'subnet-discovery-max-pods',
        severity: 'warning',
        path: `nodeGroups[${gi}].maxPods`,
        message: `${g.name}: its launch subnets are tagged ${CNI_ROLE_TAG}=0, so the primary ENI carries no pods (as with custom networking), but the default max pods (${p.perNode.maxPods}) does not know: only ${fmt(p.perNode.ipCapacity)} pods get addresses`,
        fix: 'Set max pods to the value max-pods-calculator.sh gives with --cni-custom-networking-enabled',
      });
    }
    if (d.podSubnets.length) {
      const full =
        zeroSlots.length === d.slots.length
          ? 'all its pod ENIs'
          : 'its secondary ENIs (the primary ENI and its addresses stay in the node subnet)';
      out.push({
        code: 'subnet-discovery',
        severity: 'info',
        path: `nodeGroups[${gi}].subnets`,
        message: `${g.name}: subnet discovery puts ${full} in whichever of ${names(plan, [...new Set(d.slots.flatMap((s) => s?.eligible ?? []))])} has the most free addresses in each AZ`,
        fix: 'Nothing to do; the per-subnet figures show where they land',
      });
    }
  });
  return out;
}

/** Where one node of a group puts its addresses under subnet discovery (evaluate --json `subnetDiscovery`). */
export interface DiscoverySummary {
  /** Addresses that stay in the node subnet: node IP, the primary ENI's, launch interfaces, trunk and branch. */
  nodeSubnetPerNode: number;
  /** Secondary ENIs discovery places, and the addresses they hold together. */
  enisPerNode: number;
  eniAddressesPerNode: number;
  /** The node subnet is tagged kubernetes.io/role/cni=0: the primary ENI carries no pods. */
  primaryWithoutPods: boolean;
  /** The subnets those ENIs may go to (every launch subnet's AZ), plan order. */
  subnets: string[];
}

/** The `subnetDiscovery` key of a node group's result, or nothing when discovery changes nothing for it. */
export function discoverySummary(
  plan: Plan,
  p: Pick<GroupPlacement, 'discovery'>,
): { subnetDiscovery?: DiscoverySummary } {
  const slots = (p.discovery?.slots ?? []).filter((s): s is SlotDiscovery => s !== null);
  const first = slots[0];
  if (!first) return {};
  const total = (c: Contribution) => c.nodeIps + c.eniPrimaries + c.podIps + c.warmIps;
  const eligible = [...new Set(slots.flatMap((s) => s.eligible))].sort((a, b) => a - b);
  return {
    subnetDiscovery: {
      nodeSubnetPerNode: total(first.fixed),
      enisPerNode: first.runs.reduce((a, r) => a + r.count, 0),
      eniAddressesPerNode: first.runs.reduce((a, r) => a + r.count * r.size, 0),
      primaryWithoutPods: first.primaryWithoutPods,
      subnets: eligible.map((i) => plan.vpc.subnets[i]!.name),
    },
  };
}
