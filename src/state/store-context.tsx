/**
 * Hands the store (and its derivation cache) to components through context, so each app instance and
 * each test has its own. Components read through the module-level selectors of selectors.ts.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { Derive, DerivedView } from './derive';
import type { PlanState, PlanStore } from './plan-store';
import type { WorkspaceDrafts } from './workspace-state';

export interface PlanContextValue {
  store: PlanStore;
  derive: Derive;
}

const PlanContext = createContext<PlanContextValue | null>(null);

export function PlanProvider({ value, children }: { value: PlanContextValue; children: ReactNode }) {
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

export function usePlanContext(): PlanContextValue {
  const ctx = useContext(PlanContext);
  if (!ctx) throw new Error('usePlanContext: wrap the app in <PlanProvider>');
  return ctx;
}

export function usePlan<T>(selector: (s: PlanState) => T): T {
  return useStore(usePlanContext().store, selector);
}

const selectDraft = (s: PlanState) => s.draft;
const selectActions = (s: PlanState) => s.actions;

export const useActions = () => usePlan(selectActions);

/** The derived view of the active scenario's draft (cached: every caller in one render shares it). */
export function useDerived(): DerivedView {
  const { derive } = usePlanContext();
  return derive(usePlan(selectDraft));
}

export function useTemporal<T>(selector: (s: TemporalState<WorkspaceDrafts>) => T): T {
  return useStore(usePlanContext().store.temporal, selector);
}

/** The error message for one field path ('' when none); re-renders only when that message changes. */
export function useFieldIssue(path: string): string {
  const { derive } = usePlanContext();
  return usePlan((s) => derive(s.draft).issuesByPath.get(path)?.join(' ') ?? '');
}

/** Non-blocking findings (AWS advice) the model reports at exactly this path, while the draft is valid. */
export function useFieldWarning(path: string): string {
  const { derive } = usePlanContext();
  return usePlan((s) => {
    const v = derive(s.draft);
    if (v.stale || !v.shown) return '';
    return v.shown.evaluation.warnings.filter((w) => w.path === path && w.severity === 'warning').map((w) => `${w.message}. ${w.fix}`).join(' ');
  });
}

/**
 * Messages at `path` and below it ("nodeGroups[0].subnets" and "nodeGroups[0].subnets[1]"), except those
 * whose remainder matches `skip`; re-renders only when the text changes.
 */
export function useIssuesUnder(path: string, skip?: RegExp): string {
  const { derive } = usePlanContext();
  return usePlan((s) => {
    const out: string[] = [];
    for (const [p, msgs] of derive(s.draft).issuesByPath) {
      if (p !== path && !p.startsWith(`${path}[`) && !p.startsWith(`${path}.`)) continue;
      if (skip && skip.test(p.slice(path.length))) continue;
      out.push(...msgs);
    }
    return out.join(' ');
  });
}
