/**
 * "Compare scenarios": every scenario side by side (fits, first exhaustion, addresses, warm share, each
 * subnet and node group, the scale-out against the EC2 API), each difference against the baseline in
 * text and colour. Replaces the results column while open; the editor beside it edits the active scenario.
 * Default export: the app loads it with React.lazy.
 */
import { useId, useMemo, useState } from 'react';
import { apiCalls } from '../../model/api-calls';
import { selectActive, selectScaleOut, selectScenarios } from '../../state/selectors';
import { useActions, usePlan, usePlanContext } from '../../state/store-context';
import { scenarioLetter } from '../../state/workspace-state';
import { fmt } from '../common/format';
import { usePaintedValue } from '../common/use-painted-value';
import { apiRows, groupRows, headlineRows, subnetRows, type Column } from './compare-rows';
import { CompareTable, type Header } from './compare-table';
import './compare.css';

export default function CompareView({ onClose }: { onClose(): void }) {
  const id = useId();
  const { derive } = usePlanContext();
  // The table follows an edit once the verdict of the active scenario has painted.
  const scenarios = usePaintedValue(usePlan(selectScenarios));
  const active = usePlan(selectActive);
  const scaleOut = usePlan(selectScaleOut);
  const { switchScenario } = useActions();
  const [baseKey, setBaseKey] = useState(() => scenarios[0]?.key ?? '');
  const base = Math.max(
    0,
    scenarios.findIndex((d) => d.key === baseKey),
  );
  const { cols, headers } = useMemo(() => {
    const views = scenarios.map((d) => derive(d));
    const cols: Column[] = views.map((v) => ({
      evaluation: v.shown?.evaluation ?? null,
      api: v.shown
        ? apiCalls(v.shown.plan, v.shown.evaluation, { seconds: scaleOut.seconds, buckets: scaleOut.buckets })
        : null,
    }));
    const headers: Header[] = scenarios.map((d, i) => ({
      key: d.key,
      letter: scenarioLetter(i),
      name: d.name,
      note: !views[i]!.shown ? 'no valid plan yet' : views[i]!.stale ? 'unfinished edits: its last valid plan' : '',
    }));
    return { cols, headers };
  }, [scenarios, derive, scaleOut]);
  const common = { headers, base, active, onEdit: switchScenario };
  return (
    <section className="panel compare-view" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Compare scenarios</h2>
        <div className="compare-controls">
          <div className="inline-field">
            <label htmlFor={`${id}-base`}>Baseline</label>
            <select id={`${id}-base`} value={scenarios[base]?.key ?? ''} onChange={(e) => setBaseKey(e.target.value)}>
              {scenarios.map((d, i) => (
                <option key={d.key} value={d.key}>
                  {scenarioLetter(i)} · {d.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="small" onClick={onClose}>
            Back to the results
          </button>
        </div>
      </div>
      {scenarios.length < 2 && <p className="hint">Fork a scenario (above) to have something to compare with.</p>}
      <p className="hint">
        Differences are against the baseline: <span className="diff better inline">green</span> is better,{' '}
        <span className="diff worse inline">red</span> worse, with the change written out in each cell.
      </p>
      <CompareTable caption="At a glance" rows={headlineRows(cols, base)} {...common} />
      <CompareTable caption="Subnets: addresses used at max / usable" rows={subnetRows(cols, base)} {...common} />
      <CompareTable caption="Node groups" rows={groupRows(cols, base)} {...common} />
      <CompareTable
        caption={`Scale-out from desired to max in ${fmt(scaleOut.seconds)} s against the EC2 API`}
        rows={apiRows(cols, base)}
        {...common}
      />
      <p className="hint">The window and the token buckets are set in Tools → EC2 API.</p>
    </section>
  );
}
