/**
 * The plan library's storage layer (see library.ts for the API and the keys): reading and repairing the
 * list of saved plans, and setting aside whatever in storage is damaged. Everything read is untrusted.
 */
import { MAX_DOCUMENT_CHARS } from '../model/document-text';
import type { ValidationIssue } from '../model/plan-schema';
import { MAX_SCENARIOS } from '../model/workspace';

export const LIBRARY_KEY = 'eks-ip-planner:library:v1';
export const PLAN_KEY_PREFIX = `${LIBRARY_KEY}:plan:`;
export const TRASH_KEY = `${LIBRARY_KEY}:trash`;
export const QUARANTINE_PREFIX = 'eks-ip-planner:quarantine:';
/**
 * Set (to the time) while a change that spans several keys is being written: a plan's document, then
 * the list. Another tab reads each key as its storage event arrives, so between the two it would see a
 * document the list does not have yet (or, on a delete, the other way round) and "repair" the list,
 * undoing the change. While the marker is younger than WRITE_GRACE_MS, a reader lists what is
 * consistent and repairs nothing; the marker's removal is one more event, after which it reads again.
 */
export const WRITING_KEY = `${LIBRARY_KEY}:writing`;
const WRITE_GRACE_MS = 2000;
export const MAX_QUARANTINE = 5;
export const MAX_PLANS = 200;
export const MAX_NAME_CHARS = 120;
const MAX_INDEX_CHARS = 256 * 1024;

export interface PlanEntry {
  id: string;
  /** Free text, at most MAX_NAME_CHARS; render it as text. */
  name: string;
  /** Milliseconds since the epoch; 0 when unknown (a plan listed again after the list lost it). */
  savedAt: number;
  scenarios: number;
}

/** Why storage refused a read or a write (the page says what the user can do about it). */
export type StorageProblem = { kind: 'full' } | { kind: 'blocked' } | { kind: 'failed'; detail: string };

/** What the library set aside or left where it was. */
export type SetAsideWhat =
  { kind: 'plan'; name: string } | { kind: 'undo-copy' } | { kind: 'list' } | { kind: 'unlisted' };

/**
 * Why it was set aside; also kept in the quarantine record as `reason` (records written before these
 * facts hold a sentence there instead: `string | SetAsideReason`). `chars` is the value's length.
 */
export type SetAsideReason =
  /** A plan that fails validation: its first three issues. */
  | { kind: 'not-valid-plan'; issues: ValidationIssue[] }
  | { kind: 'too-large'; chars: number }
  | { kind: 'not-json' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'not-a-list' }
  /** A list with entries that are damaged or whose data is missing (the plan names). */
  | { kind: 'list-problems'; damaged: number; missing: string[] }
  | { kind: 'damaged' }
  | { kind: 'unreadable' };

/** What a call set aside or repaired in storage, told whether the call worked or not. */
export type LibraryNote =
  /** Moved to the quarantine key `key`. */
  | { kind: 'set-aside'; what: SetAsideWhat; reason: SetAsideReason; key: string }
  /** Could not be moved (`storage` says why), so it stays under `key`, unused. */
  | { kind: 'not-set-aside'; what: SetAsideWhat; reason: SetAsideReason; key: string; storage: StorageProblem }
  /** The oldest `count` quarantine items were removed to keep at most `max`. */
  | { kind: 'set-aside-pruned'; count: number; max: number }
  /** `count` documents the list had lost are listed again. */
  | { kind: 'relisted'; count: number }
  | { kind: 'repair-not-stored'; storage: StorageProblem }
  /** The plan was deleted but no copy to undo it could be kept. */
  | { kind: 'delete-not-undoable'; name: string; storage: StorageProblem };

/** What the library was asked to do, for a problem storage raised while doing it. */
export type LibraryAction = 'list' | 'save' | 'keep' | 'open' | 'rename' | 'duplicate' | 'delete' | 'restore';

/** Why a call did not do what it was asked; src/ui/library/library-text.ts words it. */
export type LibraryProblem =
  | { kind: 'name-empty' }
  | { kind: 'name-too-long'; max: number; length: number }
  /** The plan's document is `kb` KB, over `maxKb`. */
  | { kind: 'plan-too-large'; kb: number; maxKb: number }
  | { kind: 'library-full'; max: number }
  /** The plan asked for is not in the library (deleted in another tab?). */
  | { kind: 'plan-missing' }
  /** autosave: the plan being edited is not in the library any more. */
  | { kind: 'editing-missing' }
  /** A saved plan failed validation (its first three issues) and was set aside. */
  | { kind: 'plan-not-valid'; name: string; issues: ValidationIssue[] }
  | { kind: 'nothing-to-restore' }
  | { kind: 'undo-copy-damaged' }
  | { kind: 'undo-replaced' }
  | { kind: 'storage'; action: LibraryAction; problem: StorageProblem };

/** Every call says what it set aside or repaired in `notes`, whether it worked or not. */
export type LibraryResult<T> = ({ ok: true; notes: LibraryNote[] } & T) | LibraryFailure;
export interface LibraryFailure {
  ok: false;
  problem: LibraryProblem;
  notes: LibraryNote[];
}

export interface Session {
  storage: Storage;
  notes: LibraryNote[];
}

export const planKey = (id: string) => `${PLAN_KEY_PREFIX}${id}`;
const isId = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(x);

/**
 * One validation issue as a line of text: "path: message", or the message alone when it already names the
 * field ("nodeGroups[0].maxNodes must be…", or a scenario's "scenario 1: nodeGroups[0].maxNodes must be…").
 */
export function issueText(i: ValidationIssue): string {
  if (!i.path) return i.message;
  const inner = i.path.replace(/^scenarios\[\d+\]\.?/, '');
  return i.message.includes(i.path) || (inner && i.message.includes(inner)) ? i.message : `${i.path}: ${i.message}`;
}

/** Why storage refused: full, not allowed, or the error's name (or text). */
export function storageProblem(e: unknown): StorageProblem {
  const name =
    typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string'
      ? (e as { name: string }).name
      : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return { kind: 'full' };
  if (name === 'SecurityError') return { kind: 'blocked' };
  return { kind: 'failed', detail: name || String(e).slice(0, 200) };
}

export function run<T>(
  storage: Storage,
  action: LibraryAction,
  fn: (s: Session) => LibraryResult<T>,
): LibraryResult<T> {
  const s: Session = { storage, notes: [] };
  try {
    return fn(s);
  } catch (e) {
    return { ok: false, problem: { kind: 'storage', action, problem: storageProblem(e) }, notes: s.notes };
  }
}
export const fail = (s: Session, problem: LibraryProblem): LibraryFailure => ({ ok: false, problem, notes: s.notes });

/** Quarantine keys, oldest first, with their [timestamp, n] (a foreign key counts as oldest). */
function quarantineKeys(storage: Storage): { key: string; ts: number; n: number }[] {
  const out: { key: string; ts: number; n: number }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(QUARANTINE_PREFIX)) continue;
    const m = /^(\d{1,15})(?:-(\d{1,9}))?$/.exec(key.slice(QUARANTINE_PREFIX.length));
    out.push({ key, ts: m ? Number(m[1]) : 0, n: m?.[2] ? Number(m[2]) : 0 });
  }
  return out.sort((a, b) => a.ts - b.ts || a.n - b.n);
}

/** Moves `value` from `key` to a new quarantine key, and says so in a note. */
export function setAside(s: Session, key: string, value: string, what: SetAsideWhat, reason: SetAsideReason): void {
  const at = Date.now();
  // Newer than every key there (the clock may stand still or go back), so pruning drops the oldest.
  const keys = quarantineKeys(s.storage);
  const last = keys[keys.length - 1];
  const qkey = !last || at > last.ts ? `${QUARANTINE_PREFIX}${at}` : `${QUARANTINE_PREFIX}${last.ts}-${last.n + 1}`;
  try {
    s.storage.removeItem(key);
    s.storage.setItem(qkey, JSON.stringify({ from: key, reason, at: new Date(at).toISOString(), value }));
  } catch (e) {
    try {
      s.storage.setItem(key, value);
    } catch {
      // It was just there; nothing more to try.
    }
    s.notes.push({ kind: 'not-set-aside', what, reason, key, storage: storageProblem(e) });
    return;
  }
  s.notes.push({ kind: 'set-aside', what, reason, key: qkey });
  const old = quarantineKeys(s.storage).slice(0, -MAX_QUARANTINE);
  for (const k of old) s.storage.removeItem(k.key);
  if (old.length) s.notes.push({ kind: 'set-aside-pruned', count: old.length, max: MAX_QUARANTINE });
}

export function parseIndex(
  raw: string,
): { ok: true; plans: PlanEntry[]; dropped: number } | { ok: false; reason: SetAsideReason } {
  if (raw.length > MAX_INDEX_CHARS) return { ok: false, reason: { kind: 'too-large', chars: raw.length } };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: { kind: 'not-json' } };
  }
  const doc = json as { version?: unknown; plans?: unknown } | null;
  if (typeof doc?.version === 'number' && doc.version > 1)
    return { ok: false, reason: { kind: 'newer-version', version: doc.version } };
  if (!doc || doc.version !== 1 || !Array.isArray(doc.plans)) return { ok: false, reason: { kind: 'not-a-list' } };
  const plans: PlanEntry[] = [];
  for (const p of doc.plans as Partial<PlanEntry>[]) {
    const good =
      p &&
      isId(p.id) &&
      typeof p.name === 'string' &&
      p.name.length > 0 &&
      p.name.length <= MAX_NAME_CHARS &&
      typeof p.savedAt === 'number' &&
      Number.isFinite(p.savedAt) &&
      p.savedAt >= 0 &&
      Number.isInteger(p.scenarios) &&
      p.scenarios! >= 1 &&
      p.scenarios! <= MAX_SCENARIOS &&
      !plans.some((q) => q.id === p.id);
    if (good) plans.push({ id: p.id!, name: p.name!, savedAt: p.savedAt!, scenarios: p.scenarios! });
  }
  return { ok: true, plans, dropped: doc.plans.length - plans.length };
}

/** Name and scenario count of a document the list forgot; null when it is not a document at all. */
function describeOrphan(text: string): { name: string; scenarios: number } | null {
  try {
    const d = JSON.parse(text) as { version?: unknown; name?: unknown; active?: unknown; scenarios?: unknown };
    const list = d?.version === 2 && Array.isArray(d.scenarios) ? d.scenarios : d?.version === 1 ? [d] : null;
    if (!list || list.length === 0 || list.length > MAX_SCENARIOS) return null;
    const first = (list[typeof d.active === 'number' ? d.active : 0] ?? list[0]) as { name?: unknown };
    const name =
      typeof first?.name === 'string' && first.name.trim()
        ? first.name.trim().slice(0, MAX_NAME_CHARS)
        : 'Recovered plan';
    return { name, scenarios: list.length };
  } catch {
    return null;
  }
}

/** Another tab is in the middle of a change of several keys (see WRITING_KEY). */
function midWrite(storage: Storage): boolean {
  const at = Number(storage.getItem(WRITING_KEY));
  return at > 0 && Math.abs(Date.now() - at) < WRITE_GRACE_MS;
}

/** Runs a change of several keys under the WRITING_KEY marker (best effort: a full storage skips it). */
export function writing<T>(s: Session, fn: () => T): T {
  try {
    s.storage.setItem(WRITING_KEY, String(Date.now()));
  } catch {
    // The change itself will say whether storage is full.
  }
  try {
    return fn();
  } finally {
    s.storage.removeItem(WRITING_KEY);
  }
}

/** The list, repaired: missing, oversized and unlisted entries dealt with, and the repair written. */
export function loadIndex(s: Session): PlanEntry[] {
  const raw = s.storage.getItem(LIBRARY_KEY);
  if (midWrite(s.storage)) {
    // Half written by another tab: the entries that have their data, and no repair.
    const listed = raw === null ? null : parseIndex(raw);
    return listed?.ok ? listed.plans.filter((p) => s.storage.getItem(planKey(p.id)) !== null) : [];
  }
  const parsed = raw === null ? { ok: true as const, plans: [], dropped: 0 } : parseIndex(raw);
  const missing: string[] = [];
  const plans: PlanEntry[] = [];
  let dirty = false;
  for (const p of parsed.ok ? parsed.plans : []) {
    const text = s.storage.getItem(planKey(p.id));
    if (text === null) missing.push(p.name);
    else if (text.length > MAX_DOCUMENT_CHARS) {
      setAside(s, planKey(p.id), text, { kind: 'plan', name: p.name }, { kind: 'too-large', chars: text.length });
      dirty = true;
    } else plans.push(p);
  }
  const listed = new Set(plans.map((p) => p.id));
  const orphans: string[] = [];
  for (let i = 0; i < s.storage.length; i++) {
    const k = s.storage.key(i);
    if (k?.startsWith(PLAN_KEY_PREFIX) && !listed.has(k.slice(PLAN_KEY_PREFIX.length))) orphans.push(k);
  }
  let recovered = 0;
  for (const k of orphans) {
    const text = s.storage.getItem(k) ?? '';
    const id = k.slice(PLAN_KEY_PREFIX.length);
    const d = text.length <= MAX_DOCUMENT_CHARS && isId(id) ? describeOrphan(text) : null;
    if (d) {
      plans.push({ id, name: d.name, savedAt: 0, scenarios: d.scenarios });
      recovered++;
    } else
      setAside(
        s,
        k,
        text,
        { kind: 'unlisted' },
        text.length > MAX_DOCUMENT_CHARS ? { kind: 'too-large', chars: text.length } : { kind: 'unreadable' },
      );
  }
  if (recovered) s.notes.push({ kind: 'relisted', count: recovered });
  const damaged = parsed.ok ? parsed.dropped : 0;
  const problem: SetAsideReason | null = !parsed.ok
    ? parsed.reason
    : damaged || missing.length
      ? { kind: 'list-problems', damaged, missing }
      : null;
  if (raw !== null && problem) setAside(s, LIBRARY_KEY, raw, { kind: 'list' }, problem);
  if (problem || recovered || dirty) {
    try {
      writeIndex(s, plans);
    } catch (e) {
      s.notes.push({ kind: 'repair-not-stored', storage: storageProblem(e) });
    }
  }
  return plans;
}

export function writeIndex(s: Session, plans: PlanEntry[]): void {
  s.storage.setItem(LIBRARY_KEY, JSON.stringify({ version: 1, plans }));
}

/** Writes a document and the list that includes it; on failure leaves storage as it was. */
export function writeEntry(s: Session, id: string, text: string, plans: PlanEntry[], previous: string | null): void {
  writing(s, () => {
    s.storage.setItem(planKey(id), text);
    try {
      writeIndex(s, plans);
    } catch (e) {
      if (previous === null) s.storage.removeItem(planKey(id));
      else s.storage.setItem(planKey(id), previous);
      throw e;
    }
  });
}

export function random(): string {
  const bytes = new Uint32Array(2);
  globalThis.crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

export function newId(plans: PlanEntry[], storage: Storage): string {
  for (;;) {
    const id = `p${Date.now().toString(36)}-${random()}`;
    if (!plans.some((p) => p.id === id) && storage.getItem(planKey(id)) === null) return id;
  }
}
