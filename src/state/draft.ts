/**
 * The draft: the plan as the user typed it. Number and CIDR fields keep their raw text, so "10.0.0."
 * or "1,0" survive until the user fixes them; `draftToJson` turns the draft into plan-shaped JSON for
 * validatePlan, whose issue paths ("nodeGroups[0].maxNodes") index the draft's lists one to one.
 */
import {
  CNI_COUNT_KEYS,
  CNI_FLAG_KEYS,
  CNI_KEYS,
  CNI_SETTINGS,
  cniValue,
  isAdded,
  type CniCountKey,
  type CniFlagKey,
} from '../model/cni-settings';
import { numberIn } from '../model/number-text';
import type { CniSettings, NodeGroup, Plan, PoolRequirement, Subnet } from '../model/plan';

export interface DraftSubnet {
  /** Stable React key; not part of the plan. */
  key: string;
  name: string;
  az: string;
  cidr: string;
  reservedIps: string;
  prefixReservation: string;
  /** The subnet's tags as typed, row by row (absent: none); an empty or too long key is the schema's to name. */
  tags?: [string, string][];
  /** The subnet's ID from an AWS import; not editable, carried back to the plan. */
  id?: string;
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
  /** '' = absent (self-managed); else a NodeGroupKind. */
  kind: string;
  /** '' = absent (none); else an EfaLayout. */
  efaLayout: string;
  /** '' = absent (0). */
  multiHomedPodsPerNode: string;
  /**
   * A node pool (Karpenter NodePool, EKS Auto Mode): present, the group is one, and the plan gets its
   * requirements, pods and requests instead of the fixed fields above (which then keep the last fixed or
   * model-chosen values, so "Fixed instance type" starts from them).
   */
  pool?: DraftPool;
  /** The pool as it was when "Fixed instance type" was chosen: "Node pool" brings it back. Not part of the plan. */
  stashedPool?: DraftPool;
}

/** One requirement row as typed: the label key, the operator, the values (Gt/Lt: one number). */
export interface DraftRequirement {
  /** Stable React key; not part of the plan. */
  id: string;
  key: string;
  operator: string;
  values: string[];
}

/** A node pool as typed: every number as raw text ('' = absent), requests as [resource, quantity] rows. */
export interface DraftPool {
  requirements: DraftRequirement[];
  podsMin: string;
  podsDesired: string;
  podsMax: string;
  /** In the plan's order: cpu, memory and devices ("nvidia.com/gpu"), quantities as typed ("500m", "16Gi"). */
  podRequests: [string, string][];
  reservedEnis: string;
  disruptionBudget: string;
  /** '' = absent (Auto); else 'Auto' or '32'. */
  ipv4PrefixSize: string;
}

/** The CNI settings as typed: counts as raw text ('' = unset), flags as booleans (from CNI_SETTINGS). */
export type DraftCni = { [K in CniCountKey]: string } & { [K in CniFlagKey]: boolean };

export interface Draft {
  /** Stable id of the scenario this draft is (tab keys, the last valid result per scenario); not part of the plan. */
  key: string;
  name: string;
  cidrs: string[];
  cidrQuota: number | null;
  /** The cluster's IP family; absent: ipv4 (a plan that does not name it comes back without it). */
  ipFamily?: 'ipv4' | 'ipv6';
  /** From an AWS import: the VPC's ID and its associated secondary CIDRs; not editable, carried back. */
  vpcId?: string;
  associatedCidrs?: string[];
  subnets: DraftSubnet[];
  cni: DraftCni;
  nodeGroups: DraftGroup[];
}

export type CniTextField = CniCountKey;
export type CniFlag = CniFlagKey;
export type GroupTextField =
  | 'name'
  | 'instanceType'
  | 'minNodes'
  | 'desiredNodes'
  | 'maxNodes'
  | 'podsPerNode'
  | 'branchPodsPerNode'
  | 'maxPods'
  | 'kind'
  | 'efaLayout'
  | 'multiHomedPodsPerNode';
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
    ...(s.tags ? { tags: Object.entries(s.tags) } : {}),
    ...(s.id !== undefined ? { id: s.id } : {}),
  };
}

export function requirementToDraft(r: PoolRequirement): DraftRequirement {
  return { id: newKey('r'), key: r.key, operator: r.operator, values: [...(r.values ?? [])] };
}

/** The pool fields of a group (its requirements present), as the draft holds them. */
export function poolToDraft(g: NodeGroup): DraftPool {
  return {
    requirements: (g.requirements ?? []).map(requirementToDraft),
    podsMin: text(g.pods?.min),
    podsDesired: text(g.pods?.desired),
    podsMax: text(g.pods?.max),
    podRequests: Object.entries(g.podRequests ?? {}).map(([k, v]) => [k, String(v)]),
    reservedEnis: text(g.reservedEnis),
    disruptionBudget: text(g.disruptionBudget),
    ipv4PrefixSize: g.ipv4PrefixSize ?? '',
  };
}

export function groupToDraft(g: NodeGroup): DraftGroup {
  return {
    key: newKey('g'),
    name: g.name,
    // A pool read from a file has no type or counts until validatePlan fills them in.
    instanceType: g.instanceType ?? '',
    subnets: [...g.subnets],
    podSubnets: [...(g.podSubnets ?? [])],
    minNodes: text(g.minNodes),
    desiredNodes: text(g.desiredNodes),
    maxNodes: text(g.maxNodes),
    podsPerNode: text(g.podsPerNode),
    branchPodsPerNode: text(g.branchPodsPerNode),
    maxPods: text(g.maxPods),
    kind: g.kind ?? '',
    efaLayout: g.efaLayout ?? '',
    multiHomedPodsPerNode: text(g.multiHomedPodsPerNode),
    ...(g.requirements !== undefined ? { pool: poolToDraft(g) } : {}),
  };
}

export function cniToDraft(c: CniSettings): DraftCni {
  const d: Record<string, string | boolean> = {};
  for (const k of CNI_COUNT_KEYS) d[k] = text(cniValue(c, k));
  for (const k of CNI_FLAG_KEYS) d[k] = cniValue(c, k);
  return d as DraftCni;
}

/** Plan-shaped `cni` of the draft: empty text is the default (null for optional counts); added settings at
 * their default are left out, so a draft of an old plan gives back the same plan. */
function draftCniToJson(c: DraftCni): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of CNI_KEYS) {
    const spec = CNI_SETTINGS[k];
    const v =
      spec.type === 'flag' ? c[k as CniFlagKey] : toNumber(c[k as CniCountKey], spec.optional ? null : undefined);
    if (v === undefined || (isAdded(k) && v === spec.default)) continue;
    out[k] = v;
  }
  return out;
}

export function planToDraft(plan: Plan): Draft {
  return {
    key: newKey('p'),
    name: plan.name,
    cidrs: [...plan.vpc.cidrs],
    cidrQuota: plan.vpc.cidrQuota ?? null,
    ...(plan.vpc.ipFamily !== undefined ? { ipFamily: plan.vpc.ipFamily } : {}),
    ...(plan.vpc.vpcId !== undefined ? { vpcId: plan.vpc.vpcId } : {}),
    ...(plan.vpc.associatedCidrs !== undefined ? { associatedCidrs: [...plan.vpc.associatedCidrs] } : {}),
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
  if (raw.trim().replace(/[,_\s]/g, '') === '') return empty;
  return numberIn(raw, { separators: true, signed: true }) ?? raw.trim();
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
        // Rows with neither key nor value are ones just added; a key typed twice keeps its last value.
        const tags = (s.tags ?? []).filter(([k, v]) => k.trim() !== '' || v !== '');
        if (tags.length) out.tags = Object.fromEntries(tags.map(([k, v]) => [k.trim(), v]));
        if (s.id !== undefined) out.id = s.id;
        return out;
      }),
      ...(d.cidrQuota !== null ? { cidrQuota: d.cidrQuota } : {}),
      ...(d.ipFamily !== undefined ? { ipFamily: d.ipFamily } : {}),
      ...(d.vpcId !== undefined ? { vpcId: d.vpcId } : {}),
      ...(d.associatedCidrs !== undefined ? { associatedCidrs: d.associatedCidrs } : {}),
    },
    cni: draftCniToJson(d.cni),
    nodeGroups: d.nodeGroups.map((g) => {
      // A pool writes no type, counts or pods per node: the model chooses them (canonicalGroup's shape).
      const out: Record<string, unknown> = g.pool
        ? { name: g.name.trim(), subnets: g.subnets, maxPods: toNumber(g.maxPods, null) }
        : {
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
      // Added fields: absent in the draft ('') stays absent in the plan, so an old plan comes back unchanged.
      if (g.kind.trim()) out.kind = g.kind.trim();
      if (g.efaLayout.trim()) out.efaLayout = g.efaLayout.trim();
      const multiHomed = toNumber(g.multiHomedPodsPerNode, undefined);
      if (multiHomed !== undefined) out.multiHomedPodsPerNode = multiHomed;
      if (g.pool) Object.assign(out, poolToJson(g.pool));
      return out;
    }),
  };
}

/** Operators that take no values. */
const NO_VALUES = new Set(['Exists', 'DoesNotExist']);

/**
 * A pool's plan fields from the draft, not yet validated: what does not parse is passed on as typed, so
 * validatePlan names it at its field ("nodeGroups[0].podRequests.cpu", "nodeGroups[0].pods.max").
 */
export function poolToJson(p: DraftPool): Record<string, unknown> {
  const out: Record<string, unknown> = {
    requirements: p.requirements.map((r) => {
      const values = r.values.map((v) => v.trim()).filter((v) => v !== '');
      // Exists / DoesNotExist write no values (Karpenter's shape); values left on them are the schema's to name.
      return NO_VALUES.has(r.operator) && values.length === 0
        ? { key: r.key.trim(), operator: r.operator }
        : { key: r.key.trim(), operator: r.operator, values };
    }),
    pods: {
      min: toNumber(p.podsMin, undefined),
      desired: toNumber(p.podsDesired, undefined),
      max: toNumber(p.podsMax, undefined),
    },
  };
  const requests: Record<string, string | number> = {};
  for (const [k, v] of p.podRequests) {
    const name = k.trim();
    const q = v.trim();
    if (!name || !q) continue;
    // cpu and memory are quantities ("500m", "16Gi"); a device count is a number, as a pod spec writes it.
    requests[name] = name !== 'cpu' && name !== 'memory' && /^\d+$/.test(q) ? Number(q) : q;
  }
  if (Object.keys(requests).length) out.podRequests = requests;
  const reserved = toNumber(p.reservedEnis, undefined);
  if (reserved !== undefined) out.reservedEnis = reserved;
  const budget = toNumber(p.disruptionBudget, undefined);
  if (budget !== undefined) out.disruptionBudget = budget;
  if (p.ipv4PrefixSize.trim()) out.ipv4PrefixSize = p.ipv4PrefixSize.trim();
  return out;
}
