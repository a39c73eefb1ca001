/**
 * Exports: the plan as Terraform, eksctl, Karpenter, ENIConfig, aws-node settings or CSV, one format at a
 * time behind a tab list, each as plain text with Copy and Download; plus the plan document as JSON.
 * Only the selected format is built, from a deferred copy of the plan, so typing elsewhere never waits on it.
 * Default export: the app loads this panel with React.lazy.
 */
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { EXPORT_FORMATS, EXPORT_INFO, exportPlan, type ExportFormat } from '../../model/export';
import {
  DEFAULT_MODULE_VERSION,
  MODULE_VERSIONS,
  type AmiFamily,
  type ModuleVersion,
} from '../../model/export/terraform';
import type { InstanceDataset } from '../../model/instances';
import type { Plan } from '../../model/plan';
import { documentOf, workspaceOf, type Workspace } from '../../model/workspace';
import { copyText } from '../common/clipboard';
import { downloadText, fileSlug } from './file-io';
import { Tabs, type TabItem } from '../common/tabs';
import './exports.css';

export interface ExportPanelProps {
  plan: Plan;
  dataset: InstanceDataset;
  /** The app's evaluation of `plan` (the CSV reuses it); null to have it computed here. */
  evaluation: FullEvaluation | null;
  /** Optional: the whole workspace (scenarios, views) for "Download plan (JSON)"; else the plan alone. */
  workspace?: Workspace;
}

/** Short tab names; EXPORT_INFO's labels describe each format inside its panel. */
export const FORMAT_TABS: readonly TabItem<ExportFormat>[] = EXPORT_FORMATS.map((key) => ({
  key,
  label: {
    terraform: 'Terraform',
    eksctl: 'eksctl',
    karpenter: 'Karpenter',
    'auto-mode': 'EKS Auto Mode',
    eniconfig: 'ENIConfig',
    'aws-node': 'aws-node',
    csv: 'CSV',
  }[key],
}));

const AMI_FAMILIES: readonly { value: AmiFamily; label: string }[] = [
  { value: 'al2023', label: 'Amazon Linux 2023 (NodeConfig)' },
  { value: 'al2', label: 'Amazon Linux 2 (bootstrap_extra_args)' },
];

type Built = { ok: true; text: string } | { ok: false; error: string };

const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

export default function ExportPanel({ plan, dataset, evaluation, workspace }: ExportPanelProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('terraform');
  const [amiFamily, setAmiFamily] = useState<AmiFamily>('al2023');
  const [moduleVersion, setModuleVersion] = useState<ModuleVersion>(DEFAULT_MODULE_VERSION);
  const [status, setStatus] = useState('');
  const timer = useRef<number>(undefined);
  // Edits re-render the planner first; the export text follows at low priority.
  const shownPlan = useDeferredValue(plan);
  const shownEvaluation = useDeferredValue(evaluation);
  const built = useMemo((): Built => {
    try {
      const options = { amiFamily, moduleVersion, evaluation: shownEvaluation ?? undefined };
      return { ok: true, text: exportPlan(shownPlan, dataset, format, options) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }, [shownPlan, shownEvaluation, dataset, format, amiFamily, moduleVersion]);
  const info = EXPORT_INFO[format];

  const say = (message: string, clearAfter = true) => {
    setStatus(message);
    window.clearTimeout(timer.current);
    if (clearAfter) timer.current = window.setTimeout(() => setStatus(''), 8000);
  };
  const select = (f: ExportFormat) => {
    setFormat(f);
    setStatus('');
  };
  const onCopy = async () => {
    if (!built.ok) return;
    const ok = await copyText(built.text);
    say(
      ok
        ? `Copied the ${info.label} export (${lines(built.text)} lines) to the clipboard.`
        : 'Could not reach the clipboard: select the text below and copy it.',
      ok,
    );
  };
  const onDownload = () => {
    if (!built.ok) return;
    downloadText(built.text, info.fileName, info.mediaType);
    say(`Downloading ${info.fileName} (${info.label}).`);
  };
  const onDownloadPlan = () => {
    const doc = documentOf(workspace ?? workspaceOf(plan));
    const fileName = `${fileSlug(plan.name)}.json`;
    downloadText(`${JSON.stringify(doc, null, 2)}\n`, fileName, 'application/json');
    say(`Downloading ${fileName} (the plan document; open it again with "Open a plan file").`);
  };

  return (
    <section className="panel exports" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Exports</h2>
        <button type="button" onClick={onDownloadPlan}>
          Download plan (JSON)
        </button>
      </div>
      <Tabs label="Export format" idBase={id} items={FORMAT_TABS} selected={format} onSelect={select}>
        <div className="export-bar">
          <p className="export-what">
            {info.label} <span className="muted">· {info.fileName}</span>
          </p>
          {format === 'terraform' && (
            <div className="inline-field">
              <label htmlFor={`${id}-ami`}>AMI family</label>
              <select id={`${id}-ami`} value={amiFamily} onChange={(e) => setAmiFamily(e.target.value as AmiFamily)}>
                {AMI_FAMILIES.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {format === 'terraform' && (
            <div className="inline-field">
              <label htmlFor={`${id}-module`}>Module version</label>
              <select
                id={`${id}-module`}
                value={moduleVersion}
                onChange={(e) => setModuleVersion(Number(e.target.value) as ModuleVersion)}
              >
                {MODULE_VERSIONS.map((v) => (
                  <option key={v} value={v}>
                    terraform-aws-eks v{v}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="export-buttons">
            <button type="button" className="primary" onClick={onCopy} disabled={!built.ok}>
              Copy
            </button>
            <button type="button" onClick={onDownload} disabled={!built.ok}>
              Download
            </button>
          </div>
        </div>
        <p className="export-status" role="status" aria-live="polite">
          {status}
        </p>
        {built.ok ? (
          <pre
            className="export-text"
            role="region"
            tabIndex={0}
            aria-label={`${info.label} text`}
            data-format={format}
          >
            {built.text}
          </pre>
        ) : (
          <p className="field-error">Could not build this export: {built.error}</p>
        )}
      </Tabs>
    </section>
  );
}
