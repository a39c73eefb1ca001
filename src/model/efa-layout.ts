/**
 * The interfaces a node's launch attaches, card by card, for each EFA layout (from
 * eksctl `pkg/cfn/builder/network_interfaces.go`, Karpenter `pkg/providers/launchtemplate/launchtemplate.go`
 * ~L334-352, terraform-aws-eks v21 `modules/eks-managed-node-group/main.tf` ~L57-66, and the EC2 user guide's
 * ENA + EFA-only layout), before the VPC CNI adds anything.
 *
 * - Every interface that carries ENA has one primary IPv4 from the node's launch subnet.
 * - An EFA-only interface has no IP address, but it is an ENI attachment: on card 0 it takes one of the
 *   CNI's ENI slots (ipamd counts it as unmanaged, `hasRoomForEni`), and a card holding only an EFA-only
 *   interface is never managed by ENABLE_MULTI_NIC (`markUnmanagedNetworkCards`).
 * - EFA sits on the first N cards (N = EFA interfaces), except where a type has more cards than EFA
 *   interfaces: then card 0 is ENA only and EFA sits on cards 1..N (p6-b300.48xlarge; confidence M).
 */
import { efaCount, type InstanceType } from './instances';
import type { EfaLayout } from './plan';

/** One interface the launch attaches. `efa` carries ENA (and an IPv4); `efa-only` carries none. */
export type LaunchInterface = 'ena' | 'efa' | 'efa-only';

export interface CardLaunch {
  /** Network card index. */
  card: number;
  /** The launch's interfaces on this card; on card 0 the first is the node's primary ENI. */
  interfaces: LaunchInterface[];
}

export interface LaunchLayout {
  layout: EfaLayout;
  /** EFA interfaces the type can carry (0 where unknown: a layout other than none is then refused). */
  efa: number;
  /** Card 0 is ENA only (more cards than EFA interfaces). */
  card0EnaOnly: boolean;
  /** One entry per network card, in card order. */
  cards: CardLaunch[];
  /** Primary IPv4 addresses of launch-time interfaces beyond the node's primary ENI (node subnet). */
  extraNodeIps: number;
  /** EFA-only interfaces on card 0: each takes one of the CNI's ENI slots there. */
  efaOnlyOnCard0: number;
  /** EFA interfaces of either kind the launch attaches. */
  efaInterfaces: number;
}

/** Which cards carry EFA for a type with `cards` network cards and `efa` EFA interfaces. */
export function efaCards(cards: number, efa: number): number[] {
  const n = Math.min(efa, cards);
  if (n <= 0) return [];
  const first = cards > n ? 1 : 0;
  return Array.from({ length: n }, (_, i) => first + i);
}

/**
 * The launch-time interfaces of one node.
 * @example launchLayout(p5.48xlarge, 'efa').extraNodeIps === 31 // 32 EFA cards, card 0's EFA is the primary
 * @example launchLayout(p5.48xlarge, 'ena-efa-only').efaOnlyOnCard0 === 1 // card 0 keeps 1 slot for the CNI
 */
export function launchLayout(t: InstanceType, layout: EfaLayout = 'none'): LaunchLayout {
  const cardsCount = Math.max(1, t.networkCards);
  const efa = layout === 'none' ? 0 : Math.min(efaCount(t) ?? 0, cardsCount);
  const onEfa = new Set(efaCards(cardsCount, efa));
  const card0EnaOnly = efa > 0 && !onEfa.has(0);
  const cards: CardLaunch[] = [];
  for (let c = 0; c < cardsCount; c++) {
    const interfaces: LaunchInterface[] = [];
    const isEfa = onEfa.has(c);
    if (c === 0) {
      if (layout === 'ena-efa-only') interfaces.push('ena', ...(isEfa ? (['efa-only'] as const) : []));
      else interfaces.push(isEfa ? 'efa' : 'ena');
    } else if (isEfa) {
      interfaces.push(layout === 'efa' ? 'efa' : 'efa-only');
    }
    cards.push({ card: c, interfaces });
  }
  let extraNodeIps = 0;
  let efaInterfaces = 0;
  for (const { card, interfaces } of cards) {
    interfaces.forEach((i, k) => {
      if (i !== 'ena') efaInterfaces++;
      if (i !== 'efa-only' && !(card === 0 && k === 0)) extraNodeIps++;
    });
  }
  const efaOnlyOnCard0 = cards[0]!.interfaces.filter((i) => i === 'efa-only').length;
  return { layout, efa, card0EnaOnly, cards, extraNodeIps, efaOnlyOnCard0, efaInterfaces };
}

/** Is a card other than 0 managed by the CNI with ENABLE_MULTI_NIC? Not when it holds only an EFA-only interface. */
export function multiNicManages(card: CardLaunch): boolean {
  return !(card.interfaces.length > 0 && card.interfaces.every((i) => i === 'efa-only'));
}

/**
 * Why a layout cannot be launched on a type, or null: EFA on a type without EFA, or whose EFA count is
 * unknown (no entry in Karpenter's table).
 * @example efaLayoutProblem(m5.large, 'efa') // 'm5.large has no EFA (0 EFA interfaces); use none'
 */
export function efaLayoutProblem(t: InstanceType, layout: EfaLayout | undefined): string | null {
  if (!layout || layout === 'none') return null;
  const efa = efaCount(t);
  if (efa === null) return `the EFA count of ${t.name} is unknown (not in Karpenter's instance-types table); use none`;
  if (efa === 0) return `${t.name} has no EFA (0 EFA interfaces); use none, or an EFA type such as p5.48xlarge`;
  return null;
}
