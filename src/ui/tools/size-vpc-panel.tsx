/**
 * "Size my VPC": a whole layout for this scenario's node groups over the AZs given, with headroom above
 * max (sizeVpc), measured with the same model, and "Open as a scenario" to compare it with the plan.
 * Default export: the tools area loads it with React.lazy.
 */
import { useId, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import { sizeVpc } from '../../model/advisor';
import { measure } from '../../model/advisor/measure';
import { numberIn } from '../../model/number-text';
import type { Plan } from '../../model/plan';
import { fmt } from '../common/format';
import { PlanSubnetsTable } from '../common/plan-subnets-table';
import { HeadroomFigures, OpenAsScenario } from '../advisor/advisor-parts';
import '../advisor/advisor.css';

/** The plan's AZs in order of first use, or three in us-east-1. */
const planAzs = (plan: Plan) =>
  [...new Set(plan.vpc.subnets.map((s) => s.az))].join(', ') || 'us-east-1a, us-east-1b, us-east-1c';

export function parseAzs(text: string): { azs: string[] } | { error: string } {
  const azs = text
    .split(/[\s,]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (!azs.length) return { error: 'Enter at least one Availability Zone, such as us-east-1a.' };
  const bad = azs.find(
    (a) => !/^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(a) && !/^[a-z]{2}(-[a-z]+)+-\d+-[a-z]+-\d+[a-z]$/.test(a),
  );
  if (bad) return { error: `“${bad}” is not an Availability Zone name such as us-east-1a.` };
  if (new Set(azs).size !== azs.length) return { error: 'Give each Availability Zone once.' };
  return { azs };
}

export default function SizeVpcPanel({ plan }: { plan: Plan }) {
  const id = useId();
  const [azText, setAzText] = useState(() => planAzs(plan));
  const [headroom, setHeadroom] = useState('20');
  const azs = useMemo(() => parseAzs(azText), [azText]);
  const typed = numberIn(headroom);
  const pct = typed !== null && typed <= 1000 ? typed : null;
  const result = useMemo(() => {
    if (!('azs' in azs) || pct === null) return null;
    const r = sizeVpc(
      {
        name: `Sized VPC for ${plan.name}`.slice(0, 120),
        nodeGroups: plan.nodeGroups,
        azs: azs.azs,
        headroomPct: pct,
        cni: plan.cni,
      },
      dataset,
    );
    return r.ok ? { ...r, measured: measure(r.plan, dataset) } : r;
  }, [plan, azs, pct]);
  const groups = plan.nodeGroups
    .map((g) => `${g.name} (${g.instanceType}, max ${fmt(g.maxNodes)}, ${fmt(g.podsPerNode)} pods per node)`)
    .join('; ');
  return (
    <section className="panel tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Size my VPC</h2>
      <p className="hint tool-intro">
        A VPC laid out for this scenario’s node groups: one node subnet and one /27 cluster subnet per AZ, each the
        smallest that holds its share of max nodes plus the headroom; pods move to 100.64.0.0/10 with custom networking
        when routable space would run large.
      </p>
      <div className="tool-form">
        <div className="field wide">
          <label htmlFor={`${id}-azs`}>AZs to spread over</label>
          <input
            id={`${id}-azs`}
            type="text"
            value={azText}
            spellCheck={false}
            onChange={(e) => setAzText(e.target.value)}
            aria-invalid={'error' in azs ? true : undefined}
            aria-describedby={'error' in azs ? `${id}-azs-msg` : undefined}
          />
          {'error' in azs && (
            <p id={`${id}-azs-msg`} className="field-error">
              {azs.error}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-h`}>Headroom above max (%)</label>
          <input
            id={`${id}-h`}
            type="text"
            className="num"
            inputMode="decimal"
            value={headroom}
            onChange={(e) => setHeadroom(e.target.value)}
            aria-invalid={pct === null ? true : undefined}
            aria-describedby={pct === null ? `${id}-h-msg` : undefined}
          />
          {pct === null && (
            <p id={`${id}-h-msg`} className="field-error">
              Enter a percentage from 0 to 1,000.
            </p>
          )}
        </div>
      </div>
      <p className="hint">Node groups: {groups || 'none: add a node group to the plan first'}.</p>
      {result && !result.ok && (
        <p className="field-error" role="status">
          Could not size a VPC: {result.error}
        </p>
      )}
      {result?.ok && (
        <div className="tool-result" aria-label="Proposed VPC" role="region">
          <p className="strong">VPC CIDRs: {result.plan.vpc.cidrs.join(', ')}</p>
          <PlanSubnetsTable plan={result.plan} caption="Proposed subnets" withPrefixReservation />
          {result.notes.length > 0 && (
            <ul className="tool-notes">
              {result.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          {result.measured && <HeadroomFigures h={result.measured.headroom} />}
          <div className="row-actions">
            <OpenAsScenario plan={result.plan} name={result.plan.name} />
          </div>
        </div>
      )}
    </section>
  );
}
