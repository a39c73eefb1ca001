/**
 * What each of the eight aws-node settings does to the warm pool (docs/domain.md), and the interactions
 * worth calling out for the settings as they stand.
 */
import type { CniFlag, CniTextField, DraftCni } from '../../state/draft';

export interface TextSetting {
  kind: 'text';
  field: CniTextField;
  env: string;
  defaultText: string;
  placeholder: string;
  explain: string;
  note(cni: DraftCni): string | null;
}

export interface FlagSetting {
  kind: 'flag';
  field: CniFlag;
  env: string;
  label: string;
  defaultText: string;
  explain: string;
  note(cni: DraftCni): string | null;
}

const set = (v: string) => v.trim() !== '' && v.trim() !== '0';

export const CNI_SETTINGS: readonly (TextSetting | FlagSetting)[] = [
  {
    kind: 'text', field: 'warmEniTarget', env: 'WARM_ENI_TARGET', defaultText: 'default 1', placeholder: '1',
    explain: 'Whole ENIs kept free on each node: it holds ceil(pods ÷ slots per ENI) + this many ENIs, every slot filled with a secondary IP. A big instance holds 100 or more addresses with a single pod.',
    note: (c) =>
      c.prefixDelegation ? 'Not used now: prefix delegation is on (WARM_PREFIX_TARGET applies).'
        : set(c.warmIpTarget) || set(c.minimumIpTarget) ? 'Ignored now: WARM_IP_TARGET / MINIMUM_IP_TARGET is set and overrides it.' : null,
  },
  {
    kind: 'text', field: 'warmIpTarget', env: 'WARM_IP_TARGET', defaultText: 'default unset', placeholder: 'unset',
    explain: 'Free IPs kept on each node: it holds pods + this many (at least MINIMUM_IP_TARGET), filled ENI by ENI. Overrides WARM_ENI_TARGET. Small values cost one EC2 call per pod; avoid on large or high-churn clusters.',
    note: () => null,
  },
  {
    kind: 'text', field: 'minimumIpTarget', env: 'MINIMUM_IP_TARGET', defaultText: 'default unset', placeholder: 'unset',
    explain: 'A floor of IPs held on each node from the start: max(pods + WARM_IP_TARGET, this). Set it a little above the expected pods per node on high-churn clusters.',
    note: (c) => (set(c.minimumIpTarget) && !set(c.warmIpTarget)
      ? `Alone, without WARM_IP_TARGET, it is the whole target: pods beyond ${c.minimumIpTarget.trim()} on a node get no address. Set WARM_IP_TARGET too.`
      : null),
  },
  {
    kind: 'text', field: 'warmPrefixTarget', env: 'WARM_PREFIX_TARGET', defaultText: 'default 1', placeholder: '1',
    explain: 'With prefix delegation: free /28 prefixes kept on each node (16 addresses each).',
    note: (c) => (c.prefixDelegation ? null : 'Used only with prefix delegation.'),
  },
  {
    kind: 'text', field: 'maxEni', env: 'MAX_ENI', defaultText: 'default unset', placeholder: 'unset',
    explain: 'Caps the ENIs per node (the trunk ENI of security groups for pods counts too). Set max pods to match, or the kubelet schedules pods the CNI cannot address.',
    note: (c) => (set(c.maxEni) ? 'Set each node group’s max pods to the recommended value (the node group panel has a button).' : null),
  },
  {
    kind: 'flag', field: 'prefixDelegation', env: 'ENABLE_PREFIX_DELEGATION', label: 'Prefix delegation', defaultText: 'default off',
    explain: 'Each ENI slot takes a /28 prefix (16 addresses) instead of one IP: far more pods per node, but each prefix needs a free, aligned /28 in the subnet. Nitro or bare metal only (others silently fall back).',
    note: (c) => (c.prefixDelegation ? 'Raise max pods (use recommended): the default stops the node at the ENI-limited number.' : null),
  },
  {
    kind: 'flag', field: 'customNetworking', env: 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', label: 'Custom networking', defaultText: 'default off',
    explain: 'Pod ENIs go to the ENIConfig subnet of the node’s AZ (usually in 100.64.0.0/10); the primary ENI carries no pods, so max pods falls by one ENI’s worth. The node subnet keeps 1 address per node.',
    note: (c) => (c.customNetworking ? 'Pick a pod subnet per AZ in each node group, and set max pods to the recommended value.' : null),
  },
  {
    kind: 'flag', field: 'podEni', env: 'ENABLE_POD_ENI', label: 'Security groups for pods', defaultText: 'default off',
    explain: 'One trunk ENI per node (taking an ENI slot); pods with their own security groups use branch ENIs instead of warm-pool IPs.',
    note: () => null,
  },
];
