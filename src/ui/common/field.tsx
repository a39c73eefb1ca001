/**
 * A text input bound to one plan path: its label, a hint, and the validation message beside it
 * (aria-invalid, the message linked with aria-describedby). What the user types is kept as typed.
 */
import type { ReactNode } from 'react';
import { describedBy, FieldNotes, TextInput } from './field-parts';
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
        <TextInput
          id={id}
          value={value}
          onChange={onChange}
          placeholder={placeholder}
          inputMode={numeric ? 'numeric' : undefined}
          labelledBy={labelledBy}
          error={error}
          ariaDescribedBy={describedBy(id, hint, error, withWarnings)}
        />
        {after}
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
      {withWarnings && <FieldWarning id={`${id}-warn`} path={path} />}
    </div>
  );
}

function FieldWarning({ id, path }: { id: string; path: string }) {
  const warning = useFieldWarning(path);
  return (
    <p id={id} className="field-warning" hidden={!warning}>
      {warning}
    </p>
  );
}
