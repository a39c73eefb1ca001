/**
 * The plan's runtime schema (docs/contract.md §1) in zod/mini (15 KB lighter than classic zod in the
 * bundle). zod checks shape, types, ranges and unknown keys; messages are written here from the issue
 * codes, so every error names the field path and says how to fix it.
 */
import * as z from 'zod/mini';
import { CNI_KEYS, CNI_SETTINGS, DEFAULT_CNI, type CniSettingSpec, type CniSettings } from './cni-settings';

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

/** One setting's schema, from its entry in CNI_SETTINGS. */
function settingSchema(s: CniSettingSpec) {
  const value = s.type === 'flag' ? z.boolean() : s.optional
    ? z.nullable(z.int().check(z.minimum(s.min), z.maximum(s.max)))
    : z.int().check(z.minimum(s.min), z.maximum(s.max));
  return s.added ? z.optional(value) : z._default(value, s.default as never);
}

/** The aws-node settings, built from the descriptor table (cni-settings.ts). */
export const CniSchema = z.strictObject(
  Object.fromEntries(CNI_KEYS.map((k) => [k, settingSchema(CNI_SETTINGS[k])])),
) as unknown as z.ZodMiniType<CniSettings, Partial<CniSettings>>;

/** Who launches the nodes, and so who decides max pods (ai-nodes.md §4, EKS user guide "How maxPods is determined"). */
export const NODE_GROUP_KINDS = ['self-managed', 'managed', 'karpenter', 'auto-mode'] as const;
/** The interfaces a launch attaches besides the CNI's own (ai-nodes.md §2). */
export const EFA_LAYOUTS = ['none', 'efa', 'efa-only', 'ena-efa-only'] as const;

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
  kind: z.optional(z.enum(NODE_GROUP_KINDS)),
  efaLayout: z.optional(z.enum(EFA_LAYOUTS)),
  multiHomedPodsPerNode: z.optional(count(LIMITS.podsPerNode)),
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
  cni: z._default(CniSchema, { ...DEFAULT_CNI }),
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

const FIELD_HINTS: Record<string, string> = Object.fromEntries(CNI_KEYS.map((k) => [k, CNI_SETTINGS[k].env]));
const NULLABLE_FIELDS = new Set<string>([
  ...CNI_KEYS.filter((k) => { const s: CniSettingSpec = CNI_SETTINGS[k]; return s.type === 'count' && s.optional; }),
  'maxPods',
]);

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : String(v));

const KNOWN_KEYS: Record<string, string[]> = {
  '': ['version', 'name', 'vpc', 'cni', 'nodeGroups'],
  vpc: ['cidrs', 'subnets', 'cidrQuota'],
  cni: CNI_KEYS,
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
      const nullable = issue.path.length && NULLABLE_FIELDS.has(field) ? ' or null' : '';
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
