/**
 * A text input bound to one plan path: its label, a hint, and the validation message beside it
 * (aria-invalid, the message linked with aria-describedby). What the user types is kept as typed.
 */
import type { ReactNode } from 'react';
import { fieldId } from './format';
import { useFieldIssue, useFieldWarning } from './field-issues';

export interface FieldProps {
  /** Visible label; omit when `labelledBy` names a visible header instead (table cells). */
  label?: ReactNode;
  labelledBy?: string;
  path: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  placeholder?: string;
  numeric?: boolean;
  /** Also show the model's advice at this path (VPC CIDRs). */
  withWarnings?: boolean;
  className?: string;
  /** Shown beside the label, outside it (so the accessible name stays the label alone). */
  aside?: ReactNode;
  after?: ReactNode;
}

export function Field({
  label,
  labelledBy,
  path,
  value,
  onChange,
  hint,
  placeholder,
  numeric,
  withWarnings,
  className,
  aside,
  after,
}: FieldProps) {
  const error = useFieldIssue(path);
  const id = fieldId(path);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      {label !== undefined &&
        (aside ? (
          <div className="label-row">
            <label htmlFor={id}>{label}</label>
            {aside}
          </div>
        ) : (
          <label htmlFor={id}>{label}</label>
        ))}
      <div className="field-row">
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          inputMode={numeric ? 'numeric' : undefined}
          className={numeric ? 'num' : undefined}
          aria-labelledby={labelledBy}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error), withWarnings)}
          onChange={(e) => onChange(e.target.value)}
        />
        {after}
      </div>
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
      {withWarnings && <FieldWarning id={`${id}-warn`} path={path} />}
    </div>
  );
}

function describedBy(id: string, hint: boolean, error: boolean, warn?: boolean): string | undefined {
  const ids = [error && `${id}-msg`, warn && `${id}-warn`, hint && `${id}-hint`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldWarning({ id, path }: { id: string; path: string }) {
  const warning = useFieldWarning(path);
  return (
    <p id={id} className="field-warning" hidden={!warning}>
      {warning}
    </p>
  );
}
