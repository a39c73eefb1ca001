/** The results column: the verdict first, then the chart, then the detail. */
import { useDerived } from '../../state/store-context';
import { DatasetFooter } from '../dataset-footer';
import { usePaintedValue } from '../use-painted-value';
import { ExhaustionChart } from './exhaustion-chart';
import { GroupResults } from './group-results';
import { StaleBanner } from './stale-banner';
import { SubnetBars } from './subnet-bars';
import { Verdict } from './verdict';
import { WarningsPanel } from './warnings-panel';

export function ResultsView() {
  const { shown, stale, issues } = useDerived();
  // The verdict and findings show an edit's result in the next frame; the chart and the detail follow in
  // the frame after, so their ~30 ms on a 48-subnet plan never delays the verdict.
  const detail = usePaintedValue(shown);
  return (
    <div className="results">
      {stale && <StaleBanner issues={issues} hasResult={shown !== null} />}
      {shown ? (
        <div className={stale ? 'stale' : undefined} data-stale={stale || undefined}>
          <Verdict plan={shown.plan} ev={shown.evaluation} stale={stale} />
          <ExhaustionChart ev={(detail ?? shown).evaluation} />
          <WarningsPanel ev={shown.evaluation} stale={stale} />
          <SubnetBars ev={(detail ?? shown).evaluation} />
          <GroupResults plan={(detail ?? shown).plan} ev={(detail ?? shown).evaluation} />
        </div>
      ) : (
        <p className="panel">Fix the fields marked in the plan to see its results.</p>
      )}
      <DatasetFooter />
    </div>
  );
}
