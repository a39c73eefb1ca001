/**
 * Keeps the address bar and local storage in step with the workspace: once an edit that leaves the
 * active draft valid has rested for SYNC_DELAY_MS (or the page is hidden), the fragment carries every
 * scenario (each its last valid plan) and the views' inputs, and local storage keeps them. A share
 * link pasted into the same tab (hashchange) opens, as one undo step.
 */
import type { InstanceDataset } from '../model/instances';
import type { Derive } from './derive';
import { saveWorkspace, workspaceFromFragment, writeFragment, type LoadNotice } from './persistence';
import type { PlanStore } from './plan-store';
import { workspaceOfDrafts } from './workspace-state';

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
  /** Told when a pasted link cannot be opened. */
  onNotice(notice: LoadNotice | null): void;
}

export function startSync({ store, derive, dataset, storage, onNotice }: SyncOptions): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const s = store.getState();
    if (derive(s.draft).stale) return;
    const { workspace } = workspaceOfDrafts(s, derive);
    if (!workspace) return;
    saveWorkspace(storage, workspace);
    written = writeFragment(workspace);
  };
  flush();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarios === prev.scenarios && s.active === prev.active && s.views === prev.views) return;
    clearTimeout(timer);
    timer = setTimeout(flush, SYNC_DELAY_MS);
  });
  // Leaving the page flushes at once, so a reload right after an edit finds it.
  const onHide = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      flush();
    }
  };
  const onHash = () => {
    if (location.hash === written || location.hash === '') return;
    const r = workspaceFromFragment(location.hash, dataset);
    if (r.ok) {
      const n = r.workspace.scenarios.length;
      store.getState().actions.openWorkspace(r.workspace, `Opened the pasted link (${n === 1 ? 'one plan' : `${n} scenarios`}). Undo brings back what was here.`);
      onNotice(null);
    } else {
      onNotice({ text: `The share link could not be opened: ${r.error}. Your plan is unchanged.`, error: true });
      flush();
    }
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', onHide);
  };
}
