/**
 * Presets to start from: the blank plan first, then each classic way a VPC runs out, or the fix. The
 * option values are indexes into PRESETS (a stable order), whatever order they are listed in. Loading
 * one can be undone.
 */
import { useId } from 'react';
import { BLANK_PLAN, PRESETS } from '../../model/presets';
import { useActions } from '../../state/store-context';

/** PRESETS' indexes in the order the picker lists them: the blank plan first. */
const ORDER = PRESETS.map((_, i) => i).sort(
  (a, b) => Number(PRESETS[b] === BLANK_PLAN) - Number(PRESETS[a] === BLANK_PLAN),
);

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
        {ORDER.map((i) => (
          <option key={PRESETS[i]!.name} value={i}>
            {PRESETS[i]!.name}
          </option>
        ))}
      </select>
    </div>
  );
}
