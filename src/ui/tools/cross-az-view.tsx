/**
 * "Cross-AZ traffic and placement": what a workload's pod-to-pod exchange costs spread over AZs against
 * co-located, the manifests that co-locate it, and whether the plan's subnets hold it in one AZ.
 * Controlled by `value` (the share link carries it); only valid input is passed to onChange.
 */
import { useId, type ReactNode } from 'react';
import {
  colocationSnippet,
  crossAzCost,
  DEFAULT_PRICE_PER_GB_EACH_WAY,
  TOPOLOGY_AWARE_ROUTING_YAML,
  TRADE_OFF,
} from '../../model/cross-az';
import type { InstanceDataset } from '../../model/instances';
import type { Plan } from '../../model/plan';
import type { CrossAzView as CrossAzViewValue } from '../../model/views';
import { plural } from '../common/format';
import { ColocationPanel } from './colocation-panel';
import {
  checkCrossAzDraft,
  crossAzDraft,
  planAzs,
  spreadDraft,
  type CrossAzDraft,
  type CrossAzField,
} from './cross-az-form';
import { CrossAzResults } from './cross-az-results';
import { sameData, Snippet, ToolField, useDraft } from './tool-parts';
import './tools.css';

export interface CrossAzViewProps {
  plan: Plan;
  dataset: InstanceDataset;
  value: CrossAzViewValue | undefined;
  onChange(next: CrossAzViewValue): void;
}

export default function CrossAzView({ plan, dataset, value, onChange }: CrossAzViewProps) {
  const uid = useId();
  // The co-location AZ is not part of the form draft; it rides along on every value emitted.
  const withAz = <T extends CrossAzViewValue | null | undefined>(v: T): T =>
    v && value?.colocateAz ? { ...v, colocateAz: value.colocateAz } : v;
  const [draft, setDraft] = useDraft(
    value,
    (v) => crossAzDraft(v, plan),
    (d, v) => v !== undefined && sameData(withAz(checkCrossAzDraft(d, plan).view), v),
  );
  const checked = checkCrossAzDraft(draft, plan);
  const edit = (patch: Partial<CrossAzDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const view = withAz(checkCrossAzDraft(next, plan).view);
    if (view && !sameData(view, value)) onChange(view);
  };
  const field = (key: CrossAzField & keyof CrossAzDraft, label: ReactNode, numeric = true, hint?: ReactNode) => (
    <ToolField
      id={`${uid}-${key}`}
      label={label}
      value={String(draft[key])}
      numeric={numeric}
      error={checked.errors[key]}
      hint={hint}
      onChange={(v) => edit({ [key]: v })}
    />
  );
  const pickGroup = (i: number) => {
    const g = plan.nodeGroups[i];
    edit({
      nodeGroup: i,
      ...(g ? { pods: String(g.desiredNodes) } : {}),
      ...(draft.mode === 'plan' ? { spread: spreadDraft(plan, i) } : {}),
    });
  };
  const heading = `${uid}-heading`;
  const groupError = checked.errors.nodeGroup;
  const spreadError = checked.errors.spread;
  const price =
    (checked.view?.pricePerGbOut ?? DEFAULT_PRICE_PER_GB_EACH_WAY) +
    (checked.view?.pricePerGbIn ?? DEFAULT_PRICE_PER_GB_EACH_WAY);
  const result = checked.input ? crossAzCost(checked.input) : null;
  return (
    <section className="panel tool" aria-labelledby={heading}>
      <h2 id={heading}>Cross-AZ traffic and placement</h2>
      <p className="hint tool-intro">
        Multi-node training and inference exchange data between pods. Across AZs every GB is billed in each direction
        and every hop adds latency.
      </p>
      <fieldset className="tool-group">
        <legend>Workload</legend>
        <div className="field">
          <label htmlFor={`${uid}-group`}>Node group</label>
          <select
            id={`${uid}-group`}
            value={draft.nodeGroup}
            onChange={(e) => pickGroup(Number(e.target.value))}
            aria-invalid={groupError ? true : undefined}
            aria-describedby={groupError ? `${uid}-group-msg` : undefined}
          >
            {plan.nodeGroups.map((g, i) => (
              <option key={i} value={i}>
                {g.name} ({plural(g.desiredNodes, 'node')} desired)
              </option>
            ))}
            {!plan.nodeGroups[draft.nodeGroup] && (
              <option value={draft.nodeGroup}>Node group {draft.nodeGroup + 1} (not in this plan)</option>
            )}
          </select>
          {groupError && (
            <p id={`${uid}-group-msg`} className="field-error">
              {groupError}
            </p>
          )}
        </div>
        <div className="tool-fields">
          {field('pods', 'Pods', true, 'Pods that exchange data with each other.')}
          <Segmented
            name={`${uid}-unit`}
            label="Traffic given"
            value={draft.unit}
            onChange={(unit) => edit({ unit })}
            options={[
              ['hour', 'per hour'],
              ['step', 'per training step'],
            ]}
          />
          {field('gbPerPod', `GB each pod sends per ${draft.unit}`, true, 'Decimal GB (10⁹ bytes), as AWS bills.')}
          {draft.unit === 'step' && field('stepsPerHour', 'Steps per hour')}
        </div>
      </fieldset>
      <fieldset className="tool-group" aria-describedby={spreadError ? `${uid}-spread-msg` : undefined}>
        <legend>Spread over AZs</legend>
        <Segmented
          name={`${uid}-mode`}
          label="Spread"
          value={draft.mode}
          onChange={(mode) => edit({ mode })}
          options={[
            ['plan', 'from the node group'],
            ['az', 'chosen per AZ'],
          ]}
        />
        {draft.mode === 'az' ? (
          <div className="tool-fields">
            {[...new Set([...Object.keys(draft.spread), ...planAzs(plan)])].map((az, i) => (
              <ToolField
                key={az}
                id={`${uid}-az-${i}`}
                label={`Pods in ${az}`}
                value={draft.spread[az] ?? '0'}
                numeric
                error={checked.errors[`spread:${az}`]}
                onChange={(v) => edit({ spread: { ...draft.spread, [az]: v } })}
              />
            ))}
          </div>
        ) : (
          <p className="hint">
            Node i of the group launches in its subnets[i mod k]; with equal pods per node that is the pods' spread.
          </p>
        )}
        {spreadError && (
          <p id={`${uid}-spread-msg`} className="field-error">
            {spreadError}
          </p>
        )}
      </fieldset>
      <fieldset className="tool-group">
        <legend>Price per GB crossing AZs</legend>
        <div className="tool-fields">
          {field('priceOut', 'USD per GB out of an AZ')}
          {field('priceIn', 'USD per GB into an AZ')}
        </div>
        <p className="hint">EC2 bills 0.01 USD per GB in each direction between AZs of one Region.</p>
      </fieldset>
      {result?.ok ? (
        <CrossAzResults result={result.value} weights={checked.input!.spread} pricePerGb={price} />
      ) : (
        <p className="tool-blocked" role="status">
          Fix the marked fields to see the monthly transfer and cost.
        </p>
      )}
      <h3 className="tool-subhead">Co-locating the pods</h3>
      <div className="tool-fields">
        {field('labelKey', 'Label key', false, "The label the workload's pods carry.")}
        {field('labelValue', 'Label value', false)}
      </div>
      {checked.labels ? (
        <Snippet
          id={`${uid}-affinity`}
          title="Pod affinity: one AZ, preferred"
          text={colocationSnippet(checked.labels)}
        >
          <p className="hint">
            Goes in the pod template's <code>spec</code>, beside <code>containers</code>.
          </p>
        </Snippet>
      ) : (
        <p className="tool-blocked">Fix the label selector to see the affinity.</p>
      )}
      <Snippet id={`${uid}-tar`} title="Service annotation: Topology Aware Routing" text={TOPOLOGY_AWARE_ROUTING_YAML}>
        <p className="hint">
          Kubernetes 1.27 and later; before, <code>service.kubernetes.io/topology-aware-hints: auto</code>. Traffic
          stays in the client's zone when each zone has enough endpoints.
        </p>
      </Snippet>
      <p className="tool-tradeoff">
        <strong>The trade-off: </strong>
        {TRADE_OFF}
      </p>
      <ColocationPanel
        plan={plan}
        dataset={dataset}
        groupIndex={draft.nodeGroup}
        az={value?.colocateAz}
        onAzChange={(colocateAz) => {
          const base = checked.view ?? value;
          if (base) onChange({ ...base, colocateAz });
        }}
      />
    </section>
  );
}

function Segmented<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  options: [T, string][];
  onChange(v: T): void;
}) {
  return (
    <div className="field">
      <span className="tool-label" id={`${name}-label`}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={`${name}-label`}>
        {options.map(([v, text]) => (
          <label key={v} className={value === v ? 'on' : undefined}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            {text}
          </label>
        ))}
      </div>
    </div>
  );
}
