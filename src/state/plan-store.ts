/**
 * The one store: the workspace being edited (a draft plan per scenario, the active one, the views'
 * inputs) and the actions that edit it, with undo/redo (zundo) over all of it. Results are not stored:
 * they derive from each draft (derive.ts). A factory, so each app instance and each test gets its own.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Plan } from '../model/plan';
import type { Workspace } from '../model/workspace';
import { draftActions, type DraftActions } from './draft-actions';
import type { Draft } from './draft';
import { SWITCH, workspaceActions, type WorkspaceActions, type WorkspaceNotice } from './workspace-actions';
import { initialDrafts, type WorkspaceDrafts } from './workspace-state';

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

export function createPlanStore(initial: Plan | Workspace) {
  // Which edit the last change was, so typing "250" is one undo step rather than three.
  let editKey = '';
  let lastKey = '';
  let lastAt = 0;
  let last: Tracked | null = null;

  return createStore<PlanState>()(
    temporal(
      (set, get) => {
        const commit = (key: string, next: Partial<Tracked>, notice?: WorkspaceNotice | null) => {
          editKey = key;
          set(notice === undefined ? next : { ...next, notice });
        };
        const editDraft = (key: string, fn: (d: Draft) => Draft) => {
          const s = get();
          const draft = fn(s.draft);
          if (draft === s.draft) return;
          const scenarios = s.scenarios.slice();
          scenarios[s.active] = draft;
          commit(`${draft.key}:${key}`, { draft, scenarios });
        };
        const actions: PlanActions = {
          ...draftActions(editDraft),
          ...workspaceActions({ get, commit, setUntracked: (next) => set(next) }),
        };
        return { ...initialDrafts(initial), notice: null, actions };
      },
      {
        partialize: ({ draft, scenarios, active, views }): Tracked => ({ draft, scenarios, active, views }),
        equality: (a, b) => a.scenarios === b.scenarios && a.active === b.active && a.views === b.views,
        limit: 200,
        handleSet: (handleSet) => (past, replace, current, delta) => {
          const p = past as Tracked;
          const c = current as Tracked;
          // Switching tabs is not a step: the next edit's step starts from the switched-to scenario.
          if (editKey === SWITCH) {
            lastKey = '';
            return;
          }
          const now = Date.now();
          // An undo or redo in between (the past is not what we last saw) always starts a new step.
          const same = editKey === lastKey && now - lastAt < COALESCE_MS && last !== null
            && p.scenarios === last.scenarios && p.views === last.views && p.active === last.active;
          lastKey = editKey;
          lastAt = now;
          last = c;
          // zundo passes its internal _handleSet (four arguments) although the type says setState.
          if (!same) (handleSet as unknown as (...args: unknown[]) => void)(past, replace, current, delta);
        },
      },
    ),
  );
}

export type PlanStore = ReturnType<typeof createPlanStore>;
