/** Renders the planner over a fresh store (a plan, or a workspace of scenarios) for one test, with user-event. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataset } from '../../src/data/dataset';
import type { Plan } from '../../src/model/plan';
import type { Workspace } from '../../src/model/workspace';
import type { LoadNotice } from '../../src/state/persistence';
import { createDerivation } from '../../src/state/derive';
import { createPlanStore } from '../../src/state/plan-store';
import { App } from '../../src/ui/app';

export function renderApp(plan: Plan | Workspace, options: { sync?: boolean; storage?: Storage | null; notice?: LoadNotice | null } = {}) {
  const ctx = { store: createPlanStore(structuredClone(plan)), derive: createDerivation(dataset) };
  const user = userEvent.setup();
  const view = render(<App ctx={ctx} sync={options.sync ?? false} storage={options.storage ?? null} initialNotice={options.notice ?? null} />);
  return { ...view, user, store: ctx.store, ctx };
}
