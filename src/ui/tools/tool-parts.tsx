/**
 * Pieces shared by the DNS and cross-AZ views: a labelled text field with its message beside it
 * (aria-invalid, aria-describedby; its parts are common/field-parts.tsx), a copyable snippet, and a draft that follows a controlled value.
 * They take no store: the views are controlled by their props alone.
 */
import { useRef, useState, type ReactNode } from 'react';
import { copyText } from '../common/clipboard';
import { describedBy, FieldNotes, TextInput } from '../common/field-parts';

export interface ToolFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  numeric?: boolean;
  placeholder?: string;
  className?: string;
}

export function ToolField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  numeric,
  placeholder,
  className,
}: ToolFieldProps) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <TextInput
        id={id}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        inputMode={numeric ? 'decimal' : undefined}
        error={error}
        ariaDescribedBy={describedBy(id, hint, error)}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The model's messages start in lower case ("the name is empty"); beside a field they start a sentence. */
export const sentence = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** A titled code block with a Copy button that says whether it worked. */
export function Snippet({
  id,
  title,
  text,
  children,
}: {
  id: string;
  title: string;
  text: string;
  children?: ReactNode;
}) {
  const [status, setStatus] = useState('');
  const timer = useRef<number>(undefined);
  const onCopy = async () => {
    const ok = await copyText(text);
    setStatus(ok ? 'Copied to the clipboard.' : 'Could not reach the clipboard: select the text and copy it.');
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setStatus(''), 4000);
  };
  return (
    <div className="tool-snippet">
      <div className="tool-snippet-head">
        <h3 id={id}>{title}</h3>
        <button type="button" className="small" onClick={onCopy} aria-label={`Copy ${title}`}>
          Copy
        </button>
        <span className="tool-copy-status" role="status">
          {status}
        </span>
      </div>
      {/* Focusable so a long line can be scrolled with the keyboard. */}
      <pre tabIndex={0} aria-labelledby={id}>
        <code>{text}</code>
      </pre>
      {children}
    </div>
  );
}

/** Order-independent equality of plain data (objects, arrays, numbers, strings); undefined keys ignored. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * The text the user is typing, for a controlled value that only ever holds valid input. The draft is
 * kept while it agrees with the value; when the value changes from outside (undo, a share link) and
 * says something else, the draft is rebuilt from it.
 */
export function useDraft<V, D>(value: V, toDraft: (v: V) => D, agrees: (d: D, v: V) => boolean): [D, (d: D) => void] {
  const [state, setState] = useState(() => ({ draft: toDraft(value), from: value }));
  let draft = state.draft;
  if (state.from !== value) {
    draft = agrees(state.draft, value) ? state.draft : toDraft(value);
    setState({ draft, from: value });
  }
  return [draft, (d: D) => setState({ draft: d, from: value })];
}

/** "1,234.5" → 1234.5; "" or text → NaN. Commas and spaces are thousands separators. */
export function parseNumber(text: string): number {
  const t = text.replace(/[,\s_]/g, '');
  return t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? NaN : Number(t);
}
