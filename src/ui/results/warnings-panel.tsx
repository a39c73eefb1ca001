/** The model's findings, errors first, each with its fix and, where the fix is a setting, a button that applies it. */
import { memo, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import type { Warning } from '../../model/result';
import { describePatch } from '../../state/apply-patch';
import { useActions } from '../../state/store-context';
import { plural } from '../format';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const FIRST = 8;

export const WarningsPanel = memo(function WarningsPanel({ ev, stale }: { ev: FullEvaluation; stale: boolean }) {
  const [all, setAll] = useState(false);
  const sorted = [...ev.warnings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const count = (s: Warning['severity']) => sorted.filter((w) => w.severity === s).length;
  return (
    <section className="panel" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        Findings <span className="count">{plural(count('error'), 'error')} · {plural(count('warning'), 'warning')} · {plural(count('info'), 'note')}</span>
      </h2>
      {sorted.length === 0 && (
        <p className="muted">
          {ev.totals.nodes.max === 0
            ? 'Nothing to report yet: no node group has nodes to place.'
            : 'Nothing to report: every subnet keeps its headroom and the max-pods numbers agree.'}
        </p>
      )}
      <ul className="warnings">
        {shown.map((w, i) => <WarningItem key={`${w.code}${w.path}${i}`} w={w} disabled={stale} />)}
      </ul>
      {sorted.length > FIRST && (
        <button type="button" className="link" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${sorted.length}`}
        </button>
      )}
    </section>
  );
});

function WarningItem({ w, disabled }: { w: Warning; disabled: boolean }) {
  const { applyPatch } = useActions();
  return (
    <li className={`finding ${w.severity}`}>
      <span className="badge">{w.severity === 'info' ? 'note' : w.severity}</span>
      <div>
        <p className="w-msg">{w.message}</p>
        <p className="w-fix">Fix: {w.fix}</p>
      </div>
      {w.apply && (
        <button type="button" className="small" disabled={disabled} onClick={() => applyPatch(w.apply!)}>
          {describePatch(w.apply)}
        </button>
      )}
    </li>
  );
}
