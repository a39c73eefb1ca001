/** Entry: open the workspace from the share link, local storage or the first preset, and render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { dataset } from './data/dataset';
import { createDerivation } from './state/derive';
import { loadInitialWorkspace, safeStorage } from './state/persistence';
import { createPlanStore } from './state/plan-store';
import { App } from './ui/app';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/results.css';
import './styles/workspace.css';
import './styles/print.css';

const storage = safeStorage();
const initial = loadInitialWorkspace(location.hash, storage, dataset);
const ctx = { store: createPlanStore(initial.workspace), derive: createDerivation(dataset) };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App ctx={ctx} initialNotice={initial.notice} storage={storage} />
  </StrictMode>,
);
