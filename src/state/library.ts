/**
 * The plan library: named, saved workspaces in local storage, each kept as its export document
 * (documentOf, the same JSON as a downloaded file). Pure functions over a Storage; none throws.
 *
 *   eks-ip-planner:library:v1              {"version":1,"plans":[{id,name,savedAt,scenarios}]}, newest first
 *   eks-ip-planner:library:v1:plan:<id>    the document
 *   eks-ip-planner:library:v1:trash        the last deleted plan, until undone or replaced by the next delete
 *   eks-ip-planner:quarantine:<ms>[-n]     {"from","reason","at","value"}: data set aside, at most MAX_QUARANTINE
 *                                          (reason: a SetAsideReason; a sentence in records older than it)
 *
 * Whatever is in storage is untrusted (another tab, an older or newer planner, an extension, a hand
 * edit): a value that is not JSON, of an unknown version, too large, or not a valid plan is moved to a
 * quarantine key and reported in `notes`, never deleted in silence. An index entry whose data is
 * missing is taken off the list (the old list is set aside); data the list forgot is listed again.
 * Results are facts (LibraryProblem, LibraryNote); src/ui/library/library-text.ts words them.
 */
import { MAX_DOCUMENT_CHARS, parseDocumentText } from '../model/document-text';
import type { InstanceDataset } from '../model/instances';
import { documentOf, type Workspace } from '../model/workspace';
import {
  fail,
  loadIndex,
  MAX_NAME_CHARS,
  MAX_PLANS,
  newId,
  parseIndex,
  planKey,
  random,
  run,
  setAside,
  storageProblem,
  TRASH_KEY,
  writeEntry,
  writeIndex,
  writing,
  type LibraryFailure,
  type LibraryNote,
  type LibraryProblem,
  type LibraryResult,
  type PlanEntry,
  type Session,
} from './library-storage';

export {
  LIBRARY_KEY,
  MAX_NAME_CHARS,
  MAX_PLANS,
  MAX_QUARANTINE,
  PLAN_KEY_PREFIX,
  QUARANTINE_PREFIX,
  storageProblem,
  TRASH_KEY,
  WRITING_KEY,
  type LibraryAction,
  type LibraryFailure,
  type LibraryNote,
  type LibraryProblem,
  type LibraryResult,
  type PlanEntry,
  type SetAsideReason,
  type SetAsideWhat,
  type StorageProblem,
} from './library-storage';

/** A plan name as the library keeps it (control characters become spaces, trimmed), or why it is refused. */
export function checkPlanName(name: string): { ok: true; name: string } | { ok: false; problem: LibraryProblem } {
  const n = String(name)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  if (!n) return { ok: false, problem: { kind: 'name-empty' } };
  if (n.length > MAX_NAME_CHARS)
    return { ok: false, problem: { kind: 'name-too-long', max: MAX_NAME_CHARS, length: n.length } };
  return { ok: true, name: n };
}

function documentText(ws: Workspace): { ok: true; text: string } | { ok: false; problem: LibraryProblem } {
  const text = JSON.stringify(documentOf(ws));
  return text.length > MAX_DOCUMENT_CHARS
    ? {
        ok: false,
        problem: { kind: 'plan-too-large', kb: Math.round(text.length / 1024), maxKb: MAX_DOCUMENT_CHARS / 1024 },
      }
    : { ok: true, text };
}

// Plain array copies (Array.prototype.with and toSpliced are newer than the browsers the build targets).
const replaceAt = <T>(list: T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));
const insertAt = <T>(list: T[], i: number, item: T): T[] => [...list.slice(0, i), item, ...list.slice(i)];

const missing = (s: Session) => fail(s, { kind: 'plan-missing' });
const full = (s: Session) => fail(s, { kind: 'library-full', max: MAX_PLANS });

/** The saved plans, newest first, after setting aside whatever in storage is damaged. */
export function listPlans(storage: Storage): LibraryResult<{ plans: PlanEntry[] }> {
  return run(storage, 'list', (s) => ({ ok: true, plans: loadIndex(s), notes: s.notes }));
}

export function savePlanAs(storage: Storage, name: string, ws: Workspace): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'save', (s) => {
    const n = checkPlanName(name);
    if (!n.ok) return fail(s, n.problem);
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.problem);
    const plans = loadIndex(s);
    if (plans.length >= MAX_PLANS) return full(s);
    const entry: PlanEntry = {
      id: newId(plans, storage),
      name: n.name,
      savedAt: Date.now(),
      scenarios: ws.scenarios.length,
    };
    writeEntry(s, entry.id, doc.text, [entry, ...plans], null);
    return { ok: true, entry, notes: s.notes };
  });
}

/**
 * Keeps a workspace that something is about to replace (a link opened over the autosave, another tab's
 * autosave) as a saved plan named `name`; when the library already holds the same document, that entry
 * is returned instead of a copy, so opening the same link twice does not fill the library.
 */
export function keepInLibrary(
  storage: Storage,
  name: string,
  ws: Workspace,
): { ok: true; notes: LibraryNote[]; entry: PlanEntry; existed: boolean } | LibraryFailure {
  return keep(storage, name, ws);
}

function keep(storage: Storage, name: string, ws: Workspace): LibraryResult<{ entry: PlanEntry; existed: boolean }> {
  return run(storage, 'keep', (s) => {
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.problem);
    const plans = loadIndex(s);
    const same = plans.find((p) => storage.getItem(planKey(p.id)) === doc.text);
    if (same) return { ok: true, entry: same, existed: true, notes: s.notes };
    const saved = savePlanAs(storage, name.slice(0, MAX_NAME_CHARS), ws);
    const notes = [...s.notes, ...saved.notes];
    return saved.ok ? { ...saved, existed: false, notes } : { ...saved, notes };
  });
}

/** The saved workspace, validated like any file; a plan that fails is set aside and taken off the list. */
export function openPlan(
  storage: Storage,
  id: string,
  dataset: InstanceDataset,
): LibraryResult<{ workspace: Workspace; entry: PlanEntry }> {
  return run(storage, 'open', (s) => {
    const plans = loadIndex(s);
    const entry = plans.find((p) => p.id === id);
    const text = entry && storage.getItem(planKey(id));
    if (!entry || typeof text !== 'string') return missing(s);
    // The label goes into the model's own issue messages ("the saved plan "X" is not valid JSON (…)").
    const r = parseDocumentText(text, dataset, `the saved plan "${entry.name}"`);
    if (r.ok) return { ok: true, workspace: r.workspace, entry, notes: s.notes };
    const issues = r.issues.slice(0, 3);
    setAside(s, planKey(id), text, { kind: 'plan', name: entry.name }, { kind: 'not-valid-plan', issues });
    writeIndex(
      s,
      plans.filter((p) => p.id !== id),
    );
    return fail(s, { kind: 'plan-not-valid', name: entry.name, issues });
  });
}

export function renamePlan(storage: Storage, id: string, name: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'rename', (s) => {
    const n = checkPlanName(name);
    if (!n.ok) return fail(s, n.problem);
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    if (i < 0) return missing(s);
    const entry = { ...plans[i]!, name: n.name };
    writeIndex(s, replaceAt(plans, i, entry));
    return { ok: true, entry, notes: s.notes };
  });
}

export function duplicatePlan(storage: Storage, id: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'duplicate', (s) => {
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    const text = i >= 0 ? storage.getItem(planKey(id)) : null;
    if (text === null) return missing(s);
    if (plans.length >= MAX_PLANS) return full(s);
    const src = plans[i]!;
    const entry: PlanEntry = {
      ...src,
      id: newId(plans, storage),
      name: `${src.name.slice(0, MAX_NAME_CHARS - 7)} (copy)`,
      savedAt: Date.now(),
    };
    writeEntry(s, entry.id, text, insertAt(plans, i + 1, entry), null);
    return { ok: true, entry, notes: s.notes };
  });
}

/** Deletes a plan, keeping it in the trash until undoDelete(token) or the next delete; token is null when no undo could be kept. */
export function deletePlan(storage: Storage, id: string): LibraryResult<{ entry: PlanEntry; token: string | null }> {
  return run(storage, 'delete', (s) => {
    const plans = loadIndex(s);
    const position = plans.findIndex((p) => p.id === id);
    const document = position >= 0 ? storage.getItem(planKey(id)) : null;
    if (document === null) return missing(s);
    const entry = plans[position]!;
    return writing(s, () => {
      writeIndex(
        s,
        plans.filter((_, j) => j !== position),
      );
      storage.removeItem(TRASH_KEY);
      storage.removeItem(planKey(id));
      const token = `t${Date.now().toString(36)}-${random()}`;
      try {
        const trash = { version: 1, token, position, entry, document, deletedAt: Date.now() };
        storage.setItem(TRASH_KEY, JSON.stringify(trash));
        return { ok: true as const, entry, token, notes: s.notes };
      } catch (e) {
        s.notes.push({ kind: 'delete-not-undoable', name: entry.name, storage: storageProblem(e) });
        return { ok: true as const, entry, token: null, notes: s.notes };
      }
    });
  });
}

export function undoDelete(storage: Storage, token: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'restore', (s) => {
    const raw = storage.getItem(TRASH_KEY);
    if (raw === null) return fail(s, { kind: 'nothing-to-restore' });
    let t: {
      version?: unknown;
      token?: unknown;
      position?: unknown;
      entry?: Partial<PlanEntry>;
      document?: unknown;
    } | null = null;
    try {
      t = JSON.parse(raw);
    } catch {
      t = null;
    }
    const entry = t ? parseIndex(JSON.stringify({ version: 1, plans: [t.entry] })) : null;
    if (
      !t ||
      t.version !== 1 ||
      typeof t.document !== 'string' ||
      t.document.length > MAX_DOCUMENT_CHARS ||
      !entry?.ok ||
      entry.plans.length !== 1
    ) {
      setAside(s, TRASH_KEY, raw, { kind: 'undo-copy' }, { kind: 'damaged' });
      return fail(s, { kind: 'undo-copy-damaged' });
    }
    if (t.token !== token) return fail(s, { kind: 'undo-replaced' });
    const plans = loadIndex(s);
    if (plans.length >= MAX_PLANS) return full(s);
    const back = entry.plans[0]!;
    const restored =
      plans.some((p) => p.id === back.id) || storage.getItem(planKey(back.id)) !== null
        ? { ...back, id: newId(plans, storage) }
        : back;
    const at =
      typeof t.position === 'number' && Number.isInteger(t.position) && t.position >= 0
        ? Math.min(t.position, plans.length)
        : 0;
    writeEntry(s, restored.id, t.document, insertAt(plans, at, restored), null);
    storage.removeItem(TRASH_KEY);
    return { ok: true, entry: restored, notes: s.notes };
  });
}

/** Overwrites a saved plan with the workspace being edited (the app calls it after edits rest). */
export function autosave(storage: Storage, id: string, ws: Workspace): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'save', (s) => {
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.problem);
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    if (i < 0) return fail(s, { kind: 'editing-missing' });
    const entry = { ...plans[i]!, savedAt: Date.now(), scenarios: ws.scenarios.length };
    writeEntry(s, id, doc.text, replaceAt(plans, i, entry), storage.getItem(planKey(id)));
    return { ok: true, entry, notes: s.notes };
  });
}
