/**
 * Where the reader points on the exhaustion chart (total nodes), outside React state so that moving
 * the pointer re-renders the cursor and the readout, not the chart.
 */
import { useSyncExternalStore } from 'react';

export interface Cursor {
  get(): number | null;
  set(nodes: number | null): void;
  subscribe(fn: () => void): () => void;
}

export function createCursor(): Cursor {
  let value: number | null = null;
  const subs = new Set<() => void>();
  return {
    get: () => value,
    set: (v) => {
      if (v === value) return;
      value = v;
      subs.forEach((f) => f());
    },
    subscribe: (fn) => {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

export function useCursor(c: Cursor): number | null {
  return useSyncExternalStore(c.subscribe, c.get, c.get);
}
