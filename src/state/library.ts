/**
 * The plan library: named, saved workspaces in local storage, each kept as its export document
 * (documentOf, the same JSON as a downloaded file). Pure functions over a Storage; none throws.
 *
 *   eks-ip-planner:library:v1              {"version":1,"plans":[{id,name,savedAt,scenarios}]}, newest first
 *   eks-ip-planner:library:v1:plan:<id>    the document
 *   eks-ip-planner:library:v1:trash        the last deleted plan, until undone or replaced by the next delete
 *   eks-ip-planner:quarantine:<ms>[-n]     {"from","reason","at","value"}: data set aside, at most MAX_QUARANTINE
 *
 * Whatever is in storage is untrusted (another tab, an older or newer planner, an extension, a hand
 * edit): a value that is not JSON, of an unknown version, too large, or not a valid plan is moved to a
 * quarantine key and reported in `notices`, never deleted in silence. An index entry whose data is
 * missing is taken off the list (the old list is set aside); data the list forgot is listed again.
 */
import { MAX_DOCUMENT_CHARS, parseDocumentText } from '../model/document-text';
import type { InstanceDataset } from '../model/instances';
import { documentOf, type Workspace } from '../model/workspace';
import {
  fail, issueText, loadIndex, MAX_NAME_CHARS, MAX_PLANS, newId, parseIndex, planKey, quote, random, run, setAside,
  storageProblem, TRASH_KEY,
  writeEntry, writeIndex,
  writing, type LibraryResult, type PlanEntry, type Session,
} from './library-storage';

export {
  issueText, LIBRARY_KEY, MAX_NAME_CHARS, MAX_PLANS, MAX_QUARANTINE, PLAN_KEY_PREFIX, QUARANTINE_PREFIX, storageProblem,
  TRASH_KEY, WRITING_KEY,
  type LibraryResult, type PlanEntry,
} from './library-storage';

/** A plan name as the library keeps it (control characters become spaces, trimmed), or why it is refused. */
export function checkPlanName(name: string): { ok: true; name: string } | { ok: false; error: string } {
  const n = String(name).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!n) return { ok: false, error: 'Give the plan a name.' };
  if (n.length > MAX_NAME_CHARS) return { ok: false, error: `A name is at most ${MAX_NAME_CHARS} characters; this one has ${n.length}.` };
  return { ok: true, name: n };
}

function documentText(ws: Workspace): { ok: true; text: string } | { ok: false; error: string } {
  const text = JSON.stringify(documentOf(ws));
  return text.length > MAX_DOCUMENT_CHARS ? { ok: false, error: `The plan is too large to save (${Math.round(text.length / 1024)} KB; at most ${MAX_DOCUMENT_CHARS / 1024} KB).` } : { ok: true, text };
}

// Plain array copies (Array.prototype.with and toSpliced are newer than the browsers the build targets).
const replaceAt = <T>(list: T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));
const insertAt = <T>(list: T[], i: number, item: T): T[] => [...list.slice(0, i), item, ...list.slice(i)];

const missing = (s: Session) => fail(s, 'That saved plan is no longer in the library (was it deleted in another tab?).');

/** The saved plans, newest first, after setting aside whatever in storage is damaged. */
export function listPlans(storage: Storage): LibraryResult<{ plans: PlanEntry[] }> {
  return run(storage, 'read the saved plans', (s) => ({ ok: true, plans: loadIndex(s), notices: s.notices }));
}

export function savePlanAs(storage: Storage, name: string, ws: Workspace): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'save the plan', (s) => {
    const n = checkPlanName(name);
    if (!n.ok) return fail(s, n.error);
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.error);
    const plans = loadIndex(s);
    if (plans.length >= MAX_PLANS) return fail(s, `The library holds at most ${MAX_PLANS} plans; delete some first.`);
    const entry: PlanEntry = { id: newId(plans, storage), name: n.name, savedAt: Date.now(), scenarios: ws.scenarios.length };
    writeEntry(s, entry.id, doc.text, [entry, ...plans], null);
    return { ok: true, entry, notices: s.notices };
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
): LibraryResult<{ entry: PlanEntry; existed: boolean }> {
  return run(storage, 'keep the plan in Saved plans', (s) => {
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.error);
    const plans = loadIndex(s);
    const same = plans.find((p) => storage.getItem(planKey(p.id)) === doc.text);
    if (same) return { ok: true, entry: same, existed: true, notices: s.notices };
    const saved = savePlanAs(storage, name.slice(0, MAX_NAME_CHARS), ws);
    const notices = [...s.notices, ...saved.notices];
    return saved.ok ? { ...saved, existed: false, notices } : { ...saved, notices };
  });
}

/** The saved workspace, validated like any file; a plan that fails is set aside and taken off the list. */
export function openPlan(storage: Storage, id: string, dataset: InstanceDataset): LibraryResult<{ workspace: Workspace; entry: PlanEntry }> {
  return run(storage, 'open the plan', (s) => {
    const plans = loadIndex(s);
    const entry = plans.find((p) => p.id === id);
    const text = entry && storage.getItem(planKey(id));
    if (!entry || typeof text !== 'string') return missing(s);
    const r = parseDocumentText(text, dataset, `the saved plan ${quote(entry.name)}`);
    if (r.ok) return { ok: true, workspace: r.workspace, entry, notices: s.notices };
    const why = r.issues.slice(0, 3).map(issueText).join('; ');
    setAside(s, planKey(id), text, `The saved plan ${quote(entry.name)}`, `is not a valid plan (${why})`);
    writeIndex(s, plans.filter((p) => p.id !== id));
    return fail(s, `${quote(entry.name)} could not be opened: ${why}. It was set aside and taken off the list.`);
  });
}

export function renamePlan(storage: Storage, id: string, name: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'rename the plan', (s) => {
    const n = checkPlanName(name);
    if (!n.ok) return fail(s, n.error);
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    if (i < 0) return missing(s);
    const entry = { ...plans[i]!, name: n.name };
    writeIndex(s, replaceAt(plans, i, entry));
    return { ok: true, entry, notices: s.notices };
  });
}

export function duplicatePlan(storage: Storage, id: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'duplicate the plan', (s) => {
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    const text = i >= 0 ? storage.getItem(planKey(id)) : null;
    if (text === null) return missing(s);
    if (plans.length >= MAX_PLANS) return fail(s, `The library holds at most ${MAX_PLANS} plans; delete some first.`);
    const src = plans[i]!;
    const entry: PlanEntry = { ...src, id: newId(plans, storage), name: `${src.name.slice(0, MAX_NAME_CHARS - 7)} (copy)`, savedAt: Date.now() };
    writeEntry(s, entry.id, text, insertAt(plans, i + 1, entry), null);
    return { ok: true, entry, notices: s.notices };
  });
}

/** Deletes a plan, keeping it in the trash until undoDelete(token) or the next delete; token is null when no undo could be kept. */
export function deletePlan(storage: Storage, id: string): LibraryResult<{ entry: PlanEntry; token: string | null }> {
  return run(storage, 'delete the plan', (s) => {
    const plans = loadIndex(s);
    const position = plans.findIndex((p) => p.id === id);
    const document = position >= 0 ? storage.getItem(planKey(id)) : null;
    if (document === null) return missing(s);
    const entry = plans[position]!;
    return writing(s, () => {
      writeIndex(s, plans.filter((_, j) => j !== position));
      storage.removeItem(TRASH_KEY);
      storage.removeItem(planKey(id));
      const token = `t${Date.now().toString(36)}-${random()}`;
      try {
        const trash = { version: 1, token, position, entry, document, deletedAt: Date.now() };
        storage.setItem(TRASH_KEY, JSON.stringify(trash));
        return { ok: true as const, entry, token, notices: s.notices };
      } catch (e) {
        s.notices.push(`${quote(entry.name)} was deleted, but it cannot be undone: ${storageProblem(e)}.`);
        return { ok: true as const, entry, token: null, notices: s.notices };
      }
    });
  });
}

export function undoDelete(storage: Storage, token: string): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'restore the plan', (s) => {
    const raw = storage.getItem(TRASH_KEY);
    if (raw === null) return fail(s, 'There is no deleted plan to restore.');
    let t: { version?: unknown; token?: unknown; position?: unknown; entry?: Partial<PlanEntry>; document?: unknown } | null = null;
    try {
      t = JSON.parse(raw);
    } catch {
      t = null;
    }
    const entry = t ? parseIndex(JSON.stringify({ version: 1, plans: [t.entry] })) : null;
    if (!t || t.version !== 1 || typeof t.document !== 'string' || t.document.length > MAX_DOCUMENT_CHARS || !entry?.ok || entry.plans.length !== 1) {
      setAside(s, TRASH_KEY, raw, 'The copy kept to undo a delete', 'is damaged');
      return fail(s, 'The deleted plan cannot be restored: its copy is damaged.');
    }
    if (t.token !== token) return fail(s, 'Only the last deleted plan can be restored; this one was replaced by a later delete.');
    const plans = loadIndex(s);
    if (plans.length >= MAX_PLANS) return fail(s, `The library holds at most ${MAX_PLANS} plans; delete some first.`);
    const back = entry.plans[0]!;
    const restored = plans.some((p) => p.id === back.id) || storage.getItem(planKey(back.id)) !== null ? { ...back, id: newId(plans, storage) } : back;
    const at = typeof t.position === 'number' && Number.isInteger(t.position) && t.position >= 0 ? Math.min(t.position, plans.length) : 0;
    writeEntry(s, restored.id, t.document, insertAt(plans, at, restored), null);
    storage.removeItem(TRASH_KEY);
    return { ok: true, entry: restored, notices: s.notices };
  });
}

/** Overwrites a saved plan with the workspace being edited (the app calls it after edits rest). */
export function autosave(storage: Storage, id: string, ws: Workspace): LibraryResult<{ entry: PlanEntry }> {
  return run(storage, 'save the plan', (s) => {
    const doc = documentText(ws);
    if (!doc.ok) return fail(s, doc.error);
    const plans = loadIndex(s);
    const i = plans.findIndex((p) => p.id === id);
    if (i < 0) return fail(s, 'The saved plan you are editing is no longer in the library (deleted in another tab?); use Save as to keep it.');
    const entry = { ...plans[i]!, savedAt: Date.now(), scenarios: ws.scenarios.length };
    writeEntry(s, id, doc.text, replaceAt(plans, i, entry), storage.getItem(planKey(id)));
    return { ok: true, entry, notices: s.notices };
  });
}
