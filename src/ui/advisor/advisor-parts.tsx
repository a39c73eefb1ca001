/**
 * Pieces the advisor's panels share: the measured headroom of a plan as four figures, the list of
 * subnets a scenario runs out of, and the button that adds a plan as a new scenario.
 */
import type { Headroom } from '../../model/advisor/measure';
import type { ScenarioResult } from '../../model/scenario-ops';
import type { Plan } from '../../model/plan';
import { MAX_SCENARIOS } from '../../model/workspace';
import { selectScenarioCount } from '../../state/selectors';
import { useActions, usePlan } from '../../state/store-context';
import { fmt, percent } from '../common/format';

const share = (x: number) => percent(x, { spaced: true });

/** Fits, where the first subnet runs out, addresses at max, warm share: what the advisor ranks by. */
export function HeadroomFigures({ h }: { h: Headroom }) {
  return (
    <dl className="figures">
      <div className={h.fitsAtMax ? 'good' : 'bad'}>
        <dt>Fits at max</dt>
        <dd>{h.fitsAtMax ? 'Yes' : 'No'}</dd>
      </div>
      <div>
        <dt>First subnet runs out</dt>
        <dd>{h.firstExhaustionNodes === null ? 'not within 2× max' : `at ${fmt(h.firstExhaustionNodes)} nodes`}</dd>
      </div>
      <div>
        <dt>Addresses used at max</dt>
        <dd className="num">{fmt(h.addressesAtMax)}</dd>
      </div>
      <div>
        <dt>Warm pool at desired</dt>
        <dd className="num">{share(h.warmShareAtDesired)}</dd>
      </div>
    </dl>
  );
}

/** The subnets that run out in a failure or surge scenario, or that none does. */
export function Exhausted({ r }: { r: ScenarioResult }) {
  if (!r.evaluation) return <p className="field-error">The scenario's plan is not valid: {r.notes.slice(-1)[0]}</p>;
  if (!r.exhausted.length) return <p className="tool-ok">Every subnet still holds every node group at max.</p>;
  return (
    <table className="data">
      <caption className="visually-hidden">Subnets that run out</caption>
      <thead>
        <tr>
          <th scope="col">Runs out</th>
          <th scope="col" className="num">
            Used at max
          </th>
          <th scope="col" className="num">
            Usable
          </th>
          <th scope="col" className="num">
            First short at
          </th>
        </tr>
      </thead>
      <tbody>
        {r.exhausted.map((s) => (
          <tr key={s.name}>
            <th scope="row" className="danger">
              {s.name}
            </th>
            <td className="num danger">{fmt(s.usedAtMax)}</td>
            <td className="num">{fmt(s.usable)}</td>
            <td className="num">{s.exhaustedAtNodes === null ? '—' : `${fmt(s.exhaustedAtNodes)} nodes`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface OpenProps {
  plan: Plan;
  name: string;
  label?: string;
  disabled?: boolean;
  /** The id of what the button acts on (a fix's title), as its description. */
  describedBy?: string;
}

/** Adds `plan` as a new scenario named `name` and switches to it; disabled at MAX_SCENARIOS. */
export function OpenAsScenario({ plan, name, label = 'Open as a scenario', disabled, describedBy }: OpenProps) {
  const { addScenario } = useActions();
  const full = usePlan(selectScenarioCount) >= MAX_SCENARIOS;
  return (
    <button
      type="button"
      className="small"
      disabled={disabled || full}
      onClick={() => addScenario(plan, name)}
      aria-describedby={describedBy}
      title={
        full
          ? `At most ${MAX_SCENARIOS} scenarios: delete one first`
          : `Adds “${name}” as a new scenario and switches to it`
      }
    >
      {label}
    </button>
  );
}
