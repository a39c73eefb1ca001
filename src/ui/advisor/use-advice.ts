/**
 * The advisor's fixes for a plan, measured a slice at a time: adviseSteps() runs in tasks of at most
 * SLICE_MS, each after the browser has had its turn, so a keystroke that arrives while the fixes are
 * measured is painted at once (on the 40-group plan the whole advice is ~7 evaluations, 30-80 ms).
 * The last few plans' advice is kept by content, so an edit and its undo are measured once.
 */
import { startTransition, useEffect, useState } from 'react';
import { dataset } from '../../data/dataset';
import { adviseSteps, type Advice } from '../../model/advisor';
import type { Plan } from '../../model/plan';

/** The longest a slice runs before it lets the browser paint and take input. */
const SLICE_MS = 8;

export interface Measured {
  plan: Plan;
  advice: Advice[];
}

/** Plans by content: an edit and its undo, or a field left and fixed again, give an equal plan. */
const keys = new WeakMap<Plan, string>();
export function planKey(plan: Plan): string {
  let k = keys.get(plan);
  if (k === undefined) keys.set(plan, (k = JSON.stringify(plan)));
  return k;
}

/** The advice of the last few plans measured. */
const cache = new Map<string, Advice[]>();
function remember(key: string, advice: Advice[]): void {
  cache.delete(key);
  cache.set(key, advice);
  if (cache.size > 8) cache.delete(cache.keys().next().value!);
}

/**
 * The advice for `plan` once measured; until then the last plan's (its `plan` says which), or null when
 * none has been measured yet. `plan` null: nothing to measure (the plan has not rested).
 */
export function useAdvice(plan: Plan | null): Measured | null {
  const [last, setLast] = useState<Measured | null>(null);
  const key = plan ? planKey(plan) : null;
  const hit = key === null ? undefined : cache.get(key);
  useEffect(() => {
    if (!plan || key === null || cache.has(key)) return;
    const steps = adviseSteps(plan, dataset);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          remember(key, step.value);
          startTransition(() => setLast({ plan, advice: step.value }));
          return;
        }
        if (performance.now() >= until) {
          timer = setTimeout(slice, 0);
          return;
        }
      }
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [plan, key]);
  if (plan && hit) return { plan, advice: hit };
  return last;
}
