/** The results column: the verdict first, then the chart, the findings and the advisor's fixes, the detail, and the tools. */
import { lazy, Suspense } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { useDerived } from '../../state/store-context';
import { AfterFirstPaint } from '../common/after-first-paint';
import { DatasetFooter } from '../app/dataset-footer';
import { usePaintedValue } from '../common/use-painted-value';
import { useRested } from '../common/use-rested';
import { ADVISE_AFTER_MS } from '../advisor/advise-after';
import { ChartSection } from './chart-section';
import { GroupResults } from './group-results';
import { StaleBanner } from './stale-banner';
import { SubnetBars } from './subnet-bars';
import { nothingToPlace, Verdict } from './verdict';
import { WarningsPanel } from './warnings-panel';

const AdvisorPanel = lazy(() => import('../advisor/advisor-panel'));
const ToolsArea = lazy(() => import('../tools/tools-area'));

/** The advisor has something to say: the plan does not fit, or its warm pools waste addresses. */
const wantsAdvice = (ev: FullEvaluation) => !ev.fits || ev.warnings.some((w) => w.code === 'warm-pool-waste');

export function ResultsView() {
  const { shown, stale, issues } = useDerived();
  // The verdict and findings show an edit's result in the next frame; the chart and the detail follow in
  // the frame after, so their ~30 ms on a 48-subnet plan never delays the verdict.
  const detail = usePaintedValue(shown);
  const later = detail ?? shown;
  // The advisor's panel comes and goes once the plan has rested, as its fixes do (advise-after.ts).
  const advised = !!later && wantsAdvice(later.evaluation);
  const showAdvisor = useRested(advised, ADVISE_AFTER_MS) ?? advised;
  return (
    <div className="results">
      {stale && <StaleBanner issues={issues} hasResult={shown !== null} />}
      {shown && later ? (
        <div className={stale ? 'stale' : undefined} data-stale={stale || undefined}>
          <Verdict plan={shown.plan} ev={shown.evaluation} stale={stale} />
          {/* On the page's first render, the verdict paints first; the rest follows (after-first-paint.tsx). */}
          <AfterFirstPaint>
            {nothingToPlace(later.evaluation) ? (
              <section className="panel" aria-labelledby="chart-empty-title">
                <h2 id="chart-empty-title">Subnet exhaustion as the node groups scale</h2>
                <p className="muted">
                  Nothing to chart yet: the chart draws each subnet filling up as the node groups scale, once a group
                  has nodes.
                </p>
              </section>
            ) : (
              <ChartSection ev={later.evaluation} plan={later.plan} />
            )}
            <WarningsPanel ev={shown.evaluation} stale={stale} />
            {showAdvisor && (
              <Suspense fallback={null}>
                <AdvisorPanel plan={later.plan} stale={stale} />
              </Suspense>
            )}
            <SubnetBars ev={later.evaluation} />
            {later.evaluation.nodeGroups.length > 0 && <GroupResults plan={later.plan} ev={later.evaluation} />}
          </AfterFirstPaint>
        </div>
      ) : (
        <p className="panel">Fix the fields marked in the plan to see its results.</p>
      )}
      <AfterFirstPaint>
        <Suspense
          fallback={
            <section className="panel tools-area" aria-label="Tools">
              <p className="hint">Loading the tools…</p>
            </section>
          }
        >
          <ToolsArea shown={later} />
        </Suspense>
      </AfterFirstPaint>
      <DatasetFooter />
    </div>
  );
}
