/**
 * The values of an In / NotIn requirement: chips, and a text box offering the label's values from the
 * dataset (a datalist). Enter, a comma or a space adds what was typed (so "c, m, r" pasted is three values),
 * picking a suggestion adds it, Backspace in the empty box takes the last one back.
 */
import { useState } from 'react';
import { labelValues } from './pool-labels';

interface Props {
  /** "Requirement 1": the accessible names start with it. */
  name: string;
  labelKey: string;
  values: readonly string[];
  onChange(values: string[]): void;
  inputId: string;
  describedBy?: string;
  invalid: boolean;
}

const split = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);

export function ValuesInput({ name, labelKey, values, onChange, inputId, describedBy, invalid }: Props) {
  const [text, setText] = useState('');
  const offered = labelValues(labelKey);
  const listId = `${inputId}-values`;
  const add = (typed: string) => {
    const next = [...values];
    for (const v of split(typed)) if (!next.includes(v)) next.push(v);
    setText('');
    if (next.length !== values.length) onChange(next);
  };
  return (
    <div className="req-values">
      <ul className="chips" aria-label={`${name} values`}>
        {values.map((v) => (
          <li key={v} className="chip">
            <span className="chip-text">{v}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove value ${v} from ${name.toLowerCase()}`}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              ×
            </button>
          </li>
        ))}
        <li className="chip-input">
          <input
            id={inputId}
            type="text"
            value={text}
            list={offered.length ? listId : undefined}
            placeholder={
              values.length ? 'add a value' : offered.length ? `e.g. ${offered.slice(0, 3).join(', ')}` : 'value'
            }
            spellCheck={false}
            autoComplete="off"
            aria-label={`${name} values: add a value`}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const v = e.target.value;
              // A pick from the datalist replaces the text in one go (no InputEvent, or insertReplacementText).
              const native = e.nativeEvent as Partial<InputEvent>;
              const picked = native.inputType === undefined || native.inputType === 'insertReplacementText';
              if (/[,\s]$/.test(v) || (picked && offered.includes(v.trim()))) add(v);
              else setText(v);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (text.trim()) add(text);
              } else if (e.key === 'Backspace' && text === '' && values.length) {
                onChange(values.slice(0, -1));
              }
            }}
            onBlur={() => text.trim() && add(text)}
          />
          {offered.length > 0 && (
            <datalist id={listId}>
              {offered
                .filter((v) => !values.includes(v))
                .map((v) => (
                  <option key={v} value={v} />
                ))}
            </datalist>
          )}
        </li>
      </ul>
    </div>
  );
}
