/** Title, plan name, presets, undo/redo and the share link; above the workspace, a first step for a newcomer. */
import { useActions, usePlan } from '../../state/store-context';
import { selectName } from '../../state/selectors';
import type { PlanState } from '../../state/plan-store';
import { activeDraft } from '../../state/workspace-state';
import { Field } from '../common/field';
import { PresetPicker } from './preset-picker';
import { ShareButton } from './share-button';
import { UndoControls } from './undo-controls';

export function AppHeader() {
  const name = usePlan(selectName);
  const { setName } = useActions();
  return (
    <header className="app-header">
      <h1 className="brand">EKS IP Planner</h1>
      <Field label="Plan name" path="name" value={name} onChange={setName} className="plan-name-field" />
      <PresetPicker />
      <UndoControls />
      <ShareButton />
    </header>
  );
}

/** The one line a newcomer reads first: what the page is for and where to start. */
export const FIRST_STEP =
  "Plan the IP addresses of an EKS cluster's VPC: add a node group on the left or pick a preset above, and see when each subnet runs out.";

const selectEmpty = (s: PlanState) => activeDraft(s).nodeGroups.length === 0;

/** Shown while the plan has no node group (the first screen, the blank plan): gone once there is one. */
export function FirstStep() {
  const empty = usePlan(selectEmpty);
  return empty ? <p className="first-step">{FIRST_STEP}</p> : null;
}
