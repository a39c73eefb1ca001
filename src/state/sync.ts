/**
 * Keeps the address bar and local storage in step with the plan: once an edit that leaves the draft
 * valid has rested for SYNC_DELAY_MS (or the page is hidden), the fragment carries the plan and local
 * storage keeps it. A share link pasted into the same tab (hashchange) opens.
 */
import type { InstanceDataset } from '../model/instances';
import type { Derive } from './derive';
import { planFromFragment, savePlan, writeFragment, type LoadNotice } from './persistence';
import type { PlanStore } from './plan-store';

/**
 * How long the plan must rest before the address bar and storage follow it: encoding and storing a
 * large plan costs ~10 ms, which would otherwise delay the next keystroke while the user types.
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
    const view = derive(store.getState().draft);
    if (view.stale || !view.shown) return;
    savePlan(storage, view.shown.plan);
    written = writeFragment(view.shown.plan);
  };
  flush();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.draft === prev.draft) return;
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
    const r = planFromFragment(location.hash, dataset);
    if (r.ok) {
      store.getState().actions.loadPlan(r.plan);
      onNotice(r.note ? { text: r.note, error: false } : null);
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
