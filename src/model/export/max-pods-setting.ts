/**
 * The kubelet max pods every export writes for a node group, and why (README, "How the numbers are computed",
 * max pods).
 * One rule for all exports, so Terraform, eksctl, Karpenter and the CSV never disagree.
 */
import type { InstanceDataset } from '../instances';
import { eniLimitedMaxPods, recommendedMaxPods } from '../max-pods';
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
export function maxPodsToWrite(group: Pick<NodeGroup, 'maxPods'>, cni: CniSettings, recommended: number | null): number | null {
  if (group.maxPods !== null && group.maxPods !== undefined) return group.maxPods;
  return cniModes(cni).length ? recommended : null;
}

/**
 * Max pods to write for a node group:
 * 1. the plan's `maxPods` when set;
 * 2. else, with custom networking, prefix delegation or MAX_ENI, `max-pods-calculator.sh`'s value
 *    (the AMI default counts every ENI and secondary IPs only, so it is wrong then);
 * 3. else null: the AMI default is right, write nothing.
 * @example maxPodsSetting(m5.16xlarge group, { ...DEFAULT_CNI, customNetworking: true }, dataset).value === 250 // raw 688, capped
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
    maxEni: cni.maxEni,
  });
  return {
    value,
    source: 'calculator',
    amiDefault,
    reason: `max pods ${value}: max-pods-calculator.sh with ${modes.join(', ')}; the AMI default (${amiDefault}) does not account for it`,
  };
}
