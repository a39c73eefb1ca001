/**
 * The one store: the workspace being edited (a draft plan per scenario, the active one, the views'
 * inputs) and the actions that edit it, with undo/redo (zundo) over all of it. Results are not stored:
 * they derive from each draft (derive.ts), and the active draft from the scenarios (activeDraft). Undo
 * steps group through zundo's public pause()/resume(). A factory, so each app instance and each test
 * gets its own.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Plan } from '../model/plan';
import type { Workspace } from '../model/workspace';
import { draftActions, type DraftActions } from './draft-actions';
import type { Draft } from './draft';
import {
  OWN_STEP,
  SWITCH,
  workspaceActions,
  type EditKey,
  type WorkspaceActions,
  type WorkspaceNotice,
} from './workspace-actions';
import { activeDraft, initialDrafts, type WorkspaceDrafts } from './workspace-state';

export type PlanActions = DraftActions & WorkspaceActions;

export interface PlanState extends WorkspaceDrafts {
  /** What the last workspace action did (fork, delete, import…), as facts: the scenario bar words it. */
  notice: WorkspaceNotice | null;
  actions: PlanActions;
}

/** What undo and redo restore. */
type Tracked = WorkspaceDrafts;

/** Keystrokes in one field within this many ms of each other make one undo step. */
const COALESCE_MS = 800;

const tracked = ({ scenarios, active, views }: Tracked): Tracked => ({ scenarios, active, views });

export function createPlanStore(initial: Plan | Workspace) {
  // The last change that was or joined an undo step, so typing "250" is one step rather than three.
  let last: { key: string; at: number; state: Tracked } | null = null;

  const store = createStore<PlanState>()(
    temporal(
      (set, get) => {
        const commit = (key: EditKey, next: Partial<Tracked>, notice?: WorkspaceNotice | null) => {
          const now = Date.now();
          const s = get();
          // A change joins the step before it when it is the same edit soon after, and nothing (an undo,
          // a redo) moved the workspace in between. A tab switch joins whatever step it follows: none.
          const joins =
            key === SWITCH ||
            (key !== OWN_STEP &&
              last !== null &&
              key === last.key &&
              now - last.at < COALESCE_MS &&
              s.scenarios === last.state.scenarios &&
              s.views === last.state.views &&
              s.active === last.state.active);
          const history = store.temporal.getState();
          const pause = joins && history.isTracking;
          if (pause) history.pause();
          set(notice === undefined ? next : { ...next, notice });
          if (pause) history.resume();
          // After a switch the next edit starts its own step, from the scenario switched to.
          last = key === SWITCH || key === OWN_STEP ? null : { key, at: now, state: tracked(get()) };
        };
        const editDraft = (key: EditKey, fn: (d: Draft) => Draft) => {
          const s = get();
          const old = activeDraft(s);
          const draft = fn(old);
          if (draft === old) return;
          const scenarios = s.scenarios.slice();
          scenarios[s.active] = draft;
          commit(key === OWN_STEP ? OWN_STEP : `${draft.key}:${key}`, { scenarios });
        };
        const actions: PlanActions = {
          ...draftActions(editDraft),
          ...workspaceActions({ get, commit, setUntracked: (next) => set(next) }),
        };
        return { ...initialDrafts(initial), notice: null, actions };
      },
      {
        partialize: (s): Tracked => tracked(s),
        equality: (a, b) => a.scenarios === b.scenarios && a.active === b.active && a.views === b.views,
        limit: 200,
      },
    ),
  );
  return store;
}

export type PlanStore = ReturnType<typeof createPlanStore>;
