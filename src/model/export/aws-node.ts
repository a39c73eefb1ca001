/**
 * The aws-node (VPC CNI) environment of a plan: exactly its non-default settings, as the env map the
 * EKS add-on's `configuration_values` takes and as a `kubectl set env` line.
 */
import { CNI_KEYS, CNI_SETTINGS, cniValue, type CniKey, type CniSettingSpec } from '../cni-settings';
import type { CniSettings, Plan } from '../plan';
import { commentSafe, GENERATED_BY } from './common';

/** The label custom networking selects ENIConfigs by: one ENIConfig per AZ, named after the AZ. */
export const ENI_CONFIG_LABEL = 'topology.kubernetes.io/zone';

/**
 * The env variables to set, in a fixed order, every value a string (the add-on schema wants strings).
 * Defaults (WARM_ENI_TARGET 1, the rest unset or false) are left out. WARM_PREFIX_TARGET is written
 * whenever prefix delegation is on: ipamd's own default is 0 and the Helm chart's 1, so it is never
 * safe to leave implicit.
 * @example cniEnvironment({ ...DEFAULT_CNI, minimumIpTarget: 30 }) // [['MINIMUM_IP_TARGET', '30']]
 */
export function cniEnvironment(cni: CniSettings): [string, string][] {
  const env: [string, string][] = [];
  // The first release wrote prefix delegation (and its target) before MAX_ENI: kept, so exports stay identical.
  const order: CniKey[] = CNI_KEYS.filter((k) => k !== 'prefixDelegation');
  order.splice(order.indexOf('maxEni'), 0, 'prefixDelegation');
  for (const k of order) {
    const spec: CniSettingSpec = CNI_SETTINGS[k];
    const v = cniValue(cni, k);
    // WARM_PREFIX_TARGET: ipamd's own default is 0, the Helm chart's 1: never left implicit with prefix delegation.
    if (k === 'warmPrefixTarget') continue;
    if (v === spec.default) continue;
    env.push([spec.env, String(v)]);
    if (k === 'prefixDelegation') env.push([CNI_SETTINGS.warmPrefixTarget.env, String(cni.warmPrefixTarget)]);
    if (k === 'customNetworking') env.push(['ENI_CONFIG_LABEL_DEF', ENI_CONFIG_LABEL]);
  }
  return env;
}

/**
 * The VPC CNI version each non-default setting needs, where it is newer than the planner's floor
 * (CNI_SETTINGS[k].since), as comment lines for every export that writes the env.
 * @example cniVersionNotes({ ...DEFAULT_CNI, multiNic: true }) // ['ENABLE_MULTI_NIC needs VPC CNI 1.20.0 or newer …']
 */
export function cniVersionNotes(cni: CniSettings): string[] {
  const notes: string[] = [];
  for (const k of CNI_KEYS) {
    const spec: CniSettingSpec = CNI_SETTINGS[k];
    if (spec.since && cniValue(cni, k) !== spec.default) {
      notes.push(`${spec.env} needs VPC CNI ${spec.since} or newer; older versions ignore it`);
    }
  }
  return notes;
}

/** The env map as an object (for JSON and YAML). */
export function cniEnvObject(cni: CniSettings): Record<string, string> {
  return Object.fromEntries(cniEnvironment(cni));
}

/** POSIX shell quoting for a `NAME=value` word; plain when only safe characters. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./=:,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`;
}

/**
 * The `kubectl set env` line (with comment lines before it), or only comments when every setting is
 * at its default.
 * @example 'kubectl set env daemonset aws-node -n kube-system WARM_IP_TARGET=5 MINIMUM_IP_TARGET=30'
 */
export function toAwsNodeEnv(plan: Plan): string {
  const env = cniEnvironment(plan.cni);
  const lines = [`# ${GENERATED_BY}`, `# aws-node (VPC CNI) settings of plan "${commentSafe(plan.name)}".`];
  if (env.length === 0) {
    lines.push('# Every setting is at its VPC CNI default: nothing to set.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '# On the EKS add-on, put these in its configuration values instead (an add-on update overwrites kubectl changes).',
    '# Settings left at their defaults are not touched; remove an old one with NAME- (e.g. WARM_IP_TARGET-).',
  );
  if (plan.cni.customNetworking) {
    lines.push('# Custom networking: apply the ENIConfigs first; only nodes started afterwards use them.');
  }
  for (const note of cniVersionNotes(plan.cni)) lines.push(`# ${note}.`);
  if (plan.cni.multiNic) {
    lines.push(
      '# Multi-NIC: pods that need an address on every managed card carry the annotation k8s.amazonaws.com/nicConfig: multi-nic-attachment.',
    );
  }
  const words = env.map(([k, v]) => shellWord(`${k}=${v}`));
  lines.push(`kubectl set env daemonset aws-node -n kube-system ${words.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
