/**
 * The value once it has rested for `ms` (null until then): the panels that run the model several times
 * over (the advisor, sizing, failure scenarios) follow an edit after the typing stops, never between
 * two keystrokes.
 */
import { startTransition, useEffect, useState } from 'react';

export function useRested<T>(value: T, ms: number): T | null {
  const [rested, setRested] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (rested && rested.value === value) return;
    const timer = setTimeout(() => startTransition(() => setRested({ value })), ms);
    return () => clearTimeout(timer);
  }, [value, rested, ms]);
  return rested ? rested.value : null;
}
