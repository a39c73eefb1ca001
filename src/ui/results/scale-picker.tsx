/** Min / desired / max as a radio group. */
import type { Scale } from '../../model/result';

const SCALES: Scale[] = ['min', 'desired', 'max'];

export function ScalePicker({ value, onChange, name }: { value: Scale; onChange(s: Scale): void; name: string }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Node count">
      {SCALES.map((s) => (
        <label key={s} className={value === s ? 'on' : undefined}>
          <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
          at {s}
        </label>
      ))}
    </div>
  );
}
