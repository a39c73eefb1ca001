/**
 * Hands the store (and its derivation cache) to components through context, so each app instance and
 * each test has its own. Components read through the module-level selectors of selectors.ts; the
 * fields' messages are worded in src/ui/common/field-issues.ts.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { Derive, DerivedView } from './derive';
import type { PlanState, PlanStore } from './plan-store';
import { selectDraft } from './selectors';
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

/**
 * The store's actions. They are made once with the store and never replaced, so they are read, not
 * subscribed to: a subscription per caller (172 on the 40-group plan) would be one more selector run on
 * every keystroke for a value that cannot change.
 */
export const useActions = (): PlanState['actions'] => usePlanContext().store.getState().actions;

/** The derived view of the active scenario's draft (cached: every caller in one render shares it). */
export function useDerived(): DerivedView {
  const { derive } = usePlanContext();
  return derive(usePlan(selectDraft));
}

export function useTemporal<T>(selector: (s: TemporalState<WorkspaceDrafts>) => T): T {
  return useStore(usePlanContext().store.temporal, selector);
}
