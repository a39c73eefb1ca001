/**
 * The inputs of the workspace's extra views (DNS ndots, cross-AZ traffic), so that they travel in the
 * share link and the JSON file with the plan. Validated like everything else that comes from outside.
 */
import * as z from 'zod/mini';
import { describeIssue, type ValidationIssue } from './plan-schema';

const text = (max: number) => z.string().check(z.maxLength(max));
const amount = (max: number) => z.number().check(z.minimum(0), z.maximum(max));

export const DnsViewSchema = z.strictObject({
  name: text(253),
  namespace: z.optional(text(63)),
  clusterDomain: z.optional(text(253)),
  region: z.optional(text(32)),
  ndots: z.optional(z.int().check(z.minimum(0), z.maximum(15))),
});

export const CrossAzViewSchema = z.strictObject({
  pods: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  /** "hour": bytes per pod per hour; "step": bytes per pod per training step × steps per hour. */
  unit: z.enum(['hour', 'step']),
  bytesPerPod: amount(1e15),
  stepsPerHour: z.optional(amount(1e7)),
  /** Spread from a node group of the active scenario (its index), or chosen per AZ. */
  nodeGroup: z.optional(z.int().check(z.minimum(0), z.maximum(99))),
  spread: z.optional(z.record(text(64), amount(1e9))),
  pricePerGbOut: z.optional(amount(100)),
  pricePerGbIn: z.optional(amount(100)),
  labelKey: z.optional(text(63)),
  labelValue: z.optional(text(63)),
  /** The AZ picked for co-locating the node group. */
  colocateAz: z.optional(text(64)),
});

/** The EC2 API estimate: the scale-out window and token-bucket overrides (AWS changes its figures). */
export const ScaleOutViewSchema = z.strictObject({
  seconds: amount(86_400),
  buckets: z._default(z.record(text(64), z.strictObject({ bucket: amount(1e7), refillPerSecond: amount(1e6) })), {}),
});

export const ViewsSchema = z.strictObject({
  dns: z.optional(DnsViewSchema),
  crossAz: z.optional(CrossAzViewSchema),
  scaleOut: z.optional(ScaleOutViewSchema),
});

export type DnsView = z.infer<typeof DnsViewSchema>;
export type CrossAzView = z.infer<typeof CrossAzViewSchema>;
export type ScaleOutView = z.infer<typeof ScaleOutViewSchema>;
export type Views = z.infer<typeof ViewsSchema>;

export function validateViews(input: unknown): { ok: true; views: Views } | { ok: false; issues: ValidationIssue[] } {
  const r = ViewsSchema.safeParse(input);
  if (r.success) return { ok: true, views: r.data };
  return {
    ok: false,
    issues: r.error.issues.slice(0, 20).map((i) => {
      if (i.code === 'unrecognized_keys') {
        const where = i.path.length ? `views.${i.path.join('.')}` : 'views';
        return {
          path: where,
          message: `unknown field ${i.keys.map((k) => `"${k}"`).join(', ')} in ${where}; remove it`,
        };
      }
      const d = describeIssue(i, input);
      return {
        path: `views${d.path ? '.' + d.path : ''}`,
        message: d.message.replace(/^(?!views)/, d.path ? 'views.' : ''),
      };
    }),
  };
}

/** Does any view (DNS, cross-AZ, EC2 API) hold inputs worth carrying in a link or file? */
export const viewsInUse = (views: Views | undefined): boolean =>
  Boolean(views && (views.dns || views.crossAz || views.scaleOut));
