import { listSome } from './types';
/**
 * Fixes that change the VPC: secondary CIDRs from 100.64.0.0/10 (or 198.19.0.0/16) for pods with custom
 * networking, and larger subnets carved from free space in the VPC CIDRs.
 */
import { containsCidr, formatCidr, nextFreeBlock, parseCidr, splitCidr, usableAddresses, type Cidr } from '../cidr';
import {
  CGNAT,
  RANGE_198_19,
  classifyRange,
  suggestSecondaryCidr,
  VPC_MAX_PREFIX,
  VPC_MIN_PREFIX,
} from '../cidr-association';
import { vpcCniSupportsPrefixDelegation } from '../instances';
import { recommendedMaxPods } from '../max-pods';
import type { Plan } from '../plan';
import { placeGroups } from '../placement';
import { subnetStatics, Usage, usageFor } from '../subnet-usage';
import { DEFAULT_CIDR_QUOTA } from '../vpc-rules';
import { fmt } from '../format';
import { azLabels, clonePlan, uniqueName } from './measure';
import { reservationIn, subnetSizeFor } from './prefix-reservation';
import type { AdviceContext, Cost, Draft } from './types';

const parsed = (texts: readonly string[]): Cidr[] =>
  texts.flatMap((t) => {
    const r = parseCidr(t);
    return r.ok ? [r.value] : [];
  });

/** AZs of the launch subnets of groups that start nodes, in plan order. */
function nodeAzs(plan: Plan): string[] {
  const byName = new Map(plan.vpc.subnets.map((s) => [s.name, s]));
  const azs = plan.nodeGroups
    .filter((g) => g.maxNodes > 0)
    .flatMap((g) => g.subnets.map((n) => byName.get(n)?.az ?? ''));
  return [...new Set(azs.filter(Boolean))];
}

/**
 * Pods move to non-routable secondary CIDRs under custom networking: one /16 per AZ when the CIDR quota
 * has room (the seed's 100.64.0.0/16, 100.65.0.0/16, 100.66.0.0/16), else one /16 split per AZ. Each
 * group gets the pod subnets of its AZs and the calculator's max pods with custom networking.
 * @example Small routable VPC: 10.0.0.0/22 + 100.64–66.0.0/16; nodes take 1 address each from the /24s,
 *   pods 100 each from pods-a/b/c; m5.16xlarge max pods 14 × 49 + 2 = 688 → 250
 */
export function secondaryCidrFix(ctx: AdviceContext): Draft | null {
  const { plan } = ctx;
  if (plan.cni.customNetworking) return null;
  const quota = plan.vpc.cidrQuota ?? DEFAULT_CIDR_QUOTA;
  const room = quota - plan.vpc.cidrs.length;
  const azs = nodeAzs(plan);
  if (room < 1 || azs.length === 0) return null;
  const existing = parsed(plan.vpc.cidrs);
  const ranges = [CGNAT, RANGE_198_19];
  const added: Cidr[] = [];
  const podBlocks: Cidr[] = [];
  if (room >= azs.length) {
    for (const _ of azs) {
      const c = suggestSecondaryCidr([...existing, ...added], VPC_MIN_PREFIX, ranges);
      if (!c) return null;
      added.push(c);
      podBlocks.push(c);
    }
  } else {
    const c = suggestSecondaryCidr(existing, VPC_MIN_PREFIX, ranges);
    if (!c) return null;
    added.push(c);
    const prefix = VPC_MIN_PREFIX + Math.ceil(Math.log2(azs.length));
    if (prefix > VPC_MAX_PREFIX) return null;
    podBlocks.push(...splitCidr(c, prefix).slice(0, azs.length));
  }
  const next = clonePlan(plan);
  next.cni.customNetworking = true;
  next.vpc.cidrs.push(...added.map(formatCidr));
  const taken = new Set(plan.vpc.subnets.map((s) => s.name));
  const labels = azLabels(azs);
  const podName = new Map<string, string>();
  azs.forEach((az, i) => {
    const name = uniqueName(`pods-${labels.get(az)}`, taken);
    podName.set(az, name);
    next.vpc.subnets.push({ name, az, cidr: formatCidr(podBlocks[i]!) });
  });
  const byName = new Map(plan.vpc.subnets.map((s) => [s.name, s]));
  const maxPods: string[] = [];
  next.nodeGroups.forEach((g) => {
    const t = ctx.dataset.byName.get(g.instanceType)!;
    const gAzs = [...new Set(g.subnets.map((n) => byName.get(n)!.az))];
    g.podSubnets = gAzs.flatMap((az) => (podName.has(az) ? [podName.get(az)!] : []));
    if (g.maxNodes === 0) return;
    const rec = recommendedMaxPods(t, {
      customNetworking: true,
      prefixDelegation: plan.cni.prefixDelegation && vpcCniSupportsPrefixDelegation(t),
      maxEni: plan.cni.maxEni,
    });
    g.maxPods = g.maxPods === null ? rec : Math.min(g.maxPods, rec);
    maxPods.push(`${g.name} --max-pods=${g.maxPods}`);
  });
  const range = classifyRange(added[0]!) === 'cgnat' ? '100.64.0.0/10, RFC 6598' : '198.19.0.0/16';
  const costs: Cost[] = [
    {
      text: `non-routable pod IPs (${range}): SNAT to the node's address for egress beyond the VPC; reach pods from outside through load balancers`,
      weight: 2,
    },
    { text: 'node replacement needed: existing nodes keep their pod ENIs in the node subnets', weight: 3 },
    {
      text: `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true and one ENIConfig per AZ (ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone); max pods lower, the primary ENI carries no pods: ${listSome(maxPods)}`,
      weight: 1,
    },
    {
      text: `${added.length} more VPC CIDR block${added.length > 1 ? 's' : ''}: ${plan.vpc.cidrs.length + added.length} of the quota of ${quota}; a new CIDR can take up to 1 h to reach the EKS control plane`,
      weight: 1,
    },
  ];
  const blocks = podBlocks.map((b, i) => `${podName.get(azs[i]!)} ${formatCidr(b)}`).join(', ');
  return {
    id: 'secondary-cidr',
    title: `Secondary CIDR${added.length > 1 ? 's' : ''} ${added.map(formatCidr).join(', ')} with custom networking`,
    summary: `Associates ${added.map(formatCidr).join(', ')} (allowed next to ${plan.vpc.cidrs.join(', ')}) and puts pod ENIs in ${blocks}; nodes keep only their own address in the node subnets. ${listSome(maxPods)} (max-pods-calculator.sh with custom networking).`,
    plan: next,
    costs,
  };
}

/**
 * Each subnet that runs out at max is replaced by the smallest block that holds max × (1 + headroom),
 * carved from free space in the VPC CIDRs (its own CIDR first), name and AZ kept, with a prefix
 * reservation when its /28 blocks need one. A subnet cannot be resized in AWS, so the new block never
 * overlaps the old one: both exist while nodes move.
 * @example three full /24s of 10.0.0.0/16, each needing 4 × 100 + 8 = 408 addresses at max + 20 %:
 *   nodes-a → 10.0.4.0/23, nodes-b → 10.0.6.0/23, nodes-c → 10.0.8.0/23 (507 usable each)
 */
export function biggerSubnetsFix(ctx: AdviceContext): Draft | null {
  const { plan, base } = ctx;
  const exhausted = base.evaluation.subnets.flatMap((s, i) => (s.fitsAtMax ? [] : [i]));
  if (exhausted.length === 0) return null;
  const placed = placeGroups(plan, ctx.dataset);
  const st = subnetStatics(plan);
  const counts = plan.nodeGroups.map((g) => Math.ceil(g.maxNodes * (1 + ctx.headroomPct / 100) - 1e-9));
  const u = usageFor(placed, counts, new Usage(st.length));
  const vpcCidrs = parsed(plan.vpc.cidrs);
  const taken = parsed(plan.vpc.subnets.map((s) => s.cidr));
  const wants = exhausted.map((i) => ({
    i,
    size: subnetSizeFor(u.used(i, st[i]!), { singles: u.singles[i]! + st[i]!.reserved, prefixes: u.prefixes[i]! }),
  }));
  wants.sort((a, b) => (a.size?.prefix ?? 99) - (b.size?.prefix ?? 99));
  const next = clonePlan(plan);
  const moved: string[] = [];
  const stuck: string[] = [];
  const costs: Cost[] = [];
  for (const { i, size } of wants) {
    const s = next.vpc.subnets[i]!;
    const old = parseCidr(s.cidr);
    const prefix = size?.prefix ?? 0;
    if (!size || !old.ok) {
      stuck.push(`${s.name} (needs more than a /16)`);
      continue;
    }
    if (prefix >= old.value.prefix) {
      stuck.push(`${s.name} (its size is enough with a prefix reservation)`);
      continue;
    }
    const home = vpcCidrs.findIndex((v) => containsCidr(v, old.value));
    const order = [...vpcCidrs.keys()].sort((a, b) => (a === home ? -1 : b === home ? 1 : a - b));
    const where = order.map((v) => ({ v, block: nextFreeBlock(vpcCidrs[v]!, taken, prefix) })).find((x) => x.block);
    if (!where?.block) {
      stuck.push(`${s.name} (no free /${prefix})`);
      continue;
    }
    taken.push(where.block);
    moved.push(`${s.name} ${s.cidr} → ${formatCidr(where.block)} (${fmt(usableAddresses(where.block))} usable)`);
    if (where.v !== home)
      costs.push({
        text: `${s.name} moves to ${plan.vpc.cidrs[where.v]}, another VPC CIDR (routing and security rules must cover it)`,
        weight: 1,
      });
    s.cidr = formatCidr(where.block);
    const reservation = reservationIn(where.block, size);
    if (reservation) s.prefixReservation = reservation;
    else delete s.prefixReservation;
  }
  if (moved.length === 0) return null;
  costs.unshift({
    text: 'a subnet cannot be resized: create the new subnets, move the nodes (node replacement), then delete the old ones',
    weight: 3,
  });
  return {
    id: 'bigger-subnets',
    title: `Larger subnets: ${moved.map((m) => m.split(' ')[0]).join(', ')}`,
    summary: `Replaces each subnet that runs out by the smallest block that holds max nodes + ${ctx.headroomPct} %: ${moved.join('; ')}.${stuck.length ? ` Not possible for ${stuck.join(', ')}.` : ''}`,
    plan: next,
    costs,
  };
}
