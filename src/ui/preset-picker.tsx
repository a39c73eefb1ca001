/** Presets to start from: each shows a classic way a VPC runs out, or the fix. Loading one can be undone. */
import { useId } from 'react';
import { PRESETS } from '../model/presets';
import { useActions } from '../state/store-context';

export function PresetPicker() {
  const { loadPlan } = useActions();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>Preset</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const p = PRESETS[Number(e.target.value)];
          if (p) loadPlan(structuredClone(p));
        }}
      >
        <option value="">Start from a preset…</option>
        {PRESETS.map((p, i) => <option key={p.name} value={i}>{p.name}</option>)}
      </select>
    </div>
  );
}
