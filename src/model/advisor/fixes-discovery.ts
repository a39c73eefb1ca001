/**
 * Fixes that use where the VPC CNI puts pod ENIs rather than how many it holds:
 * - a subnet from a secondary CIDR tagged `kubernetes.io/role/cni=1` in each AZ of the node subnets, for
 *   enhanced subnet discovery (VPC CNI ≥ 1.18, on by default): the pod ENIs created from then on go to
 *   whichever eligible subnet has the most free addresses. Beside custom networking it needs no ENIConfig,
 *   no max-pods change and no node replacement, but the primary ENI (the node IP and its secondaries)
 *   stays in the node subnet;
 * - an IPv6 cluster, offered only when no IPv4 fix makes the plan fit: pods take no IPv4 at all.
 * ipv6ClusterFix is tried after every other rule (ctx.rules, index.ts FIX_RULES) fails to make the plan fit.
 */
import { formatCidr, parseCidr, splitCidr, type Cidr } from '../cidr';
import {
  CGNAT,
  classifyRange,
  RANGE_198_19,
  suggestSecondaryCidr,
  VPC_MAX_PREFIX,
  VPC_MIN_PREFIX,
} from '../cidr-association';
import { cniValue } from '../cni-settings';
import type { Plan } from '../plan';
import { splitNode } from '../subnet-discovery';
import { CNI_ROLE_TAG } from '../subnet-discovery-tags';
import { DEFAULT_CIDR_QUOTA } from '../vpc-rules';
import { fmt } from '../format';
import { azLabels, clonePlan, measure, uniqueName } from './measure';
import type { AdviceContext, Cost, Draft } from './types';

/** AZs of the launch subnets of groups that start nodes and run the VPC CNI (not Auto Mode), in plan order. */
function discoveryAzs(plan: Plan): string[] {
  const byName = new Map(plan.vpc.subnets.map((s) => [s.name, s]));
  const azs = plan.nodeGroups
    .filter((g) => g.maxNodes > 0 && g.kind !== 'auto-mode')
    .flatMap((g) => g.subnets.map((n) => byName.get(n)?.az ?? ''));
  return [...new Set(azs.filter(Boolean))];
}

/**
 * One subnet per AZ of the node subnets, from a secondary CIDR (a /16 each from 100.64.0.0/10, or one /16
 * split per AZ when the CIDR quota has room for one block only), tagged kubernetes.io/role/cni=1.
 * @example the plan (one /24, 4 × m5.16xlarge, 10 pods): + 100.64.0.0/16 as pods-a; each node's warm
 *   ENI (50) goes there, its primary ENI (50) stays in the /24: fits
 */
export function taggedSubnetFix(ctx: AdviceContext): Draft | null {
  const { plan } = ctx;
  if (plan.vpc.ipFamily === 'ipv6' || plan.cni.customNetworking) return null;
  const quota = plan.vpc.cidrQuota ?? DEFAULT_CIDR_QUOTA;
  const room = quota - plan.vpc.cidrs.length;
  const azs = discoveryAzs(plan);
  if (room < 1 || azs.length === 0) return null;
  const existing = plan.vpc.cidrs.flatMap((t) => {
    const r = parseCidr(t);
    return r.ok ? [r.value] : [];
  });
  const ranges = [CGNAT, RANGE_198_19];
  const added: Cidr[] = [];
  const blocks: Cidr[] = [];
  if (room >= azs.length) {
    for (const _ of azs) {
      const c = suggestSecondaryCidr([...existing, ...added], VPC_MIN_PREFIX, ranges);
      if (!c) return null;
      added.push(c);
      blocks.push(c);
    }
  } else {
    const c = suggestSecondaryCidr(existing, VPC_MIN_PREFIX, ranges);
    const prefix = VPC_MIN_PREFIX + Math.ceil(Math.log2(azs.length));
    if (!c || prefix > VPC_MAX_PREFIX) return null;
    added.push(c);
    blocks.push(...splitCidr(c, prefix).slice(0, azs.length));
  }
  const next = clonePlan(plan);
  const wasOff = !cniValue(plan.cni, 'subnetDiscovery');
  // On is the default: the key is left out, as in a plan that never named it.
  delete next.cni.subnetDiscovery;
  next.vpc.cidrs.push(...added.map(formatCidr));
  const taken = new Set(plan.vpc.subnets.map((s) => s.name));
  const labels = azLabels(azs);
  const names: string[] = [];
  azs.forEach((az, i) => {
    const name = uniqueName(`pods-${labels.get(az)}`, taken);
    names.push(`${name} ${formatCidr(blocks[i]!)}`);
    next.vpc.subnets.push({ name, az, cidr: formatCidr(blocks[i]!), tags: { [CNI_ROLE_TAG]: '1' } });
  });
  const stay = ctx.base.evaluation.nodeGroups
    .filter((g) => g.nodes.max > 0)
    .flatMap((g) => {
      const fixed = splitNode(g.perNode, false)?.fixed;
      return fixed ? [`${g.name} ${fmt(fixed.nodeIps + fixed.eniPrimaries + fixed.podIps + fixed.warmIps)}`] : [];
    });
  const range = classifyRange(added[0]!) === 'cgnat' ? '100.64.0.0/10, RFC 6598' : '198.19.0.0/16';
  const costs: Cost[] = [
    {
      text: `non-routable pod IPs on the ENIs there (${range}): SNAT to the node's address for traffic leaving the VPC; reach those pods from outside through load balancers`,
      weight: 2,
    },
    {
      text: `${added.length} more VPC CIDR block${added.length > 1 ? 's' : ''}: ${plan.vpc.cidrs.length + added.length} of the quota of ${quota}`,
      weight: 1,
    },
    {
      text: 'no ENIConfig, no max-pods change, no node replacement: ENIs created from now on go there (running nodes keep theirs until ipamd replaces them); VPC CNI 1.18.0 or newer',
      weight: 0,
    },
    {
      text: `the primary ENI stays in the node subnet with its addresses (per node: ${stay.join(', ')}); tag the node subnets ${CNI_ROLE_TAG}=0 to move those pods too (then max pods falls as with custom networking)`,
      weight: 0,
    },
    { text: `ENIs there take the security groups tagged ${CNI_ROLE_TAG}, else the primary ENI's`, weight: 0 },
  ];
  if (wasOff)
    costs.push({ text: 'ENABLE_SUBNET_DISCOVERY=true (its default) in aws-node: a DaemonSet restart', weight: 1 });
  return {
    id: 'tagged-subnet',
    title: `Tagged subnet${azs.length > 1 ? 's' : ''} from ${added.map(formatCidr).join(', ')} (subnet discovery)`,
    summary: `Associates ${added.map(formatCidr).join(', ')} and adds ${names.join(', ')}, tagged ${CNI_ROLE_TAG}=1: subnet discovery puts each new pod ENI in whichever subnet of the node's AZ has the most free addresses. Beside custom networking: no ENIConfigs, no max-pods change, no node replacement.`,
    plan: next,
    costs,
  };
}

/**
 * An IPv6 cluster: pods take IPv6 addresses from one /80 per node and no IPv4; the node subnets keep the
 * node IPs and ENI primaries only. Offered when the plan does not fit and no IPv4 fix makes it fit.
 * @example a /26 (59 usable) with 40 m5.large nodes of 10 pods: IPv4 needs 40 × (1 + 10 + warm) whatever
 *   the settings; IPv6 needs 40
 */
export function ipv6ClusterFix(ctx: AdviceContext): Draft | null {
  const { plan, base } = ctx;
  if (plan.vpc.ipFamily === 'ipv6' || base.headroom.fitsAtMax) return null;
  for (const rule of ctx.rules) {
    if (rule === ipv6ClusterFix) continue;
    const d = rule(ctx);
    if (d && measure(d.plan, ctx.dataset)?.headroom.fitsAtMax) return null;
  }
  const next = clonePlan(plan);
  next.vpc.ipFamily = 'ipv6';
  // Custom networking is IPv4 only: the ENIConfig subnets have nothing to do.
  next.cni.customNetworking = false;
  for (const g of next.nodeGroups) delete g.podSubnets;
  const before = base.evaluation.nodeGroups
    .filter((g) => g.nodes.max > 0)
    .map((g) => `${g.name} ${fmt(g.perNode.totalIps)}`);
  return {
    id: 'ipv6-cluster',
    title: 'IPv6 cluster (pods on IPv6, one /80 per node)',
    summary: `No IPv4 fix makes this plan fit. In an IPv6 cluster pods take their addresses from one IPv6 /80 prefix per node and no IPv4 from the VPC; each node keeps its IPv4 address and one per extra ENI (IPv4 per node now: ${before.join(', ')}).`,
    plan: next,
    costs: [
      {
        text: 'a new cluster: the IP family is chosen when the cluster is created (move the workloads over)',
        weight: 3,
      },
      {
        text: "every workload, image and endpoint the pods use must work over IPv6; IPv4-only destinations are reached through the node (SNAT from 169.254.172.0/22), not from the pods' own addresses",
        weight: 2,
      },
      {
        text: 'the VPC and its subnets need IPv6 CIDRs (dual stack) and an egress-only internet gateway; VPC CNI with ENABLE_IPv6=true and prefix delegation; Linux nodes only',
        weight: 1,
      },
    ],
  };
}
