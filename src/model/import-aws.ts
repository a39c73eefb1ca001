/**
 * From a real VPC to a plan: the JSON printed by `aws ec2 describe-vpcs`, `describe-subnets` and,
 * optionally, `describe-network-interfaces` becomes a plan's VPC (associated CIDRs, subnets) with the
 * addresses already in use per subnet as its `reservedIps`, keeping the VPC and subnet IDs (`vpc.vpcId`,
 * `subnets[].id`, `vpc.associatedCidrs`) so exports refer to what exists. Runs in the browser and the CLI; never throws:
 * bad input gives messages that name the file and the field, and no partial plan.
 */
import { cidrCompare, formatCidr, parseCidr, usableAddresses, type Cidr } from './cidr';
import { DEFAULT_CNI, PLAN_VERSION, type Plan, type Subnet } from './plan';
import { LIMITS, TAG_LIMITS } from './plan-schema';
import { CNI_CLUSTER_TAG_PREFIX, CNI_ROLE_TAG } from './subnet-discovery-tags';
import { megabytes } from './format';

/** Largest input accepted per file (characters; AWS CLI output of a few thousand subnets fits). */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;
const MAX_ERRORS = 20;
const ADDRESSES_PER_PREFIX = 16;
/** EC2's ID forms (the plan schema's): the prefix, then 8 or 17 hex digits. */
const EC2_ID = { vpc: /^vpc-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, subnet: /^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/ };

export interface AwsImportInput {
  /** `aws ec2 describe-vpcs` output. */
  vpcs: string;
  /** `aws ec2 describe-subnets` output. */
  subnets: string;
  /** `aws ec2 describe-network-interfaces` output: in-use addresses are then counted from it. */
  enis?: string;
  /** Which VPC, when describe-vpcs holds several and the subnets do not settle it. */
  vpcId?: string;
}

export type AwsImportResult = { ok: true; plan: Plan; summary: string[] } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

const DOCS = {
  vpcs: { label: 'describe-vpcs', list: 'Vpcs', id: 'VpcId' },
  subnets: { label: 'describe-subnets', list: 'Subnets', id: 'SubnetId' },
  enis: { label: 'describe-network-interfaces', list: 'NetworkInterfaces', id: 'NetworkInterfaceId' },
} as const;
type DocKind = keyof typeof DOCS;

/** The list of a describe-* document: `{ "Vpcs": [...] }`, a bare list, or one object (from `--query`). */
function parseDoc(kind: DocKind, text: unknown, errors: string[]): Obj[] | null {
  const d = DOCS[kind];
  if (typeof text !== 'string')
    return fail(errors, `${d.label}: no input (expected the JSON printed by aws ec2 ${d.label})`);
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(
      errors,
      `${d.label}: the input is ${megabytes(text.length)}; the limit is ${MAX_IMPORT_CHARS / 1048576} MB (filter it, e.g. --filters Name=vpc-id,Values=vpc-…)`,
    );
  }
  if (text.trim() === '')
    return fail(errors, `${d.label}: the input is empty (expected the JSON printed by aws ec2 ${d.label})`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(
      errors,
      `${d.label}: not valid JSON (${e instanceof Error ? e.message : String(e)}); paste the output of aws ec2 ${d.label} --output json`,
    );
  }
  let list: unknown = json;
  if (isObj(json)) {
    if (d.list in json) list = json[d.list];
    else if (d.id in json) list = [json];
    else {
      const other = (Object.keys(DOCS) as DocKind[]).find((k) => k !== kind && DOCS[k].list in (json as Obj));
      const hint = other ? `: this looks like aws ec2 ${DOCS[other].label} output` : '';
      return fail(errors, `${d.label}: ${d.list} is missing${hint}`);
    }
  }
  if (!Array.isArray(list)) return fail(errors, `${d.label}: ${d.list} must be a list, got ${typeName(list)}`);
  const items: Obj[] = [];
  list.forEach((item, i) => {
    if (isObj(item)) items.push(item);
    else errors.push(`${d.label}: ${d.list}[${i}] must be an object, got ${typeName(item)}`);
  });
  return items;
}

function fail(errors: string[], msg: string): null {
  errors.push(msg);
  return null;
}

/** Field readers that record "Subnets[3].CidrBlock is missing" style errors. */
function fields(label: string, path: string, o: Obj, errors: string[]) {
  const where = (k: string) => `${label}: ${path}.${k}`;
  return {
    str(k: string, optional = false): string | undefined {
      const v = o[k];
      if (v === undefined || v === null) {
        if (!optional) errors.push(`${where(k)} is missing`);
      } else if (typeof v !== 'string' || v.trim() === '')
        errors.push(`${where(k)} must be a non-empty string, got ${JSON.stringify(v)}`);
      else return v.trim();
      return undefined;
    },
    count(k: string, optional = false): number | undefined {
      const v = o[k];
      if (v === undefined || v === null) {
        if (!optional) errors.push(`${where(k)} is missing`);
      } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        errors.push(`${where(k)} must be a whole number ≥ 0, got ${JSON.stringify(v)}`);
      else return v;
      return undefined;
    },
    list(k: string, optional = false): unknown[] | undefined {
      const v = o[k];
      if (v === undefined || v === null) {
        if (!optional) errors.push(`${where(k)} is missing`);
      } else if (!Array.isArray(v)) errors.push(`${where(k)} must be a list, got ${typeName(v)}`);
      else return v;
      return undefined;
    },
    cidr(k: string): Cidr | undefined {
      const s = this.str(k);
      if (s === undefined) return undefined;
      const p = parseCidr(s);
      if (!p.ok) errors.push(`${where(k)} "${s}" is not an IPv4 CIDR: ${p.error}`);
      return p.ok ? p.value : undefined;
    },
  };
}

/** The `Name` tag, if any (malformed tags are ignored: they are optional). */
function nameTag(o: Obj): string | undefined {
  const tags = o.Tags;
  if (!Array.isArray(tags)) return undefined;
  const t = tags.find((x) => isObj(x) && x.Key === 'Name' && typeof x.Value === 'string' && x.Value.trim() !== '');
  return t ? ((t as Obj).Value as string).trim() : undefined;
}

/**
 * The tags subnet discovery reads (`kubernetes.io/role/cni`, `cni.networking.k8s.aws/cluster/<name>`), or
 * undefined; other tags and malformed entries are left out (they change nothing in the plan).
 */
function discoveryTags(o: Obj): Record<string, string> | undefined {
  if (!Array.isArray(o.Tags)) return undefined;
  const out: Record<string, string> = {};
  for (const t of o.Tags) {
    if (!isObj(t) || typeof t.Key !== 'string' || typeof t.Value !== 'string') continue;
    if (t.Key !== CNI_ROLE_TAG && !t.Key.startsWith(CNI_CLUSTER_TAG_PREFIX)) continue;
    if (t.Key.length > TAG_LIMITS.keyLength || t.Value.length > TAG_LIMITS.valueLength) continue;
    if (Object.keys(out).length < TAG_LIMITS.tags) out[t.Key] = t.Value;
  }
  return Object.keys(out).length ? out : undefined;
}

function chooseVpc(vpcs: Obj[], subnets: Obj[], vpcId: string | undefined, errors: string[]): number | null {
  const ids = vpcs.map((v) => (typeof v.VpcId === 'string' ? v.VpcId : null));
  vpcs.forEach((v, i) => fields('describe-vpcs', `Vpcs[${i}]`, v, errors).str('VpcId'));
  if (errors.length) return null;
  if (vpcId !== undefined) {
    const i = ids.indexOf(vpcId);
    if (i >= 0) return i;
    return fail(errors, `describe-vpcs: no VPC ${vpcId} in it (it holds ${ids.join(', ') || 'none'})`);
  }
  if (vpcs.length === 0) return fail(errors, 'describe-vpcs: Vpcs is empty');
  if (vpcs.length === 1) return 0;
  const owners = new Set(subnets.map((s) => s.VpcId).filter((v) => typeof v === 'string' && ids.includes(v)));
  if (owners.size === 1) return ids.indexOf([...owners][0] as string);
  const which = owners.size ? `the subnets belong to ${[...owners].join(', ')}` : 'no subnet belongs to any of them';
  return fail(
    errors,
    `describe-vpcs holds ${vpcs.length} VPCs (${ids.join(', ')}) and ${which}: choose one with --vpc-id`,
  );
}

function vpcCidrs(vpc: Obj, index: number, errors: string[], summary: string[]): string[] {
  const f = fields('describe-vpcs', `Vpcs[${index}]`, vpc, errors);
  const primary = f.cidr('CidrBlock');
  const set = f.list('CidrBlockAssociationSet', true) ?? [];
  const cidrs: Cidr[] = primary ? [primary] : [];
  const skipped: string[] = [];
  set.forEach((a, i) => {
    const path = `Vpcs[${index}].CidrBlockAssociationSet[${i}]`;
    if (!isObj(a)) return void errors.push(`describe-vpcs: ${path} must be an object, got ${typeName(a)}`);
    const c = fields('describe-vpcs', path, a, errors).cidr('CidrBlock');
    const state = isObj(a.CidrBlockState) ? a.CidrBlockState.State : undefined;
    if (typeof state !== 'string') return void errors.push(`describe-vpcs: ${path}.CidrBlockState.State is missing`);
    if (!c) return;
    if (state !== 'associated') skipped.push(`${a.CidrBlock} (${state})`);
    else if (!cidrs.some((x) => cidrCompare(x, c) === 0)) cidrs.push(c);
  });
  if (skipped.length) summary.push(`Skipped CIDR blocks not associated: ${skipped.join(', ')}.`);
  return cidrs.map(formatCidr);
}

/** In-use addresses per SubnetId from describe-network-interfaces: private IPs + 16 per /28 prefix. */
function countEnis(
  enis: Obj[],
  wanted: Set<string>,
  errors: string[],
): { bySubnet: Map<string, number>; counted: number } {
  const bySubnet = new Map<string, number>();
  let counted = 0;
  enis.forEach((e, i) => {
    const f = fields('describe-network-interfaces', `NetworkInterfaces[${i}]`, e, errors);
    const subnetId = f.str('SubnetId');
    const ips = f.list('PrivateIpAddresses');
    const prefixes = f.list('Ipv4Prefixes', true) ?? [];
    if (subnetId === undefined || ips === undefined || !wanted.has(subnetId)) return;
    counted++;
    bySubnet.set(subnetId, (bySubnet.get(subnetId) ?? 0) + ips.length + prefixes.length * ADDRESSES_PER_PREFIX);
  });
  return { bySubnet, counted };
}

interface RawSubnet {
  id: string;
  name?: string;
  az: string;
  cidr: Cidr;
  available?: number;
  tags?: Record<string, string>;
}

/**
 * Builds a plan (version 1, default CNI settings, no node groups) from AWS CLI output.
 * @example importAwsVpc({ vpcs, subnets }).ok && plan.vpc.subnets[0].reservedIps === 1019 - AvailableIpAddressCount
 */
export function importAwsVpc(input: AwsImportInput): AwsImportResult {
  try {
    return importUnsafe(input);
  } catch (e) {
    return { ok: false, errors: [`import failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

function importUnsafe(input: AwsImportInput): AwsImportResult {
  const errors: string[] = [];
  const summary: string[] = [];
  const vpcs = parseDoc('vpcs', input.vpcs, errors);
  const subnetDocs = parseDoc('subnets', input.subnets, errors);
  const enis = input.enis === undefined ? undefined : parseDoc('enis', input.enis, errors);
  if (errors.length || !vpcs || !subnetDocs || enis === null) return done(errors);
  const index = chooseVpc(vpcs, subnetDocs, input.vpcId?.trim() || undefined, errors);
  if (index === null) return done(errors);
  const vpc = vpcs[index]!;
  const vpcId = vpc.VpcId as string;
  const cidrs = vpcCidrs(vpc, index, errors, summary);
  const raw: RawSubnet[] = [];
  const others: string[] = [];
  const ipv6Only: string[] = [];
  subnetDocs.forEach((s, i) => {
    const f = fields('describe-subnets', `Subnets[${i}]`, s, errors);
    const id = f.str('SubnetId');
    const owner = f.str('VpcId');
    if (id === undefined || owner === undefined) return;
    if (owner !== vpcId) return void others.push(`${id} (${owner})`);
    if ((s.CidrBlock === undefined || s.CidrBlock === null) && s.Ipv6Native === true) return void ipv6Only.push(id);
    const az = f.str('AvailabilityZone');
    const cidr = f.cidr('CidrBlock');
    const available = f.count('AvailableIpAddressCount', enis !== undefined);
    if (az !== undefined && cidr !== undefined)
      raw.push({ id, name: nameTag(s), az, cidr, available, tags: discoveryTags(s) });
  });
  const counted = enis ? countEnis(enis, new Set(raw.map((r) => r.id)), errors) : undefined;
  if (errors.length) return done(errors);
  if (raw.length > LIMITS.subnets)
    return done([`describe-subnets: ${raw.length} subnets in ${vpcId}; a plan holds at most ${LIMITS.subnets}`]);
  if (cidrs.length > LIMITS.cidrs)
    return done([`describe-vpcs: ${cidrs.length} CIDR blocks; a plan holds at most ${LIMITS.cidrs}`]);

  raw.sort((a, b) => cidrCompare(a.cidr, b.cidr));
  const built = buildSubnets(raw, counted?.bySubnet);
  const subnets = built.subnets;
  raw.forEach((r, i) => {
    if (r.tags) subnets[i]!.tags = r.tags;
  });
  const vpcName = nameTag(vpc);
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  summary.unshift(
    `VPC ${vpcId}${vpcName ? ` (${vpcName})` : ''}: ${n(cidrs.length, 'CIDR block')} (${cidrs.join(', ')}; the first is the primary), ${n(subnets.length, 'subnet')}.`,
  );
  if (others.length) summary.push(`Skipped ${n(others.length, 'subnet')} of other VPCs: ${list(others)}.`);
  if (ipv6Only.length) summary.push(`Skipped IPv6-only subnets (no IPv4 CIDR): ${list(ipv6Only)}.`);
  if (built.unnamed.length) summary.push(`No Name tag, so named by their ID: ${list(built.unnamed)}.`);
  if (built.renamed.length) summary.push(`Name tags used twice, so the ID was added: ${list(built.renamed)}.`);
  summary.push(
    counted
      ? `Addresses in use, counted from ${n(counted.counted, 'network interface')} of these subnets (private IPs + 16 per /28 prefix), are saved as each subnet's reservedIps: ${list(built.inUse, 50)}.`
      : `Addresses in use (usable − AvailableIpAddressCount) are saved as each subnet's reservedIps: ${list(built.inUse, 50)}.`,
    "They include any nodes and pods running now: lower them where the plan's node groups replace those.",
    'The VPC and subnet IDs are kept in the plan: the exports refer to these subnets and CIDR blocks instead of creating them.',
    'CNI settings are the defaults and there are no node groups yet: add them to plan the cluster.',
  );
  const tagged = subnets.filter((s) => s.tags);
  if (tagged.length) {
    const shown = tagged.map(
      (s) =>
        `${s.name} (${Object.entries(s.tags!)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')})`,
    );
    summary.push(
      `Subnet discovery tags are kept (${CNI_ROLE_TAG}, ${CNI_CLUSTER_TAG_PREFIX}…; other tags are not): ${list(shown)}.`,
    );
  }
  const plan: Plan = {
    version: PLAN_VERSION,
    name: (vpcName ?? vpcId).slice(0, LIMITS.nameLength),
    // The IDs and associations that exist, so that exports refer to them instead of creating them again.
    vpc: {
      ...(EC2_ID.vpc.test(vpcId) ? { vpcId } : {}),
      cidrs,
      ...(cidrs.length > 1 ? { associatedCidrs: cidrs.slice(1) } : {}),
      subnets,
    },
    cni: { ...DEFAULT_CNI },
    nodeGroups: [],
  };
  return { ok: true, plan, summary };
}

function buildSubnets(raw: RawSubnet[], enis: Map<string, number> | undefined) {
  const names = new Map<string, number>();
  for (const r of raw) names.set(r.name ?? r.id, (names.get(r.name ?? r.id) ?? 0) + 1);
  const unnamed: string[] = [];
  const renamed: string[] = [];
  const inUse: string[] = [];
  const subnets = raw.map((r): Subnet => {
    let name = r.name ?? r.id;
    if (!r.name) unnamed.push(r.id);
    if ((names.get(name) ?? 0) > 1) {
      name = `${name.slice(0, LIMITS.nameLength - r.id.length - 3)} (${r.id})`;
      renamed.push(name);
    }
    const usable = usableAddresses(r.cidr);
    const used = enis ? (enis.get(r.id) ?? 0) : usable - (r.available ?? usable);
    const reservedIps = Math.min(Math.max(used, 0), usable);
    inUse.push(`${name} ${reservedIps}`);
    const cidr = formatCidr(r.cidr);
    // An ID that is not in EC2's form (hand-edited output) is left out rather than failing the plan's schema.
    const id = EC2_ID.subnet.test(r.id) ? { id: r.id } : {};
    return reservedIps > 0 ? { name, ...id, az: r.az, cidr, reservedIps } : { name, ...id, az: r.az, cidr };
  });
  return { subnets, unnamed, renamed, inUse };
}

function list(items: string[], max = 10): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length - max} more)` : items.join(', ');
}

function done(errors: string[]): AwsImportResult {
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS) shown.push(`… and ${errors.length - MAX_ERRORS} more problems`);
  return { ok: false, errors: shown };
}
