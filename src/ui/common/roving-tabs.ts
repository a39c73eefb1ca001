/**
 * The keys of a WAI-ARIA tab list with a roving tabindex (automatic activation): ArrowRight and
 * ArrowLeft move to the next and previous tab (wrapping), Home and End to the first and last; the
 * new tab is selected and takes focus. The handler goes on the tablist, where the tabs' keys bubble.
 */
import { useRef, type KeyboardEvent } from 'react';

/** The index a key moves to from `current` in a list of `count` tabs, or -1 for any other key. */
export function rovingTarget(key: string, current: number, count: number): number {
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}

/**
 * `current` is the selected tab's index, `count` the number of tabs; `select(to)` selects tab `to`,
 * whose element id is `tabIdAt(to)`. Returns the ref and the keydown handler for the tablist element.
 */
export function useRovingTabs(
  current: number,
  count: number,
  select: (to: number) => void,
  tabIdAt: (to: number) => string,
) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to = rovingTarget(e.key, current, count);
    if (to < 0) return;
    e.preventDefault();
    select(to);
    ref.current?.ownerDocument.getElementById(tabIdAt(to))?.focus();
  };
  return { ref, onKeyDown };
}
