/**
 * The workspace's actions: fork, add, delete and switch scenarios, open a whole workspace, and set the
 * views' inputs. All but switching are undo steps; each says what it did in `message` (one live region).
 */
import type { TokenBucket } from '../model/api-calls';
import type { Plan } from '../model/plan';
import type { CrossAzView, DnsView } from '../model/views';
import type { Workspace } from '../model/workspace';
import { newKey, planToDraft } from './draft';
import { forkName, initialDrafts, MAX_SCENARIOS, scenarioName, type WorkspaceDrafts } from './workspace-state';

/**
 * Inputs of the scale-out estimate: the window and bucket overrides (shared by its panel and the
 * comparison). They live in the workspace's views, so undo, the share link and storage carry them.
 */
export interface ScaleOutInputs {
  seconds: number;
  buckets: Partial<Record<string, TokenBucket>>;
}

export const DEFAULT_SCALE_OUT: ScaleOutInputs = { seconds: 60, buckets: {} };

export interface WorkspaceActions {
  /** Copies the active scenario into a new one after it and switches to it; false at MAX_SCENARIOS. */
  forkScenario(): boolean;
  /** Adds `plan` as a new last scenario (named `name`) and switches to it; false at MAX_SCENARIOS. */
  addScenario(plan: Plan, name?: string): boolean;
  removeScenario(index: number): void;
  /** Shows another scenario: not an undo step of its own. */
  switchScenario(index: number): void;
  /** Replaces every scenario and the views (a plan file, a pasted link). */
  openWorkspace(ws: Workspace, message?: string): void;
  setDnsView(view: DnsView): void;
  setCrossAzView(view: CrossAzView): void;
  setScaleOut(inputs: ScaleOutInputs): void;
  /** Says something in the workspace's live region. */
  say(message: string): void;
}

export interface WorkspaceStore {
  get(): WorkspaceDrafts & { message: string };
  /** Sets tracked state; `key` groups quick edits into one undo step, SWITCH records none. */
  commit(key: string, next: Partial<WorkspaceDrafts>, message?: string): void;
  setUntracked(next: { message?: string }): void;
}

/** The commit key of a tab switch: never an undo step. */
export const SWITCH = 'switch';

export function workspaceActions(store: WorkspaceStore): WorkspaceActions {
  const full = () => store.get().scenarios.length >= MAX_SCENARIOS;
  const atMost = `At most ${MAX_SCENARIOS} scenarios: delete one first.`;
  return {
    forkScenario: () => {
      const s = store.get();
      if (full()) return store.setUntracked({ message: atMost }), false;
      const name = forkName(s.draft.name, s.scenarios.map((d) => d.name), s.scenarios.length);
      const copy = { ...s.draft, key: newKey('p'), name };
      const scenarios = s.scenarios.slice();
      scenarios.splice(s.active + 1, 0, copy);
      store.commit('fork', { scenarios, active: s.active + 1, draft: copy }, `Forked “${s.draft.name}” into “${name}”: edit it on its own, then compare.`);
      return true;
    },
    addScenario: (plan, name) => {
      const s = store.get();
      if (full()) return store.setUntracked({ message: atMost }), false;
      const draft = planToDraft({ ...plan, name: scenarioName(name ?? plan.name) });
      const scenarios = [...s.scenarios, draft];
      store.commit('add', { scenarios, active: scenarios.length - 1, draft }, `Added the scenario “${draft.name}” and switched to it.`);
      return true;
    },
    removeScenario: (index) => {
      const s = store.get();
      const gone = s.scenarios[index];
      if (!gone || s.scenarios.length <= 1) return;
      const scenarios = s.scenarios.filter((_, i) => i !== index);
      const active = index < s.active ? s.active - 1 : Math.min(s.active, scenarios.length - 1);
      store.commit('remove', { scenarios, active, draft: scenarios[active]! }, `Deleted the scenario “${gone.name}”. Undo brings it back.`);
    },
    switchScenario: (index) => {
      const s = store.get();
      const draft = s.scenarios[index];
      if (!draft || index === s.active) return;
      store.commit(SWITCH, { active: index, draft });
    },
    openWorkspace: (ws, message) => {
      const n = ws.scenarios.length;
      store.commit('open', initialDrafts(ws), message ?? `Opened ${n === 1 ? `“${ws.scenarios[0]!.name}”` : `${n} scenarios`}. Undo brings back what was here.`);
    },
    setDnsView: (dns) => store.commit('views.dns', { views: { ...store.get().views, dns } }),
    setCrossAzView: (crossAz) => store.commit('views.crossAz', { views: { ...store.get().views, crossAz } }),
    setScaleOut: (scaleOut) => {
      const buckets = Object.fromEntries(Object.entries(scaleOut.buckets).filter((e): e is [string, TokenBucket] => e[1] !== undefined));
      store.commit('views.scaleOut', { views: { ...store.get().views, scaleOut: { seconds: scaleOut.seconds, buckets } } });
    },
    say: (message) => store.setUntracked({ message }),
  };
}

