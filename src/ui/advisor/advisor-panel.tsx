/**
 * The advisor (issue "What-if"): when the plan does not fit or its warm pools waste addresses, advise()'s
 * fixes, ranked, each measured on the whole changed plan (fits, first exhaustion, addresses at max, warm
 * share) with its costs, and "Make it a scenario". Run once the plan has rested: it evaluates the plan
 * about six times over. Default export: the results load it with React.lazy.
 */
import { useId } from 'react';
import { dataset } from '../../data/dataset';
import { advise, type Advice } from '../../model/advisor';
import type { Plan } from '../../model/plan';
import { plural } from '../format';
import { useRested } from '../use-rested';
import { HeadroomFigures, OpenAsScenario } from './advisor-parts';
import './advisor.css';

/** How long the plan rests before the advisor measures it (between keystrokes it never runs). */
export const ADVISE_AFTER_MS = 400;

/** Plans by content: an edit and its undo, or a field left and fixed again, give an equal plan. */
const keys = new WeakMap<Plan, string>();
function keyOf(plan: Plan): string {
  let k = keys.get(plan);
  if (k === undefined) keys.set(plan, (k = JSON.stringify(plan)));
  return k;
}

/** The advice of the last few plans measured. */
const cache = new Map<string, Advice[]>();
function adviceFor(plan: Plan): Advice[] {
  const k = keyOf(plan);
  let hit = cache.get(k);
  if (!hit) {
    hit = advise(plan, dataset);
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  }
  cache.delete(k);
  cache.set(k, hit);
  return hit;
}

export default function AdvisorPanel({ plan, stale }: { plan: Plan; stale: boolean }) {
  const id = useId();
  const rested = useRested(plan, ADVISE_AFTER_MS);
  const advice = rested ? adviceFor(rested) : null;
  const busy = rested !== plan && (rested === null || keyOf(rested) !== keyOf(plan));
  return (
    <section className="panel advisor-panel" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>
          Fixes, measured {advice && <span className="count">{plural(advice.length, 'fix', 'fixes')}</span>}
        </h2>
        {busy && <span className="hint">Measuring the fixes…</span>}
      </div>
      <p className="hint">
        Each fix is applied to a copy of this plan and evaluated with the same model; the best first. “Make it a scenario” adds the
        changed plan beside this one, so you can compare them.
      </p>
      {advice && advice.length === 0 && <p className="muted">No fix the advisor knows improves this plan without stranding pods.</p>}
      {advice && advice.length > 0 && (
        <ol className="advice-list">
          {advice.map((a) => <AdviceItem key={a.id} a={a} disabled={stale || busy} />)}
        </ol>
      )}
    </section>
  );
}

function AdviceItem({ a, disabled }: { a: Advice; disabled: boolean }) {
  const id = useId();
  return (
    <li className="advice">
      <div className="advice-head">
        <h3 id={`${id}-t`}><span className="advice-rank">{a.rank}</span>{a.title}</h3>
        <OpenAsScenario plan={a.plan} name={a.title} label="Make it a scenario" disabled={disabled} describedBy={`${id}-t`} />
      </div>
      <p className="advice-summary">{a.summary}</p>
      <HeadroomFigures h={a.headroom} />
      <p className="advice-costs-label" id={`${id}-c`}>Costs</p>
      {a.cost.length ? (
        <ul className="advice-costs" aria-labelledby={`${id}-c`}>{a.cost.map((c, i) => <li key={i}>{c}</li>)}</ul>
      ) : <ul className="advice-costs none" aria-labelledby={`${id}-c`}><li>None found beyond the change itself.</li></ul>}
    </li>
  );
}
