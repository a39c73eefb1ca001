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
import type { VpcIssue } from '../model/vpc-rules';
import { draftToJson, type Draft } from './draft';

export interface Evaluated {
  plan: Plan;
  evaluation: FullEvaluation;
}

export interface DerivedView {
  /** The draft's problems; empty when it is valid. */
  issues: readonly ValidationIssue[];
  /** Issues by field path ("nodeGroups[0].maxNodes"); the fields word them (src/ui/common/field-issues.ts). */
  issuesByPath: ReadonlyMap<string, readonly ValidationIssue[]>;
  /** The result on screen: the draft's, or the last valid one when the draft is invalid. */
  shown: Evaluated | null;
  /** True when `shown` is not the draft's own result. */
  stale: boolean;
}

export type Derive = (draft: Draft) => DerivedView;

/**
 * A draft made from a plan that was validated a moment ago (planToDraft(plan), opening a link or the
 * autosave) and what that validation found: validating the draft again would give the same plan and
 * warnings (the draft round-trips every valid plan; tests/ui/state.test.tsx), so it is not done twice.
 */
export interface OpenedDraft {
  draft: Draft;
  plan: Plan;
  warnings: readonly VpcIssue[];
}

/**
 * One derivation per store: a cache keyed by draft, and the last valid result of each scenario (draft.key).
 * `opened`: the store's first drafts with their validation, when the page has one.
 */
export function createDerivation(dataset: InstanceDataset, opened: readonly OpenedDraft[] = []): Derive {
  const cache = new WeakMap<Draft, DerivedView>();
  const lastValid = new Map<string, Evaluated>();
  const known = new WeakMap(opened.map((o) => [o.draft, { ok: true as const, plan: o.plan, warnings: o.warnings }]));
  return (draft) => {
    const hit = cache.get(draft);
    if (hit) return hit;
    const v = known.get(draft) ?? validatePlan(draftToJson(draft), dataset);
    let view: DerivedView;
    if (v.ok) {
      const shown = { plan: v.plan, evaluation: evaluate(v.plan, dataset, v.warnings) };
      lastValid.set(draft.key, shown);
      view = { issues: [], issuesByPath: new Map(), shown, stale: false };
    } else {
      const byPath = new Map<string, ValidationIssue[]>();
      for (const i of v.issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i]);
      view = { issues: v.issues, issuesByPath: byPath, shown: lastValid.get(draft.key) ?? null, stale: true };
    }
    cache.set(draft, view);
    return view;
  };
}
