/**
 * The headline: does the plan fit at max, which subnet runs out first and when, and where addresses go;
 * or, before any node group has nodes, that there is nothing to place yet and what to do.
 */
import { memo } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { endNodesWhenNothingRunsOut } from '../../model/exhaustion';
import type { Plan } from '../../model/plan';
import { fmt, pct } from '../common/format';
import { PoolVerdictLine } from './pool-verdict';

/** No node group has a node to place, even at max: no verdict to give, nothing to chart. */
export const nothingToPlace = (ev: FullEvaluation): boolean => ev.totals.nodes.max === 0;

export const Verdict = memo(function Verdict({ plan, ev, stale }: { plan: Plan; ev: FullEvaluation; stale: boolean }) {
  const t = ev.totals;
  const first = ev.firstExhaustion;
  const firstSubnet = first ? ev.subnets.find((s) => s.name === first.subnet) : undefined;
  const empty = nothingToPlace(ev);
  return (
    <section
      className={`panel verdict ${empty ? 'empty' : ev.fits ? 'fits' : 'fails'}`}
      aria-labelledby="verdict-title"
    >
      <p className="plan-name">{plan.name}</p>
      <h2 id="verdict-title" className="verdict-title">
        {empty ? 'Nothing to place yet' : ev.fits ? 'Fits at max' : 'Does not fit at max'}
        {stale && <span className="stale-tag">last valid plan</span>}
      </h2>
      <p className="verdict-line" data-testid="first-exhaustion">
        {empty ? (
          plan.nodeGroups.length === 0 ? (
            'The plan has no node group yet, so no address is taken and nothing can run out: ' +
            'add one on the left (instance type, subnets, node counts).'
          ) : (
            "Every node group has a maximum of 0 nodes: raise a group's maximum nodes to see the addresses " +
            'its nodes take and when each subnet runs out.'
          )
        ) : first && firstSubnet ? (
          <>
            {ev.fits ? 'Beyond max, ' : 'First to run out: '}
            subnet <strong>{first.subnet}</strong>{' '}
            <span className="muted">
              ({firstSubnet.cidr}, {firstSubnet.az})
            </span>{' '}
            runs out at <strong className="num">{fmt(first.atNodes)} nodes</strong> of {fmt(t.nodes.max)} at max.
          </>
        ) : (
          <>No subnet runs out, even at {fmt(endNodesWhenNothingRunsOut(t.nodes.max))} nodes (twice max).</>
        )}
      </p>
      {!empty && <PoolVerdictLine ev={ev} />}
      <dl className="stats">
        <Stat
          label="Nodes at desired"
          value={fmt(t.nodes.desired)}
          sub={`min ${fmt(t.nodes.min)} · max ${fmt(t.nodes.max)}`}
        />
        <Stat
          label="Addresses used at desired"
          value={fmt(t.used.desired)}
          sub={`of ${fmt(t.usable)} usable (${pct(t.used.desired, t.usable)})`}
          danger={t.used.desired > t.usable}
        />
        <Stat
          label="Addresses used at max"
          value={fmt(t.used.max)}
          sub={`of ${fmt(t.usable)} usable (${pct(t.used.max, t.usable)})`}
          danger={t.used.max > t.usable || !ev.fits}
        />
        <Stat
          label="Warm pool at desired"
          value={pct(t.warm.desired, t.used.desired)}
          sub={`${fmt(t.warm.desired)} idle addresses; pods use ${fmt(t.pods.desired)}`}
        />
      </dl>
    </section>
  );
});

function Stat({ label, value, sub, danger }: { label: string; value: string; sub: string; danger?: boolean }) {
  return (
    <div className={`stat${danger ? ' danger' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="stat-value num">{value}</span>
        <span className="stat-sub">{sub}</span>
      </dd>
    </div>
  );
}
