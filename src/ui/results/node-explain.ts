/**
 * How one node's number arises, in words and figures, from the model's per-node accounting (pure).
 * The formulas are the warm-pool rules of docs/domain.md; the figures are the model's, which also
 * apply the caps (max pods, ENI limit) the plain formula leaves out.
 */
import type { InstanceType } from '../../model/instances';
import type { CniSettings } from '../../model/plan';
import type { NodeAccounting } from '../../model/warm-pool';
import { fmt, plural } from '../format';

export interface ExplainStep {
  label: string;
  formula: string;
  value: string;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / Math.max(1, b));

export function explainNode(t: InstanceType, cni: CniSettings, n: NodeAccounting): ExplainStep[] {
  const S = n.slotsPerEni;
  const steps: ExplainStep[] = [
    { label: 'Slots per ENI', formula: `IPv4 per ENI ${t.ipv4PerEni} − 1 (the primary address)`, value: fmt(S) },
    { label: 'ENIs that may carry pods', formula: eniLimitFormula(t, cni, n), value: fmt(n.podEniLimit) },
    { label: 'Pods admitted', formula: `min(pods ${fmt(n.pods)}, max pods ${fmt(n.maxPods)} − 2 hostNetwork)`, value: fmt(n.podsAdmitted) },
  ];
  const pods = n.podsAdmitted;
  const wit = cni.warmIpTarget ?? 0;
  const mit = cni.minimumIpTarget ?? 0;
  let formula: string;
  let plain: number;
  switch (n.mode) {
    case 'warm-eni':
      plain = cni.warmEniTarget >= 1 ? (ceilDiv(pods, S) + cni.warmEniTarget) * S : (Math.floor(pods / Math.max(1, S)) + 1) * S;
      formula = cni.warmEniTarget >= 1
        ? `(ceil(${fmt(pods)} ÷ ${S}) + WARM_ENI_TARGET ${cni.warmEniTarget}) ENIs × ${S} slots`
        : `(floor(${fmt(pods)} ÷ ${S}) + 1) ENIs × ${S} slots (WARM_ENI_TARGET 0)`;
      break;
    case 'warm-ip':
      plain = wit > 0 ? Math.max(pods + wit, mit) : mit;
      formula = wit > 0 ? `max(pods ${fmt(pods)} + WARM_IP_TARGET ${wit}, MINIMUM_IP_TARGET ${mit})` : `MINIMUM_IP_TARGET ${mit} alone (WARM_IP_TARGET unset)`;
      break;
    case 'prefix':
      plain = (ceilDiv(pods, 16) + cni.warmPrefixTarget) * 16;
      formula = `(ceil(${fmt(pods)} ÷ 16) + WARM_PREFIX_TARGET ${cni.warmPrefixTarget}) /28 prefixes × 16`;
      break;
    default:
      plain = ceilDiv(wit > 0 ? Math.max(pods + wit, mit) : mit, 16) * 16;
      formula = `ceil(max(pods ${fmt(pods)} + WARM_IP_TARGET ${wit}, MINIMUM_IP_TARGET ${mit}) ÷ 16) prefixes × 16`;
  }
  const capped = n.ips < plain ? ` (capped: ipamd stops at max pods ${fmt(n.maxPods)} or the ENI limit)` : '';
  steps.push({ label: 'Pod addresses held', formula: `${formula}${capped}`, value: fmt(n.ips) });
  if (n.prefixes > 0) steps.push({ label: 'Prefixes', formula: `${fmt(n.ips)} ÷ 16`, value: fmt(n.prefixes) });
  steps.push({ label: 'Of which warm pool', formula: `held ${fmt(n.ips)} − pods running ${fmt(n.podsRunning - n.branchPods)}`, value: fmt(n.warmIps) });
  steps.push({ label: 'ENIs attached', formula: enisFormula(cni, n), value: fmt(n.enis) });
  steps.push({
    label: 'Addresses per node',
    formula: cni.customNetworking
      ? `node subnet ${fmt(n.nodeSubnetIps)} (node IP) + pod subnet ${fmt(n.podSubnetIps)} (held + ENI primaries)`
      : `held ${fmt(n.ips)} + ${plural(n.eniPrimaries, 'ENI primary', 'ENI primaries')}${n.branchPods ? ` + ${plural(n.branchPods, 'branch-ENI pod')}` : ''}`,
    value: fmt(n.totalIps),
  });
  return steps;
}

function eniLimitFormula(t: InstanceType, cni: CniSettings, n: NodeAccounting): string {
  const parts = [`${t.enis} ENIs`];
  if (cni.maxEni !== null && cni.maxEni < t.enis) parts[0] = `MAX_ENI ${cni.maxEni}`;
  if (n.trunkEni) parts.push('− 1 trunk ENI');
  if (cni.customNetworking) parts.push('− 1 primary ENI (custom networking)');
  return parts.join(' ');
}

function enisFormula(cni: CniSettings, n: NodeAccounting): string {
  const pool = n.enis - (cni.customNetworking ? 1 : 0) - (n.trunkEni ? 1 : 0);
  const parts = [`${pool} for the pool`];
  if (cni.customNetworking) parts.push('1 primary');
  if (n.trunkEni) parts.push('1 trunk');
  return parts.join(' + ');
}

/** Which warm-pool rule is in force, in words. */
export function modeLabel(n: NodeAccounting): string {
  switch (n.mode) {
    case 'warm-eni': return 'WARM_ENI_TARGET: whole ENIs';
    case 'warm-ip': return 'WARM_IP_TARGET / MINIMUM_IP_TARGET: single IPs';
    case 'prefix': return 'prefix delegation: /28 prefixes';
    default: return 'prefix delegation with IP targets';
  }
}
