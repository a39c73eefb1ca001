/**
 * The VPC CNI (aws-node) settings of a plan, one entry each: the plan key, the environment variable,
 * the kind of value, its default and range, the CLI flag, the compact link position and the words the
 * editor shows. The schema, the `CniSettings` type, the draft, the share link, the CLI flags, the editor
 * rows, the aws-node export and the fix buttons are all derived from this table, so a new setting is one
 * entry here plus its model rule (warm-pool.ts), and a place that forgets it is a type error.
 *
 * Defaults and ranges follow amazon-vpc-cni-k8s v1.23.1 (`pkg/ipamd/ipamd.go`, `README.md` "ENI
 * configuration"); the planner's WARM_PREFIX_TARGET default is the Helm chart's 1, not ipamd's 0.
 */

interface Base {
  /** The aws-node environment variable. */
  readonly env: string;
  /** The `node` command's flag (without the dashes). */
  readonly flag: string;
  /** Position in the share link's compact settings tuple (format 1); never reused or reordered. */
  readonly linkIndex: number;
  /** Words a user reads: the control's label and what the setting does to the warm pool. */
  readonly label: string;
  readonly explain: string;
  /** The oldest VPC CNI that knows the setting, where it is newer than 1.9. */
  readonly since?: string;
  /**
   * Settings added after the plan format was fixed are optional keys: a plan that does not name them
   * reads, evaluates and saves exactly as before (the key is left out while it is at its default).
   */
  readonly added?: true;
}

/** A whole number; `optional` ones are null when unset. */
export interface CountSetting extends Base {
  readonly type: 'count';
  readonly optional: boolean;
  readonly min: number;
  readonly max: number;
  readonly default: number | null;
}

export interface FlagSetting extends Base {
  readonly type: 'flag';
  readonly default: boolean;
}

export type CniSettingSpec = CountSetting | FlagSetting;

type CountFields = Omit<CountSetting, 'type' | 'optional' | 'default'>;
const count = <S extends CountFields & { default: number }>(s: S) =>
  ({ ...s, type: 'count', optional: false }) as S & { type: 'count'; optional: false };
const optionalCount = <S extends CountFields>(s: S) =>
  ({ ...s, type: 'count', optional: true, default: null }) as S & { type: 'count'; optional: true; default: null };
const flag = <S extends Omit<FlagSetting, 'type'>>(s: S) => ({ ...s, type: 'flag' }) as S & { type: 'flag' };

export const CNI_SETTINGS = {
  warmEniTarget: count({
    env: 'WARM_ENI_TARGET',
    flag: 'warm-eni-target',
    linkIndex: 0,
    min: 0,
    max: 100,
    default: 1,
    label: 'WARM_ENI_TARGET',
    explain:
      'Whole ENIs kept free on each node: it holds ceil(pods ÷ slots per ENI) + this many ENIs, every slot ' +
      'filled with a secondary IP. A big instance holds 100 or more addresses with a single pod.',
  }),
  warmIpTarget: optionalCount({
    env: 'WARM_IP_TARGET',
    flag: 'warm-ip-target',
    linkIndex: 1,
    min: 0,
    max: 10_000,
    label: 'WARM_IP_TARGET',
    explain:
      'Free IPs kept on each node: it holds pods + this many (at least MINIMUM_IP_TARGET), filled ENI by ENI. ' +
      'Overrides WARM_ENI_TARGET. Small values cost one EC2 call per pod; avoid on large or high-churn clusters.',
  }),
  minimumIpTarget: optionalCount({
    env: 'MINIMUM_IP_TARGET',
    flag: 'minimum-ip-target',
    linkIndex: 2,
    min: 0,
    max: 10_000,
    label: 'MINIMUM_IP_TARGET',
    explain:
      'A floor of IPs held on each node from the start: max(pods + WARM_IP_TARGET, this). Set it a little ' +
      'above the expected pods per node on high-churn clusters.',
  }),
  warmPrefixTarget: count({
    env: 'WARM_PREFIX_TARGET',
    flag: 'warm-prefix-target',
    linkIndex: 3,
    min: 0,
    max: 1000,
    default: 1,
    label: 'WARM_PREFIX_TARGET',
    explain: 'With prefix delegation: free /28 prefixes kept on each node (16 addresses each).',
  }),
  maxEni: optionalCount({
    env: 'MAX_ENI',
    flag: 'max-eni',
    linkIndex: 4,
    min: 1,
    max: 100,
    label: 'MAX_ENI',
    explain:
      'Caps the ENIs per node (the trunk ENI of security groups for pods counts too). Set max pods to match, ' +
      'or the kubelet schedules pods the CNI cannot address.',
  }),
  prefixDelegation: flag({
    env: 'ENABLE_PREFIX_DELEGATION',
    flag: 'prefix-delegation',
    linkIndex: 5,
    default: false,
    label: 'Prefix delegation',
    explain:
      'Each ENI slot takes a /28 prefix (16 addresses) instead of one IP: far more pods per node, but each ' +
      'prefix needs a free, aligned /28 in the subnet. Nitro or bare metal only (others silently fall back).',
  }),
  customNetworking: flag({
    env: 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG',
    flag: 'custom-networking',
    linkIndex: 6,
    default: false,
    label: 'Custom networking',
    explain:
      'Pod ENIs go to the ENIConfig subnet of the node’s AZ (usually in 100.64.0.0/10); the primary ENI ' +
      'carries no pods, so max pods falls by one ENI’s worth. The node subnet keeps 1 address per node.',
  }),
  podEni: flag({
    env: 'ENABLE_POD_ENI',
    flag: 'pod-eni',
    linkIndex: 7,
    default: false,
    label: 'Security groups for pods',
    explain:
      'One trunk ENI per node (taking an ENI slot); pods with their own security groups use branch ENIs ' +
      'instead of warm-pool IPs.',
  }),
  multiNic: flag({
    env: 'ENABLE_MULTI_NIC',
    flag: 'multi-nic',
    linkIndex: 8,
    default: false,
    since: '1.20.0',
    added: true,
    label: 'Multi-NIC',
    explain:
      'The CNI also manages every network card beyond card 0 that is not EFA-only: each keeps one warm IP ' +
      '(and an ENI of its own where the launch attached none). Pods annotated k8s.amazonaws.com/nicConfig: ' +
      'multi-nic-attachment take one address on every managed card.',
  }),
  subnetDiscovery: flag({
    env: 'ENABLE_SUBNET_DISCOVERY',
    flag: 'subnet-discovery',
    linkIndex: 9,
    default: true,
    since: '1.18.0',
    added: true,
    label: 'Subnet discovery',
    explain:
      'Without custom networking, each new pod ENI goes to the subnet with the most free addresses among the ' +
      'node subnet (unless tagged kubernetes.io/role/cni=0) and the subnets of its AZ tagged kubernetes.io/role/cni. ' +
      'The primary ENI and its addresses stay in the node subnet. Plans without such tags are not affected.',
  }),
} as const satisfies Record<string, CniSettingSpec>;

export type CniKey = keyof typeof CNI_SETTINGS;

type ValueOf<S> = S extends FlagSetting ? boolean : S extends { optional: true } ? number | null : number;
type Specs = typeof CNI_SETTINGS;
type AddedKey = { [K in CniKey]: Specs[K] extends { added: true } ? K : never }[CniKey];

/** The settings' values, keyed as in the plan's `cni` object (added settings may be absent: default). */
export type CniSettings = { -readonly [K in Exclude<CniKey, AddedKey>]: ValueOf<Specs[K]> } & {
  -readonly [K in AddedKey]?: ValueOf<Specs[K]>;
};

/** Keys in table order (the order the editor, the CLI help and the export list them). */
export const CNI_KEYS = Object.keys(CNI_SETTINGS) as CniKey[];

/** Every setting at its default (added settings left out, as a plan that does not name them). */
export const DEFAULT_CNI: Readonly<CniSettings> = Object.freeze(
  Object.fromEntries(CNI_KEYS.filter((k) => !isAdded(k)).map((k) => [k, CNI_SETTINGS[k].default])) as CniSettings,
);

export function cniSpec(key: CniKey): CniSettingSpec {
  return CNI_SETTINGS[key];
}

export function isAdded(key: CniKey): boolean {
  return (CNI_SETTINGS[key] as CniSettingSpec).added === true;
}

/** A setting's value in force: the plan's, else the default. */
export function cniValue<K extends CniKey>(cni: CniSettings, key: K): ValueOf<Specs[K]> {
  const v = (cni as Record<CniKey, unknown>)[key];
  return (v === undefined ? CNI_SETTINGS[key].default : v) as ValueOf<Specs[K]>;
}

/** The settings with added ones at their default left out: the canonical form a plan is saved in. */
export function canonicalCni(cni: CniSettings): CniSettings {
  const out: Record<string, unknown> = {};
  for (const k of CNI_KEYS) {
    const v = cniValue(cni, k);
    if (isAdded(k) && v === CNI_SETTINGS[k].default) continue;
    out[k] = v;
  }
  return out as CniSettings;
}

/** Keys of the settings that are whole numbers (the draft keeps them as text). */
export type CniCountKey = { [K in CniKey]: (typeof CNI_SETTINGS)[K] extends { type: 'count' } ? K : never }[CniKey];
/** Keys of the on/off settings. */
export type CniFlagKey = Exclude<CniKey, CniCountKey>;

export const CNI_COUNT_KEYS = CNI_KEYS.filter((k): k is CniCountKey => CNI_SETTINGS[k].type === 'count');
export const CNI_FLAG_KEYS = CNI_KEYS.filter((k): k is CniFlagKey => CNI_SETTINGS[k].type === 'flag');
