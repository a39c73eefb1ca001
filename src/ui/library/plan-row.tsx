/** One saved plan in the library list: name (or the inline rename form), saved date, scenarios, and its actions. */
import { useEffect, useRef, useState } from 'react';
import { MAX_NAME_CHARS, type PlanEntry } from '../../state/library';

export interface PlanRowProps {
  entry: PlanEntry;
  renaming: boolean;
  onOpen(): void;
  onStartRename(): void;
  /** Returns an error message when the name is refused, else null (the row leaves rename mode). */
  onRename(name: string): string | null;
  onCancelRename(): void;
  onDuplicate(): void;
  onDelete(): void;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function savedDate(ms: number): string {
  return ms > 0 ? DATE.format(ms) : 'unknown';
}

/** A button whose accessible name carries the plan name ("Open Prod VPC") while it shows only the verb. */
function RowButton({ verb, name, onClick, action }: { verb: string; name: string; onClick(): void; action: string }) {
  return (
    <button type="button" className="small" data-action={action} onClick={onClick}>
      {verb}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

function RenameForm({
  entry,
  onRename,
  onCancel,
}: {
  entry: PlanEntry;
  onRename(name: string): string | null;
  onCancel(): void;
}) {
  const [value, setValue] = useState(entry.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const errorId = `rename-error-${entry.id}`;
  return (
    <form
      className="library-rename"
      onSubmit={(e) => {
        e.preventDefault();
        setError(onRename(value));
      }}
    >
      <input
        ref={input}
        type="text"
        value={value}
        maxLength={MAX_NAME_CHARS + 20}
        aria-label={`New name for ${entry.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="small">
        Save name
      </button>
      <button type="button" className="small" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function PlanRow({
  entry,
  renaming,
  onOpen,
  onStartRename,
  onRename,
  onCancelRename,
  onDuplicate,
  onDelete,
}: PlanRowProps) {
  const scenarios = `${entry.scenarios} scenario${entry.scenarios === 1 ? '' : 's'}`;
  return (
    <li className="library-item" data-plan-id={entry.id}>
      {renaming ? (
        <RenameForm entry={entry} onRename={onRename} onCancel={onCancelRename} />
      ) : (
        <span className="library-name">{entry.name}</span>
      )}
      <span className="library-meta">
        Saved{' '}
        {entry.savedAt > 0 ? (
          <time dateTime={new Date(entry.savedAt).toISOString()}>{savedDate(entry.savedAt)}</time>
        ) : (
          'at an unknown time'
        )}{' '}
        · {scenarios}
      </span>
      <div className="library-actions">
        <RowButton verb="Open" action="open" name={entry.name} onClick={onOpen} />
        {!renaming && <RowButton verb="Rename" action="rename" name={entry.name} onClick={onStartRename} />}
        <RowButton verb="Duplicate" action="duplicate" name={entry.name} onClick={onDuplicate} />
        <RowButton verb="Delete" action="delete" name={entry.name} onClick={onDelete} />
      </div>
    </li>
  );
}
