/**
 * Where the plan lives between visits: the URL fragment (a share link) and local storage. Both go
 * through the model's one way in (restoreDocument, which validates) like any other input; nothing here
 * throws. A link of several scenarios (format 2) opens its active scenario, and says so.
 */
import type { InstanceDataset } from '../model/instances';
import type { Plan } from '../model/plan';
import { PRESETS } from '../model/presets';
import { encodePlanFragment } from '../model/share-link';
import { decodeWorkspaceFragment, restoreDocument } from '../model/workspace';

export const STORAGE_KEY = 'eks-ip-planner:plan';

/** A message about opening a link, as plain text: an error (it could not be opened) or a note. */
export interface LoadNotice {
  text: string;
  error: boolean;
}

export interface InitialPlan {
  plan: Plan;
  /** Why the link in the address bar was not opened, or a note about it; null when all went well. */
  notice: LoadNotice | null;
}

/** Local storage, or null where it is unavailable (private mode, sandboxed frames). */
export function safeStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The plan saved in local storage, if it is still a valid plan. */
export function loadSavedPlan(storage: Storage | null, dataset: InstanceDataset): Plan | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const r = restoreDocument(JSON.parse(text), dataset);
    return r.ok ? r.workspace.scenarios[r.workspace.active]! : null;
  } catch {
    return null;
  }
}

export function savePlan(storage: Storage | null, plan: Plan): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(plan));
  } catch {
    // Quota or privacy mode: the URL fragment still carries the plan.
  }
}

/** A share link's plan (its active scenario, with a note when it holds several), or why it cannot be opened. */
export function planFromFragment(hash: string, dataset: InstanceDataset): { ok: true; plan: Plan; note: string | null } | { ok: false; error: string } {
  const d = decodeWorkspaceFragment(hash);
  if (!d.ok) return { ok: false, error: d.error };
  const r = restoreDocument(d.json, dataset);
  if (!r.ok) {
    const shown = r.issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = r.issues.length > 3 ? ` (and ${r.issues.length - 3} more)` : '';
    return { ok: false, error: `its plan is not valid: ${shown.join('; ')}${more}` };
  }
  const ws = r.workspace;
  const plan = ws.scenarios[ws.active]!;
  const note = ws.scenarios.length > 1
    ? `This link holds ${ws.scenarios.length} scenarios; the planner shows scenario ${ws.active + 1}, "${plan.name}". Edits here keep this one only.`
    : null;
  return { ok: true, plan, note };
}

/**
 * The plan to open with: the share link in the URL if it decodes and validates, else the plan saved in
 * local storage, else the first preset.
 */
export function loadInitialPlan(hash: string, storage: Storage | null, dataset: InstanceDataset): InitialPlan {
  const saved = () => loadSavedPlan(storage, dataset);
  const fallback = () => saved() ?? PRESETS[0]!;
  if (hash.replace(/^#/, '').trim() === '') return { plan: fallback(), notice: null };
  const r = planFromFragment(hash, dataset);
  if (r.ok) return { plan: r.plan, notice: r.note ? { text: r.note, error: false } : null };
  const instead = saved() ? 'your last saved plan is shown instead' : 'a preset is shown instead';
  return { plan: fallback(), notice: { text: `The share link could not be opened: ${r.error}. ${instead.charAt(0).toUpperCase()}${instead.slice(1)}.`, error: true } };
}

/** The address of this page carrying `plan`. */
export function shareLink(plan: Plan, href: string): string {
  return `${href.split('#')[0]}#${encodePlanFragment(plan)}`;
}

/** Puts the plan in the address bar without a history entry; returns the fragment written. */
export function writeFragment(plan: Plan): string {
  const fragment = `#${encodePlanFragment(plan)}`;
  if (location.hash !== fragment) history.replaceState(history.state, '', fragment);
  return fragment;
}
