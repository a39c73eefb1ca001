/** The planner page: header, the scenario tabs, the plan editor beside the results (or the comparison), all over one store. */
import { lazy, Suspense, useEffect, useState } from 'react';
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
import { ScenarioBar, ScenarioPanel } from './scenarios/scenario-bar';

const CompareView = lazy(() => import('./compare/compare-view'));

export interface AppProps {
  ctx: PlanContextValue;
  /** Why the initial link was not opened (plain text), if it was not. */
  initialNotice?: LoadNotice | null;
  /** Storage for the workspace; null in tests that do not want persistence. */
  storage?: Storage | null;
  /** Keep the URL fragment and storage in step (the real page); tests may turn it off. */
  sync?: boolean;
}

export function App({ ctx, initialNotice = null, storage = null, sync = true }: AppProps) {
  const [notice, setNotice] = useState<LoadNotice | null>(initialNotice);
  const [comparing, setComparing] = useState(false);
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
        <main className="workspace">
          <ScenarioBar comparing={comparing} onCompare={setComparing} />
          <ScenarioPanel>
            <section className="editor-col" aria-label="Plan">
              <PlanEditor />
            </section>
            <section id="results" className="results-col" aria-label={comparing ? 'Comparison' : 'Results'} tabIndex={-1}>
              {comparing ? (
                <Suspense fallback={<p className="panel hint">Loading the comparison…</p>}>
                  <CompareView onClose={() => setComparing(false)} />
                </Suspense>
              ) : <ResultsView />}
            </section>
          </ScenarioPanel>
        </main>
      </ErrorBoundary>
    </PlanProvider>
  );
}
