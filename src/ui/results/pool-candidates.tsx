/**
 * A node pool's candidate types in its result (model/node-pool.ts): how many the requirements select, the worst
 * (the subnets are judged against it) and the best, named, with what the choice of types costs; every
 * candidate that runs the pod with its figures, sortable by each column (the first 50 rendered, the rest
 * on request: 300 candidates stay fast); and the types too small for one pod, with what they lack.
 */
import { memo, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import { AUTO_MODE_WARM_POOL_ASSUMPTION } from '../../model/auto-mode';
import { POOL_DEVICES, readPodRequests, type PoolCandidate, type PoolLimit } from '../../model/node-pool';
import type { NodeGroup } from '../../model/plan';
import type { NodeGroupResult } from '../../model/result';
import { fmt, plural } from '../common/format';
import './pool.css';

const NONE: readonly PoolCandidate[] = [];

/** Rows rendered before "Show all". */
export const FIRST_ROWS = 50;

const LIMIT_NAMES: Record<PoolLimit, string> = {
  'max-pods': 'max pods',
  cpu: 'CPU',
  memory: 'memory',
  devices: 'devices',
};

type Column = 'instanceType' | 'podsPerNode' | 'limitedBy' | 'nodes' | 'perNodeIps' | 'addresses';
const COLUMNS: readonly { key: Column; label: string; num: boolean }[] = [
  { key: 'instanceType', label: 'Type', num: false },
  { key: 'podsPerNode', label: 'Pods per node', num: true },
  { key: 'limitedBy', label: 'Limited by', num: false },
  { key: 'nodes', label: 'Nodes at max pods', num: true },
  { key: 'perNodeIps', label: 'Addresses per node', num: true },
  { key: 'addresses', label: 'Addresses at max pods', num: true },
];

interface Sort {
  by: Column;
  desc: boolean;
}

/**
 * The candidates in the order asked for; ties keep the model's order (most addresses first).
 * @example sortCandidates(list, { by: 'podsPerNode', desc: true })[0] // the type that packs the most pods
 */
export function sortCandidates(list: readonly PoolCandidate[], sort: Sort): PoolCandidate[] {
  const dir = sort.desc ? -1 : 1;
  const at = new Map(list.map((c, i) => [c, i]));
  const cmp = (a: PoolCandidate, b: PoolCandidate) => {
    const x = a[sort.by];
    const y = b[sort.by];
    const d =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x) < String(y)
          ? -1
          : String(x) > String(y)
            ? 1
            : 0;
    return d * dir || at.get(a)! - at.get(b)!;
  };
  return [...list].sort(cmp);
}

/** Why a type cannot run one pod: what it has against what the pod asks. */
export function tooSmallReason(c: PoolCandidate, g: NodeGroup | undefined): string {
  const t = dataset.byName.get(c.instanceType);
  const req = readPodRequests(g?.podRequests, '');
  if (!t?.ai || !req.ok) return `limited by ${LIMIT_NAMES[c.limitedBy]}`;
  const r = req.value;
  switch (c.limitedBy) {
    case 'cpu':
      return `${fmt(t.ai.allocatableCpuMilli)}m CPU allocatable, the pod asks ${fmt(r.cpuMilli)}m`;
    case 'memory':
      return `${fmt(t.ai.allocatableMemoryMiB)} MiB allocatable, the pod asks ${fmt(r.memoryMiB)} MiB`;
    case 'devices': {
      const lacking = r.devices.filter(([k, n]) => POOL_DEVICES[k]!(t) < n);
      return lacking.map(([k, n]) => `${fmt(POOL_DEVICES[k]!(t))} ${k}, the pod asks ${fmt(n)}`).join('; ');
    }
    default:
      return 'its max pods leaves no room for a pod';
  }
}

export const PoolCandidates = memo(function PoolCandidates({
  r,
  group,
}: {
  r: NodeGroupResult;
  group: NodeGroup | undefined;
}) {
  const list = r.candidateList ?? NONE;
  const worst = r.worst!;
  const best = r.best!;
  const [sort, setSort] = useState<Sort>({ by: 'addresses', desc: true });
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => sortCandidates(list, sort), [list, sort]);
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);
  const tooSmall = r.tooSmall ?? [];
  const spread = worst.addresses - best.addresses;
  const budget = group?.disruptionBudget ?? 0;
  const click = (by: Column, num: boolean) => setSort((s) => (s.by === by ? { by, desc: !s.desc } : { by, desc: num }));
  return (
    <div className="pool-candidates">
      <h3 className="pool-title">
        Node pool: {plural(r.candidates ?? list.length, 'candidate type')}
        {tooSmall.length > 0 && <span className="muted">, {fmt(list.length)} run the pod</span>}
      </h3>
      <p className="pool-picks">
        Judged against the worst, <strong>{worst.instanceType}</strong>: {plural(worst.podsPerNode, 'pod')} per node,{' '}
        {plural(worst.nodes, 'node')}, <span className="num">{fmt(worst.addresses)}</span> addresses at max pods.
        {best.instanceType === worst.instanceType ? (
          <> It is the only candidate.</>
        ) : (
          <>
            {' '}
            The best, <strong>{best.instanceType}</strong>: {plural(best.podsPerNode, 'pod')} per node,{' '}
            {plural(best.nodes, 'node')}, <span className="num">{fmt(best.addresses)}</span> addresses. Karpenter may
            launch any candidate: the choice of types is worth <span className="num strong">{fmt(spread)}</span>{' '}
            addresses
            {best.addresses > 0 && <> ({(worst.addresses / best.addresses).toFixed(1)}× the best)</>}.
          </>
        )}
        {budget > 0 && (
          <>
            {' '}
            The group&rsquo;s max adds the disruption budget&rsquo;s {plural(budget, 'node')} (replaced nodes overlap).
          </>
        )}
      </p>
      {group?.kind === 'auto-mode' && <p className="hint">{AUTO_MODE_WARM_POOL_ASSUMPTION}.</p>}
      <div className="pool-table-wrap">
        <table className="data pool-table">
          <caption className="visually-hidden">
            Candidate types of {r.name}, sorted by {COLUMNS.find((c) => c.key === sort.by)!.label.toLowerCase()}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.num ? 'num' : undefined}
                  aria-sort={sort.by === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort" onClick={() => click(c.key, c.num)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.by === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <CandidateRow
                key={c.instanceType}
                c={c}
                tag={
                  c.instanceType === worst.instanceType ? 'worst' : c.instanceType === best.instanceType ? 'best' : null
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > FIRST_ROWS && (
        <button type="button" className="small" onClick={() => setAll((a) => !a)}>
          {all ? `Show the first ${FIRST_ROWS}` : `Show all ${fmt(sorted.length)} candidates`}
        </button>
      )}
      {tooSmall.length > 0 && (
        <details className="pool-too-small">
          <summary>{plural(tooSmall.length, 'selected type')} can never run the pod</summary>
          <ul>
            {tooSmall.map((c) => (
              <li key={c.instanceType}>
                <strong>{c.instanceType}</strong>: {tooSmallReason(c, group)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
});

const CandidateRow = memo(function CandidateRow({ c, tag }: { c: PoolCandidate; tag: 'worst' | 'best' | null }) {
  return (
    <tr className={tag ?? undefined}>
      <th scope="row">
        {c.instanceType}
        {tag && <span className={`pool-tag ${tag}`}>{tag}</span>}
      </th>
      <td className="num">{fmt(c.podsPerNode)}</td>
      <td>{LIMIT_NAMES[c.limitedBy]}</td>
      <td className="num">{fmt(c.nodes)}</td>
      <td className="num">{fmt(c.perNodeIps)}</td>
      <td className="num">{fmt(c.addresses)}</td>
    </tr>
  );
});
