/**
 * The plan library's storage layer (see library.ts for the API and the keys): reading and repairing the
 * list of saved plans, and setting aside whatever in storage is damaged. Everything read is untrusted.
 */
import { MAX_DOCUMENT_CHARS } from '../model/document-text';
import type { ValidationIssue } from '../model/plan-schema';
import { MAX_SCENARIOS } from '../model/workspace';
import { fmt } from '../model/format';

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

/** Every call says what it set aside or repaired in `notices` (plain text), whether it worked or not. */
export type LibraryResult<T> = ({ ok: true; notices: string[] } & T) | { ok: false; error: string; notices: string[] };

export interface Session {
  storage: Storage;
  notices: string[];
}

export const planKey = (id: string) => `${PLAN_KEY_PREFIX}${id}`;
export const quote = (name: string) => `"${name}"`;
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

/** Why storage refused, in words a user can act on. */
export function storageProblem(e: unknown): string {
  const name = typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'local storage is full; delete saved plans you no longer need, or export this one to a file';
  if (name === 'SecurityError') return 'this browser does not allow local storage here (private browsing, or site data is blocked)';
  return `local storage failed (${name || String(e).slice(0, 200)})`;
}

export function run<T>(storage: Storage, what: string, fn: (s: Session) => LibraryResult<T>): LibraryResult<T> {
  const s: Session = { storage, notices: [] };
  try {
    return fn(s);
  } catch (e) {
    return { ok: false, error: `Could not ${what}: ${storageProblem(e)}.`, notices: s.notices };
  }
}
export const fail = (s: Session, error: string): { ok: false; error: string; notices: string[] } => ({ ok: false, error, notices: s.notices });

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

/** Moves `value` from `key` to a new quarantine key (what: "The saved plan "X""), and says so. */
export function setAside(s: Session, key: string, value: string, what: string, reason: string): void {
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
    s.notices.push(`${what} ${reason}. It could not be set aside (${storageProblem(e)}), so it stays under "${key}" and is not used.`);
    return;
  }
  s.notices.push(`${what} ${reason}; it was set aside in local storage under "${qkey}", not deleted.`);
  const old = quarantineKeys(s.storage).slice(0, -MAX_QUARANTINE);
  for (const k of old) s.storage.removeItem(k.key);
  if (old.length) s.notices.push(`The oldest set-aside data (${old.length} item${old.length > 1 ? 's' : ''}) was removed: at most ${MAX_QUARANTINE} are kept.`);
}

export function parseIndex(raw: string): { ok: true; plans: PlanEntry[]; dropped: number } | { ok: false; reason: string } {
  if (raw.length > MAX_INDEX_CHARS) return { ok: false, reason: `is too large (${fmt(raw.length)} characters)` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  const doc = json as { version?: unknown; plans?: unknown } | null;
  if (typeof doc?.version === 'number' && doc.version > 1) return { ok: false, reason: `was written by a newer planner (version ${doc.version})` };
  if (!doc || doc.version !== 1 || !Array.isArray(doc.plans)) return { ok: false, reason: 'is not a list of saved plans this planner wrote' };
  const plans: PlanEntry[] = [];
  for (const p of doc.plans as Partial<PlanEntry>[]) {
    const good = p && isId(p.id) && typeof p.name === 'string' && p.name.length > 0 && p.name.length <= MAX_NAME_CHARS
      && typeof p.savedAt === 'number' && Number.isFinite(p.savedAt) && p.savedAt >= 0
      && Number.isInteger(p.scenarios) && p.scenarios! >= 1 && p.scenarios! <= MAX_SCENARIOS && !plans.some((q) => q.id === p.id);
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
    const name = typeof first?.name === 'string' && first.name.trim() ? first.name.trim().slice(0, MAX_NAME_CHARS) : 'Recovered plan';
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
  const problems: string[] = parsed.ok ? (parsed.dropped ? [`${parsed.dropped} damaged entr${parsed.dropped > 1 ? 'ies' : 'y'}`] : []) : [parsed.reason];
  const plans: PlanEntry[] = [];
  let dirty = false;
  for (const p of parsed.ok ? parsed.plans : []) {
    const text = s.storage.getItem(planKey(p.id));
    if (text === null) problems.push(`no data for ${quote(p.name)}`);
    else if (text.length > MAX_DOCUMENT_CHARS) {
      setAside(s, planKey(p.id), text, `The saved plan ${quote(p.name)}`, `is too large (${Math.round(text.length / 1024)} KB)`);
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
    } else setAside(s, k, text, 'Saved data that is not on the list', text.length > MAX_DOCUMENT_CHARS ? 'is too large' : 'is not a plan this planner can read');
  }
  if (recovered) s.notices.push(`${recovered} saved plan${recovered > 1 ? 's were' : ' was'} missing from the list and ${recovered > 1 ? 'are' : 'is'} listed again.`);
  if (raw !== null && problems.length) setAside(s, LIBRARY_KEY, raw, 'The list of saved plans', problems.length === 1 && !parsed.ok ? problems[0]! : `had problems (${problems.join('; ')})`);
  if (problems.length || recovered || dirty) {
    try {
      writeIndex(s, plans);
    } catch (e) {
      s.notices.push(`The repaired list of saved plans could not be stored: ${storageProblem(e)}.`);
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
