/**
 * "Failure and surge": which subnets run out when an AZ is lost (its nodes move to the other AZs) and
 * during a node-group upgrade (every group at max + its surge, the control plane's new ENIs in the
 * cluster subnets), each with "Open as a scenario". Default export: the tools area loads it with React.lazy.
 */
import { useId, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import { headroomOf } from '../../model/advisor/measure';
import type { Plan } from '../../model/plan';
import { loseAz, upgradeSurge, type ScenarioResult, type SurgeOptions } from '../../model/scenario-ops';
import { Exhausted, HeadroomFigures, OpenAsScenario } from '../advisor/advisor-parts';
import '../advisor/advisor.css';

/**
 * What is typed as maxSurge: empty is EKS's default, a whole number is nodes, "10%" a share of max.
 * @example parseSurge('') → {}; parseSurge('3') → { maxSurge: 3 }; parseSurge('10%') → { maxSurge: '10%' }
 */
export function parseSurge(text: string): { options: SurgeOptions } | { error: string } {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '') return { options: {} };
  if (/^\d{1,6}$/.test(t)) return { options: { maxSurge: Number(t) } };
  if (/^\d{1,3}(\.\d+)?%$/.test(t) && Number(t.slice(0, -1)) <= 100)
    return { options: { maxSurge: t as `${number}%` } };
  return {
    error:
      'Enter a number of nodes (3), a percentage of max from 0% to 100% (10%), or leave it empty for EKS’s default.',
  };
}

export default function FailurePanel({ plan }: { plan: Plan }) {
  const id = useId();
  const azs = useMemo(() => [...new Set(plan.vpc.subnets.map((s) => s.az))], [plan]);
  const [picked, setPicked] = useState('');
  const az = azs.includes(picked) ? picked : (azs[0] ?? '');
  const [surgeText, setSurgeText] = useState('');
  const surge = useMemo(() => parseSurge(surgeText), [surgeText]);
  const lost = useMemo(() => (az ? loseAz(plan, az, dataset) : null), [plan, az]);
  const surged = useMemo(() => ('options' in surge ? upgradeSurge(plan, surge.options, dataset) : null), [plan, surge]);
  return (
    <section className="panel tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Failure and surge</h2>
      <section className="tool-section" aria-labelledby={`${id}-az`}>
        <h3 id={`${id}-az`}>Lose one AZ</h3>
        <p className="hint">
          Its subnets leave every node group; the node counts stay, so the nodes launch in the other AZs.
        </p>
        <div className="tool-form">
          <div className="field">
            <label htmlFor={`${id}-pick`}>AZ lost</label>
            <select id={`${id}-pick`} value={az} onChange={(e) => setPicked(e.target.value)}>
              {azs.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        </div>
        {lost && <Outcome r={lost} name={`${plan.name} without ${az}`} />}
      </section>
      <section className="tool-section" aria-labelledby={`${id}-up`}>
        <h3 id={`${id}-up`}>Upgrade surge</h3>
        <p className="hint">
          During a managed node group update every group adds its surge at once (EKS’s default: twice the group’s AZs,
          at least maxUnavailable 1), and EKS may take 8 more addresses for new control-plane ENIs.
        </p>
        <div className="tool-form">
          <div className="field">
            <label htmlFor={`${id}-surge`}>maxSurge</label>
            <input
              id={`${id}-surge`}
              type="text"
              className="num"
              value={surgeText}
              placeholder="EKS default"
              spellCheck={false}
              onChange={(e) => setSurgeText(e.target.value)}
              aria-invalid={'error' in surge ? true : undefined}
              aria-describedby={'error' in surge ? `${id}-surge-msg` : `${id}-surge-hint`}
            />
            {'error' in surge ? (
              <p id={`${id}-surge-msg`} className="field-error">
                {surge.error}
              </p>
            ) : (
              <p id={`${id}-surge-hint`} className="hint">
                Nodes (3) or a share of max (10%).
              </p>
            )}
          </div>
        </div>
        {surged && <Outcome r={surged} name={`${plan.name} during an upgrade`} />}
      </section>
    </section>
  );
}

function Outcome({ r, name }: { r: ScenarioResult; name: string }) {
  return (
    <div className="tool-result">
      <Exhausted r={r} />
      {r.evaluation && <HeadroomFigures h={headroomOf(r.evaluation)} />}
      {r.notes.length > 0 && (
        <ul className="tool-notes">
          {r.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <OpenAsScenario plan={r.plan} name={name.slice(0, 120)} disabled={!r.evaluation} />
      </div>
    </div>
  );
}
