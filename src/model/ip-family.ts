/**
 * A node's IPv4 addresses in an IPv6 cluster (`vpc.ipFamily: "ipv6"`; amazon-vpc-cni-k8s @ b52188387 (v1.23.1) README
 * "ENABLE_IPv6"): pods take their addresses from one IPv6 /80 prefix on the node's primary ENI, so they
 * take no IPv4 address from the VPC and the warm targets (WARM_ENI_TARGET, WARM_IP_TARGET,
 * MINIMUM_IP_TARGET, WARM_PREFIX_TARGET) do nothing. What still takes IPv4 from the node subnet (every
 * ENI in a dual-stack subnet has a primary IPv4):
 * - the node's own address (its primary ENI's);
 * - every launch-time interface that carries ENA (the `efa` layout's EFA interfaces beyond card 0's);
 * - with ENABLE_MULTI_NIC, one ENI per managed card beyond 0: the launch's EFA interface there, else one
 *   the CNI creates (1 more IPv4);
 * - the trunk ENI and each branch ENI of security groups for pods (confidence M: their IPv4 primaries).
 * Custom networking and subnet discovery are IPv4 features: the CNI ignores them here (createENI skips
 * discovery with IPv6). Max pods stays what the kind and the plan give (the kubelet's limit); every pod
 * the kubelet admits gets an address.
 */
import { launchLayout, multiNicManages } from './efa-layout';
import type { InstanceType } from './instances';
import type { CniSettings, Vpc } from './plan';
import type { CardGroup } from './card-groups';
import { nodeAccounting, type NodeAccounting, type NodeInput, type SubnetShare } from './warm-pool';

/** Addresses in one IPv6 /80 prefix: far beyond any max pods. */
export const IPV6_ADDRESSES_PER_NODE = 2 ** 48;

/**
 * nodeAccounting for the plan's IP family: IPv4 as it is, IPv6 as above.
 * @example ipv6: m5.16xlarge, 10 pods → 1 address in the node subnet (was 100), ips 0, warm 0
 */
export function nodeAccountingFor(
  vpc: Pick<Vpc, 'ipFamily'>,
  t: InstanceType,
  cni: CniSettings,
  input: NodeInput,
): NodeAccounting {
  if (vpc.ipFamily !== 'ipv6') return nodeAccounting(t, cni, input);
  return ipv6NodeAccounting(t, cni, input);
}

export function ipv6NodeAccounting(t: InstanceType, cni: CniSettings, input: NodeInput): NodeAccounting {
  // The IPv4 accounting without custom networking gives what IPv6 leaves alone: max pods, the kubelet's
  // admissions, the trunk and branch pods, the launch layout and which cards ENABLE_MULTI_NIC manages.
  const v4 = nodeAccounting(t, { ...cni, customNetworking: false }, input);
  const launch = launchLayout(t, input.efaLayout ?? 'none');
  const trunk = v4.trunkEni ? 1 : 0;
  const requestedBranch = v4.podsWithoutIp + v4.podsRunning - v4.pods;
  const podsRunning = v4.podsAdmitted + v4.branchPods;
  const managedExtra = v4.multiNic ? launch.cards.slice(1).filter(multiNicManages) : [];
  const newEnis = managedExtra.filter((c) => !c.interfaces.includes('efa')).length;
  const primaries = launch.extraNodeIps + newEnis + trunk + v4.branchPods;
  const node: SubnetShare = {
    nodeIps: 1,
    eniPrimaries: primaries,
    podIps: 0,
    warmIps: 0,
    prefixes: 0,
    singles: 1 + primaries,
  };
  const pod: SubnetShare = { nodeIps: 0, eniPrimaries: 0, podIps: 0, warmIps: 0, prefixes: 0, singles: 0 };
  const nodeSubnetIps = 1 + primaries;
  const cards: CardGroup[] = v4.cards.map((c) => {
    const first = c.cards[0]!;
    const launchIps = c.launch.filter((i, k) => i !== 'efa-only' && !(first === 0 && k === 0)).length;
    if (first === 0) {
      return {
        ...c,
        cards: [...c.cards],
        enis: 1 + trunk + v4.efaOnlyOnCard0,
        nodeSubnetIps: 1 + trunk + v4.branchPods,
        podSubnetIps: 0,
        ips: 0,
      };
    }
    const created = c.managed && !c.launch.includes('efa') ? 1 : 0;
    return {
      ...c,
      cards: [...c.cards],
      enis: c.launch.length + created,
      nodeSubnetIps: launchIps + created,
      podSubnetIps: 0,
      ips: 0,
    };
  });
  const podSlots = Math.max(0, v4.maxPods - 2);
  return {
    ...v4,
    enis: 1 + trunk + managedExtra.length,
    ips: 0,
    prefixes: 0,
    nodeSubnetIps,
    podSubnetIps: 0,
    podsWithoutIp: v4.pods + requestedBranch - podsRunning,
    mode: 'prefix',
    prefixFallback: false,
    podsRunning,
    warmIps: 0,
    eniPrimaries: 1 + primaries,
    podEniLimit: 1,
    ipCapacity: IPV6_ADDRESSES_PER_NODE,
    effectiveMaxPods: podSlots,
    totalIps: nodeSubnetIps,
    cards,
    share: { node, pod },
  };
}
