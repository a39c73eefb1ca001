/**
 * The value, once the browser has painted the frame that first had it and `restMs` have passed since it
 * changed without a newer one: the panels that cost a frame (the chart above all) follow an edit just after
 * the verdict instead of holding it back, and skip the intermediate values of fast typing.
 * The rest counts from the change, not from the paint: on a large plan the verdict's own frame takes
 * 20–30 ms, which would otherwise be added to the rest (the detail followed 80 ms after a keystroke, not 55).
 * useDeferredValue is not enough: its transition can start, and commit, before the browser paints.
 */
import { startTransition, useEffect, useState } from 'react';

export function usePaintedValue<T>(value: T, restMs = 40): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (painted === value) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- no frames to wait for (jsdom): take the value now
    if (typeof requestAnimationFrame !== 'function') return setPainted(value);
    // The effect runs as the value's render commits, the closest to the edit this hook can see.
    const changed = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs after that frame is painted.
    const raf = requestAnimationFrame(() => {
      const left = Math.max(0, restMs - (performance.now() - changed));
      timer = setTimeout(() => startTransition(() => setPainted(value)), left);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [value, painted, restMs]);
  return painted;
}
