/**
 * "Go to field" for a field inside a folded node group card: the card's body is not mounted, so the
 * results ask the node groups panel to unfold it first (a window event: the two share no parent state).
 */
import { useEffect } from 'react';

const OPEN_GROUP = 'eks-ip-planner:open-group';

/** Asks the node groups panel to unfold card `index` (it re-renders before the next frame). */
export function requestOpenGroup(index: number): void {
  window.dispatchEvent(new CustomEvent<number>(OPEN_GROUP, { detail: index }));
}

/** Calls `onOpen(index)` for each request, while mounted. */
export function useOpenGroupRequests(onOpen: (index: number) => void): void {
  useEffect(() => {
    const listener = (e: Event) => onOpen((e as CustomEvent<number>).detail);
    window.addEventListener(OPEN_GROUP, listener);
    return () => window.removeEventListener(OPEN_GROUP, listener);
  }, [onOpen]);
}
