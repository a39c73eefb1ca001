/**
 * Keeps the address bar and local storage in step with the workspace: once an edit that leaves the
 * active draft valid has rested for SYNC_DELAY_MS (or the page is hidden), the fragment carries every
 * scenario (each its last valid plan) and the views' inputs, and local storage keeps them. A share
 * link pasted into the same tab (hashchange) opens, as one undo step.
 *
 * Several tabs, one autosave. Every tab keeps its own workspace in its own address bar (a reload of the
 * tab reopens it from there), and the one autosave slot (STORAGE_KEY) is what a new tab without a link
 * opens: the work of the tab edited last. A tab writes that slot only while it holds it. It holds it from
 * the moment it opens until another tab writes a different workspace there (the `storage` event); from
 * then on it stops writing the slot, so neither tab overwrites the other's work behind its back, and it
 * says "This plan was changed in another tab" with two choices:
 *   - Keep mine: the other tab's workspace is kept in Saved plans, and this tab takes the slot back;
 *   - Load theirs: the other tab's workspace opens here as one undo step (Undo brings this tab's back).
 * A tab closed before choosing, with edits the slot never got, keeps them in Saved plans. We chose this
 * over one slot per tab because a user expects a fresh tab to open "my plan", the latest, and expects
 * to be asked, not to find one of two plans silently gone.
 *
 * A link that could not be opened stays in the address bar (so it can be reported or repaired) until the
 * plan is edited or release() is called (the message was dismissed); only then does the bar follow.
 */
import type { InstanceDataset } from '../model/instances';
import { openLink } from '../model/share-link';
import type { Workspace } from '../model/workspace';
import type { Derive, OpenedDraft } from './derive';
import { keepInLibrary, LIBRARY_KEY } from './library';
import {
  documentText,
  keptName,
  saveWorkspace,
  STORAGE_KEY,
  workspaceFromText,
  writeFragment,
  type InitialWorkspace,
  type LoadNotice,
} from './persistence';
import { createPlanStore, type PlanStore } from './plan-store';
import { activeDraft, workspaceOfDrafts } from './workspace-state';

/**
 * How long the workspace must rest before the address bar and storage follow it: encoding and storing
 * a large plan costs ~10 ms, which would otherwise delay the next keystroke while the user types.
 */
export const SYNC_DELAY_MS = 250;

export interface SyncOptions {
  store: PlanStore;
  derive: Derive;
  dataset: InstanceDataset;
  storage: Storage | null;
  /** Told when a pasted link cannot be opened, when another tab changes the autosave, and what a choice did. */
  onNotice(notice: LoadNotice | null): void;
  /** The address bar holds a link that could not be opened: leave it there until the user acts. */
  keepAddress?: boolean;
  /** The kept link has left the address bar (the plan was edited): the message should stop saying it is there. */
  onAddressFollows?(): void;
  /** The clock, for the names of plans kept in Saved plans. */
  now?(): Date;
}

export interface Sync {
  stop(): void;
  /** The message about a link that could not be opened was dismissed: the address bar follows the plan again. */
  release(): void;
  /** Takes the autosave back for this tab; the other tab's workspace is kept in Saved plans first. */
  keepMine(): void;
  /** Opens the other tab's autosaved workspace here, as one undo step. */
  loadTheirs(): void;
}

const planName = (ws: Workspace) => ws.scenarios[ws.active]?.name || 'Untitled plan';

export function startSync({
  store,
  derive,
  dataset,
  storage,
  onNotice,
  keepAddress = false,
  onAddressFollows,
  now = () => new Date(),
}: SyncOptions): Sync {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let keeping = keepAddress;
  // The autosave slot: does this tab hold it, and the text of this tab's workspace at its last flush.
  let holds = true;
  let mine = '';
  // While another tab holds the slot: this tab's text when it lost it (to tell whether it was edited since).
  let lostAt = '';
  const current = () => {
    const s = store.getState();
    if (derive(activeDraft(s)).stale) return null;
    return workspaceOfDrafts(s, derive).workspace;
  };
  const flush = () => {
    timer = undefined;
    const workspace = current();
    if (!workspace) return;
    mine = documentText(workspace);
    if (holds) saveWorkspace(storage, workspace);
    if (!keeping) written = writeFragment(workspace);
  };
  const release = () => {
    if (!keeping) return;
    keeping = false;
    flush();
    onAddressFollows?.();
  };
  // The first write waits as an edit does: encoding and storing a large workspace (~10 ms) would otherwise
  // run between the verdict's first paint and the editor's (leaving the page before then still flushes).
  timer = setTimeout(flush, SYNC_DELAY_MS);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarios === prev.scenarios && s.active === prev.active && s.views === prev.views) return;
    if (keeping) {
      keeping = false;
      onAddressFollows?.();
    }
    clearTimeout(timer);
    timer = setTimeout(flush, SYNC_DELAY_MS);
  });

  /** Says so when keeping failed; a kept plan's notice offers to open it. */
  const keep = (why: string, ws: Workspace) => {
    if (!storage) return null;
    const r = keepInLibrary(storage, keptName(why, ws, now()), ws);
    // The Saved plans panel of this tab lists again (another tab's panel hears the write itself).
    if (r.ok && !r.existed) window.dispatchEvent(new StorageEvent('storage', { key: LIBRARY_KEY }));
    return r;
  };
  const theirs = () => workspaceFromText(storage?.getItem(STORAGE_KEY), dataset);

  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY || e.newValue === null || (e.storageArea && e.storageArea !== storage)) return;
    const other = workspaceFromText(e.newValue, dataset);
    // Before this tab's first write (it waits SYNC_DELAY_MS): its text now, to compare with.
    if (!mine) {
      const own = current();
      if (own) mine = documentText(own);
    }
    // Damaged data, or the same work (another tab opened this one): nothing to lose either way.
    if (!other || documentText(other) === mine) return;
    if (holds) {
      holds = false;
      lostAt = mine;
    }
    onNotice({ fact: { kind: 'other-tab-changed', other: planName(other) }, error: false, conflict: true });
  };
  const keepMine = () => {
    const other = theirs();
    const kept = other && documentText(other) !== mine ? keep('From another tab', other) : null;
    if (kept && !kept.ok) {
      return onNotice({ fact: { kind: 'other-tab-unkept', problem: kept.problem }, error: true, conflict: true });
    }
    holds = true;
    lostAt = '';
    flush();
    onNotice(
      kept?.ok
        ? {
            fact: { kind: 'autosave-taken-back', other: planName(other!), keptAs: kept.entry.name },
            error: false,
            open: { id: kept.entry.id, name: kept.entry.name },
          }
        : null,
    );
  };
  const loadTheirs = () => {
    const other = theirs();
    holds = true;
    lostAt = '';
    onNotice(null);
    if (other && documentText(other) !== mine) store.getState().actions.openWorkspace(other, { from: 'other-tab' });
  };

  // Leaving the page flushes at once, so a reload right after an edit finds it; a tab that lost the slot
  // and was edited since keeps its work in Saved plans (its address bar goes with the tab).
  const onHide = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      flush();
    }
    if (!holds && mine && mine !== lostAt) {
      const ws = workspaceFromText(mine, dataset);
      if (ws) keep('Edited in a tab that closed while another held the autosave', ws);
      lostAt = mine;
    }
  };
  const onHash = () => {
    if (location.hash === written || location.hash === '') return;
    const r = openLink(location.hash, dataset);
    if (r.ok) {
      keeping = false;
      store.getState().actions.openWorkspace(r.workspace, { from: 'pasted-link' });
      onNotice(null);
    } else {
      // The pasted link stays in the address bar until the user edits the plan or dismisses the message.
      keeping = true;
      onNotice({
        fact: { kind: 'pasted-link-failed', failure: r.failure },
        error: true,
        keepsLink: true,
      });
    }
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('pagehide', onHide);
  window.addEventListener('storage', onStorage);
  return {
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('storage', onStorage);
    },
    release,
    keepMine,
    loadTheirs,
  };
}

/**
 * The page's store: when the link opened over other autosaved work (`replaced`), it starts from that work
 * and opens the link as one undo step, so Undo brings the work back as it does for a link pasted later.
 */
export function initialStore(initial: { workspace: Workspace; replaced?: Workspace }): PlanStore {
  const store = createPlanStore(initial.replaced ?? initial.workspace);
  if (initial.replaced) store.getState().actions.openWorkspace(initial.workspace, { from: 'quiet' });
  return store;
}

/** The initial store's drafts with the validation that opened them (initial.warnings), for createDerivation. */
export function openedDrafts(store: PlanStore, initial: InitialWorkspace): OpenedDraft[] {
  const { warnings, workspace } = initial;
  const drafts = store.getState().scenarios;
  if (!warnings || warnings.length !== drafts.length || workspace.scenarios.length !== drafts.length) return [];
  return drafts.map((draft, i) => ({ draft, plan: workspace.scenarios[i]!, warnings: warnings[i]! }));
}
