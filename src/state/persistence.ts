/**
 * Where the workspace lives between visits: the URL fragment (a share link) and local storage. Both go
 * through the model's one way in (restoreDocument, which validates) like any other input; nothing here
 * throws. A link of one plan (format 1) or of several scenarios with the views' inputs (format 2) opens
 * whole.
 */
import type { InstanceDataset } from '../model/instances';
import type { Plan } from '../model/plan';
import { PRESETS } from '../model/presets';
import { decodeWorkspaceFragment, documentOf, encodeWorkspaceFragment, restoreDocument, workspaceLink, workspaceOf, type Workspace } from '../model/workspace';

export const STORAGE_KEY = 'eks-ip-planner:plan';

/** A message about opening a link, as plain text: an error (it could not be opened) or a note. */
export interface LoadNotice {
  text: string;
  error: boolean;
}

export interface InitialWorkspace {
  workspace: Workspace;
  /** Why the link in the address bar was not opened; null when all went well. */
  notice: LoadNotice | null;
}

export interface InitialPlan {
  plan: Plan;
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

/** The workspace saved in local storage (a plan, or a scenarios document), if it still validates. */
export function loadSavedWorkspace(storage: Storage | null, dataset: InstanceDataset): Workspace | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const r = restoreDocument(JSON.parse(text), dataset);
    return r.ok ? r.workspace : null;
  } catch {
    return null;
  }
}

/** Saves the workspace as its JSON document: a lone plan stays a version-1 plan. */
export function saveWorkspace(storage: Storage | null, ws: Workspace): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(documentOf(ws)));
  } catch {
    // Quota or privacy mode: the URL fragment still carries the workspace.
  }
}

/** A share link's workspace, or why it cannot be opened. */
export function workspaceFromFragment(hash: string, dataset: InstanceDataset): { ok: true; workspace: Workspace } | { ok: false; error: string } {
  const d = decodeWorkspaceFragment(hash);
  if (!d.ok) return { ok: false, error: d.error };
  const r = restoreDocument(d.json, dataset);
  if (!r.ok) {
    const shown = r.issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = r.issues.length > 3 ? ` (and ${r.issues.length - 3} more)` : '';
    return { ok: false, error: `its plan is not valid: ${shown.join('; ')}${more}` };
  }
  return { ok: true, workspace: r.workspace };
}

/**
 * The workspace to open with: the share link in the URL if it decodes and validates, else the one saved
 * in local storage, else the first preset.
 */
export function loadInitialWorkspace(hash: string, storage: Storage | null, dataset: InstanceDataset): InitialWorkspace {
  const saved = () => loadSavedWorkspace(storage, dataset);
  const fallback = () => saved() ?? workspaceOf(PRESETS[0]!);
  if (hash.replace(/^#/, '').trim() === '') return { workspace: fallback(), notice: null };
  const r = workspaceFromFragment(hash, dataset);
  if (r.ok) return { workspace: r.workspace, notice: null };
  const instead = saved() ? 'your last saved plan is shown instead' : 'a preset is shown instead';
  return { workspace: fallback(), notice: { text: `The share link could not be opened: ${r.error}. ${instead.charAt(0).toUpperCase()}${instead.slice(1)}.`, error: true } };
}

/** The active plan of {@link loadInitialWorkspace}, for callers that want one plan. */
export function loadInitialPlan(hash: string, storage: Storage | null, dataset: InstanceDataset): InitialPlan {
  const { workspace, notice } = loadInitialWorkspace(hash, storage, dataset);
  return { plan: workspace.scenarios[workspace.active]!, notice };
}

/** The address of this page carrying the workspace (format 1 for a lone plan without views). */
export function shareLink(ws: Workspace, href: string): string {
  return workspaceLink(ws, href);
}

/** Puts the workspace in the address bar without a history entry; returns the fragment written. */
export function writeFragment(ws: Workspace): string {
  const fragment = `#${encodeWorkspaceFragment(ws)}`;
  if (location.hash !== fragment) history.replaceState(history.state, '', fragment);
  return fragment;
}
