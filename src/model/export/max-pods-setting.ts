/**
 * The kubelet max pods every export writes for a node group, and why (max-pods.ts).
 * One rule for all exports, so Terraform, eksctl, Karpenter and the CSV never disagree.
 */
import { launchLayout } from '../efa-layout';
import type { InstanceDataset, InstanceType } from '../instances';
import { eniLimitedMaxPods, maxPodsInForce, recommendedMaxPods } from '../max-pods';
import type { CniSettings, NodeGroup } from '../plan';

export type MaxPodsSource = 'plan' | 'calculator' | 'ami-default' | 'unknown-type';

export interface MaxPodsSetting {
  /** The value to write, or null to write nothing (the AMI default stands, or it cannot be computed). */
  value: number | null;
  source: MaxPodsSource;
  /** The AMI's default, ENIs × (IPv4 per ENI − 1) + 2; null for an unknown instance type. */
  amiDefault: number | null;
  /** One line saying where the value comes from, for the exports' comments. */
  reason: string;
}

/** The CNI modes that make the AMI's default max pods wrong, as words ("custom networking", "MAX_ENI=2"). */
export function cniModes(cni: CniSettings): string[] {
  const modes: string[] = [];
  if (cni.customNetworking) modes.push('custom networking');
  if (cni.prefixDelegation) modes.push('prefix delegation');
  if (cni.maxEni !== null && cni.maxEni !== undefined) modes.push(`MAX_ENI=${cni.maxEni}`);
  return modes;
}

/**
 * The rule alone, given the calculator's value: the plan's `maxPods`, else `recommended` when a mode
 * of {@link cniModes} is on, else null (leave the AMI default).
 * @example maxPodsToWrite({ maxPods: null }, { ...DEFAULT_CNI, customNetworking: true }, 44) === 44
 */
export function maxPodsToWrite(
  group: Pick<NodeGroup, 'maxPods'>,
  cni: CniSettings,
  recommended: number | null,
): number | null {
  if (group.maxPods !== null && group.maxPods !== undefined) return group.maxPods;
  return cniModes(cni).length ? recommended : null;
}

/** EFA-only interfaces the group's launch puts on card 0 (the ENA + EFA-only layout), each taking an ENI slot. */
export function efaOnlyOnCard0(group: NodeGroup, t: InstanceType): number {
  return launchLayout(t, group.efaLayout ?? 'none').efaOnlyOnCard0;
}

/**
 * Max pods to write for a node group:
 * 1. the plan's `maxPods` when set;
 * 2. else, with custom networking, prefix delegation, MAX_ENI or an EFA-only interface on card 0,
 *    `max-pods-calculator.sh`'s value, asked as for MAX_ENI one lower per EFA-only interface there (the
 *    AMI default counts every ENI and secondary IPs only, so it is wrong then);
 * 3. else null: the AMI default is right, write nothing.
 * @example maxPodsSetting(m5.16xlarge group, { ...DEFAULT_CNI, customNetworking: true }, dataset).value === 250 // raw 688, capped
 * @example maxPodsSetting(p5.48xlarge group with efaLayout 'ena-efa-only', DEFAULT_CNI, dataset).value === 51
 */
export function maxPodsSetting(group: NodeGroup, cni: CniSettings, dataset: InstanceDataset): MaxPodsSetting {
  const t = dataset.byName.get(group.instanceType);
  const amiDefault = t ? eniLimitedMaxPods(t) : null;
  if (group.maxPods !== null && group.maxPods !== undefined) {
    return { value: group.maxPods, source: 'plan', amiDefault, reason: `max pods ${group.maxPods}: set in the plan` };
  }
  if (!t) {
    return {
      value: null,
      source: 'unknown-type',
      amiDefault,
      reason: `instance type ${group.instanceType} is not in the dataset: set max pods by hand`,
    };
  }
  const modes = cniModes(cni);
  const efaOnly = efaOnlyOnCard0(group, t);
  if (efaOnly > 0) modes.push(`${efaOnly} EFA-only interface on card 0 (ENA + EFA-only layout)`);
  if (modes.length === 0) {
    return {
      value: null,
      source: 'ami-default',
      amiDefault,
      reason: `max pods: the AMI default, ENIs × (IPv4 per ENI − 1) + 2 = ${amiDefault}; nothing to set`,
    };
  }
  const value = recommendedMaxPods(t, {
    customNetworking: cni.customNetworking,
    prefixDelegation: cni.prefixDelegation,
    maxEni: efaOnly > 0 ? Math.min(cni.maxEni ?? t.enis, t.enis) - efaOnly : cni.maxEni,
  });
  return {
    value,
    source: 'calculator',
    amiDefault,
    reason: `max pods ${value}: max-pods-calculator.sh with ${modes.join(', ')}; the AMI default (${amiDefault}) does not account for it`,
  };
}

/**
 * Where EKS's managed node group cap overrides what the export writes (or the AMI default when it writes
 * nothing), as one comment line; null when the cap does not bite. The cap is the model's (`maxPodsInForce`).
 * @example managedCapNote(m5.16xlarge group, DEFAULT_CNI, dataset) // 'EKS caps … at 250 …: the AMI default 737 …'
 */
export function managedCapNote(group: NodeGroup, cni: CniSettings, dataset: InstanceDataset): string | null {
  const t = dataset.byName.get(group.instanceType);
  if (!t) return null;
  const written = maxPodsSetting(group, cni, dataset).value;
  const opts = { reservedEnis: cni.customNetworking ? 1 : 0, efaOnlyOnCard0: efaOnlyOnCard0(group, t) };
  const managed = maxPodsInForce(t, 'managed', written, opts);
  if (managed.source !== 'eks-managed-cap') return null;
  const what = written !== null ? `the ${written} written here` : `the AMI default (${managed.uncapped})`;
  const kind = group.kind ?? 'self-managed';
  const asPlanned =
    kind === 'managed'
      ? ''
      : `; the plan counts this group as ${kind} (max pods ${maxPodsInForce(t, kind, group.maxPods ?? null, opts).value}): set its kind to managed to plan with the cap`;
  return `EKS caps the max pods of a managed node group at ${managed.value} on ${t.name}, over every other setting: ${what} is not honoured, nodes run at most ${managed.value} pods${asPlanned}`;
}
