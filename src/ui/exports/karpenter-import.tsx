/**
 * From a Karpenter NodePool to a node pool of the plan: paste or drop the NodePool and its EC2NodeClass YAML
 * (one multi-document file, or several), give the pods and one pod's requests (a NodePool holds neither),
 * Import, read what was found, then add the pools to the plan. The YAML parser is loaded only when Import is
 * first pressed (a chunk of its own), so neither the app nor this panel carries it before then. The callback
 * runs only for a complete import and only on the last click; editing any input withdraws the result.
 */
import { useId, useState } from 'react';
import {
  DEFAULT_POD_REQUESTS,
  DEFAULT_POOL_PODS,
  importKarpenter,
  parsePodRequestsOption,
  parsePodsOption,
  yamlDocumentsLoaded,
  type YamlDocumentIn,
} from '../../model/import-karpenter';
import { canonicalGroup } from '../../model/node-pool';
import type { NodeGroup, Plan } from '../../model/plan';
import { DropZone } from './drop-zone';
import { readFileText } from './file-io';

/** Largest YAML text read (characters): a kubectl dump of every NodePool of a cluster fits. */
const MAX_YAML_CHARS = 2 * 1024 * 1024;

type Outcome =
  | null
  | { ok: false; errors: string[] }
  | {
      ok: true;
      plan: Plan;
      groups: NodeGroup[];
      warnings: string[];
      notes: string[];
      source: string;
      /** The plan the pools were added to: an edit of the plan since withdraws the result. */
      base: Plan;
    };

const DEFAULT_PODS_TEXT = `${DEFAULT_POOL_PODS.min}/${DEFAULT_POOL_PODS.desired}/${DEFAULT_POOL_PODS.max}`;
const DEFAULT_REQUESTS_TEXT = Object.entries(DEFAULT_POD_REQUESTS)
  .map(([k, v]) => `${k}=${v}`)
  .join(',');

/** A plan as a plan file writes it: pools without the type and counts the model fills in. */
const planFileOf = (plan: Plan): Plan => ({ ...plan, nodeGroups: plan.nodeGroups.map(canonicalGroup) });

export interface KarpenterImportProps {
  /** The plan being edited (validated), or null while it has errors: the pools are added to it. */
  plan: Plan | null;
  /** The plan with the imported pools, after "Add to the plan". */
  onImportPlan(plan: Plan, source: string): void;
}

export function KarpenterImport({ plan, onImportPlan }: KarpenterImportProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [from, setFrom] = useState<string | undefined>();
  const [pods, setPods] = useState('');
  const [requests, setRequests] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const changed = () => {
    setOutcome(null);
    setStatus('');
  };
  const onFiles = async (files: File[]) => {
    const said: string[] = [];
    const texts: string[] = [];
    const names: string[] = [];
    for (const file of files) {
      const r = await readFileText(file, MAX_YAML_CHARS);
      if (!r.ok) said.push(r.error);
      else {
        texts.push(r.text.replace(/\s*$/, '\n'));
        names.push(r.name);
        said.push(`${r.name}: loaded.`);
      }
    }
    if (texts.length) {
      setText(texts.join('---\n'));
      setFrom(names.join(', '));
      changed();
    }
    setNotes(said);
  };
  const onImport = async () => {
    setStatus('');
    const errors: string[] = [];
    const p = pods.trim() ? parsePodsOption(pods) : null;
    if (p && !p.ok) errors.push(`Pods: ${p.error}`);
    const q = requests.trim() ? parsePodRequestsOption(requests) : null;
    if (q && !q.ok) errors.push(`Pod requests: ${q.error}`);
    if (!text.trim()) errors.push('Paste the NodePool YAML (with its EC2NodeClass), or drop the files.');
    if (text.length > MAX_YAML_CHARS)
      errors.push(`The YAML is over ${MAX_YAML_CHARS / 1024 / 1024} MB: give the pools it needs only.`);
    if (!plan) errors.push('The plan has errors: fix the fields marked in the plan, then add the pools to it.');
    if (errors.length) return setOutcome({ ok: false, errors });
    setBusy(true);
    try {
      const { loadAll } = await import('js-yaml');
      const source = from ?? 'the pasted YAML';
      // YAML 1.2 core (js-yaml's default; no timestamps), at most 100 aliases a document (no alias bomb).
      const parsed = yamlDocumentsLoaded((t) => loadAll(t, { maxAliases: 100 }), text, source);
      if (!parsed.ok) return setOutcome({ ok: false, errors: parsed.errors });
      const documents: YamlDocumentIn[] = parsed.documents;
      const r = importKarpenter({
        documents,
        plan: planFileOf(plan!),
        pods: p?.ok ? p.value : undefined,
        podRequests: q?.ok ? q.value : undefined,
      });
      if (!r.ok) return setOutcome({ ok: false, errors: r.errors });
      // The defaults are said beside the fields and in each pool's line; the command line's wording is left out.
      const shown = r.notes.filter((n) => !/^(pods|pod requests) not given/.test(n));
      setOutcome({ ...r, notes: shown, plan: planFileOf(r.plan), source: `Karpenter import (${source})`, base: plan! });
    } catch (e) {
      setOutcome({ ok: false, errors: [`The YAML could not be read: ${e instanceof Error ? e.message : String(e)}`] });
    } finally {
      setBusy(false);
    }
  };
  // A result for a plan that has been edited since is withdrawn (adding it would undo the edit).
  const result = outcome?.ok && outcome.base !== plan ? null : outcome;
  const onAdd = () => {
    if (!outcome?.ok || outcome.base !== plan) return;
    onImportPlan(outcome.plan, outcome.source);
    setOutcome(null);
    const names = outcome.groups.map((g) => g.name).join(', ');
    setStatus(`Added the node pool${outcome.groups.length === 1 ? '' : 's'} ${names} to the plan.`);
  };

  return (
    <section className="import-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Karpenter NodePool</h3>
      <DropZone
        title="Paste a Karpenter NodePool with its EC2NodeClass (YAML, several documents), or drop the files here."
        pickLabel="Choose NodePool YAML files"
        accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
        multiple
        onFiles={onFiles}
      >
        <div className="field">
          <label htmlFor={`${id}-yaml`}>NodePool and EC2NodeClass YAML</label>
          <textarea
            id={`${id}-yaml`}
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-yaml-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setFrom(undefined);
              changed();
            }}
          />
          <p id={`${id}-yaml-hint`} className="hint">
            {from ? `From ${from}. ` : ''}
            <code>kubectl get nodepool,ec2nodeclass -o yaml</code>, or your manifests. An EKS Auto Mode NodePool (with
            its eks.amazonaws.com NodeClass) imports too.
          </p>
        </div>
      </DropZone>
      {notes.length > 0 && (
        <ul className="hint" aria-label="NodePool files">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <div className="field">
          <label htmlFor={`${id}-pods`}>Pods (min/desired/max)</label>
          <input
            id={`${id}-pods`}
            type="text"
            value={pods}
            placeholder={DEFAULT_PODS_TEXT}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setPods(e.target.value);
              changed();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-requests`}>Pod requests</label>
          <input
            id={`${id}-requests`}
            type="text"
            value={requests}
            placeholder={DEFAULT_REQUESTS_TEXT}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setRequests(e.target.value);
              changed();
            }}
          />
        </div>
        <button type="button" className="primary" onClick={() => void onImport()} disabled={busy}>
          Import NodePool
        </button>
      </div>
      <p className="hint">
        A NodePool does not say how many pods it runs nor what they request: empty fields take {DEFAULT_PODS_TEXT} pods
        of {DEFAULT_REQUESTS_TEXT}.
      </p>
      {result && !result.ok && (
        <div className="import-errors" role="alert">
          <p className="strong">
            Nothing was imported: {result.errors.length === 1 ? 'one problem' : `${result.errors.length} problems`}.
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <div className="import-summary" role="region" aria-labelledby={`${id}-found`}>
          <p id={`${id}-found`} className="strong">
            Ready to add {result.groups.length === 1 ? 'one node pool' : `${result.groups.length} node pools`} to “
            {result.plan.name}”
          </p>
          <ul>
            {result.groups.map((g) => (
              <li key={g.name}>
                {g.name} ({g.kind === 'auto-mode' ? 'EKS Auto Mode' : 'Karpenter'}): {g.requirements?.length ?? 0}{' '}
                requirements, subnets {g.subnets.join(', ') || 'none'}, pods {g.pods!.min}/{g.pods!.desired}/
                {g.pods!.max}
                {g.maxPods !== null ? `, max pods ${g.maxPods}` : ''}
                {g.disruptionBudget !== undefined ? `, disruption budget ${g.disruptionBudget}` : ''}
                {g.efaLayout ? `, EFA layout ${g.efaLayout}` : ''}
              </li>
            ))}
            {result.notes.map((n, i) => (
              <li key={`n${i}`}>{n}</li>
            ))}
          </ul>
          {result.warnings.length > 0 && (
            <ul aria-label="Warnings">
              {result.warnings.map((w, i) => (
                <li key={i}>Warning: {w}</li>
              ))}
            </ul>
          )}
          <div className="row-actions">
            <button type="button" className="primary" onClick={onAdd}>
              Add to the plan
            </button>
            <button type="button" onClick={() => setOutcome(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="import-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
