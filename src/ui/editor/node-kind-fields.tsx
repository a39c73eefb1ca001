/**
 * Who launches a node group's nodes and what the launch attaches (model/efa-layout.ts, model/max-pods.ts): the node group kind
 * (it decides max pods when none is set), the EFA layout (offered only where the type has EFA, each named
 * by the tool that makes it), and, with ENABLE_MULTI_NIC, the multi-homed pods per node. A field left at
 * its default stays out of the plan.
 */
import type { ReactNode } from 'react';
import { dataset } from '../../data/dataset';
import { launchLayout, multiNicManages } from '../../model/efa-layout';
import type { InstanceType } from '../../model/instances';
import { AUTO_MODE_MAX_PODS, recommendedCap } from '../../model/max-pods';
import type { EfaLayout, NodeGroupKind } from '../../model/plan';
import type { DraftGroup } from '../../state/draft';
import type { PlanState } from '../../state/plan-store';
import { useActions, usePlan } from '../../state/store-context';
import { activeDraft } from '../../state/workspace-state';
import { Field } from '../common/field';
import { describedBy, FieldNotes } from '../common/field-parts';
import { fieldId, fmt, plural } from '../common/format';
import { efaOf, findInstanceType } from './instance-info';
import { EFA_LAYOUT_OPTIONS, KIND_OPTIONS } from './node-kinds';
import { useFieldIssue, useFieldWarning } from '../common/field-issues';

const selectMultiNic = (s: PlanState) => activeDraft(s).cni.multiNic;

/** Is the EFA layout select shown: the type has EFA, or a layout is set (so it can be set back to none)? */
export function efaLayoutOffered(t: InstanceType | null, layout: string): boolean {
  return (t !== null && (efaOf(t) ?? 0) > 0) || (layout !== '' && layout !== 'none');
}

/** What the kind does to max pods, for this type. */
function kindHint(kind: NodeGroupKind, t: InstanceType | null): string {
  switch (kind) {
    case 'managed':
      return (
        `EKS caps max pods at 110 up to 30 vCPUs, else 250${t ? ` (${t.name}: ${recommendedCap(t)})` : ''}, ` +
        'over any value set.'
      );
    case 'karpenter':
      return (
        'Without a max pods here (kubelet.maxPods), Karpenter uses its ENI-limited count, ' +
        'which subtracts EFA-only interfaces on card 0.'
      );
    case 'auto-mode':
      return (
        `Max pods capped at ${AUTO_MODE_MAX_PODS}. Auto Mode manages addresses itself ` +
        '(prefix delegation by default), not through the VPC CNI settings.'
      );
    default:
      return 'Your launch template and AMI: without a max pods here, the AMI default (eni-max-pods.txt).';
  }
}

/** What a layout attaches to one node of this type, in a sentence. */
function layoutHint(layout: EfaLayout, t: InstanceType): string {
  if (layout === 'none') return 'No EFA interface: the node has its primary ENI only, until the CNI adds ENIs.';
  const l = launchLayout(t, layout);
  const extra = l.extraNodeIps
    ? `${plural(l.extraNodeIps, 'more address', 'more addresses')} per node from the node subnet (one per EFA with ENA)`
    : 'no extra address (EFA-only interfaces have none)';
  const card0 = l.efaOnlyOnCard0
    ? `; the EFA-only interface on card 0 takes 1 of its ${t.enis} ENI slots, ` +
      `so the CNI has ${t.enis - l.efaOnlyOnCard0}`
    : '';
  return `${plural(l.efaInterfaces, 'EFA interface')}: ${extra}${card0}.`;
}

export function NodeKindFields({ index, group }: { index: number; group: DraftGroup }) {
  const { setGroupField } = useActions();
  const base = `nodeGroups[${index}]`;
  const t = findInstanceType(dataset, group.instanceType);
  const kind = (group.kind || 'self-managed') as NodeGroupKind;
  const layout = (group.efaLayout || 'none') as EfaLayout;
  const efa = t ? efaOf(t) : undefined;
  return (
    <div className="kind-fields">
      <SelectField
        label="Node group kind"
        path={`${base}.kind`}
        value={kind}
        options={KIND_OPTIONS}
        onChange={(v) => setGroupField(index, 'kind', v === 'self-managed' ? '' : v)}
        hint={kindHint(kind, t)}
      />
      {efaLayoutOffered(t, group.efaLayout) ? (
        <SelectField
          label="EFA layout"
          path={`${base}.efaLayout`}
          value={layout}
          options={EFA_LAYOUT_OPTIONS}
          onChange={(v) => setGroupField(index, 'efaLayout', v === 'none' ? '' : v)}
          hint={
            t && (efa ?? 0) > 0
              ? layoutHint(layout, t)
              : t
                ? `${t.name} has ${efa === null ? 'an unknown EFA count' : 'no EFA'}: choose None.`
                : null
          }
        />
      ) : (
        t &&
        efa === null && (
          <p className="hint efa-unknown">
            EFA unknown: {t.name} is not in Karpenter&rsquo;s instance-type table, so no EFA layout is offered.
          </p>
        )
      )}
    </div>
  );
}

/** "Multi-homed pods per node", shown while ENABLE_MULTI_NIC is on. */
export function MultiHomedField({ index, group }: { index: number; group: DraftGroup }) {
  const { setGroupField } = useActions();
  const multiNic = usePlan(selectMultiNic);
  if (!multiNic) return null;
  const t = findInstanceType(dataset, group.instanceType);
  const layout = (group.efaLayout || 'none') as EfaLayout;
  const managed = t ? launchLayout(t, layout).cards.slice(1).filter(multiNicManages).length : null;
  const none =
    t && t.networkCards > 1 ? 'No card beyond card 0 is managed with this layout' : `${t?.name} has one network card`;
  const where =
    managed === null
      ? ''
      : managed === 0
        ? ` ${none}: they take only card 0's.`
        : ` Here: card 0 + ${plural(managed, 'other card')}, so ${fmt(managed + 1)} addresses per such pod.`;
  return (
    <Field
      label="Multi-homed pods per node"
      path={`nodeGroups[${index}].multiHomedPodsPerNode`}
      value={group.multiHomedPodsPerNode}
      onChange={(v) => setGroupField(index, 'multiHomedPodsPerNode', v)}
      numeric
      placeholder="0"
      hint={
        <>
          Pods annotated <code>k8s.amazonaws.com/nicConfig: multi-nic-attachment</code>, among the pods per node: one
          address on every card the CNI manages.{where}
        </>
      }
    />
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  path: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  hint?: ReactNode;
}

/** A select bound to one plan path, with its hint and the validation message or the model's warning. */
function SelectField<V extends string>({ label, path, value, options, onChange, hint }: SelectFieldProps<V>) {
  const error = useFieldIssue(path);
  const warning = useFieldWarning(path);
  const id = fieldId(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, warning)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} warning={warning} />
    </div>
  );
}
