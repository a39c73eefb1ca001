/**
 * The verdict's line for node pools: the subnets are judged against each pool's worst candidate; what the
 * plan would do with the best ones (FullEvaluation.bestCase), so a reader sees what the choice of types costs.
 */
import type { FullEvaluation } from '../../model/evaluate';
import { listOf } from '../../model/warnings';
import { fmt } from '../common/format';
import './pool.css';

export function PoolVerdictLine({ ev }: { ev: FullEvaluation }) {
  const pools = ev.nodeGroups.filter((g) => g.worst && g.best);
  if (pools.length === 0) return null;
  const one = pools.length === 1;
  const worst = listOf(pools.map((g) => `${g.worst!.instanceType}${one ? '' : ` (${g.name})`}`));
  const best = listOf(pools.map((g) => `${g.best!.instanceType}${one ? '' : ` (${g.name})`}`));
  const b = ev.bestCase;
  const head = (
    <>
      Judged against the worst candidate{one ? '' : 's'} <strong>{worst}</strong>
      {one ? ` (${pools[0]!.name})` : ''}
    </>
  );
  if (!b) {
    return (
      <p className="verdict-pool" data-testid="pool-verdict">
        {head}:{' '}
        {pools.every((g) => (g.candidateList?.length ?? 0) === 1)
          ? `${one ? 'the pool runs its pod on this type only' : 'each pool runs its pod on one type only'}, so worst and best are the same.`
          : `every candidate ${one ? 'costs' : 'of a pool costs'} the same addresses, so the choice of types changes nothing.`}
      </p>
    );
  }
  const first = b.firstExhaustion;
  const saved = ev.totals.used.max - b.totals.used.max;
  return (
    <p className="verdict-pool" data-testid="pool-verdict">
      {head}; with the best, <strong>{best}</strong>, it{' '}
      <strong className={b.fits ? 'ok' : 'danger'}>
        {b.fits ? (ev.fits ? 'fits too' : 'fits') : 'does not fit either'}
      </strong>
      {': '}
      <span className="num">{fmt(b.totals.used.max)}</span> addresses at max ({fmt(b.totals.nodes.max)} nodes)
      {saved > 0 ? <>, {fmt(saved)} fewer than with the worst</> : null}
      {first ? (
        <>
          ; {b.fits ? 'beyond max, ' : ''}
          {first.subnet} runs out {b.fits ? '' : 'first '}at {fmt(first.atNodes)} nodes
        </>
      ) : null}
      .
    </p>
  );
}
