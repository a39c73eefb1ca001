/**
 * "Size my VPC": a whole layout from node groups and AZs. One node subnet per AZ (all groups spread over
 * them), one /27 cluster subnet per AZ for the EKS control-plane ENIs, and, when pods go to secondary
 * CIDRs under custom networking, one pod subnet per AZ from 100.64.0.0/10. Every subnet is the smallest
 * /16–/28 that holds its share of max × (1 + headroom) nodes, /28 blocks included with prefix delegation.
 */
import { containsCidr, formatCidr, parseCidr, type Cidr } from '../cidr';
import { CGNAT, RANGE_198_19, RFC1918_10, RFC1918_172, RFC1918_192 } from '../cidr-association';
import { evaluate } from '../evaluate';
import { vpcCniSupportsPrefixDelegation, type InstanceDataset } from '../instances';
import { recommendedMaxPods } from '../max-pods';
import { DEFAULT_CNI, type CniSettings, type NodeGroup, type Plan } from '../plan';
import { placeGroups, type Contribution } from '../placement';
import { validatePlan } from '../validate-plan';
import { DEFAULT_CIDR_QUOTA } from '../vpc-rules';
import { azLabels } from './measure';
import { placeSubnets, type SubnetRequest } from './pack';
import { reservationIn, subnetSizeFor, type SubnetSize } from './prefix-reservation';
import { fmt, percent } from '../format';

export interface SizeVpcGroup {
  name: string;
  instanceType: string;
  minNodes?: number;
  desiredNodes?: number;
  maxNodes: number;
  podsPerNode: number;
  branchPodsPerNode?: number;
  /** kubelet max pods; null/undefined: the calculator's value where the CNI settings need one, else the AMI's default. */
  maxPods?: number | null;
}

export interface SizeVpcInput {
  name?: string;
  nodeGroups: SizeVpcGroup[];
  azs: string[];
  /** Growth above maxNodes every subnet must hold, in percent (default 20). */
  headroomPct?: number;
  cni?: Partial<CniSettings>;
  /** 'auto' (default): pods in the node subnets unless that needs a primary CIDR larger than maxRoutablePrefix. */
  podNetwork?: 'auto' | 'routable' | 'secondary';
  /** The largest routable primary CIDR 'auto' accepts before moving pods to 100.64.0.0/10 (default 20, a /20). */
  maxRoutablePrefix?: number;
  /** Network address of the primary CIDR (default 10.0.0.0). */
  primaryBase?: string;
  /** reservedIps of each node subnet: load balancers, endpoints (default 8). */
  reservedIpsPerNodeSubnet?: number;
  /** A /27 per AZ for the EKS control-plane ENIs (default true). */
  clusterSubnets?: boolean;
  cidrQuota?: number;
}

export type SizeVpcResult = { ok: true; plan: Plan; notes: string[] } | { ok: false; error: string };

/** EKS control-plane ENIs: 2–4, up to 8 during upgrades; a /27 keeps 23 free with 4 reserved (≥ 16 recommended). */
const CLUSTER_PREFIX = 27;
const CLUSTER_RESERVED = 4;

const sumAddresses = (c: Contribution) => c.nodeIps + c.eniPrimaries + c.podIps + c.warmIps;

/**
 * Proposes a plan that fits max nodes with the headroom, within AWS's rules (/16–/28, association rules,
 * the CIDR quota); validated and evaluated before it is returned.
 * @example sizeVpc({ azs: ['us-east-1a','us-east-1b','us-east-1c'], headroomPct: 20, nodeGroups: [{ name: 'general',
 *   instanceType: 'm5.16xlarge', maxNodes: 9, podsPerNode: 20 }] }, dataset)
 *   // 10.0.0.0/21: nodes-a/b/c /23 (4 nodes × 100 + 8 = 408 ≤ 507), cluster-a/b/c /27
 */
export function sizeVpc(input: SizeVpcInput, dataset: InstanceDataset): SizeVpcResult {
  const azs = input.azs;
  if (azs.length === 0) return { ok: false, error: 'azs: give at least one Availability Zone (EKS needs two)' };
  if (new Set(azs).size !== azs.length) return { ok: false, error: 'azs: each Availability Zone once' };
  const unknown = input.nodeGroups.findIndex((g) => !dataset.byName.has(g.instanceType));
  if (unknown >= 0)
    return {
      ok: false,
      error: `nodeGroups[${unknown}].instanceType: unknown instance type "${input.nodeGroups[unknown]!.instanceType}"`,
    };
  const cni: CniSettings = { ...DEFAULT_CNI, ...input.cni };
  const primaryBase = input.primaryBase ?? '10.0.0.0';
  const probe = parseCidr(`${primaryBase}/32`);
  if (!probe.ok) return { ok: false, error: `primaryBase: ${probe.error}` };
  // Further routable blocks come from the primary's RFC 1918 range, else from the /16 around it.
  const primaryRange = [RFC1918_10, RFC1918_172, RFC1918_192].find((r) => containsCidr(r, probe.value)) ?? {
    base: probe.value.base - (probe.value.base % 2 ** 16),
    prefix: 16,
  };
  const mode = input.podNetwork ?? 'auto';
  const notes: string[] = [];
  let result: SizeVpcResult | null = null;
  if (mode !== 'secondary') {
    result = build(input, dataset, { ...cni, customNetworking: false }, primaryBase, primaryRange);
    const primary = result.ok ? parseCidr(result.plan.vpc.cidrs[0]!) : null;
    const tooBig = !result.ok || (primary?.ok && primary.value.prefix < (input.maxRoutablePrefix ?? 20));
    if (mode === 'auto' && tooBig) {
      const cn = build(input, dataset, { ...cni, customNetworking: true }, primaryBase, primaryRange);
      if (cn.ok && (!result.ok || strands(cn.plan, dataset) <= strands(result.plan, dataset))) {
        notes.push(
          result.ok
            ? `pods in routable subnets would need ${result.plan.vpc.cidrs[0]}; they go to ${cn.plan.vpc.cidrs.slice(1).join(', ')} with custom networking`
            : `pods in routable subnets do not fit (${result.error}); they go to secondary CIDRs with custom networking`,
        );
        result = cn;
      }
    }
  } else {
    result = build(input, dataset, { ...cni, customNetworking: true }, primaryBase, primaryRange);
  }
  if (!result.ok) return result;
  if (azs.length < 2) notes.push('EKS needs cluster subnets in at least two AZs');
  return { ok: true, plan: result.plan, notes: [...notes, ...result.notes] };
}

/** Pods per node without an address, over all groups at max (a layout must not strand more). */
function strands(plan: Plan, dataset: InstanceDataset): number {
  return placeGroups(plan, dataset).reduce((s, g, i) => s + g.perNode.podsWithoutIp * plan.nodeGroups[i]!.maxNodes, 0);
}

function groupMaxPods(g: SizeVpcGroup, cni: CniSettings, dataset: InstanceDataset): number | null {
  if (g.maxPods !== undefined && g.maxPods !== null) return g.maxPods;
  const t = dataset.byName.get(g.instanceType)!;
  const pd = cni.prefixDelegation && vpcCniSupportsPrefixDelegation(t);
  if (!cni.customNetworking && !pd && cni.maxEni === null) return null;
  return recommendedMaxPods(t, { customNetworking: cni.customNetworking, prefixDelegation: pd, maxEni: cni.maxEni });
}

function build(
  input: SizeVpcInput,
  dataset: InstanceDataset,
  cni: CniSettings,
  primaryBase: string,
  primaryRange: Cidr,
): SizeVpcResult {
  const azs = input.azs;
  const labels = azLabels(azs);
  const cn = cni.customNetworking;
  const name = (role: string, az: string) => `${role}-${labels.get(az)}`;
  const reserved = input.reservedIpsPerNodeSubnet ?? 8;
  const withCluster = input.clusterSubnets ?? true;
  const nodeGroups: NodeGroup[] = input.nodeGroups.map((g) => {
    const max = Math.max(0, Math.floor(g.maxNodes));
    const min = Math.min(max, Math.max(0, Math.floor(g.minNodes ?? 0)));
    const desired = Math.min(max, Math.max(min, Math.floor(g.desiredNodes ?? min)));
    return {
      name: g.name,
      instanceType: g.instanceType,
      subnets: azs.map((az) => name('nodes', az)),
      ...(cn ? { podSubnets: azs.map((az) => name('pods', az)) } : {}),
      minNodes: min,
      desiredNodes: desired,
      maxNodes: max,
      podsPerNode: g.podsPerNode,
      ...(g.branchPodsPerNode ? { branchPodsPerNode: g.branchPodsPerNode } : {}),
      maxPods: groupMaxPods(g, { ...cni }, dataset),
    };
  });
  const skeleton: Plan = {
    version: 1,
    name: input.name ?? 'Sized VPC',
    cni,
    vpc: {
      cidrs: [],
      subnets: azs.flatMap((az) => [
        { name: name('nodes', az), az, cidr: '' },
        ...(cn ? [{ name: name('pods', az), az, cidr: '' }] : []),
      ]),
    },
    nodeGroups,
  };
  // Node i of a group goes to subnet i mod k: the first AZ gets ⌈n/k⌉, and every AZ is sized for that.
  const h = 1 + Math.max(0, input.headroomPct ?? 20) / 100;
  const placed = placeGroups(skeleton, dataset);
  const perAz = (pick: (p: (typeof placed)[number]) => Contribution, base: number) => {
    let used = base;
    let singles = base;
    let prefixes = 0;
    placed.forEach((p, i) => {
      const n = Math.ceil(Math.ceil(nodeGroups[i]!.maxNodes * h - 1e-9) / azs.length);
      const c = pick(p);
      used += n * sumAddresses(c);
      singles += n * c.singles;
      prefixes += n * c.prefixes;
    });
    return subnetSizeFor(used, { singles, prefixes });
  };
  const nodeSize = perAz((p) => p.onNodeSubnet, reserved);
  if (nodeSize === null)
    return {
      ok: false,
      error: `each node subnet would need more than a /16 (65,531 addresses)${cn ? '' : ': use custom networking'}`,
    };
  const podSize: SubnetSize | null = cn ? perAz((p) => p.onPodSubnet, 0) : null;
  if (cn && podSize === null)
    return {
      ok: false,
      error:
        'each pod subnet would need more than a /16 (65,531 addresses): add AZs, lower the warm pool or use prefix delegation',
    };
  const routable: SubnetRequest[] = azs.flatMap((az) => [
    { key: name('nodes', az), prefix: nodeSize.prefix },
    ...(withCluster ? [{ key: name('cluster', az), prefix: CLUSTER_PREFIX }] : []),
  ]);
  const pods: SubnetRequest[] = cn ? azs.map((az) => ({ key: name('pods', az), prefix: podSize!.prefix })) : [];
  const quota = input.cidrQuota ?? DEFAULT_CIDR_QUOTA;
  const placedBlocks = placeSubnets(routable, pods, primaryBase, primaryRange, [CGNAT, RANGE_198_19], quota);
  if (!placedBlocks.ok) return placedBlocks;
  const fmtBlock = (key: string) => formatCidr(placedBlocks.blocks.get(key)!);
  const reservation = (key: string, size: SubnetSize) => {
    const r = reservationIn(placedBlocks.blocks.get(key)!, size);
    return r ? { prefixReservation: r } : {};
  };
  const plan: Plan = {
    ...skeleton,
    vpc: {
      cidrs: placedBlocks.cidrs.map(formatCidr),
      subnets: [
        ...azs.map((az) => ({
          name: name('nodes', az),
          az,
          cidr: fmtBlock(name('nodes', az)),
          reservedIps: reserved,
          ...reservation(name('nodes', az), nodeSize),
        })),
        ...(withCluster
          ? azs.map((az) => ({
              name: name('cluster', az),
              az,
              cidr: fmtBlock(name('cluster', az)),
              reservedIps: CLUSTER_RESERVED,
            }))
          : []),
        ...(cn
          ? azs.map((az) => ({
              name: name('pods', az),
              az,
              cidr: fmtBlock(name('pods', az)),
              ...reservation(name('pods', az), podSize!),
            }))
          : []),
      ],
      ...(quota !== DEFAULT_CIDR_QUOTA ? { cidrQuota: quota } : {}),
    },
  };
  const v = validatePlan(plan, dataset);
  if (!v.ok)
    return {
      ok: false,
      error: `internal: the layout does not validate: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    };
  const e = evaluate(v.plan, dataset, v.warnings);
  if (!e.fits)
    return {
      ok: false,
      error: `internal: the layout does not fit: ${e.warnings
        .filter((w) => w.severity === 'error')
        .map((w) => w.message)
        .join('; ')}`,
    };
  const total = plan.vpc.subnets.reduce(
    (s, x) => s + (parseCidr(x.cidr).ok ? 2 ** (32 - Number(x.cidr.split('/')[1])) : 0),
    0,
  );
  return {
    ok: true,
    plan: v.plan,
    notes: [
      `${plan.vpc.subnets.length} subnets, ${fmt(total)} addresses; node subnets /${nodeSize.prefix}${cn ? `, pod subnets /${podSize!.prefix}` : ''}, sized for max + ${percent(h - 1, { spaced: true })}`,
    ],
  };
}
