/** The planner page: header, the scenario tabs, the plan editor beside the results (or the comparison), all over one store. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { dataset } from '../../data/dataset';
import { PRESETS } from '../../model/presets';
import { openPlan } from '../../state/library';
import { PlanProvider, type PlanContextValue } from '../../state/store-context';
import type { LoadNotice } from '../../state/persistence';
import { startSync, type Sync } from '../../state/sync';
import { AppHeader, FirstStep } from './app-header';
import { AfterFirstPaint } from '../common/after-first-paint';
import { PlanEditor } from '../editor/plan-editor';
import { ErrorBoundary } from './error-boundary';
import { Notice } from './notice';
import { ResultsView } from '../results/results-view';
import { ScenarioBar, ScenarioPanel } from '../scenarios/scenario-bar';
import './app.css';

const CompareView = lazy(() => import('../compare/compare-view'));

export interface AppProps {
  ctx: PlanContextValue;
  /** Why the initial link was not opened, or what opening it kept (plain text), if anything. */
  initialNotice?: LoadNotice | null;
  /** Storage for the workspace; null in tests that do not want persistence. */
  storage?: Storage | null;
  /** Keep the URL fragment and storage in step (the real page); tests may turn it off. */
  sync?: boolean;
}

export function App({ ctx, initialNotice = null, storage = null, sync = true }: AppProps) {
  const [notice, setNotice] = useState<LoadNotice | null>(initialNotice);
  const [comparing, setComparing] = useState(false);
  const syncRef = useRef<Sync | null>(null);
  // A link that could not be opened stays in the address bar until the plan is edited or the message dismissed.
  const keepAddress = useRef(initialNotice?.keepsLink === true);
  useEffect(() => {
    if (!sync) return;
    const s = startSync({
      store: ctx.store,
      derive: ctx.derive,
      dataset,
      storage,
      onNotice: setNotice,
      keepAddress: keepAddress.current,
      onAddressFollows: () => {
        keepAddress.current = false;
        setNotice((n) => (n?.keepsLink ? { ...n, keepsLink: false } : n));
      },
    });
    syncRef.current = s;
    return () => {
      s.stop();
      syncRef.current = null;
    };
  }, [ctx, storage, sync]);
  const actions = ctx.store.getState().actions;
  const openSaved = () => {
    const id = notice?.open?.id;
    if (!id || !storage) return;
    const r = openPlan(storage, id, dataset);
    if (!r.ok) return setNotice({ fact: { kind: 'saved-plan-failed', problem: r.problem }, error: true });
    actions.openWorkspace(r.workspace, { from: 'saved', name: r.entry.name });
    setNotice(null);
  };
  const close = () => {
    if (notice?.keepsLink) syncRef.current?.release();
    setNotice(null);
  };
  return (
    <PlanProvider value={ctx}>
      <ErrorBoundary onReset={() => ctx.store.getState().actions.loadPlan(structuredClone(PRESETS[0]!))}>
        <a
          className="skip-link"
          href="#results"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('results')?.focus();
          }}
        >
          Skip to results
        </a>
        <AppHeader />
        <FirstStep />
        {notice && (
          <Notice
            notice={notice}
            onClose={close}
            onOpenSaved={storage ? openSaved : undefined}
            onKeepMine={() => syncRef.current?.keepMine()}
            onLoadTheirs={() => syncRef.current?.loadTheirs()}
          />
        )}
        <main className="workspace">
          <ScenarioBar comparing={comparing} onCompare={setComparing} />
          <ScenarioPanel>
            <section className="editor-col" aria-label="Plan">
              <AfterFirstPaint>
                <PlanEditor />
              </AfterFirstPaint>
            </section>
            <section
              id="results"
              className="results-col"
              aria-label={comparing ? 'Comparison' : 'Results'}
              tabIndex={-1}
            >
              {comparing ? (
                <Suspense fallback={<p className="panel hint">Loading the comparison…</p>}>
                  <CompareView onClose={() => setComparing(false)} />
                </Suspense>
              ) : (
                <ResultsView />
              )}
            </section>
          </ScenarioPanel>
        </main>
      </ErrorBoundary>
    </PlanProvider>
  );
}
