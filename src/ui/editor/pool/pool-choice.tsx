/**
 * Karpenter and Auto Mode groups: one fixed instance type, or a node pool that chooses among the types its
 * requirements select.
 */
import type { DraftGroup } from '../../../state/draft';
import { useActions } from '../../../state/store-context';
import { usePoolWorst } from './use-pool-worst';

export function PoolChoice({ index, group }: { index: number; group: DraftGroup }) {
  const { setGroupPool } = useActions();
  const name = `pool-choice-${group.key}`;
  const pool = Boolean(group.pool);
  const who = group.kind === 'auto-mode' ? 'EKS Auto Mode' : 'Karpenter';
  const worst = usePoolWorst(index, pool);
  return (
    <fieldset className="pool-choice">
      <legend>Instance types</legend>
      <div className="segmented">
        <label className={pool ? undefined : 'on'}>
          <input type="radio" name={name} checked={!pool} onChange={() => setGroupPool(index, false)} />
          Fixed instance type
        </label>
        <label className={pool ? 'on' : undefined}>
          <input type="radio" name={name} checked={pool} onChange={() => setGroupPool(index, true)} />
          Node pool (requirements)
        </label>
      </div>
      <p className="hint">
        {pool
          ? `${who} launches any type the requirements select, so the subnets are judged against the worst one` +
            (worst ? `: now ${worst} (what is said above about one type, such as the EFA layout, is about it).` : '.')
          : `A NodePool whose requirements name one type. Choose "Node pool" to let ${who} pick among several.`}
      </p>
    </fieldset>
  );
}
