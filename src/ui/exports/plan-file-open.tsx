/**
 * "Open a plan file (JSON)": a plan or scenarios document saved by "Download plan (JSON)" or the CLI,
 * picked or dropped, read as text (size-capped) and checked by parseDocumentText: the CLI's schema and
 * messages, each issue with its field path. The callback runs only for a valid document.
 */
import { useId, useState } from 'react';
import { parseDocumentText } from '../../model/document-text';
import type { InstanceDataset } from '../../model/instances';
import type { ValidationIssue } from '../../model/plan-schema';
import type { Workspace } from '../../model/workspace';
import { DropZone } from './drop-zone';
import { readFileText } from './file-io';

interface Props {
  dataset: InstanceDataset;
  onOpenWorkspace(ws: Workspace, source: string): void;
}

type Outcome = null | { ok: false; name: string; issues: ValidationIssue[] } | { ok: true; message: string };

/** The message without a leading copy of the path shown before it ("vpc.cidrs needs…" → "needs…"). */
const withoutPath = ({ path, message }: ValidationIssue) =>
  path && message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;

export function PlanFileOpen({ dataset, onOpenWorkspace }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const onFiles = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    const r = await readFileText(file);
    if (!r.ok) return setOutcome({ ok: false, name: r.name, issues: [{ path: '', message: r.error }] });
    const v = parseDocumentText(r.text, dataset, r.name);
    if (!v.ok) return setOutcome({ ok: false, name: r.name, issues: v.issues });
    const ws = v.workspace;
    onOpenWorkspace(ws, r.name);
    const n = ws.scenarios.length;
    setOutcome({
      ok: true,
      message: `Opened ${r.name}: ${n === 1 ? `“${ws.scenarios[0]!.name}”` : `${n} scenarios`}.`,
    });
  };
  return (
    <section className="import-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Open a plan file (JSON)</h3>
      <DropZone
        title="Drop a plan file here (one saved with “Download plan (JSON)” or written for the CLI), or choose it."
        pickLabel="Choose a plan file"
        accept=".json,application/json"
        onFiles={onFiles}
      />
      {outcome && !outcome.ok && (
        <div className="import-errors" role="alert">
          <p className="strong">{outcome.name} was not opened: the plan being edited is unchanged.</p>
          <ul>
            {outcome.issues.map((i, k) => (
              <li key={k}>
                {i.path && (
                  <>
                    <code>{i.path}</code>:{' '}
                  </>
                )}
                {withoutPath(i)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="import-status" role="status" aria-live="polite">
        {outcome?.ok ? outcome.message : ''}
      </p>
    </section>
  );
}
