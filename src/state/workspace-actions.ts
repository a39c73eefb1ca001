/**
 * The workspace's actions: fork, add, delete and switch scenarios, open a whole workspace, and set the
 * views' inputs. All but switching are undo steps; each records what it did in `notice` (a fact: its kind
 * and data), which the scenario bar words in its live region (src/ui/scenarios/workspace-notice.ts).
 */
import type { TokenBucket } from '../model/api-calls';
import type { Plan } from '../model/plan';
import type { CrossAzView, DnsView } from '../model/views';
import type { Workspace } from '../model/workspace';
import { newKey, planToDraft } from './draft';
import {
  activeDraft,
  forkName,
  initialDrafts,
  MAX_SCENARIOS,
  scenarioName,
  type WorkspaceDrafts,
} from './workspace-state';

/**
 * Inputs of the scale-out estimate: the window and bucket overrides (shared by its panel and the
 * comparison). They live in the workspace's views, so undo, the share link and storage carry them.
 */
export interface ScaleOutInputs {
  seconds: number;
  buckets: Partial<Record<string, TokenBucket>>;
}

export const DEFAULT_SCALE_OUT: ScaleOutInputs = { seconds: 60, buckets: {} };

/** Where a workspace opened with openWorkspace came from. */
export type OpenOrigin =
  /** Said by the names it opened alone. */
  | { from: 'plain' }
  /** A plan file or an import; `source` is how the panel names it (a file name). */
  | { from: 'import'; source: string }
  | { from: 'saved'; name: string }
  | { from: 'other-tab' }
  | { from: 'pasted-link' }
  /** Nothing to say (the workspace the page opened with). */
  | { from: 'quiet' };

/** What the last workspace action did, as facts; the views word it. */
export type WorkspaceNotice =
  | { kind: 'full'; max: number }
  | { kind: 'forked'; from: string; to: string }
  | { kind: 'added'; name: string }
  | { kind: 'deleted'; name: string }
  /** `names`: the opened scenarios' names, in order. */
  | { kind: 'opened'; origin: OpenOrigin; names: string[] };

export interface WorkspaceActions {
  /** Copies the active scenario into a new one after it and switches to it; false at MAX_SCENARIOS. */
  forkScenario(): boolean;
  /** Adds `plan` as a new last scenario (named `name`) and switches to it; false at MAX_SCENARIOS. */
  addScenario(plan: Plan, name?: string): boolean;
  removeScenario(index: number): void;
  /** Shows another scenario: not an undo step of its own. */
  switchScenario(index: number): void;
  /** Replaces every scenario and the views (a plan file, a pasted link); `origin` says from where. */
  openWorkspace(ws: Workspace, origin?: OpenOrigin): void;
  setDnsView(view: DnsView): void;
  setCrossAzView(view: CrossAzView): void;
  setScaleOut(inputs: ScaleOutInputs): void;
}

export interface WorkspaceStore {
  get(): WorkspaceDrafts;
  /**
   * Sets tracked state as an undo step: quick edits with the same `key` make one step, OWN_STEP is
   * always a step of its own, SWITCH is none.
   */
  commit(key: EditKey, next: Partial<WorkspaceDrafts>, notice?: WorkspaceNotice | null): void;
  setUntracked(next: { notice: WorkspaceNotice | null }): void;
}

/** The commit key of a tab switch: never an undo step. */
export const SWITCH = 'switch';
/** The commit key of a change that is always its own undo step, however quickly the next follows. */
export const OWN_STEP = null;
/** How a change groups into undo steps: a field's name (quick edits of it join), OWN_STEP or SWITCH. */
export type EditKey = string | typeof OWN_STEP;

export function workspaceActions(store: WorkspaceStore): WorkspaceActions {
  const full = () => store.get().scenarios.length >= MAX_SCENARIOS;
  const atMost = { notice: { kind: 'full', max: MAX_SCENARIOS } } as const;
  return {
    forkScenario: () => {
      const s = store.get();
      if (full()) return (store.setUntracked(atMost), false);
      const draft = activeDraft(s);
      const name = forkName(
        draft.name,
        s.scenarios.map((d) => d.name),
        s.scenarios.length,
      );
      const scenarios = s.scenarios.slice();
      scenarios.splice(s.active + 1, 0, { ...draft, key: newKey('p'), name });
      store.commit('fork', { scenarios, active: s.active + 1 }, { kind: 'forked', from: draft.name, to: name });
      return true;
    },
    addScenario: (plan, name) => {
      const s = store.get();
      if (full()) return (store.setUntracked(atMost), false);
      const draft = planToDraft({ ...plan, name: scenarioName(name ?? plan.name) });
      const scenarios = [...s.scenarios, draft];
      store.commit('add', { scenarios, active: scenarios.length - 1 }, { kind: 'added', name: draft.name });
      return true;
    },
    removeScenario: (index) => {
      const s = store.get();
      const gone = s.scenarios[index];
      if (!gone || s.scenarios.length <= 1) return;
      const scenarios = s.scenarios.filter((_, i) => i !== index);
      const active = index < s.active ? s.active - 1 : Math.min(s.active, scenarios.length - 1);
      store.commit('remove', { scenarios, active }, { kind: 'deleted', name: gone.name });
    },
    switchScenario: (index) => {
      const s = store.get();
      if (!s.scenarios[index] || index === s.active) return;
      store.commit(SWITCH, { active: index });
    },
    openWorkspace: (ws, origin) => {
      const names = ws.scenarios.map((p) => p.name);
      store.commit(
        'open',
        initialDrafts(ws),
        origin?.from === 'quiet' ? null : { kind: 'opened', origin: origin ?? { from: 'plain' }, names },
      );
    },
    setDnsView: (dns) => store.commit('views.dns', { views: { ...store.get().views, dns } }),
    setCrossAzView: (crossAz) => store.commit('views.crossAz', { views: { ...store.get().views, crossAz } }),
    setScaleOut: (scaleOut) => {
      const buckets = Object.fromEntries(
        Object.entries(scaleOut.buckets).filter((e): e is [string, TokenBucket] => e[1] !== undefined),
      );
      store.commit('views.scaleOut', {
        views: { ...store.get().views, scaleOut: { seconds: scaleOut.seconds, buckets } },
      });
    },
  };
}
