/**
 * The draft: the plan as the user typed it. Number and CIDR fields keep their raw text, so "10.0.0."
 * or "1,0" survive until the user fixes them; `draftToJson` turns the draft into plan-shaped JSON for
 * validatePlan, whose issue paths ("nodeGroups[0].maxNodes") index the draft's lists one to one.
 */
import type { CniSettings, NodeGroup, Plan, Subnet } from '../model/plan';

export interface DraftSubnet {
  /** Stable React key; not part of the plan. */
  key: string;
  name: string;
  az: string;
  cidr: string;
  reservedIps: string;
  prefixReservation: string;
}

export interface DraftGroup {
  key: string;
  name: string;
  instanceType: string;
  subnets: string[];
  podSubnets: string[];
  minNodes: string;
  desiredNodes: string;
  maxNodes: string;
  podsPerNode: string;
  /** '' = not set. */
  branchPodsPerNode: string;
  /** '' = the AMI's default. */
  maxPods: string;
}

export interface DraftCni {
  warmEniTarget: string;
  warmIpTarget: string;
  minimumIpTarget: string;
  warmPrefixTarget: string;
  maxEni: string;
  prefixDelegation: boolean;
  customNetworking: boolean;
  podEni: boolean;
}

export interface Draft {
  /** Stable id of the scenario this draft is (tab keys, the last valid result per scenario); not part of the plan. */
  key: string;
  name: string;
  cidrs: string[];
  cidrQuota: number | null;
  subnets: DraftSubnet[];
  cni: DraftCni;
  nodeGroups: DraftGroup[];
}

export type CniTextField = 'warmEniTarget' | 'warmIpTarget' | 'minimumIpTarget' | 'warmPrefixTarget' | 'maxEni';
export type CniFlag = 'prefixDelegation' | 'customNetworking' | 'podEni';
export type GroupTextField = 'name' | 'instanceType' | 'minNodes' | 'desiredNodes' | 'maxNodes' | 'podsPerNode' | 'branchPodsPerNode' | 'maxPods';
export type SubnetTextField = 'name' | 'az' | 'cidr' | 'reservedIps' | 'prefixReservation';

let counter = 0;
/** A key unique within this page. */
export const newKey = (prefix: string) => `${prefix}${++counter}`;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function subnetToDraft(s: Subnet): DraftSubnet {
  return {
    key: newKey('s'),
    name: s.name,
    az: s.az,
    cidr: s.cidr,
    reservedIps: text(s.reservedIps),
    prefixReservation: s.prefixReservation ?? '',
  };
}

export function groupToDraft(g: NodeGroup): DraftGroup {
  return {
    key: newKey('g'),
    name: g.name,
    instanceType: g.instanceType,
    subnets: [...g.subnets],
    podSubnets: [...(g.podSubnets ?? [])],
    minNodes: text(g.minNodes),
    desiredNodes: text(g.desiredNodes),
    maxNodes: text(g.maxNodes),
    podsPerNode: text(g.podsPerNode),
    branchPodsPerNode: text(g.branchPodsPerNode),
    maxPods: text(g.maxPods),
  };
}

export function cniToDraft(c: CniSettings): DraftCni {
  return {
    warmEniTarget: text(c.warmEniTarget),
    warmIpTarget: text(c.warmIpTarget),
    minimumIpTarget: text(c.minimumIpTarget),
    warmPrefixTarget: text(c.warmPrefixTarget),
    maxEni: text(c.maxEni),
    prefixDelegation: c.prefixDelegation,
    customNetworking: c.customNetworking,
    podEni: c.podEni,
  };
}

export function planToDraft(plan: Plan): Draft {
  return {
    key: newKey('p'),
    name: plan.name,
    cidrs: [...plan.vpc.cidrs],
    cidrQuota: plan.vpc.cidrQuota ?? null,
    subnets: plan.vpc.subnets.map(subnetToDraft),
    cni: cniToDraft(plan.cni),
    nodeGroups: plan.nodeGroups.map(groupToDraft),
  };
}

/**
 * Raw text → the number it says, or the text itself so the schema names what is wrong with it.
 * Thousands separators and spaces are allowed ("10,000"); '' becomes `empty`.
 * @example toNumber('10,000', undefined) === 10000; toNumber('12a', undefined) === '12a'
 */
export function toNumber<E>(raw: string, empty: E): number | string | E {
  const s = raw.trim().replace(/[,_\s]/g, '');
  if (s === '') return empty;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return raw.trim();
}

/** Plan-shaped JSON of the draft, not yet validated. */
export function draftToJson(d: Draft): unknown {
  return {
    version: 1,
    name: d.name,
    vpc: {
      cidrs: d.cidrs.map((c) => c.trim()),
      subnets: d.subnets.map((s) => {
        const out: Record<string, unknown> = { name: s.name.trim(), az: s.az.trim(), cidr: s.cidr.trim() };
        const reserved = toNumber(s.reservedIps, undefined);
        if (reserved !== undefined) out.reservedIps = reserved;
        if (s.prefixReservation.trim()) out.prefixReservation = s.prefixReservation.trim();
        return out;
      }),
      ...(d.cidrQuota !== null ? { cidrQuota: d.cidrQuota } : {}),
    },
    cni: {
      warmEniTarget: toNumber(d.cni.warmEniTarget, undefined),
      warmIpTarget: toNumber(d.cni.warmIpTarget, null),
      minimumIpTarget: toNumber(d.cni.minimumIpTarget, null),
      warmPrefixTarget: toNumber(d.cni.warmPrefixTarget, undefined),
      maxEni: toNumber(d.cni.maxEni, null),
      prefixDelegation: d.cni.prefixDelegation,
      customNetworking: d.cni.customNetworking,
      podEni: d.cni.podEni,
    },
    nodeGroups: d.nodeGroups.map((g) => {
      const out: Record<string, unknown> = {
        name: g.name.trim(),
        instanceType: g.instanceType.trim(),
        subnets: g.subnets,
        minNodes: toNumber(g.minNodes, undefined),
        desiredNodes: toNumber(g.desiredNodes, undefined),
        maxNodes: toNumber(g.maxNodes, undefined),
        podsPerNode: toNumber(g.podsPerNode, undefined),
        maxPods: toNumber(g.maxPods, null),
      };
      if (g.podSubnets.length) out.podSubnets = g.podSubnets;
      const branch = toNumber(g.branchPodsPerNode, undefined);
      if (branch !== undefined) out.branchPodsPerNode = branch;
      return out;
    }),
  };
}
