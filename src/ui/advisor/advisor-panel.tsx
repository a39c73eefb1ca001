/**
 * The advisor (issue "What-if"): when the plan does not fit or its warm pools waste addresses, advise()'s
 * fixes, ranked, each measured on the whole changed plan (fits, first exhaustion, addresses at max, warm
 * share) with its costs, and "Make it a scenario". Run once the plan has rested: it evaluates the plan
 * about six times over. Default export: the results load it with React.lazy.
 */
import { useId } from 'react';
import type { Advice } from '../../model/advisor';
import type { Plan } from '../../model/plan';
import { MAX_SCENARIOS } from '../../model/workspace';
import { selectScenarioCount } from '../../state/selectors';
import { useActions, usePlan, usePlanContext } from '../../state/store-context';
import { activeDraft } from '../../state/workspace-state';
import { plural } from '../common/format';
import { scenarioTabId } from '../scenarios/scenario-bar';
import { useRested } from '../common/use-rested';
import { ADVISE_AFTER_MS } from './advise-after';
import { planKey, useAdvice } from './use-advice';
import { HeadroomFigures } from './advisor-parts';
import './advisor.css';

/** A fix in a few words, for a scenario's name: the tab, the comparison's header, an export's cluster name. */
export function shortFixLabel(a: Pick<Advice, 'id' | 'title' | 'plan'>, before: Plan): string {
  const cni = a.plan.cni;
  switch (a.id) {
    case 'warm-ip-targets':
      return `MIT ${cni.minimumIpTarget ?? 0}/WIT ${cni.warmIpTarget ?? 0}`;
    case 'max-eni':
      return `MAX_ENI ${cni.maxEni ?? ''}`.trim();
    case 'prefix-delegation':
      return 'prefix delegation';
    case 'secondary-cidr': {
      const added = a.plan.vpc.cidrs.length - before.vpc.cidrs.length;
      return added > 1 ? `${added} pod CIDRs` : 'pod CIDR';
    }
    case 'bigger-subnets':
      return 'larger subnets';
    default:
      return a.title.length > 24 ? `${a.title.slice(0, 23).trimEnd()}…` : a.title;
  }
}

/** "Small routable VPC + MIT 25/WIT 5": the plan's name (cut at 24 characters) and the fix's short label. */
export function fixScenarioName(planName: string, label: string): string {
  const name = planName.trim() || 'Plan';
  const base = name.length > 24 ? `${name.slice(0, 23).trimEnd()}…` : name;
  return `${base} + ${label}`;
}

export default function AdvisorPanel({ plan, stale }: { plan: Plan; stale: boolean }) {
  const id = useId();
  const measured = useAdvice(useRested(plan, ADVISE_AFTER_MS));
  const advice = measured?.advice ?? null;
  const busy = measured === null || (measured.plan !== plan && planKey(measured.plan) !== planKey(plan));
  return (
    <section
      className="panel advisor-panel"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      // Follows the plan once it has rested: scripts/bench-ui.mjs times it apart from the edit's redraw.
      data-rested=""
    >
      <div className="panel-head">
        <h2 id={`${id}-title`}>
          Fixes, measured {advice && <span className="count">{plural(advice.length, 'fix', 'fixes')}</span>}
        </h2>
        {busy && <span className="hint">Measuring the fixes…</span>}
      </div>
      <p className="hint">
        Each fix is applied to a copy of this plan and evaluated with the same model; the best first. “Make it a
        scenario” adds the changed plan beside this one, so you can compare them.
      </p>
      {advice && advice.length === 0 && (
        <p className="muted">No fix the advisor knows improves this plan without stranding pods.</p>
      )}
      {advice && advice.length > 0 && (
        <ol className="advice-list">
          {advice.map((a) => (
            <AdviceItem key={a.id} a={a} plan={measured?.plan ?? plan} disabled={stale || busy} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AdviceItem({ a, plan, disabled }: { a: Advice; plan: Plan; disabled: boolean }) {
  const id = useId();
  return (
    <li className="advice">
      <div className="advice-head">
        <h3 id={`${id}-t`}>
          <span className="advice-rank">{a.rank}</span>
          {a.title}
        </h3>
        <MakeScenario
          a={a}
          name={fixScenarioName(plan.name, shortFixLabel(a, plan))}
          disabled={disabled}
          describedBy={`${id}-t`}
        />
      </div>
      <p className="advice-summary">{a.summary}</p>
      <HeadroomFigures h={a.headroom} />
      <p className="advice-costs-label" id={`${id}-c`}>
        Costs
      </p>
      {a.cost.length ? (
        <ul className="advice-costs" aria-labelledby={`${id}-c`}>
          {a.cost.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : (
        <ul className="advice-costs none" aria-labelledby={`${id}-c`}>
          <li>None found beyond the change itself.</li>
        </ul>
      )}
    </li>
  );
}

/**
 * Adds the fixed plan as a scenario under a short name, then brings the page back to the top: the new
 * tab gets the focus and the results column scrolls up to its verdict.
 */
interface MakeScenarioProps {
  a: Advice;
  name: string;
  disabled: boolean;
  describedBy: string;
}

function MakeScenario({ a, name, disabled, describedBy }: MakeScenarioProps) {
  const { addScenario } = useActions();
  const { store } = usePlanContext();
  const full = usePlan(selectScenarioCount) >= MAX_SCENARIOS;
  const onClick = () => {
    if (!addScenario(a.plan, name)) return;
    // Once the new scenario has rendered: its tab exists, and its results replace this panel's.
    const key = activeDraft(store.getState()).key;
    setTimeout(() => {
      const results = document.getElementById('results');
      if (results) results.scrollTop = 0;
      document.getElementById(scenarioTabId(key))?.focus({ preventScroll: true });
    }, 0);
  };
  return (
    <button
      type="button"
      className="small"
      disabled={disabled || full}
      onClick={onClick}
      aria-describedby={describedBy}
      title={
        full
          ? `At most ${MAX_SCENARIOS} scenarios: delete one first`
          : `Adds “${name}” as a new scenario and switches to it`
      }
    >
      Make it a scenario
    </button>
  );
}
