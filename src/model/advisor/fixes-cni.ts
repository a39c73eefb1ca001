import { listSome } from './types';
/**
 * Fixes that change the VPC CNI settings: MINIMUM_IP_TARGET / WARM_IP_TARGET, MAX_ENI with a matching
 * max pods, and prefix delegation (with /28 prefix reservations where the blocks would not hold).
 * Each returns the whole changed plan; the advisor evaluates it.
 */
import { formatCidr } from '../cidr';
import { vpcCniSupportsPrefixDelegation, type InstanceType } from '../instances';
import { recommendedMaxPods } from '../max-pods';
import type { NodeGroup, Plan } from '../plan';
import { LIMITS } from '../plan-schema';
import { nodeAccounting, ADDRESSES_PER_PREFIX, type NodeAccounting } from '../warm-pool';
import { nodeInputOf } from '../placement';
import { fmt } from '../format';
import { clonePlan, warmMargin } from './measure';
import { reservePrefixBlocks } from './prefix-reservation';
import type { AdviceContext, Cost, Draft } from './types';

/** Groups that start nodes (maxNodes > 0), with their instance type. */
function activeGroups(ctx: AdviceContext): { g: NodeGroup; i: number; t: InstanceType }[] {
  return ctx.plan.nodeGroups.flatMap((g, i) =>
    g.maxNodes > 0 ? [{ g, i, t: ctx.dataset.byName.get(g.instanceType)! }] : [],
  );
}

function perNode(plan: Plan, ctx: AdviceContext, i: number): NodeAccounting {
  const g = plan.nodeGroups[i]!;
  const t = ctx.dataset.byName.get(g.instanceType)!;
  return nodeAccounting(t, plan.cni, nodeInputOf(g));
}

/** "general: 100 → 26 addresses per node" for every active group whose figure changes. */
function perNodeChanges(ctx: AdviceContext, next: Plan): string[] {
  return activeGroups(ctx).flatMap(({ g, i }) => {
    const a = ctx.base.evaluation.nodeGroups[i]!.perNode.totalIps;
    const b = perNode(next, ctx, i).totalIps;
    return a === b ? [] : [`${g.name} (${g.instanceType}): ${fmt(a)} → ${fmt(b)} addresses per node`];
  });
}

/**
 * MINIMUM_IP_TARGET a little above the most pods per node, with WARM_IP_TARGET as the margin, so that
 * each node holds pods + margin addresses instead of whole ENIs (amazon-vpc-cni-k8s @ b52188387 (v1.23.1)
 * `docs/eni-and-ip-target.md`).
 * @example Small routable VPC (m5.16xlarge, 20 pods): MIT 25, WIT 5 → max(20 + 5, 25) = 25 addresses on
 *   one ENI, 26 per node with its primary, instead of 2 ENIs × 50 = 100
 */
export function warmIpTargetsFix(ctx: AdviceContext): Draft | null {
  const active = activeGroups(ctx);
  if (active.length === 0) return null;
  const pods = Math.max(...active.map((a) => a.g.podsPerNode));
  const margin = Math.min(warmMargin(pods), LIMITS.targets);
  const mit = Math.min(pods + margin, LIMITS.targets);
  const cni = ctx.plan.cni;
  if (cni.minimumIpTarget === mit && cni.warmIpTarget === margin) return null;
  const next = clonePlan(ctx.plan);
  next.cni.minimumIpTarget = mit;
  next.cni.warmIpTarget = margin;
  const costs: Cost[] = [
    {
      text: 'aws-node restart to apply (DaemonSet env); no node replacement: ipamd frees surplus addresses within about 30 s',
      weight: 1,
    },
    {
      text: `pod churn: about 1 AssignPrivateIpAddresses per pod started beyond the ${margin} warm addresses (bucket 100, refill 5/s per account and Region), UnassignPrivateIpAddresses on scale-in (vpc-cni #730)`,
      weight: 1,
    },
  ];
  if (active.some((a) => a.g.podsPerNode < pods)) {
    costs.push({
      text: `MINIMUM_IP_TARGET is cluster-wide: groups with fewer pods per node hold ${mit} addresses too`,
      weight: 0,
    });
  }
  const pd = cni.prefixDelegation ? ' (with prefix delegation, rounded up to /28 prefixes)' : '';
  return {
    id: 'warm-ip-targets',
    title: `MINIMUM_IP_TARGET=${mit}, WARM_IP_TARGET=${margin}`,
    summary: `Each node holds max(pods + ${margin}, ${mit}) addresses${pd} instead of whole ENIs (WARM_ENI_TARGET is then ignored): ${pods} pods per node + a margin of ${margin}, max(5, 10 %). ${listSome(perNodeChanges(ctx, next), 4, '; ')}.`,
    plan: next,
    costs,
  };
}

/**
 * MAX_ENI = the ENIs the most demanding group needs for its pods + the warm margin (plus the primary ENI
 * under custom networking and the trunk ENI), with max pods from max-pods-calculator.sh with that
 * --cni-max-eni: (MAX_ENI − custom networking) × slots + 2, capped at 110/250. That equals the plain
 * MAX_ENI × slots + 2 only without custom networking; under it the plain formula admits a whole ENI of
 * pods too many. Only in WARM_ENI mode: WARM_IP_TARGET and prefix pools never hold idle ENIs.
 * @example m5.16xlarge, 20 pods: ⌈(20 + 5)/49⌉ = 1 ENI → MAX_ENI=1, --max-pods=51, 49 + 1 = 50 per node
 */
export function maxEniFix(ctx: AdviceContext): Draft | null {
  const cni = ctx.plan.cni;
  if (cni.prefixDelegation || (cni.warmIpTarget ?? 0) > 0 || (cni.minimumIpTarget ?? 0) > 0) return null;
  const active = activeGroups(ctx);
  if (active.length === 0) return null;
  const extra = cni.customNetworking ? 1 : 0;
  const need = (a: { g: NodeGroup; t: InstanceType }) =>
    Math.max(1, Math.ceil((a.g.podsPerNode + warmMargin(a.g.podsPerNode)) / (a.t.ipv4PerEni - 1))) +
    extra +
    (cni.podEni && a.t.trunk ? 1 : 0);
  const maxEni = Math.max(...active.map(need));
  const capped = active.filter((a) => a.t.enis > maxEni && ctx.base.evaluation.nodeGroups[a.i]!.perNode.enis > maxEni);
  if (capped.length === 0 || cni.maxEni === maxEni) return null;
  const next = clonePlan(ctx.plan);
  next.cni.maxEni = maxEni;
  const settings: string[] = [];
  for (const a of active) {
    if (a.t.enis <= maxEni) continue;
    const rec = recommendedMaxPods(a.t, { customNetworking: cni.customNetworking, maxEni });
    const g = next.nodeGroups[a.i]!;
    g.maxPods = g.maxPods === null ? rec : Math.min(g.maxPods, rec);
    settings.push(`${g.name} --max-pods=${g.maxPods}`);
  }
  const slots = capped[0]!.t.ipv4PerEni - 1;
  const density = listSome(capped.map((a) => `${a.g.name} ${perNode(next, ctx, a.i).effectiveMaxPods}`));
  return {
    id: 'max-eni',
    title: `MAX_ENI=${maxEni} with ${listSome(settings)}`,
    summary: `Caps every node at ${maxEni} ENI${maxEni > 1 ? 's' : ''} (the ENIs the pods + a warm margin need) and sets max pods to max-pods-calculator.sh --cni-max-eni ${maxEni}: ${extra ? `(${maxEni} − 1)` : maxEni} × ${slots} + 2${cni.customNetworking ? ', not the plain MAX_ENI × slots + 2, which would admit a whole ENI of pods too many under custom networking' : ', the same as MAX_ENI × slots + 2 here'}. ${listSome(perNodeChanges(ctx, next), 4, '; ')}.`,
    plan: next,
    costs: [
      {
        text: `MAX_ENI=${maxEni} is cluster-wide (aws-node env): every node has at most ${maxEni} ENI${maxEni > 1 ? 's' : ''}`,
        weight: 1,
      },
      {
        text: `max pods must match: ${listSome(settings)} (bootstrap --use-max-pods false --kubelet-extra-args, or Karpenter kubelet.maxPods); node replacement needed`,
        weight: 3,
      },
      { text: `density capped at ${density} pods per node: more pods need more nodes`, weight: 1 },
    ],
  };
}

/**
 * Prefix delegation: /28 prefixes (16 addresses) per ENI slot, max pods raised to the calculator's value
 * with prefix delegation on each Nitro group, and a prefix reservation on subnets whose free /28 blocks
 * would not hold the prefixes. Not offered when no group is Nitro or none would hold fewer addresses.
 * @example m5.16xlarge, 20 pods, WARM_PREFIX_TARGET=1: ⌈20/16⌉ + 1 = 3 prefixes = 48 + 1 ENI = 49 per node
 *   (was 100); max pods 250 (15 × 49 × 16 + 2 = 11,762, capped)
 */
export function prefixDelegationFix(ctx: AdviceContext): Draft | null {
  const cni = ctx.plan.cni;
  if (cni.prefixDelegation) return null;
  const next = clonePlan(ctx.plan);
  next.cni.prefixDelegation = true;
  // WPT=0 with no WIT/MIT "is not supported" (docs/prefix-and-ip-target.md).
  if (next.cni.warmPrefixTarget === 0 && !(cni.warmIpTarget ?? 0) && !(cni.minimumIpTarget ?? 0))
    next.cni.warmPrefixTarget = 1;
  const active = activeGroups(ctx);
  const nonNitro = active.filter((a) => !vpcCniSupportsPrefixDelegation(a.t));
  const maxPods: string[] = [];
  for (const a of active) {
    if (!vpcCniSupportsPrefixDelegation(a.t)) continue;
    const rec = recommendedMaxPods(a.t, {
      prefixDelegation: true,
      customNetworking: cni.customNetworking,
      maxEni: cni.maxEni,
    });
    next.nodeGroups[a.i]!.maxPods = rec;
    maxPods.push(`${a.g.name} --max-pods=${rec}`);
  }
  const gains = active.filter((a) => {
    if (!vpcCniSupportsPrefixDelegation(a.t)) return false;
    const before = ctx.base.evaluation.nodeGroups[a.i]!.perNode;
    const after = perNode(next, ctx, a.i);
    return after.totalIps < before.totalIps || after.podsWithoutIp < before.podsWithoutIp;
  });
  if (gains.length === 0) return null;
  const reserved = reservePrefixBlocks(next, ctx.dataset, ctx.headroomPct);
  const costs: Cost[] = [
    {
      text: `node replacement needed: ipamd switches to prefixes on new ENIs; max pods must rise: ${listSome(maxPods)}`,
      weight: 3,
    },
  ];
  if (reserved.length) {
    costs.push({
      text: `subnet CIDR reservations of type prefix: ${listSome(reserved.map((r) => `${r.subnet} ${formatCidr(r.cidr)}`))} (CreateSubnetCidrReservation)`,
      weight: 1,
    });
  }
  costs.push({
    text: 'prefixes need free aligned /28 blocks: scattered single addresses cause InsufficientCidrBlocks although addresses remain',
    weight: 1,
  });
  if (nonNitro.length) {
    costs.push({
      text: `${listSome(nonNitro.map((a) => `${a.g.name} (${a.g.instanceType})`))}: not Nitro, silently stays on secondary IPs`,
      weight: 1,
    });
  }
  const wpt =
    next.cni.warmIpTarget || next.cni.minimumIpTarget
      ? 'the WARM_IP_TARGET / MINIMUM_IP_TARGET rounded up to prefixes'
      : `WARM_PREFIX_TARGET=${next.cni.warmPrefixTarget} (${ADDRESSES_PER_PREFIX * next.cni.warmPrefixTarget} warm addresses)`;
  const res = reserved.length
    ? ` Prefix reservations: ${listSome(reserved.map((r) => `${r.subnet} ${formatCidr(r.cidr)}${r.fits ? '' : ' (best effort: still short of /28 blocks)'}`))}.`
    : '';
  return {
    id: 'prefix-delegation',
    title: 'Prefix delegation (ENABLE_PREFIX_DELEGATION=true)',
    summary: `Nodes take /28 prefixes of ${ADDRESSES_PER_PREFIX} addresses per ENI slot with ${wpt}; ${listSome(maxPods)} (max-pods-calculator.sh with prefix delegation). ${listSome(perNodeChanges(ctx, next), 4, '; ')}.${res}`,
    plan: next,
    costs,
  };
}
