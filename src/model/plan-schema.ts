/**
 * The plan's runtime schema in zod/mini (15 KB lighter than classic zod in the
 * bundle). zod checks shape, types, ranges and unknown keys; messages are written here from the issue
 * codes, so every error names the field path and says how to fix it.
 */
import * as z from 'zod/mini';
import { CNI_KEYS, CNI_SETTINGS, DEFAULT_CNI, type CniSettingSpec, type CniSettings } from './cni-settings';
import { fmt } from './format';

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
  pods: 10_000_000,
} as const;

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const text = (max: number) => z.string().check(z.maxLength(max));

/** One setting's schema, from its entry in CNI_SETTINGS. */
function settingSchema(s: CniSettingSpec) {
  const value =
    s.type === 'flag'
      ? z.boolean()
      : s.optional
        ? z.nullable(z.int().check(z.minimum(s.min), z.maximum(s.max)))
        : z.int().check(z.minimum(s.min), z.maximum(s.max));
  return s.added ? z.optional(value) : z._default(value, s.default as never);
}

/** The aws-node settings, built from the descriptor table (cni-settings.ts). */
export const CniSchema = z.strictObject(
  Object.fromEntries(CNI_KEYS.map((k) => [k, settingSchema(CNI_SETTINGS[k])])),
) as unknown as z.ZodMiniType<CniSettings, Partial<CniSettings>>;

/** Who launches the nodes, and so who decides max pods (EKS user guide `nodes/choosing-instance-type.adoc` "How maxPods is determined", 3a23761). */
export const NODE_GROUP_KINDS = ['self-managed', 'managed', 'karpenter', 'auto-mode'] as const;
/** The interfaces a launch attaches besides the CNI's own (sources in efa-layout.ts). */
export const EFA_LAYOUTS = ['none', 'efa', 'efa-only', 'ena-efa-only'] as const;
/** Karpenter's requirement operators (NodePool spec.template.spec.requirements). */
export const POOL_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

/** EC2 resource IDs: the prefix, then 8 or 17 hex digits. */
const SUBNET_ID = /^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const VPC_ID = /^vpc-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/** AWS's limits on a resource's tags (EC2 user guide, "Tag restrictions"). */
export const TAG_LIMITS = { tags: 50, keyLength: 128, valueLength: 256 } as const;

/** A subnet's tags: key → value, within AWS's limits, each problem named with the fix. */
const TagsSchema = z.record(z.string(), z.string()).check((ctx) => {
  const keys = Object.keys(ctx.value);
  const issue = (message: string, path?: string[]) =>
    ctx.issues.push({ code: 'custom', message, input: ctx.value, ...(path ? { path } : {}) });
  if (keys.length > TAG_LIMITS.tags)
    issue(`has ${keys.length} tags; AWS allows at most ${TAG_LIMITS.tags} per subnet: remove some`);
  for (const k of keys) {
    if (k.trim() === '') issue('a tag key is empty; give it a key (e.g. kubernetes.io/role/cni) or remove it');
    else if (k.length > TAG_LIMITS.keyLength)
      issue(`the tag key is longer than ${TAG_LIMITS.keyLength} characters; shorten it`, [k]);
    const v = ctx.value[k]!;
    if (v.length > TAG_LIMITS.valueLength)
      issue(`the tag value is longer than ${TAG_LIMITS.valueLength} characters; shorten it`, [k]);
  }
});

export const SubnetSchema = z.strictObject({
  name: text(LIMITS.nameLength).check(z.minLength(1)),
  az: text(64).check(z.minLength(1)),
  cidr: text(64),
  reservedIps: z.optional(count(LIMITS.reservedIps)),
  prefixReservation: z.optional(text(64)),
  tags: z.optional(TagsSchema),
  id: z.optional(
    z
      .string()
      .check(
        z.regex(
          SUBNET_ID,
          'must be a subnet ID such as subnet-0a1b2c3d4e5f60718 (from aws ec2 describe-subnets), or leave it out',
        ),
      ),
  ),
});

export const NodeGroupSchema = z.strictObject({
  name: text(LIMITS.nameLength).check(z.minLength(1)),
  // Given for a fixed group; a pool (requirements) leaves type, node counts and pods per node to the model.
  instanceType: z.optional(text(64).check(z.minLength(1))),
  subnets: z.array(text(LIMITS.nameLength)).check(z.minLength(1), z.maxLength(LIMITS.subnets)),
  podSubnets: z.optional(z.array(text(LIMITS.nameLength)).check(z.maxLength(LIMITS.subnets))),
  minNodes: z.optional(count(LIMITS.nodes)),
  desiredNodes: z.optional(count(LIMITS.nodes)),
  maxNodes: z.optional(count(LIMITS.nodes)),
  podsPerNode: z.optional(count(LIMITS.podsPerNode)),
  branchPodsPerNode: z.optional(count(LIMITS.podsPerNode)),
  maxPods: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(LIMITS.maxPods))), null),
  kind: z.optional(z.enum(NODE_GROUP_KINDS)),
  efaLayout: z.optional(z.enum(EFA_LAYOUTS)),
  multiHomedPodsPerNode: z.optional(count(LIMITS.podsPerNode)),
  // Node pools (Karpenter NodePool / EKS Auto Mode): candidates by requirements, workload by pods.
  requirements: z.optional(
    z
      .array(
        z.strictObject({
          key: text(128).check(z.minLength(1)),
          operator: z.enum(POOL_OPERATORS),
          values: z.optional(z.array(text(128)).check(z.maxLength(200))),
        }),
      )
      .check(z.maxLength(50)),
  ),
  pods: z.optional(z.strictObject({ min: count(LIMITS.pods), desired: count(LIMITS.pods), max: count(LIMITS.pods) })),
  podRequests: z.optional(z.record(text(64), z.union([text(64), z.number()]))),
  /** Karpenter RESERVED_ENIS: ENIs kept from pods (1 under custom networking). */
  reservedEnis: z.optional(count(15)),
  /** Nodes a disruption (drift, consolidation) replaces at once: their addresses are taken twice meanwhile. */
  disruptionBudget: z.optional(count(LIMITS.nodes)),
  /** EKS Auto Mode NodeClass advancedNetworking.ipv4PrefixSize: "Auto" (prefixes) or "32" (secondary IPs). */
  ipv4PrefixSize: z.optional(z.enum(['Auto', '32'])),
});

export const VpcSchema = z.strictObject({
  cidrs: z.array(text(64)).check(z.minLength(1), z.maxLength(LIMITS.cidrs)),
  subnets: z.array(SubnetSchema).check(z.maxLength(LIMITS.subnets)),
  cidrQuota: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  ipFamily: z.optional(z.enum(['ipv4', 'ipv6'])),
  vpcId: z.optional(
    z
      .string()
      .check(
        z.regex(VPC_ID, 'must be a VPC ID such as vpc-0a1b2c3d4e5f60718 (from aws ec2 describe-vpcs), or leave it out'),
      ),
  ),
  associatedCidrs: z.optional(z.array(text(64)).check(z.maxLength(LIMITS.cidrs))),
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
  ...CNI_KEYS.filter((k) => {
    const s: CniSettingSpec = CNI_SETTINGS[k];
    return s.type === 'count' && s.optional;
  }),
  'maxPods',
]);

const typeName = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
          : String(v);

const KNOWN_KEYS: Record<string, string[]> = {
  '': ['version', 'name', 'vpc', 'cni', 'nodeGroups'],
  vpc: ['cidrs', 'subnets', 'cidrQuota', 'vpcId', 'associatedCidrs', 'ipFamily'],
  cni: CNI_KEYS,
  subnet: Object.keys(SubnetSchema.shape),
  nodeGroup: Object.keys(NodeGroupSchema.shape),
};

function closest(key: string, candidates: string[]): string | null {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return (
    candidates.find((c) => c.toLowerCase() === k) ??
    candidates.find((c) => c.toLowerCase().startsWith(k.slice(0, 4))) ??
    null
  );
}

/** A plain sentence for one zod issue: what is wrong at which field, and what would be right. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  const path = formatPath(issue.path);
  const field = String(issue.path[issue.path.length - 1] ?? 'plan');
  const env = FIELD_HINTS[field] ? ` (${FIELD_HINTS[field]})` : '';
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where =
        issue.path.length === 0
          ? ''
          : typeof issue.path[issue.path.length - 1] === 'number'
            ? String(issue.path[0]) === 'nodeGroups'
              ? 'nodeGroup'
              : 'subnet'
            : String(issue.path[issue.path.length - 1]);
      const known = KNOWN_KEYS[where] ?? [];
      const parts = issue.keys.map((k) => {
        const near = closest(k, known);
        return `"${k}"${near ? ` (did you mean "${near}"?)` : ''}`;
      });
      return {
        path,
        message: `unknown field ${parts.join(', ')}${path ? ` in ${path}` : ''}; remove it${known.length ? ` (allowed: ${known.join(', ')})` : ''}`,
      };
    }
    case 'invalid_type': {
      if (got === undefined) return { path, message: `${path}${env} is missing; add it` };
      // every number in a plan is a whole number; every string is text
      const want =
        (
          {
            int: 'a whole number',
            number: 'a whole number',
            array: 'a list',
            object: 'an object',
            record: 'an object of tag keys and text values',
            string: 'text',
            boolean: 'true or false',
          } as Record<string, string>
        )[issue.expected] ?? `a ${issue.expected}`;
      const nullable = issue.path.length && NULLABLE_FIELDS.has(field) ? ' or null' : '';
      return { path, message: `${path}${env} must be ${want}${nullable}, got ${typeName(got)}` };
    }
    case 'invalid_value':
      return {
        path,
        message: `${path} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${typeName(got)}`,
      };
    case 'too_small':
      if (issue.origin === 'array')
        return { path, message: `${path} needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` };
      if (issue.origin === 'string') return { path, message: `${path} must not be empty` };
      return { path, message: `${path}${env} must be at least ${issue.minimum}, got ${String(got)}` };
    case 'too_big':
      if (issue.origin === 'array')
        return { path, message: `${path} has more than ${issue.maximum} entries; remove some` };
      if (issue.origin === 'string')
        return { path, message: `${path} is longer than ${issue.maximum} characters; shorten it` };
      return { path, message: `${path}${env} must be at most ${fmt(Number(issue.maximum))}, got ${String(got)}` };
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
