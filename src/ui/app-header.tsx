/** Title, plan name, presets, undo/redo and the share link. */
import { useActions, usePlan } from '../state/store-context';
import { selectName } from '../state/selectors';
import { Field } from './field';
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
