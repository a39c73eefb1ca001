/** The planner page: header, the plan editor beside the results, all over one store. */
import { useEffect, useState } from 'react';
import { dataset } from '../data/dataset';
import { PRESETS } from '../model/presets';
import { PlanProvider, type PlanContextValue } from '../state/store-context';
import type { LoadNotice } from '../state/persistence';
import { startSync } from '../state/sync';
import { AppHeader } from './app-header';
import { PlanEditor } from './editor/plan-editor';
import { ErrorBoundary } from './error-boundary';
import { Notice } from './notice';
import { ResultsView } from './results/results-view';

export interface AppProps {
  ctx: PlanContextValue;
  /** Why the initial link was not opened (plain text), if it was not. */
  initialNotice?: LoadNotice | null;
  /** Storage for the plan; null in tests that do not want persistence. */
  storage?: Storage | null;
  /** Keep the URL fragment and storage in step (the real page); tests may turn it off. */
  sync?: boolean;
}

export function App({ ctx, initialNotice = null, storage = null, sync = true }: AppProps) {
  const [notice, setNotice] = useState<LoadNotice | null>(initialNotice);
  useEffect(() => {
    if (!sync) return;
    return startSync({ store: ctx.store, derive: ctx.derive, dataset, storage, onNotice: setNotice });
  }, [ctx, storage, sync]);
  return (
    <PlanProvider value={ctx}>
      <ErrorBoundary onReset={() => ctx.store.getState().actions.loadPlan(structuredClone(PRESETS[0]!))}>
        <a className="skip-link" href="#results" onClick={(e) => { e.preventDefault(); document.getElementById('results')?.focus(); }}>Skip to results</a>
        <AppHeader />
        {notice && <Notice notice={notice} onClose={() => setNotice(null)} />}
        <main className="layout">
          <section className="editor-col" aria-label="Plan">
            <PlanEditor />
          </section>
          <section id="results" className="results-col" aria-label="Results" tabIndex={-1}>
            <ResultsView />
          </section>
        </main>
      </ErrorBoundary>
    </PlanProvider>
  );
}
