/**
 * "Saved plans": named workspaces kept in this browser (src/state/library.ts). Save the current plan
 * under a name, then open, rename (inline), duplicate or delete one; a delete can be undone from the
 * status line. Whatever the library had to set aside in storage is listed here and told to onNotice.
 * Names are user text and only ever rendered as text. Default export: load it with React.lazy.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { InstanceDataset } from '../../model/instances';
import type { Workspace } from '../../model/workspace';
import {
  checkPlanName,
  deletePlan,
  duplicatePlan,
  LIBRARY_KEY,
  listPlans,
  MAX_NAME_CHARS,
  openPlan,
  QUARANTINE_PREFIX,
  renamePlan,
  savePlanAs,
  undoDelete,
  type LibraryNote,
  type LibraryProblem,
  type PlanEntry,
} from '../../state/library';
import {
  libraryDoneText,
  libraryNoteText,
  libraryProblemText,
  openedNoticeText,
  type LibraryDone,
} from './library-text';
import { PlanRow } from './plan-row';
import './library.css';

export interface PlanLibraryProps {
  /** Local storage, or null where the browser allows none. */
  storage: Storage | null;
  dataset: InstanceDataset;
  /** The workspace "Save current as…" saves. */
  current: Workspace;
  /** Suggested name for it. */
  currentName: string;
  /** A saved plan was opened; `id` is what autosave(storage, id, ws) takes to keep saving it. */
  onOpen(ws: Workspace, name: string, id: string): void;
  onNotice(text: string, error: boolean): void;
}

interface Status {
  text: string;
  error: boolean;
  /** Token of a delete that Undo restores. */
  undo?: string;
}

export default function PlanLibrary({ storage, dataset, current, currentName, onOpen, onNotice }: PlanLibraryProps) {
  const uid = useId();
  const root = useRef<HTMLElement>(null);
  const [plans, setPlans] = useState<PlanEntry[]>([]);
  const [setAside, setSetAside] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const [name, setName] = useState(currentName);
  const [renaming, setRenaming] = useState<string | null>(null);
  /** After a render: focus this row's button ([plan id, action]) or the Undo button. */
  const [focus, setFocus] = useState<[string, string] | 'undo' | null>(null);
  const notify = useRef(onNotice);
  useEffect(() => {
    notify.current = onNotice;
  });

  // eslint-disable-next-line react-hooks/set-state-in-effect -- the name field follows the plan when it changes elsewhere
  useEffect(() => setName(currentName), [currentName]);

  /** Shows what the library set aside, and tells the app; true when the result was ok. */
  const take = useCallback((r: { ok: boolean; notes: LibraryNote[]; problem?: LibraryProblem }): boolean => {
    if (r.notes.length) {
      const texts = r.notes.map(libraryNoteText);
      setSetAside((old) => [...old, ...texts]);
      for (const t of texts) notify.current(t, true);
    }
    if (!r.ok) setStatus({ text: r.problem ? libraryProblemText(r.problem) : 'That did not work.', error: true });
    return r.ok;
  }, []);

  const refresh = useCallback(() => {
    if (!storage) return;
    const r = listPlans(storage);
    if (take(r) && r.ok) setPlans(r.plans);
  }, [storage, take]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads local storage (an external system) on mount
    refresh();
    // Another tab saved, renamed or deleted: list again.
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith(LIBRARY_KEY) || e.key.startsWith(QUARANTINE_PREFIX)) refresh();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [refresh]);

  useEffect(() => {
    if (!focus || !root.current) return;
    const target =
      focus === 'undo'
        ? root.current.querySelector<HTMLElement>('.library-status button')
        : [...root.current.querySelectorAll<HTMLElement>('li[data-plan-id]')]
            .find((tr) => tr.dataset.planId === focus[0])
            ?.querySelector<HTMLElement>(`[data-action="${focus[1]}"]`);
    (target ?? root.current.querySelector<HTMLElement>('h2'))?.focus();
    setFocus(null);
  }, [focus]);

  const done = (what: LibraryDone, extra: Partial<Status> = {}) => {
    setStatus({ text: libraryDoneText(what), error: false, ...extra });
    refresh();
  };

  if (!storage) {
    return (
      <section className="panel plan-library" aria-labelledby={`${uid}-h`} ref={root}>
        <h2 id={`${uid}-h`}>Saved plans</h2>
        <p className="library-unavailable">
          This browser does not allow this page to keep data (private browsing, or site data is blocked), so plans
          cannot be saved here. Use the share link or download the plan as a file instead.
        </p>
      </section>
    );
  }

  const save = () => {
    const r = savePlanAs(storage, name, current);
    if (take(r) && r.ok) done({ kind: 'saved', name: r.entry.name });
  };
  const open = (p: PlanEntry) => {
    const r = openPlan(storage, p.id, dataset);
    if (take(r) && r.ok) {
      onOpen(r.workspace, r.entry.name, r.entry.id);
      setStatus({ text: libraryDoneText({ kind: 'opened', name: r.entry.name }), error: false });
      notify.current(openedNoticeText(r.entry.name), false);
    } else refresh();
  };
  const rename = (p: PlanEntry, next: string): string | null => {
    const checked = checkPlanName(next);
    if (!checked.ok) return libraryProblemText(checked.problem); // said beside the field, which stays open
    const r = renamePlan(storage, p.id, checked.name);
    setRenaming(null);
    if (take(r) && r.ok) done({ kind: 'renamed', from: p.name, to: r.entry.name });
    else refresh();
    setFocus([p.id, 'rename']);
    return null;
  };
  const duplicate = (p: PlanEntry) => {
    const r = duplicatePlan(storage, p.id);
    if (take(r) && r.ok) {
      done({ kind: 'duplicated', from: p.name, copy: r.entry.name });
      setFocus([r.entry.id, 'open']);
    } else refresh();
  };
  const remove = (p: PlanEntry) => {
    const r = deletePlan(storage, p.id);
    if (take(r) && r.ok) {
      if (renaming === p.id) setRenaming(null);
      done({ kind: 'deleted', name: p.name }, r.token ? { undo: r.token } : {});
      setFocus(r.token ? 'undo' : null);
    } else refresh();
  };
  const undo = (token: string) => {
    const r = undoDelete(storage, token);
    if (take(r) && r.ok) {
      done({ kind: 'restored', name: r.entry.name });
      setFocus([r.entry.id, 'open']);
    }
  };

  return (
    <section className="panel plan-library" aria-labelledby={`${uid}-h`} ref={root}>
      <h2 id={`${uid}-h`} tabIndex={-1}>
        Saved plans
      </h2>
      <p className="hint library-intro">
        Kept in this browser only. Open one to edit it; share links and files are how plans travel.
      </p>
      <form
        className="library-save"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-name`}>Save current plan as</label>
          <div className="field-row">
            <input
              id={`${uid}-name`}
              type="text"
              value={name}
              maxLength={MAX_NAME_CHARS + 20}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </div>
      </form>
      <div className={`library-status${status?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {status && <span>{status.text}</span>}
        {status?.undo && (
          <button type="button" className="small" onClick={() => undo(status.undo!)}>
            Undo
          </button>
        )}
      </div>
      {setAside.length > 0 && (
        <div className="library-set-aside">
          <p className="strong">Some saved data could not be used:</p>
          <ul>
            {setAside.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
          <button type="button" className="small" onClick={() => setSetAside([])}>
            Dismiss
          </button>
        </div>
      )}
      {plans.length === 0 ? (
        <p className="muted library-empty">No saved plans yet.</p>
      ) : (
        <ul className="library-list" aria-label="Saved plans, newest first">
          {plans.map((p) => (
            <PlanRow
              key={p.id}
              entry={p}
              renaming={renaming === p.id}
              onOpen={() => open(p)}
              onStartRename={() => setRenaming(p.id)}
              onRename={(next) => rename(p, next)}
              onCancelRename={() => {
                setRenaming(null);
                setFocus([p.id, 'rename']);
              }}
              onDuplicate={() => duplicate(p)}
              onDelete={() => remove(p)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
