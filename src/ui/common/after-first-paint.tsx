/**
 * Renders its children in a second pass after the page's first render, so the first paint carries the
 * header and the verdict without waiting for the editor, the chart and the detail (on a 40-group plan those
 * are most of the page's 3,500 elements). useDeferredValue(true, false) gives false on the first render and
 * re-renders with true as a background render, which React yields from so the browser can paint the first.
 * Only the page's first mount is deferred: once any has revealed, later mounts (a scenario tab, a remount)
 * render their children at once. Tests rendering inside act() see the children when render returns.
 */
import { useDeferredValue, useEffect, type ReactNode } from 'react';

let revealed = false;

export function AfterFirstPaint({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const ready = useDeferredValue(true, revealed);
  useEffect(() => {
    if (ready) revealed = true;
  }, [ready]);
  return ready ? children : fallback;
}
