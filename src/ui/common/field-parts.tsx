/**
 * The parts a labelled control shares, store-free (the tools use them too): the text input with its
 * validation state, the aria-describedby list, and the hint, message and warning paragraphs under it
 * (ids `${id}-hint`, `${id}-msg`, `${id}-warn`), each only when there is one.
 */
import type { ReactNode } from 'react';

/** The ids aria-describedby lists, in this order: the message, the warning, the hint. */
export function describedBy(id: string, hint: unknown, error: unknown, warn?: unknown): string | undefined {
  const ids = [error && `${id}-msg`, warn && `${id}-warn`, hint && `${id}-hint`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  labelledBy?: string;
  error?: ReactNode;
  ariaDescribedBy?: string;
}

/** A text input kept as typed (no spell check or autocomplete), `num` styled when it takes a number. */
export function TextInput({
  id,
  value,
  onChange,
  placeholder,
  inputMode,
  labelledBy,
  error,
  ariaDescribedBy,
}: TextInputProps) {
  return (
    <input
      id={id}
      type="text"
      value={value}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      inputMode={inputMode}
      className={inputMode ? 'num' : undefined}
      aria-labelledby={labelledBy}
      aria-invalid={error ? true : undefined}
      aria-describedby={ariaDescribedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The hint, the validation message and the warning under a control, in that order. */
export function FieldNotes({
  id,
  hint,
  error,
  warning,
}: {
  id: string;
  hint?: ReactNode;
  error?: ReactNode;
  warning?: ReactNode;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-msg`} className="field-error">
          {error}
        </p>
      )}
      {warning && (
        <p id={`${id}-warn`} className="field-warning">
          {warning}
        </p>
      )}
    </>
  );
}
