/** Renders the planner over a fresh store (a plan, or a workspace of scenarios) for one test, with user-event. */
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataset } from '../../src/data/dataset';
import type { Plan } from '../../src/model/plan';
import type { Workspace } from '../../src/model/workspace';
import type { LoadNotice } from '../../src/state/persistence';
import { createDerivation } from '../../src/state/derive';
import { createPlanStore } from '../../src/state/plan-store';
import { App } from '../../src/ui/app/app';
import { loadLazyChunks } from './lazy-chunks';

// Every lazy view is loaded before the first test: waiting for one then depends on React, not machine speed.
await loadLazyChunks();
// findBy*/waitFor wait for a frame or two of the app; on a busy 2-core machine that can take seconds. A
// generous bound costs nothing when the test passes (they return as soon as the element is there).
configure({ asyncUtilTimeout: 15_000 });

export function renderApp(
  plan: Plan | Workspace,
  options: { sync?: boolean; storage?: Storage | null; notice?: LoadNotice | null } = {},
) {
  const ctx = { store: createPlanStore(structuredClone(plan)), derive: createDerivation(dataset) };
  const user = userEvent.setup();
  const view = render(
    <App
      ctx={ctx}
      sync={options.sync ?? false}
      storage={options.storage ?? null}
      initialNotice={options.notice ?? null}
    />,
  );
  return { ...view, user, store: ctx.store, ctx };
}
