/** The model's findings, errors first, each with its fix and, where the fix is a setting, a button that applies it. */
import { memo, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import type { Warning } from '../../model/result';
import { useActions } from '../../state/store-context';
import { commonMessage, groupRepeated, listIndex, listNoun } from '../editor/group-issues';
import { plural } from '../common/format';
import { describePatch } from './patch-label';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const FIRST = 8;
/** From this many findings of one code, they are one line with the list folded (40 node groups: …). */
export const GROUP_FROM = 4;

export const WarningsPanel = memo(function WarningsPanel({ ev, stale }: { ev: FullEvaluation; stale: boolean }) {
  const [all, setAll] = useState(false);
  const sorted = [...ev.warnings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const lines = groupRepeated(sorted, (w) => `${w.severity}\u0000${w.code}`, GROUP_FROM);
  const shown = all ? lines : lines.slice(0, FIRST);
  const count = (s: Warning['severity']) => sorted.filter((w) => w.severity === s).length;
  return (
    <section className="panel" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        Findings{' '}
        <span className="count">
          {plural(count('error'), 'error')} · {plural(count('warning'), 'warning')} · {plural(count('info'), 'note')}
        </span>
      </h2>
      {sorted.length === 0 && (
        <p className="muted">
          {ev.totals.nodes.max === 0
            ? 'Nothing to report yet: no node group has nodes to place.'
            : 'Nothing to report: every subnet keeps its headroom and the max-pods numbers agree.'}
        </p>
      )}
      <ul className="warnings">
        {shown.map((line, i) =>
          line.length === 1 ? (
            <WarningItem key={`${line[0]!.code}${line[0]!.path}${i}`} w={line[0]!} disabled={stale} />
          ) : (
            <RepeatedItem key={`${line[0]!.code}*${i}`} list={line} ev={ev} disabled={stale} />
          ),
        )}
      </ul>
      {lines.length > FIRST && (
        <button type="button" className="link" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${lines.length}`}
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

/** The subject a finding's path names: its node group or subnet. */
function subjectOf(ev: FullEvaluation, path: string): string {
  const k = listIndex(path);
  if (k === null) return '';
  return (
    (/^nodeGroups\[/.test(path) ? ev.nodeGroups[k]?.name : /^vpc\.subnets\[/.test(path) ? ev.subnets[k]?.name : '') ??
    ''
  );
}

/**
 * Findings of one code on many node groups or subnets: "40 node groups: <message>", the fix once, one
 * button that applies every fix in one undo step, and the list folded, each with its own message.
 */
function RepeatedItem({ list, ev, disabled }: { list: readonly Warning[]; ev: FullEvaluation; disabled: boolean }) {
  const { applyPatches } = useActions();
  const first = list[0]!;
  const subjects = list.map((w) => subjectOf(ev, w.path));
  const msg = commonMessage(list.map((w, i) => [subjects[i]!, w.message] as const));
  const fixes = new Set(list.map((w) => w.fix));
  const patches = list.flatMap((w) => (w.apply ? [w.apply] : []));
  const sameSet = new Set(patches.map((p) => JSON.stringify(p.kind === 'cni' ? p : p.set))).size === 1;
  const noun = listNoun(first.path, list.length);
  const example =
    msg.example && !msg.text.includes(msg.example) ? `, e.g. ${msg.example}:` : msg.example ? ', e.g.:' : ':';
  return (
    <li className={`finding ${first.severity} repeated`}>
      <span className="badge">{first.severity === 'info' ? 'note' : first.severity}</span>
      <div>
        <p className="w-msg">
          <strong>{noun}</strong>
          {example} {msg.text}
        </p>
        <p className="w-fix">
          Fix{fixes.size > 1 ? `, e.g. for ${subjects[0]}` : ''}: {first.fix}
        </p>
        <details>
          <summary>The {noun}</summary>
          <ul className="repeated-list">
            {list.map((w, i) => (
              <li key={`${w.path}${i}`}>{w.message}</li>
            ))}
          </ul>
        </details>
      </div>
      {patches.length === list.length && (
        <button type="button" className="small" disabled={disabled} onClick={() => applyPatches(patches)}>
          {sameSet ? `${describePatch(patches[0]!)} (all ${list.length})` : `Apply each fix (all ${list.length})`}
        </button>
      )}
    </li>
  );
}
