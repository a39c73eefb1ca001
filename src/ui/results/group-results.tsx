/**
 * Per node group: how one node's number arises (max pods in force and why, interfaces by card, addresses by
 * subnet), the three max-pods numbers and Karpenter's, and how many nodes fit.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import type { FullEvaluation } from '../../model/evaluate';
import type { Plan } from '../../model/plan';
import { AUTO_MODE_WARM_POOL_ASSUMPTION, groupCni } from '../../model/auto-mode';
import { placeGroups } from '../../model/placement';
import type { NodeGroupResult } from '../../model/result';
import { listOf, roomSharedWith } from '../../model/warnings';
import { fmt, plural } from '../common/format';
import { cardLines, explainNode, kindName, layoutName, modeLabel, subnetLines } from './node-explain';
import { PoolCandidates } from './pool-candidates';

/** The other groups in a group's subnets and those subnets ('' / [] when it has them to itself). */
interface Sharing {
  groups: string[];
  subnets: string[];
}

/**
 * How many nodes of a group fit, the other groups at desired, in words that cannot read as nonsense:
 * "fits at max, room for 709 more" rather than "729 of 20 nodes fit".
 */
export function fitSummary(
  r: Pick<NodeGroupResult, 'maxNodesThatFit' | 'nodes'>,
  share: Sharing,
): { text: string; short: boolean } {
  const fit = r.maxNodesThatFit;
  const max = r.nodes.max;
  const with_ = share.groups.length ? `, shared with ${listOf(share.groups)}` : '';
  if (fit < max) return { text: `only ${fmt(fit)} of ${fmt(max)} nodes fit${with_}`, short: true };
  const more = fit - max;
  const text = more > 0 ? `fits at max, room for ${fmt(more)} more${with_}` : 'fits at max, no room for more';
  return { text, short: false };
}

/** The detail's sentence on how many nodes fit, and with whom the room is shared. */
export function fitSentence(r: Pick<NodeGroupResult, 'name' | 'maxNodesThatFit' | 'nodes'>, share: Sharing): string {
  const fit = r.maxNodesThatFit;
  const max = r.nodes.max;
  const others = share.groups.length ? `${listOf(share.groups)} at desired` : 'the other groups at desired';
  const head =
    fit < max
      ? `Only ${fmt(fit)} of its ${fmt(max)} nodes at max fit, with ${others}.`
      : fit > max
        ? `It fits at max (${fmt(max)} nodes), with room for ${fmt(fit - max)} more (${fmt(fit)} in all) with ${others}.`
        : `It fits at max (${fmt(max)} nodes), with no room for more with ${others}.`;
  if (!share.groups.length) return head;
  return (
    `${head} That room is shared: ${r.name} and ${listOf(share.groups)} both use ${listOf(share.subnets)}, ` +
    'so nodes of one take it from the others, and their figures do not add up.'
  );
}

/** Groups beyond this many start folded, to keep the page short. */
const OPEN_UP_TO = 3;

export const GroupResults = memo(function GroupResults({ plan, ev }: { plan: Plan; ev: FullEvaluation }) {
  // Which groups draw on the same subnets: per group, in plan order (cheap: one pass over the groups).
  const sharing = useMemo(() => {
    const placed = placeGroups(plan, dataset);
    return plan.nodeGroups.map((_, gi) => roomSharedWith(plan, placed, gi));
  }, [plan]);
  // Which groups are unfolded, by name; the first (or all of a few) to start with.
  const [open, setOpen] = useState(
    () => new Set(ev.nodeGroups.filter((_, i) => i === 0 || ev.nodeGroups.length <= OPEN_UP_TO).map((g) => g.name)),
  );
  const toggle = useCallback(
    (name: string, on: boolean) =>
      setOpen((prev) => {
        if (prev.has(name) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(name);
        else next.delete(name);
        return next;
      }),
    [],
  );
  return (
    <section className="panel" aria-labelledby="groups-result-title">
      <h2 id="groups-result-title">Node groups</h2>
      <div className="group-results">
        {ev.nodeGroups.map((r, gi) => (
          <GroupResult
            key={r.name}
            r={r}
            plan={plan}
            share={sharing[gi] ?? NO_SHARE}
            open={open.has(r.name)}
            onToggle={toggle}
          />
        ))}
      </div>
    </section>
  );
});

const NO_SHARE: Sharing = { groups: [], subnets: [] };

interface GroupProps {
  r: NodeGroupResult;
  plan: Plan;
  share: Sharing;
  open: boolean;
  onToggle(name: string, open: boolean): void;
}

/** A folded group re-renders only when its summary's figures change. */
const sameSummary = (a: GroupProps, b: GroupProps) =>
  a.r.name === b.r.name &&
  a.r.instanceType === b.r.instanceType &&
  a.r.perNode.totalIps === b.r.perNode.totalIps &&
  a.r.maxNodesThatFit === b.r.maxNodesThatFit &&
  a.r.nodes.max === b.r.nodes.max &&
  a.open === b.open &&
  a.share.groups.join('\n') === b.share.groups.join('\n') &&
  a.r.candidates === b.r.candidates;

// Folded groups render their summary only: 40 groups' tables on every edit would cost a frame.
const GroupResult = memo(
  function GroupResult({ r, plan, share, open, onToggle }: GroupProps) {
    const fit = fitSummary(r, share);
    return (
      <details className="group-result" open={open} onToggle={(e) => onToggle(r.name, e.currentTarget.open)}>
        <summary>
          <span className="g-name">{r.name}</span>
          <span className="muted">
            {r.candidates !== undefined
              ? `node pool, worst of ${fmt(r.candidates)}: ${r.instanceType}`
              : r.instanceType}
          </span>
          <span className="g-fig">
            <span className="num">{fmt(r.perNode.totalIps)}</span> addresses per node
          </span>
          <span className={`g-fig${fit.short ? ' danger' : ''}`}>{fit.text}</span>
        </summary>
        {open && <GroupDetail r={r} plan={plan} share={share} />}
      </details>
    );
  },
  (a, b) => a.r === b.r || (sameSummary(a, b) && !a.open && !b.open),
);

function GroupDetail({ r, plan, share }: { r: NodeGroupResult; plan: Plan; share: Sharing }) {
  const t = dataset.byName.get(r.instanceType)!;
  const n = r.perNode;
  const m = r.maxPodsNumbers;
  const g = plan.nodeGroups.find((x) => x.name === r.name);
  // The settings this group's nodes run with: the plan's, or Auto Mode's own (as placement computes them).
  const cni = g ? groupCni(plan.cni, g) : plan.cni;
  const short = r.maxNodesThatFit < r.nodes.max;
  // Interfaces by card: for types with several cards or EFA (one line for a single plain card says nothing new).
  const showCards = t.networkCards > 1 || n.efaInterfaces > 0;
  const karpenterMinus = [
    cni.customNetworking ? ' − 1 reserved' : '',
    n.efaOnlyOnCard0 ? ` − ${n.efaOnlyOnCard0} EFA-only` : '',
  ].join('');
  const karpenterEnis = karpenterMinus ? `(${t.enis}${karpenterMinus})` : String(t.enis);
  return (
    <>
      {r.candidateList && r.worst && r.best && <PoolCandidates r={r} group={g} />}
      <p className="muted">
        {r.candidateList && <>The worst candidate&rsquo;s node: </>}
        {kindName(n.kind)} · {fmt(n.pods)} pods per node · warm pool rule: {modeLabel(n)}
        {n.efaLayout !== 'none' && <> · EFA layout: {layoutName(n.efaLayout)}</>}
        {n.multiNic && <> · Multi-NIC{n.multiHomedPods ? `, ${plural(n.multiHomedPods, 'multi-homed pod')}` : ''}</>}
        {n.prefixFallback && (
          <strong className="note"> · not Nitro: prefix delegation falls back to secondary IPs</strong>
        )}
        {n.kind === 'auto-mode' && <> · {AUTO_MODE_WARM_POOL_ASSUMPTION} (the VPC CNI settings do not apply)</>}
      </p>
      <table className="data explain">
        <caption className="visually-hidden">
          How one {r.instanceType} node of {r.name} takes its addresses
        </caption>
        <tbody>
          {explainNode(t, cni, n, { planMaxPods: g?.maxPods ?? null }).map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              <td className="formula">{s.formula}</td>
              <td className="num strong">{s.value}</td>
            </tr>
          ))}
          {n.podsWithoutIp > 0 && (
            <tr className="over">
              <th scope="row">Pods without an address</th>
              <td className="formula">requested but not admitted or not addressed</td>
              <td className="num strong">{fmt(n.podsWithoutIp)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {showCards && (
        <div className="node-cards">
          <h3 className="node-cards-title">
            Interfaces by network card{' '}
            <span className="muted">
              ({plural(t.networkCards, 'card')}
              {n.efaInterfaces ? `, ${plural(n.efaInterfaces, 'EFA interface')}` : ''})
            </span>
          </h3>
          <ul className="card-lines" aria-label={`Network cards of one ${r.instanceType} node of ${r.name}`}>
            {cardLines(n, cni).map((l) => (
              <li key={l.cards}>
                <strong>{l.cards}:</strong> {l.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="subnet-lines" aria-label={`Where one ${r.instanceType} node of ${r.name} takes its addresses`}>
        {subnetLines(n, g?.subnets ?? [], cni.customNetworking ? (g?.podSubnets ?? []) : [], r.subnetDiscovery).map(
          (l) => (
            <li key={l.label}>
              <strong>{l.label}</strong> <span className="muted">({l.subnets})</span>:{' '}
              <span className="num strong">{fmt(l.total)}</span>
              {l.parts && <span className="muted"> = {l.parts}</span>}
            </li>
          ),
        )}
      </ul>
      <dl className="maxpods">
        <div>
          <dt>ENI-limited max pods</dt>
          <dd className="num">{fmt(m.eniLimited)}</dd>
          <dd className="src">
            eni-max-pods.txt: {t.enis} × ({t.ipv4PerEni} − 1) + 2
          </dd>
        </div>
        <div>
          <dt>Recommended</dt>
          <dd className="num">{fmt(m.recommended)}</dd>
          <dd className="src">max-pods-calculator.sh with these settings</dd>
        </div>
        <div>
          <dt>Effective</dt>
          <dd className={`num${m.effective < n.maxPods - 2 ? ' danger' : ''}`}>{fmt(m.effective)}</dd>
          <dd className="src">
            min(max pods {fmt(n.maxPods)} − 2, {fmt(n.ipCapacity)} the CNI can hold)
          </dd>
        </div>
        <div>
          <dt>Karpenter</dt>
          <dd className="num">{fmt(m.karpenter)}</dd>
          <dd className="src">
            EFA-aware ENI-limited: {karpenterEnis} × ({t.ipv4PerEni} − 1) + 2
          </dd>
        </div>
      </dl>
      <p>
        Addresses for the group: <span className="num">{fmt(r.addresses.desired)}</span> at desired (
        {fmt(r.nodes.desired)} nodes), <span className="num">{fmt(r.addresses.max)}</span> at max ({fmt(r.nodes.max)}{' '}
        nodes). <span className={short ? 'danger' : undefined}>{fitSentence(r, share)}</span>
      </p>
    </>
  );
}
