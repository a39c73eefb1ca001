/**
 * The workspace as the store holds it (a draft per scenario, the active index, the views' inputs) and
 * back: the workspace of valid plans that the share link, local storage and the JSON export carry.
 */
import type { Plan } from '../model/plan';
import type { Views } from '../model/views';
import { MAX_SCENARIOS, viewsInUse, workspaceOf, type Workspace } from '../model/workspace';
import type { Derive } from './derive';
import { planToDraft, type Draft } from './draft';

export { MAX_SCENARIOS };

/** The part of the store that undo/redo restores and the workspace is made of. */
export interface WorkspaceDrafts {
  /** A draft per scenario; the one being edited is scenarios[active] (activeDraft). */
  scenarios: readonly Draft[];
  active: number;
  views: Views;
}

const NAME_MAX = 120;

/** "A" for the first scenario, "B" for the second, … */
export const scenarioLetter = (index: number): string => String.fromCharCode(65 + (index % 26));

/**
 * A fork's name: the plan's name with the next free scenario letter, without stacking letters.
 * @example forkName('Small routable VPC', ['Small routable VPC'], 1) === 'Small routable VPC (B)'
 * @example forkName('Small routable VPC (B)', ['Small routable VPC', 'Small routable VPC (B)'], 2) === 'Small routable VPC (C)'
 */
export function forkName(name: string, taken: readonly string[], index: number): string {
  const base = name.replace(/\s*\([A-Z]\)$/, '').trim() || 'Scenario';
  for (let i = index; i < index + 26; i++) {
    const suffix = ` (${scenarioLetter(i)})`;
    const candidate = `${base.slice(0, NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
  return base.slice(0, NAME_MAX);
}

/** A name for a new scenario, at most 120 characters. */
export const scenarioName = (name: string): string => (name.trim() || 'Scenario').slice(0, NAME_MAX);

export function initialDrafts(initial: Plan | Workspace): WorkspaceDrafts {
  const ws = 'scenarios' in initial ? initial : workspaceOf(initial);
  const scenarios = ws.scenarios.map(planToDraft);
  const active = Math.min(Math.max(0, ws.active), scenarios.length - 1);
  return { scenarios, active, views: ws.views ?? {} };
}

/** The active scenario's draft: derived, never stored beside the scenarios. */
export const activeDraft = (s: Pick<WorkspaceDrafts, 'scenarios' | 'active'>): Draft => s.scenarios[s.active]!;

export interface WorkspaceSnapshot {
  /** The valid plans (each scenario's own, or its last valid one); null when no scenario has one. */
  workspace: Workspace | null;
  /** Names of the scenarios whose unfinished edits are not in it (their last valid plan is). */
  stale: string[];
  /** Names of the scenarios left out: they never had a valid plan. */
  missing: string[];
}

/**
 * The workspace of the store's drafts: each scenario's plan if its draft is valid, else its last valid
 * plan; a scenario that never had one is left out (and the active index follows).
 */
export function workspaceOfDrafts(
  s: Pick<WorkspaceDrafts, 'scenarios' | 'active' | 'views'>,
  derive: Derive,
): WorkspaceSnapshot {
  const scenarios: Plan[] = [];
  const stale: string[] = [];
  const missing: string[] = [];
  // The active scenario's index among those kept (or, if it is left out, the last kept before it).
  let active = 0;
  s.scenarios.forEach((d, i) => {
    const v = derive(d);
    if (!v.shown) return void missing.push(d.name);
    if (v.stale) stale.push(d.name);
    if (i <= s.active) active = scenarios.length;
    scenarios.push(v.shown.plan);
  });
  if (!scenarios.length) return { workspace: null, stale, missing };
  const views = viewsInUse(s.views) ? { views: s.views } : {};
  return { workspace: { version: 2, active, scenarios, ...views }, stale, missing };
}
