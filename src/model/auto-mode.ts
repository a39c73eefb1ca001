/**
 * EKS Auto Mode node pools (awsdocs/amazon-eks-user-guide `latest/ug/automode/auto-networking.adoc` @ 0c794893,
 * `create-node-class.adoc` @ 0026c9df): the VPC CNI settings of the plan do not apply; the NodeClass's
 * `advancedNetworking.ipv4PrefixSize` picks /28 prefixes ("Auto", the default) or secondary IPs ("32"), and
 * `podSubnetSelectorTerms` puts pod addresses in pod subnets of the node's AZ.
 *
 * The warm pool is "predefined" and not published. The planner ASSUMES (confidence L) the VPC CNI's own
 * defaults for each mode: one spare /28 prefix per node (WARM_PREFIX_TARGET=1) with prefixes, one spare
 * ENI (WARM_ENI_TARGET=1) with "32". The page and the report say so.
 */
import { DEFAULT_CNI, type CniSettings } from './cni-settings';
import type { NodeGroup } from './plan';

/** What the page and the report say about the assumed warm pool. */
export const AUTO_MODE_WARM_POOL_ASSUMPTION =
  'EKS Auto Mode does not publish its warm pool: assumed one spare /28 prefix per node (ipv4PrefixSize Auto) or one spare ENI ("32")';

/** The CNI settings a group's nodes run with: the plan's, or Auto Mode's own. */
export function groupCni(cni: CniSettings, g: Pick<NodeGroup, 'kind' | 'ipv4PrefixSize' | 'podSubnets'>): CniSettings {
  if (g.kind !== 'auto-mode') return cni;
  return {
    ...DEFAULT_CNI,
    prefixDelegation: g.ipv4PrefixSize !== '32',
    warmPrefixTarget: 1,
    customNetworking: (g.podSubnets?.length ?? 0) > 0,
  };
}
