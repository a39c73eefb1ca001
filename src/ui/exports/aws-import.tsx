/**
 * From a real VPC to a plan: paste or drop the AWS CLI output (describe-vpcs, describe-subnets, optionally
 * describe-network-interfaces), Import, read the summary, then replace the plan. The callback runs only
 * for a complete import and only on that last click; editing any input withdraws the result.
 */
import { useId, useState } from 'react';
import { importAwsVpc } from '../../model/import-aws';
import type { Plan } from '../../model/plan';
import { PlanSubnetsTable } from '../common/plan-subnets-table';
import { DropZone } from './drop-zone';
import { readFileText } from './file-io';

type Slot = 'vpcs' | 'subnets' | 'enis';

const SLOTS: readonly { key: Slot; label: string; optional?: boolean; command: string }[] = [
  { key: 'vpcs', label: 'describe-vpcs', command: 'aws ec2 describe-vpcs --vpc-ids vpc-…' },
  { key: 'subnets', label: 'describe-subnets', command: 'aws ec2 describe-subnets --filters Name=vpc-id,Values=vpc-…' },
  {
    key: 'enis',
    label: 'describe-network-interfaces',
    optional: true,
    command: 'aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=vpc-…',
  },
];
const LABEL: Record<Slot, string> = {
  vpcs: 'describe-vpcs',
  subnets: 'describe-subnets',
  enis: 'describe-network-interfaces',
};
const EMPTY: Record<Slot, string> = { vpcs: '', subnets: '', enis: '' };

/** Which describe-* output a file holds: its top-level list, else its fields, else its name. */
export function classifyAwsFile(name: string, text: string): Slot | null {
  const head = text.slice(0, 4096);
  const list = /"(Vpcs|Subnets|NetworkInterfaces)"\s*:/.exec(head)?.[1];
  if (list) return list === 'Vpcs' ? 'vpcs' : list === 'Subnets' ? 'subnets' : 'enis';
  if (head.includes('"NetworkInterfaceId"')) return 'enis';
  if (head.includes('"SubnetId"') && head.includes('"AvailableIpAddressCount"')) return 'subnets';
  if (head.includes('"CidrBlockAssociationSet"') && !head.includes('"SubnetId"')) return 'vpcs';
  const n = name.toLowerCase();
  if (/network-?interfaces|enis?\b/.test(n)) return 'enis';
  if (n.includes('subnet')) return 'subnets';
  if (n.includes('vpc')) return 'vpcs';
  return null;
}

type Outcome = null | { ok: false; errors: string[] } | { ok: true; plan: Plan; summary: string[]; source: string };

export function AwsImport({ onImportPlan }: { onImportPlan(plan: Plan, source: string): void }) {
  const id = useId();
  const [texts, setTexts] = useState<Record<Slot, string>>(EMPTY);
  const [from, setFrom] = useState<Partial<Record<Slot, string>>>({});
  const [vpcId, setVpcId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const edit = (slot: Slot, text: string, file?: string) => {
    setTexts((t) => ({ ...t, [slot]: text }));
    setFrom((f) => ({ ...f, [slot]: file }));
    setOutcome(null);
    setStatus('');
  };
  const onFiles = async (files: File[]) => {
    const said: string[] = [];
    for (const file of files) {
      const r = await readFileText(file);
      if (!r.ok) {
        said.push(r.error);
        continue;
      }
      const slot = classifyAwsFile(r.name, r.text);
      if (!slot)
        said.push(
          `${r.name}: not recognised as describe-vpcs, describe-subnets or describe-network-interfaces output (no Vpcs, Subnets or NetworkInterfaces list)`,
        );
      else {
        edit(slot, r.text, r.name);
        said.push(`${r.name}: loaded as ${LABEL[slot]}.`);
      }
    }
    setNotes(said);
  };
  const onImport = () => {
    const r = importAwsVpc({
      vpcs: texts.vpcs,
      subnets: texts.subnets,
      enis: texts.enis.trim() ? texts.enis : undefined,
      vpcId: vpcId.trim() || undefined,
    });
    setStatus('');
    if (!r.ok) return setOutcome({ ok: false, errors: r.errors });
    const used = SLOTS.filter((s) => texts[s.key].trim()).map((s) => from[s.key] ?? `pasted ${s.label}`);
    setOutcome({ ok: true, plan: r.plan, summary: r.summary, source: `AWS import (${used.join(', ')})` });
  };
  const onReplace = () => {
    if (!outcome?.ok) return;
    onImportPlan(outcome.plan, outcome.source);
    setOutcome(null);
    setStatus(
      `Replaced the plan with “${outcome.plan.name}” (${outcome.plan.vpc.subnets.length} subnets). Add node groups to plan the cluster.`,
    );
  };

  return (
    <section className="import-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import a VPC from the AWS CLI</h3>
      <DropZone
        title="Paste the JSON of each command below, or drop the files here (they are recognised by their content)."
        pickLabel="Choose AWS CLI output files"
        accept=".json,application/json,text/plain"
        multiple
        onFiles={onFiles}
      >
        <div className="paste-grid">
          {SLOTS.map((s) => (
            <div key={s.key} className="field">
              <label htmlFor={`${id}-${s.key}`}>
                {s.label}
                {s.optional ? ' (optional)' : ''}
              </label>
              <textarea
                id={`${id}-${s.key}`}
                value={texts[s.key]}
                spellCheck={false}
                autoComplete="off"
                aria-describedby={`${id}-${s.key}-hint`}
                onChange={(e) => edit(s.key, e.target.value)}
              />
              <p id={`${id}-${s.key}-hint`} className="hint">
                {from[s.key] ? `From ${from[s.key]}. ` : ''}
                <code>{s.command}</code>
                {s.optional ? ': in-use addresses are then counted per interface' : ''}
              </p>
            </div>
          ))}
        </div>
      </DropZone>
      {notes.length > 0 && (
        <ul className="hint" aria-label="Files">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <div className="field">
          <label htmlFor={`${id}-vpc`}>VPC ID (when describe-vpcs holds several)</label>
          <input
            id={`${id}-vpc`}
            type="text"
            value={vpcId}
            placeholder="vpc-0a1b2c3d4e5f67890"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setVpcId(e.target.value);
              setOutcome(null);
            }}
          />
        </div>
        <button type="button" className="primary" onClick={onImport}>
          Import
        </button>
      </div>
      {outcome && !outcome.ok && (
        <div className="import-errors" role="alert">
          <p className="strong">
            Nothing was imported: {outcome.errors.length === 1 ? 'one problem' : `${outcome.errors.length} problems`}.
          </p>
          <ul>
            {outcome.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.ok && (
        <ImportSummary
          plan={outcome.plan}
          summary={outcome.summary}
          onReplace={onReplace}
          onCancel={() => setOutcome(null)}
        />
      )}
      <p className="import-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

function ImportSummary({
  plan,
  summary,
  onReplace,
  onCancel,
}: {
  plan: Plan;
  summary: string[];
  onReplace(): void;
  onCancel(): void;
}) {
  const id = useId();
  return (
    <div className="import-summary" role="region" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="strong">
        Ready to import “{plan.name}”: {plan.vpc.cidrs.join(', ')}
      </p>
      <ul>
        {summary.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      <div className="table-scroll">
        <PlanSubnetsTable
          plan={plan}
          caption="Imported subnets and the addresses in use in each"
          reservedHeader="In use now (reserved)"
        />
      </div>
      <p className="hint">
        This replaces the plan being edited with this VPC: its subnets, default CNI settings and no node groups.
      </p>
      <div className="row-actions">
        <button type="button" className="primary" onClick={onReplace}>
          Replace the plan with this
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
