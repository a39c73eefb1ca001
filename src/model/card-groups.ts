/**
 * A node's network cards as the explanation shows them (warm-pool.ts NodeAccounting.cards): per card, the
 * interfaces attached, the addresses taken from each subnet and held for pods, cards that look alike in one
 * row. nodeAccounting works the figures out; this only lays them out by card.
 */
import type { LaunchInterface } from './efa-layout';

/** Network cards that look alike on this node, grouped ("cards 1–31: EFA, 1 ENI, 1 address each"). */
export interface CardGroup {
  /** Card indexes, ascending. */
  cards: number[];
  /** Interfaces the launch attaches on each of these cards. */
  launch: LaunchInterface[];
  /** Managed by the VPC CNI (card 0 always; others with ENABLE_MULTI_NIC unless EFA-only alone). */
  managed: boolean;
  /** Per card: interfaces attached in all (EFA-only and trunk included). */
  enis: number;
  /** Per card: addresses from the node's launch subnet. */
  nodeSubnetIps: number;
  /** Per card: addresses from the pod subnet (custom networking). */
  podSubnetIps: number;
  /** Per card: pod addresses held (secondary IPs or 16 per prefix). */
  ips: number;
}

/** What nodeAccounting works out for one other card the VPC CNI manages (ENABLE_MULTI_NIC). */
export interface ExtraCard {
  card: { card: number; interfaces: LaunchInterface[] };
  units: number;
  launchEni: number;
  newEnis: number;
  onLaunch: number;
  onNew: number;
}

/**
 * Per-card figures, cards that look alike grouped (a p5.48xlarge's 31 other cards read as one line).
 * `where`: the node's addresses in the launch and pod subnets, all cards together (card 0 gets what the
 * other cards do not take); `extra`: the other cards the VPC CNI manages, and what each holds.
 */
export function cardGroups(
  cards: { card: number; interfaces: LaunchInterface[] }[],
  card0Attached: number,
  where: { nodeSubnetIps: number; podSubnetIps: number; cn: boolean },
  extra: ExtraCard[],
  unit: number,
  card0Ips: number,
): CardGroup[] {
  const byCard = new Map(extra.map((x) => [x.card.card, x]));
  const extraNode = (x: ExtraCard | undefined) =>
    x ? x.onLaunch * unit + (where.cn ? 0 : x.onNew * unit + x.newEnis) : 0;
  const extraPod = (x: ExtraCard | undefined) => (x && where.cn ? x.onNew * unit + x.newEnis : 0);
  const extraNodeTotal = extra.reduce((a, x) => a + extraNode(x), 0);
  const extraPodTotal = extra.reduce((a, x) => a + extraPod(x), 0);
  const launchIps = (c: { card: number; interfaces: LaunchInterface[] }) =>
    c.interfaces.filter((i, k) => i !== 'efa-only' && !(c.card === 0 && k === 0)).length;
  const otherLaunchIps = cards.slice(1).reduce((a, c) => a + launchIps(c), 0);
  const rows: CardGroup[] = cards.map((c) => {
    const x = byCard.get(c.card);
    if (c.card === 0) {
      return {
        cards: [0],
        launch: c.interfaces,
        managed: true,
        enis: card0Attached,
        nodeSubnetIps: where.nodeSubnetIps - extraNodeTotal - otherLaunchIps,
        podSubnetIps: where.podSubnetIps - extraPodTotal,
        ips: card0Ips,
      };
    }
    return {
      cards: [c.card],
      launch: c.interfaces,
      managed: x !== undefined,
      enis: c.interfaces.length + (x ? x.newEnis : 0),
      nodeSubnetIps: launchIps(c) + extraNode(x),
      podSubnetIps: extraPod(x),
      ips: x ? x.units * unit : 0,
    };
  });
  const groups: CardGroup[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    const alike =
      last &&
      last.cards[0] !== 0 &&
      r.cards[0] !== 0 &&
      last.managed === r.managed &&
      last.enis === r.enis &&
      last.nodeSubnetIps === r.nodeSubnetIps &&
      last.podSubnetIps === r.podSubnetIps &&
      last.ips === r.ips &&
      last.launch.join() === r.launch.join();
    if (alike) last.cards.push(r.cards[0]!);
    else groups.push({ ...r, cards: [...r.cards] });
  }
  return groups;
}
