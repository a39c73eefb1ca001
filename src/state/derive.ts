/**
 * Results derived from the draft, never stored: validatePlan(draftToJson(draft)) and, when valid,
 * evaluate(). Cached per draft object (the store replaces the draft on every edit, and leaves the other
 * scenarios' drafts alone, so they are evaluated once per change), and remembering each scenario's last
 * valid result, which stays on screen, marked stale, while its draft is invalid.
 */
import { evaluate, type FullEvaluation } from '../model/evaluate';
import type { InstanceDataset } from '../model/instances';
import type { Plan } from '../model/plan';
import type { ValidationIssue } from '../model/plan-schema';
import { validatePlan } from '../model/validate-plan';
import { draftToJson, type Draft } from './draft';

export interface Evaluated {
  plan: Plan;
  evaluation: FullEvaluation;
}

export interface DerivedView {
  /** The draft's problems; empty when it is valid. */
  issues: readonly ValidationIssue[];
  /** Issues by field path ("nodeGroups[0].maxNodes"). */
  issuesByPath: ReadonlyMap<string, string[]>;
  /** The result on screen: the draft's, or the last valid one when the draft is invalid. */
  shown: Evaluated | null;
  /** True when `shown` is not the draft's own result. */
  stale: boolean;
}

export type Derive = (draft: Draft) => DerivedView;

/** One derivation per store: a cache keyed by draft, and the last valid result of each scenario (draft.key). */
export function createDerivation(dataset: InstanceDataset): Derive {
  const cache = new WeakMap<Draft, DerivedView>();
  const lastValid = new Map<string, Evaluated>();
  return (draft) => {
    const hit = cache.get(draft);
    if (hit) return hit;
    const v = validatePlan(draftToJson(draft), dataset);
    let view: DerivedView;
    if (v.ok) {
      const shown = { plan: v.plan, evaluation: evaluate(v.plan, dataset, v.warnings) };
      lastValid.set(draft.key, shown);
      view = { issues: [], issuesByPath: new Map(), shown, stale: false };
    } else {
      const byPath = new Map<string, string[]>();
      for (const i of v.issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), fieldMessage(i)]);
      view = { issues: v.issues, issuesByPath: byPath, shown: lastValid.get(draft.key) ?? null, stale: true };
    }
    cache.set(draft, view);
    return view;
  };
}

/** The plan's field names as the page labels them. */
const LABELS: Record<string, string> = {
  minNodes: 'minimum nodes', desiredNodes: 'desired nodes', maxNodes: 'maximum nodes', podsPerNode: 'pods per node',
  maxPods: 'max pods', reservedIps: 'reserved IPs', instanceType: 'instance type', podSubnets: 'pod subnets',
};
const LABEL_RE = new RegExp(`\\b(${Object.keys(LABELS).join('|')})\\b`, 'g');

/**
 * The message as shown beside its field: the field path the model puts first is redundant there.
 * @example fieldMessage({ path: 'nodeGroups[0].minNodes', message: 'minNodes (5) is above desiredNodes (3); make min ≤ desired ≤ max' })
 *   === 'Minimum nodes (5) is above desired nodes (3); make min ≤ desired ≤ max'
 */
export function fieldMessage(issue: ValidationIssue): string {
  let m = issue.message;
  if (issue.path && m.startsWith(issue.path)) {
    m = m.slice(issue.path.length).replace(/^\s*\([A-Z_]+\)/, '').trim();
    if (/^is missing/.test(m)) return 'Enter a whole number';
  }
  m = m.replace(LABEL_RE, (k) => LABELS[k]!);
  return m.charAt(0).toUpperCase() + m.slice(1);
}
