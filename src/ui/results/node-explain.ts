/**
 * How one node's number arises, in words and figures, from the model's per-node accounting (pure).
 * The formulas are the warm-pool rules of model/warm-pool.ts; the figures are the model's, which also
 * apply the caps (max pods, ENI limit) the plain formula leaves out. Besides the steps: why the max
 * pods in force is what it is (model/max-pods.ts maxPodsInForce), and the node's interfaces card by card, cards that look
 * alike on one line (a p5.48xlarge's 31 EFA cards), with the subnet each address comes from.
 */
import type { InstanceType } from '../../model/instances';
import { AUTO_MODE_MAX_PODS, recommendedCap } from '../../model/max-pods';
import type { CniSettings } from '../../model/plan';
import type { DiscoverySummary } from '../../model/subnet-discovery';
import type { CardGroup } from '../../model/card-groups';
import type { NodeAccounting, SubnetShare } from '../../model/warm-pool';
import { fmt, plural } from '../common/format';
export { kindName, layoutName } from '../editor/node-kinds';

export interface ExplainStep {
  label: string;
  formula: string;
  value: string;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / Math.max(1, b));

/** What the explanation needs of the node group beyond the node: the plan's own max pods (null = unset). */
export interface ExplainContext {
  planMaxPods?: number | null;
}

export function explainNode(
  t: InstanceType,
  cni: CniSettings,
  n: NodeAccounting,
  ctx: ExplainContext = {},
): ExplainStep[] {
  const S = n.slotsPerEni;
  const steps: ExplainStep[] = [
    { label: 'Max pods in force', formula: maxPodsWhy(t, cni, n, ctx), value: fmt(n.maxPods) },
  ];
  steps.push(
    { label: 'Slots per ENI', formula: `IPv4 per ENI ${t.ipv4PerEni} − 1 (the primary address)`, value: fmt(S) },
    { label: 'ENIs that may carry pods', formula: eniLimitFormula(t, cni, n), value: fmt(n.podEniLimit) },
    {
      label: 'Pods admitted',
      formula: `min(pods ${fmt(n.pods)}, max pods ${fmt(n.maxPods)} − 2 hostNetwork)`,
      value: fmt(n.podsAdmitted),
    },
  );
  const pods = n.podsAdmitted;
  const wit = cni.warmIpTarget ?? 0;
  const mit = cni.minimumIpTarget ?? 0;
  let formula: string;
  let plain: number;
  switch (n.mode) {
    case 'warm-eni':
      plain =
        cni.warmEniTarget >= 1
          ? (ceilDiv(pods, S) + cni.warmEniTarget) * S
          : (Math.floor(pods / Math.max(1, S)) + 1) * S;
      formula =
        cni.warmEniTarget >= 1
          ? `(ceil(${fmt(pods)} ÷ ${S}) + WARM_ENI_TARGET ${cni.warmEniTarget}) ENIs × ${S} slots`
          : `(floor(${fmt(pods)} ÷ ${S}) + 1) ENIs × ${S} slots (WARM_ENI_TARGET 0)`;
      break;
    case 'warm-ip':
      plain = wit > 0 ? Math.max(pods + wit, mit) : mit;
      formula =
        wit > 0
          ? `max(pods ${fmt(pods)} + WARM_IP_TARGET ${wit}, MINIMUM_IP_TARGET ${mit})`
          : `MINIMUM_IP_TARGET ${mit} alone (WARM_IP_TARGET unset)`;
      break;
    case 'prefix':
      plain = (ceilDiv(pods, 16) + cni.warmPrefixTarget) * 16;
      formula = `(ceil(${fmt(pods)} ÷ 16) + WARM_PREFIX_TARGET ${cni.warmPrefixTarget}) /28 prefixes × 16`;
      break;
    default:
      plain = ceilDiv(wit > 0 ? Math.max(pods + wit, mit) : mit, 16) * 16;
      formula = `ceil(max(pods ${fmt(pods)} + WARM_IP_TARGET ${wit}, MINIMUM_IP_TARGET ${mit}) ÷ 16) prefixes × 16`;
  }
  // With multi-NIC the other managed cards hold addresses of their own; card 0's pool is the formula's.
  const card0Ips = n.cards[0]?.ips ?? n.ips;
  const otherIps = n.ips - card0Ips;
  const capped = card0Ips < plain ? ` (capped: ipamd stops at max pods ${fmt(n.maxPods)} or the ENI limit)` : '';
  steps.push({
    label: otherIps > 0 ? 'Pod addresses held on card 0' : 'Pod addresses held',
    formula: `${formula}${capped}`,
    value: fmt(card0Ips),
  });
  if (otherIps > 0) {
    const managed = n.cards.filter((g) => g.cards[0] !== 0 && g.managed).reduce((a, g) => a + g.cards.length, 0);
    const each = managed ? otherIps / managed : 0;
    steps.push({
      label: 'Held on the other cards',
      formula:
        `Multi-NIC: ${plural(managed, 'managed card')} × ${fmt(each)} ` +
        `(${plural(n.multiHomedPods, 'multi-homed pod')} + 1 warm${n.prefixes > 0 ? ', in /28 prefixes' : ''})`,
      value: fmt(otherIps),
    });
  }
  if (n.prefixes > 0) steps.push({ label: 'Prefixes', formula: `${fmt(n.ips)} ÷ 16`, value: fmt(n.prefixes) });
  const running = n.podsRunning - n.branchPods;
  const multiHomedHeld = otherIps > 0 ? n.ips - running - n.warmIps : 0;
  steps.push({
    label: 'Of which warm pool',
    formula:
      multiHomedHeld > 0
        ? `held ${fmt(n.ips)} − pods running ${fmt(running)} − ` +
          `${fmt(multiHomedHeld)} multi-homed pod addresses on the other cards`
        : `held ${fmt(n.ips)} − pods running ${fmt(running)}`,
    value: fmt(n.warmIps),
  });
  steps.push({ label: 'ENIs attached', formula: enisFormula(cni, n), value: fmt(n.enis) });
  const efaPrimaries =
    n.launchInterfaceIps > 0
      ? ` (the node IP, ${plural(n.eniPrimaries - 1 - n.launchInterfaceIps, 'more ENI', 'more ENIs')}, ` +
        `${fmt(n.launchInterfaceIps)} EFA)`
      : '';
  const branch = n.branchPods ? ` + ${plural(n.branchPods, 'branch-ENI pod')}` : '';
  steps.push({
    label: 'Addresses per node',
    formula: cni.customNetworking
      ? `node subnet ${fmt(n.nodeSubnetIps)} + pod subnet ${fmt(n.podSubnetIps)}`
      : `held ${fmt(n.ips)} + ${plural(n.eniPrimaries, 'ENI primary', 'ENI primaries')}${efaPrimaries}${branch}`,
    value: fmt(n.totalIps),
  });
  return steps;
}

function eniLimitFormula(t: InstanceType, cni: CniSettings, n: NodeAccounting): string {
  const parts = [`${t.enis} ENIs`];
  if (cni.maxEni !== null && cni.maxEni < t.enis) parts[0] = `MAX_ENI ${cni.maxEni}`;
  if (n.trunkEni) parts.push('− 1 trunk ENI');
  if (n.efaOnlyOnCard0) parts.push(`− ${n.efaOnlyOnCard0} EFA-only on card 0`);
  if (cni.customNetworking) parts.push('− 1 primary ENI (custom networking)');
  return parts.join(' ');
}

function enisFormula(cni: CniSettings, n: NodeAccounting): string {
  const card0 = n.cards[0];
  // On card 0: everything attached but the launch's EFA-only interfaces (the CNI does not manage them).
  const onCard0 = card0 ? card0.enis - card0.launch.filter((i) => i === 'efa-only').length : n.enis;
  const other = n.enis - onCard0;
  const pool = onCard0 - (cni.customNetworking ? 1 : 0) - (n.trunkEni ? 1 : 0);
  const parts = [`${pool} for the pool`];
  if (cni.customNetworking) parts.push('1 primary');
  if (n.trunkEni) parts.push('1 trunk');
  if (other > 0) parts.push(`${other} on the other cards (multi-NIC)`);
  // Interfaces the launch attached that the CNI leaves alone (EFA on unmanaged cards, EFA-only ones).
  const unmanaged = n.cards.reduce(
    (a, g) =>
      a +
      (g.cards[0] === 0 || g.managed ? g.launch.filter((i) => i === 'efa-only').length : g.launch.length) *
        g.cards.length,
    0,
  );
  const besides = unmanaged ? `; besides, ${plural(unmanaged, 'EFA interface')} the CNI does not manage` : '';
  return parts.join(' + ') + besides;
}

/** Which warm-pool rule is in force, in words. */
export function modeLabel(n: NodeAccounting): string {
  switch (n.mode) {
    case 'warm-eni':
      return 'WARM_ENI_TARGET: whole ENIs';
    case 'warm-ip':
      return 'WARM_IP_TARGET / MINIMUM_IP_TARGET: single IPs';
    case 'prefix':
      return 'prefix delegation: /28 prefixes';
    default:
      return 'prefix delegation with IP targets';
  }
}

/**
 * Why the max pods in force is what it is (model/max-pods.ts maxPodsInForce), one clause.
 * @example maxPodsWhy(m5.16xlarge, cni, managed node)
 *   === 'EKS managed node group: EKS caps it at 250 (64 vCPUs, over 30) over the AMI default 737'
 */
export function maxPodsWhy(t: InstanceType, cni: CniSettings, n: NodeAccounting, ctx: ExplainContext = {}): string {
  const fromPlan = ctx.planMaxPods !== undefined ? ctx.planMaxPods !== null : n.maxPodsSource === 'plan';
  const ami = `${t.enis} ENIs × (${t.ipv4PerEni} − 1) + 2`;
  const efaBlind = n.efaOnlyOnCard0 > 0 ? ', blind to the EFA-only interface on card 0' : '';
  const vcpus = `${t.vcpus ?? '?'} vCPUs`;
  switch (n.maxPodsSource) {
    case 'plan': {
      const under =
        n.kind === 'managed'
          ? `, under EKS's managed cap ${recommendedCap(t)}`
          : n.kind === 'auto-mode'
            ? `, under Auto Mode's cap ${AUTO_MODE_MAX_PODS}`
            : '';
      const nodeClass = n.kind === 'karpenter' ? ', kubelet.maxPods of the EC2NodeClass' : '';
      return `set in the plan (kubelet --max-pods${nodeClass})${under}`;
    }
    case 'ami-default': {
      const head = `AMI default (eni-max-pods.txt, nodeadm): ${ami}${efaBlind}`;
      if (n.kind === 'managed') return `${head}, under EKS's managed cap ${recommendedCap(t)}`;
      if (n.kind === 'auto-mode') return `${head}, under Auto Mode's cap ${AUTO_MODE_MAX_PODS}`;
      return head;
    }
    case 'eks-managed-cap':
      return (
        `EKS managed node group: EKS caps it at ${recommendedCap(t)} ` +
        `(${vcpus}, ${(t.vcpus ?? 0) > 30 ? 'over 30' : '30 or fewer'}) ` +
        `over the ${fromPlan ? "plan's" : 'AMI default'} ${fmt(n.maxPodsUncapped)}`
      );
    case 'auto-mode-cap':
      return (
        `EKS Auto Mode caps it at ${AUTO_MODE_MAX_PODS} ` +
        `over the ${fromPlan ? "plan's" : 'uncapped'} ${fmt(n.maxPodsUncapped)}`
      );
    case 'karpenter': {
      const minus = [
        cni.customNetworking ? ' − 1 reserved (custom networking)' : '',
        n.efaOnlyOnCard0 ? ` − ${n.efaOnlyOnCard0} EFA-only on card 0` : '',
      ].join('');
      return (
        'Karpenter, no kubelet.maxPods: its EFA-aware ENI-limited ' +
        `(${t.enis} ENIs${minus}) × (${t.ipv4PerEni} − 1) + 2`
      );
    }
  }
}

/** One line of the per-card list: "cards 1–31" and what they carry. */
export interface CardLine {
  cards: string;
  text: string;
}

/** "card 0", "cards 1, 2", "cards 1–31" (the groups are runs of consecutive cards). */
export function cardRange(cards: readonly number[]): string {
  if (cards.length === 1) return `card ${cards[0]}`;
  if (cards.length === 2) return `cards ${cards[0]}, ${cards[1]}`;
  return `cards ${cards[0]}–${cards[cards.length - 1]}`;
}

/** "100 addresses (node subnet)", "1 address (node subnet), 99 (pod subnet)", "no address". */
function where(node: number, pod: number, each: boolean): string {
  const e = each ? ' each' : '';
  if (node > 0 && pod > 0) return `${plural(node, 'address', 'addresses')}${e} (node subnet), ${fmt(pod)} (pod subnet)`;
  if (node > 0) return `${plural(node, 'address', 'addresses')}${e} (node subnet)`;
  if (pod > 0) return `${plural(pod, 'address', 'addresses')}${e} (pod subnet)`;
  return 'no address';
}

/**
 * The node's interfaces card by card, alike cards on one line.
 * @example cardLines(p5.48xlarge efa, 10 pods) // [
 *   { cards: 'card 0', text: 'EFA primary + 1 ENI from the CNI, 98 pod IPs held; 100 addresses (node subnet)' },
 *   { cards: 'cards 1–31', text: 'EFA, not managed by the CNI (Multi-NIC off); 1 address each (node subnet), 31 in all' },
 * ]
 */
export function cardLines(n: NodeAccounting, cni: CniSettings): CardLine[] {
  return n.cards.map((g) => ({ cards: cardRange(g.cards), text: cardText(g, n, cni) }));
}

function cardText(g: CardGroup, n: NodeAccounting, cni: CniSettings): string {
  const each = g.cards.length > 1;
  const held =
    g.ips > 0
      ? n.mode === 'prefix' || n.mode === 'prefix-warm-ip'
        ? `${plural(g.ips / 16, '/28 prefix', '/28 prefixes')} (${fmt(g.ips)} pod addresses) held`
        : `${plural(g.ips, 'pod IP')} held`
      : '';
  const parts: string[] = [];
  if (g.cards[0] === 0) {
    const primary = g.launch[0] === 'efa' ? 'EFA primary' : 'ENA primary';
    const efaOnly = g.launch.filter((i) => i === 'efa-only').length;
    const fromCni = g.enis - g.launch.length;
    const cniWhat = cni.customNetworking ? 'pod ENI' : 'ENI';
    // card 0's ENI slots: those the CNI may use for pods, the EFA-only ones, the primary (custom networking), trunk
    const slots = n.podEniLimit + efaOnly + (cni.customNetworking ? 1 : 0) + (n.trunkEni ? 1 : 0);
    parts.push(
      primary +
        (efaOnly ? ` + EFA-only (no address; it takes 1 of the ${slots} ENI slots)` : '') +
        (fromCni > 0 ? ` + ${plural(fromCni, cniWhat)} from the CNI${n.trunkEni ? ' (1 trunk)' : ''}` : ''),
    );
    if (held) parts.push(held);
  } else {
    const launch =
      g.launch.length === 0
        ? ''
        : g.launch.map((i) => (i === 'efa' ? 'EFA' : i === 'efa-only' ? 'EFA-only' : 'ENA')).join(' + ');
    const fromCni = g.enis - g.launch.length;
    const added = fromCni > 0 ? `${plural(fromCni, 'ENI')} from the CNI` : '';
    parts.push([launch, added].filter(Boolean).join(' + ') || 'no interface');
    if (g.managed && held) parts.push(`multi-NIC: ${held}${each ? ' each' : ''}`);
    else if (!g.managed && g.launch.includes('efa'))
      parts.push(`not managed by the CNI${n.multiNic ? '' : ' (Multi-NIC off)'}`);
  }
  const addresses = g.nodeSubnetIps + g.podSubnetIps;
  const total = each && addresses > 0 ? `, ${fmt(addresses * g.cards.length)} in all` : '';
  return `${parts.join(', ')}; ${where(g.nodeSubnetIps, g.podSubnetIps, each)}${total}`;
}

/** "1 node IP + 32 interface primaries + 10 pod IPs + 88 warm". */
function shareText(s: SubnetShare): string {
  const parts = [
    s.nodeIps ? plural(s.nodeIps, 'node IP') : '',
    s.eniPrimaries ? plural(s.eniPrimaries, 'interface primary', 'interface primaries') : '',
    s.podIps ? plural(s.podIps, 'pod IP') : '',
    s.warmIps ? `${fmt(s.warmIps)} warm` : '',
  ].filter(Boolean);
  return parts.join(' + ');
}

/** One line per subnet kind the node draws on: which subnets, how many addresses, of what. */
export interface SubnetLine {
  label: string;
  subnets: string;
  total: number;
  parts: string;
}

/**
 * Where one node's addresses come from: its launch subnet and, with custom networking, the pod subnet; with
 * subnet discovery, the node subnet's share and the secondary ENIs' (evaluate's `subnetDiscovery`).
 * @example subnetLines(node, ['gpu-a', 'gpu-b'], [])
 *   // [{ label: 'From the node subnet', subnets: 'gpu-a or gpu-b', total: 131, … }]
 */
export function subnetLines(
  n: NodeAccounting,
  nodeSubnets: readonly string[],
  podSubnets: readonly string[],
  discovery?: DiscoverySummary,
): SubnetLine[] {
  const or = (names: readonly string[]) => (names.length ? names.join(' or ') : '—');
  const lines: SubnetLine[] = [];
  if (discovery) {
    // Subnet discovery (subnet-discovery.ts): the secondary ENIs go to the most free tagged subnet of the AZ.
    const stay = discovery.primaryWithoutPods
      ? 'node IP and primary ENI, no pods on it (tagged =0)'
      : 'node IP and primary ENI';
    lines.push({
      label: 'From the node subnet',
      subnets: or(nodeSubnets),
      total: discovery.nodeSubnetPerNode,
      parts: stay,
    });
    lines.push({
      label: 'By subnet discovery',
      subnets: `the most free of ${discovery.subnets.join(', ')}`,
      total: discovery.eniAddressesPerNode,
      parts: `${plural(discovery.enisPerNode, 'secondary ENI')} with ${plural(discovery.eniAddressesPerNode, 'address', 'addresses')}`,
    });
    return lines;
  }
  const node = n.share.node;
  const pod = n.share.pod;
  const sum = (s: SubnetShare) => s.nodeIps + s.eniPrimaries + s.podIps + s.warmIps;
  lines.push({ label: 'From the node subnet', subnets: or(nodeSubnets), total: sum(node), parts: shareText(node) });
  if (sum(pod) > 0 || podSubnets.length) {
    lines.push({ label: 'From the pod subnet', subnets: or(podSubnets), total: sum(pod), parts: shareText(pod) });
  }
  return lines;
}
