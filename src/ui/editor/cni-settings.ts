/**
 * The editor's rows for the aws-node settings: each entry of the model's CNI_SETTINGS table, plus the
 * interactions worth calling out for the settings as they stand (a note per setting: a Record over every
 * key, so a new setting without its note is a type error).
 */
import { CNI_KEYS, CNI_SETTINGS, type CniCountKey, type CniFlagKey, type CniKey } from '../../model/cni-settings';
import type { DraftCni } from '../../state/draft';

export interface TextSetting {
  kind: 'text';
  field: CniCountKey;
  env: string;
  defaultText: string;
  placeholder: string;
  explain: string;
  note(cni: DraftCni): string | null;
}

export interface FlagSetting {
  kind: 'flag';
  field: CniFlagKey;
  env: string;
  label: string;
  defaultText: string;
  explain: string;
  note(cni: DraftCni): string | null;
}

const set = (v: string) => v.trim() !== '' && v.trim() !== '0';

const NOTES: Record<CniKey, (c: DraftCni) => string | null> = {
  warmEniTarget: (c) =>
    c.prefixDelegation
      ? 'Not used now: prefix delegation is on (WARM_PREFIX_TARGET applies).'
      : set(c.warmIpTarget) || set(c.minimumIpTarget)
        ? 'Ignored now: WARM_IP_TARGET / MINIMUM_IP_TARGET is set and overrides it.'
        : null,
  warmIpTarget: () => null,
  minimumIpTarget: (c) =>
    set(c.minimumIpTarget) && !set(c.warmIpTarget)
      ? `Alone, without WARM_IP_TARGET, it is the whole target: pods beyond ${c.minimumIpTarget.trim()} on a node get no address. Set WARM_IP_TARGET too.`
      : null,
  warmPrefixTarget: (c) => (c.prefixDelegation ? null : 'Used only with prefix delegation.'),
  maxEni: (c) =>
    set(c.maxEni)
      ? 'Set each node group’s max pods to the recommended value (the node group panel has a button).'
      : null,
  prefixDelegation: (c) =>
    c.prefixDelegation
      ? 'Raise max pods (use recommended): the default stops the node at the ENI-limited number.'
      : null,
  customNetworking: (c) =>
    c.customNetworking
      ? 'Pick a pod subnet per AZ in each node group, and set max pods to the recommended value.'
      : null,
  podEni: () => null,
  multiNic: (c) =>
    c.multiNic
      ? 'Matters only on types with more than one network card (p5.48xlarge has 32); set multi-homed pods per node group.'
      : null,
  subnetDiscovery: (c) =>
    c.customNetworking
      ? 'Not used now: custom networking is on, and the ENIConfig subnets win over tagged ones.'
      : c.subnetDiscovery
        ? 'Tag subnets kubernetes.io/role/cni=1 in the subnet table (Tags) to give pod ENIs more room; VPC CNI 1.18.0+.'
        : 'Off: subnets tagged kubernetes.io/role/cni are ignored; every pod ENI stays in the node subnet.',
};

export const CNI_SETTING_ROWS: readonly (TextSetting | FlagSetting)[] = CNI_KEYS.map((k): TextSetting | FlagSetting => {
  const spec = CNI_SETTINGS[k];
  const since = 'since' in spec ? ` (VPC CNI ${spec.since}+)` : '';
  if (spec.type === 'flag') {
    return {
      kind: 'flag',
      field: k as CniFlagKey,
      env: spec.env,
      label: spec.label,
      defaultText: `default ${spec.default ? 'on' : 'off'}${since}`,
      explain: spec.explain,
      note: NOTES[k],
    };
  }
  const def = spec.default === null ? 'unset' : String(spec.default);
  return {
    kind: 'text',
    field: k as CniCountKey,
    env: spec.env,
    defaultText: `default ${def}`,
    placeholder: def,
    explain: spec.explain,
    note: NOTES[k],
  };
});
