/** Title and what the planner is for, plan name, presets, undo/redo and the share link. */
import { useActions, usePlan } from '../state/store-context';
import { selectName } from '../state/selectors';
import { Field } from './field';
import { PresetPicker } from './preset-picker';
import { ShareButton } from './share-button';
import { UndoControls } from './undo-controls';

/** The one line a newcomer reads first: what the page is for and where to start. */
export const TAGLINE = 'Plan the IP addresses of an EKS cluster\'s VPC: add node groups on the left or start from a preset, and see when each subnet runs out.';

export function AppHeader() {
  const name = usePlan(selectName);
  const { setName } = useActions();
  return (
    <header className="app-header">
      <h1 className="brand">EKS IP Planner</h1>
      <p className="tagline">{TAGLINE}</p>
      <Field label="Plan name" path="name" value={name} onChange={setName} className="plan-name-field" />
      <PresetPicker />
      <UndoControls />
      <ShareButton />
    </header>
  );
}
