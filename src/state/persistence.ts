/**
 * Where the workspace lives between visits: the URL fragment (a share link) and local storage. Both go
 * through the model's one way in (openLink for a link, restoreDocument for storage; both validate) like
 * any other input; nothing here throws. A link of one plan (format 1) or of several scenarios with the views' inputs (format 2) opens
 * whole.
 */
import type { InstanceDataset } from '../model/instances';
import type { Plan } from '../model/plan';
import type { VpcIssue } from '../model/vpc-rules';
import { BLANK_PLAN } from '../model/presets';
import { documentLink, openLink, type LinkFailure } from '../model/share-link';
import { documentOf, restoreDocument, workspaceOf, type Workspace } from '../model/workspace';
import { keepInLibrary } from './library';
import type { LibraryProblem } from './library-storage';

export const STORAGE_KEY = 'eks-ip-planner:plan';

/** The workspace a first visit opens on: the blank plan (one VPC CIDR, a subnet per AZ, no node group). */
export const startWorkspace = (): Workspace => workspaceOf(BLANK_PLAN);

/**
 * What happened on opening a link or to this tab's autosave, as facts (the names involved, the model's or
 * the library's reason); the page words it (src/ui/app/load-notice.ts).
 */
export type LoadFact =
  /** The link in the address bar did not open (openLink's failure); `instead` is what the page shows. */
  | { kind: 'link-failed'; failure: LinkFailure; instead: 'saved' | 'blank' }
  /** A link pasted into the tab did not open; the plan is unchanged. */
  | { kind: 'pasted-link-failed'; failure: LinkFailure }
  /** The link opened over other work (`was`, its active plan's name), kept in Saved plans as `keptAs`. */
  | { kind: 'link-opened-kept'; was: string; keptAs: string }
  /** The link opened over other work that could not be kept (the library's problem, null without storage). */
  | { kind: 'link-opened-unkept'; was: string; problem: LibraryProblem | null }
  /** Another tab wrote the autosave (`other`: its active plan's name). */
  | { kind: 'other-tab-changed'; other: string }
  /** Keep mine: the other tab's plan could not be kept in Saved plans. */
  | { kind: 'other-tab-unkept'; problem: LibraryProblem }
  /** Keep mine: this tab holds the autosave again; the other tab's plan is kept as `keptAs`. */
  | { kind: 'autosave-taken-back'; other: string; keptAs: string }
  /** A saved plan could not be opened (the library's problem). */
  | { kind: 'saved-plan-failed'; problem: LibraryProblem };

/** A notice about opening a link or about this tab's autosave: an error or a note. */
export interface LoadNotice {
  fact: LoadFact;
  error: boolean;
  /** A saved plan the message is about, with a button that opens it (the work a link replaced). */
  open?: { id: string; name: string };
  /** The address bar still holds the link that could not be opened, until the plan is edited or this is dismissed. */
  keepsLink?: boolean;
  /** Another tab changed the autosave: the message offers "Keep mine" and "Load theirs". */
  conflict?: boolean;
}

export interface InitialWorkspace {
  workspace: Workspace;
  /** Why the link in the address bar was not opened; null when all went well. */
  notice: LoadNotice | null;
  /**
   * The autosaved work the link opened over, when it differs from the link and from the untouched blank
   * plan: openInitialWorkspace keeps it in Saved plans, and the store starts from it so Undo brings it back.
   */
  replaced?: Workspace;
  /**
   * What validating `workspace` found, scenario by scenario (validatePlan's warnings), when it was read from
   * the link or the autosave; absent for the blank plan. The page's derivation starts from it rather than
   * validating the same plans again (createDerivation's `opened`).
   */
  warnings?: readonly (readonly VpcIssue[])[];
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
  return restoreSaved(storage, dataset)?.workspace ?? null;
}

/** loadSavedWorkspace with what validating it found. */
function restoreSaved(storage: Storage | null, dataset: InstanceDataset): Restored | null {
  try {
    return restoreText(storage?.getItem(STORAGE_KEY), dataset);
  } catch {
    return null;
  }
}

/** Saves the workspace as its JSON document: a lone plan stays a version-1 plan. */
export function saveWorkspace(storage: Storage | null, ws: Workspace): void {
  try {
    storage?.setItem(STORAGE_KEY, documentText(ws));
  } catch {
    // Quota or privacy mode: the URL fragment still carries the workspace.
  }
}

/** The JSON text a workspace is saved as: two workspaces with the same text are the same work. */
export const documentText = (ws: Workspace): string => JSON.stringify(documentOf(ws));

/** A stored workspace's text, if it still validates. */
export function workspaceFromText(text: string | null | undefined, dataset: InstanceDataset): Workspace | null {
  return restoreText(text, dataset)?.workspace ?? null;
}

type Restored = { workspace: Workspace; warnings: VpcIssue[][] };

/** A stored workspace's text with what validating it found, if it still validates. */
function restoreText(text: string | null | undefined, dataset: InstanceDataset): Restored | null {
  try {
    if (!text) return null;
    const r = restoreDocument(JSON.parse(text), dataset);
    return r.ok ? { workspace: r.workspace, warnings: r.warnings } : null;
  } catch {
    return null;
  }
}

/**
 * The workspace to open with: the share link in the URL if it decodes and validates, else the one saved
 * in local storage, else the blank plan. A link that opens over different autosaved work (not the
 * untouched blank plan) reports that work as `replaced`; this function writes nothing.
 */
export function loadInitialWorkspace(
  hash: string,
  storage: Storage | null,
  dataset: InstanceDataset,
): InitialWorkspace {
  const restored = restoreSaved(storage, dataset);
  const saved = restored?.workspace ?? null;
  const fallback = restored ?? { workspace: startWorkspace() };
  if (hash.replace(/^#/, '').trim() === '') return { ...fallback, notice: null };
  const r = openLink(hash, dataset);
  if (r.ok) {
    const text = saved && documentText(saved);
    const other = text !== documentText(r.workspace) && text !== documentText(startWorkspace());
    const opened = { workspace: r.workspace, warnings: r.warnings, notice: null };
    return saved && other ? { ...opened, replaced: saved } : opened;
  }
  const fact: LoadFact = { kind: 'link-failed', failure: r.failure, instead: saved ? 'saved' : 'blank' };
  return { ...fallback, notice: { fact, error: true, keepsLink: true } };
}

/** "2025-05-12 14:03", local time: a date a person reads at a glance in a plan's name. */
export function shortDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** What a kept workspace is called in Saved plans: why it was kept, when, and the plan's own name. */
export function keptName(why: string, ws: Workspace, now: Date): string {
  const n = ws.scenarios.length;
  const plan = ws.scenarios[ws.active]?.name || 'Untitled plan';
  return `${why}, ${shortDate(now)}: ${plan}${n > 1 ? ` and ${n - 1} more scenario${n > 2 ? 's' : ''}` : ''}`;
}

/**
 * loadInitialWorkspace for the page: when the link opens over other autosaved work, that work is kept in
 * Saved plans ("Autosaved before opening a link, <date>: <plan name>") and the notice says so, with a
 * button to open it back. Without storage, or when keeping it fails, the notice says that Undo is left.
 */
export function openInitialWorkspace(
  hash: string,
  storage: Storage | null,
  dataset: InstanceDataset,
  now = new Date(),
): InitialWorkspace {
  const initial = loadInitialWorkspace(hash, storage, dataset);
  const { replaced } = initial;
  if (!replaced) return initial;
  const was = replaced.scenarios[replaced.active]?.name || 'Untitled plan';
  const name = keptName('Autosaved before opening a link', replaced, now);
  const kept = storage ? keepInLibrary(storage, name, replaced) : null;
  const notice: LoadNotice = kept?.ok
    ? {
        fact: { kind: 'link-opened-kept', was, keptAs: kept.entry.name },
        error: false,
        open: { id: kept.entry.id, name: kept.entry.name },
      }
    : { fact: { kind: 'link-opened-unkept', was, problem: kept ? kept.problem : null }, error: true };
  return { ...initial, notice };
}

/** The active plan of {@link loadInitialWorkspace}, for callers that want one plan. */
export function loadInitialPlan(hash: string, storage: Storage | null, dataset: InstanceDataset): InitialPlan {
  const { workspace, notice } = loadInitialWorkspace(hash, storage, dataset);
  return { plan: workspace.scenarios[workspace.active]!, notice };
}

/** Puts the workspace in the address bar without a history entry; returns the fragment written. */
export function writeFragment(ws: Workspace): string {
  const fragment = documentLink(ws, '');
  if (location.hash !== fragment) history.replaceState(history.state, '', fragment);
  return fragment;
}
