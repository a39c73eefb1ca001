/** Entry: open the workspace from the share link, local storage or the blank plan, and render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { dataset, datasetProblem } from './data/dataset';
import { createDerivation } from './state/derive';
import { openInitialWorkspace, safeStorage } from './state/persistence';
import { initialStore, openedDrafts } from './state/sync';
import { App } from './ui/app/app';
import { DatasetFailure } from './ui/app/dataset-failure';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/results.css';
import './styles/workspace.css';
import './styles/print.css';

const root = createRoot(document.getElementById('root')!);
if (datasetProblem !== null) {
  // Without instance types every plan would read as invalid: say what failed, and touch neither the address
  // bar nor storage (no store, no sync), so the plan there is kept.
  root.render(<DatasetFailure problem={datasetProblem} />);
} else {
  const storage = safeStorage();
  // A link opened over other autosaved work keeps that work in Saved plans, and Undo brings it back.
  const initial = openInitialWorkspace(location.hash, storage, dataset);
  const store = initialStore(initial);
  // The link's (or the autosave's) plans were validated on opening: the first results do not validate them again.
  const ctx = { store, derive: createDerivation(dataset, openedDrafts(store, initial)) };
  root.render(
    <StrictMode>
      <App ctx={ctx} initialNotice={initial.notice} storage={storage} />
    </StrictMode>,
  );
}
