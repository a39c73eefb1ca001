/**
 * The plan's runtime schema (docs/contract.md §1) in zod/mini (15 KB lighter than classic zod in the
 * bundle). zod checks shape, types, ranges and unknown keys; messages are written here from the issue
 * codes, so every error names the field path and says how to fix it.
 */
import * as z from 'zod/mini';

export const LIMITS = {
  nameLength: 120,
  nodes: 100_000,
  podsPerNode: 10_000,
  subnets: 200,
  nodeGroups: 100,
  cidrs: 50,
  reservedIps: 16_777_216,
  maxPods: 100_000,
  targets: 10_000,
} as const;

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const optCount = (max: number) => z.nullable(count(max));
const text = (max: number) => z.string().check(z.maxLength(max));

export const CniSchema = z.strictObject({
  warmEniTarget: z._default(count(100), 1),
  warmIpTarget: z._default(optCount(LIMITS.targets), null),
  minimumIpTarget: z._default(optCount(LIMITS.targets), null),
  warmPrefixTarget: z._default(count(1000), 1),
  maxEni: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(100))), null),
  prefixDelegation: z._default(z.boolean(), false),
  customNetworking: z._default(z.boolean(), false),
  podEni: z._default(z.boolean(), false),
});

export const SubnetSchema = z.strictObject({
  name: text(LIMITS.nameLength).check(z.minLength(1)),
  az: text(64).check(z.minLength(1)),
  cidr: text(64),
  reservedIps: z.optional(count(LIMITS.reservedIps)),
  prefixReservation: z.optional(text(64)),
});

export const NodeGroupSchema = z.strictObject({
  name: text(LIMITS.nameLength).check(z.minLength(1)),
  instanceType: text(64).check(z.minLength(1)),
  subnets: z.array(text(LIMITS.nameLength)).check(z.minLength(1), z.maxLength(LIMITS.subnets)),
  podSubnets: z.optional(z.array(text(LIMITS.nameLength)).check(z.maxLength(LIMITS.subnets))),
  minNodes: count(LIMITS.nodes),
  desiredNodes: count(LIMITS.nodes),
  maxNodes: count(LIMITS.nodes),
  podsPerNode: count(LIMITS.podsPerNode),
  branchPodsPerNode: z.optional(count(LIMITS.podsPerNode)),
  maxPods: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(LIMITS.maxPods))), null),
});

export const VpcSchema = z.strictObject({
  cidrs: z.array(text(64)).check(z.minLength(1), z.maxLength(LIMITS.cidrs)),
  subnets: z.array(SubnetSchema).check(z.maxLength(LIMITS.subnets)),
  cidrQuota: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
});

export const PlanSchema = z.strictObject({
  version: z.literal(1),
  name: z._default(text(LIMITS.nameLength), 'Untitled plan'),
  vpc: VpcSchema,
  cni: z._default(CniSchema, {
    warmEniTarget: 1, warmIpTarget: null, minimumIpTarget: null, warmPrefixTarget: 1,
    maxEni: null, prefixDelegation: false, customNetworking: false, podEni: false,
  }),
  nodeGroups: z.array(NodeGroupSchema).check(z.maxLength(LIMITS.nodeGroups)),
});

/** One problem with an input, as every surface shows it. */
export interface ValidationIssue {
  /** "nodeGroups[0].maxNodes" style path ("" for the whole document). */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

const FIELD_HINTS: Record<string, string> = {
  warmEniTarget: 'WARM_ENI_TARGET', warmIpTarget: 'WARM_IP_TARGET', minimumIpTarget: 'MINIMUM_IP_TARGET',
  warmPrefixTarget: 'WARM_PREFIX_TARGET', maxEni: 'MAX_ENI',
};

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : String(v));

const KNOWN_KEYS: Record<string, string[]> = {
  '': ['version', 'name', 'vpc', 'cni', 'nodeGroups'],
  vpc: ['cidrs', 'subnets', 'cidrQuota'],
  cni: Object.keys(CniSchema.shape),
  subnet: Object.keys(SubnetSchema.shape),
  nodeGroup: Object.keys(NodeGroupSchema.shape),
};

function closest(key: string, candidates: string[]): string | null {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return candidates.find((c) => c.toLowerCase() === k) ?? candidates.find((c) => c.toLowerCase().startsWith(k.slice(0, 4))) ?? null;
}

/** A plain sentence for one zod issue: what is wrong at which field, and what would be right. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  const path = formatPath(issue.path);
  const field = String(issue.path[issue.path.length - 1] ?? 'plan');
  const env = FIELD_HINTS[field] ? ` (${FIELD_HINTS[field]})` : '';
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = issue.path.length === 0 ? '' : typeof issue.path[issue.path.length - 1] === 'number' ? (String(issue.path[0]) === 'nodeGroups' ? 'nodeGroup' : 'subnet') : String(issue.path[issue.path.length - 1]);
      const known = KNOWN_KEYS[where] ?? [];
      const parts = issue.keys.map((k) => {
        const near = closest(k, known);
        return `"${k}"${near ? ` (did you mean "${near}"?)` : ''}`;
      });
      return { path, message: `unknown field ${parts.join(', ')}${path ? ` in ${path}` : ''}; remove it${known.length ? ` (allowed: ${known.join(', ')})` : ''}` };
    }
    case 'invalid_type': {
      if (got === undefined) return { path, message: `${path}${env} is missing; add it` };
      // every number in a plan is a whole number; every string is text
      const want = ({ int: 'a whole number', number: 'a whole number', array: 'a list', object: 'an object', string: 'text', boolean: 'true or false' } as Record<string, string>)[issue.expected] ?? `a ${issue.expected}`;
      const nullable = issue.path.length && ['warmIpTarget', 'minimumIpTarget', 'maxEni', 'maxPods'].includes(field) ? ' or null' : '';
      return { path, message: `${path}${env} must be ${want}${nullable}, got ${typeName(got)}` };
    }
    case 'invalid_value':
      return { path, message: `${path} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${typeName(got)}` };
    case 'too_small':
      if (issue.origin === 'array') return { path, message: `${path} needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` };
      if (issue.origin === 'string') return { path, message: `${path} must not be empty` };
      return { path, message: `${path}${env} must be at least ${issue.minimum}, got ${String(got)}` };
    case 'too_big':
      if (issue.origin === 'array') return { path, message: `${path} has more than ${issue.maximum} entries; remove some` };
      if (issue.origin === 'string') return { path, message: `${path} is longer than ${issue.maximum} characters; shorten it` };
      return { path, message: `${path}${env} must be at most ${Number(issue.maximum).toLocaleString('en-US')}, got ${String(got)}` };
    default:
      return { path, message: `${path || 'plan'}: ${issue.message}` };
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}
