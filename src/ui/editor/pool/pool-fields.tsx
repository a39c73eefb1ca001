/**
 * A node pool in the node-group card (Karpenter NodePool, EKS Auto Mode): the requirements, how many types
 * they select now, the pods (min / desired / max) and one pod's requests, and the parts of the NodePool and
 * its node class that change addresses: kubelet.maxPods, RESERVED_ENIS (Karpenter), ipv4PrefixSize (Auto
 * Mode), the disruption budget.
 */
import { memo, useMemo } from 'react';
import { dataset } from '../../../data/dataset';
import { AUTO_MODE_WARM_POOL_ASSUMPTION } from '../../../model/auto-mode';
import { AUTO_MODE_MAX_PODS } from '../../../model/max-pods';
import { matchRequirements, requirementIssues } from '../../../model/node-pool';
import type { PoolRequirement } from '../../../model/plan';
import type { DraftGroup, DraftRequirement } from '../../../state/draft';
import type { PoolTextField } from '../../../state/pool-draft';
import type { PlanState } from '../../../state/plan-store';
import { useActions, usePlan } from '../../../state/store-context';
import { activeDraft } from '../../../state/workspace-state';
import { Field } from '../../common/field';
import { fieldId, fmt } from '../../common/format';
import { PodRequests } from './pod-requests';
import { LabelKeyList, RequirementRow } from './requirement-rows';
import './pool.css';
import { useFieldIssue } from '../../common/field-issues';

const selectCustomNetworking = (s: PlanState) => activeDraft(s).cni.customNetworking;
const LABELLED = dataset.types.filter((t) => t.ai).length;
/** Candidate names listed in the editor's line; the results list them all. */
const NAMED = 6;

/** The types the requirements select as typed, or null while a requirement is incomplete or wrong. */
function useSelected(reqs: readonly DraftRequirement[]): string[] | null {
  return useMemo(() => {
    const plan: PoolRequirement[] = reqs.map((r) => ({
      key: r.key.trim(),
      operator: r.operator as PoolRequirement['operator'],
      values: r.values.map((v) => v.trim()).filter(Boolean),
    }));
    if (plan.some((r) => !r.key) || requirementIssues(plan, '').length) return null;
    return matchRequirements(dataset, plan).map((t) => t.name);
  }, [reqs]);
}

export const PoolFields = memo(function PoolFields({ index, group }: { index: number; group: DraftGroup }) {
  const { setPoolField, addRequirement, setGroupField } = useActions();
  const customNetworking = usePlan(selectCustomNetworking);
  const pool = group.pool!;
  const base = `nodeGroups[${index}]`;
  const reqIssue = useFieldIssue(`${base}.requirements`);
  const podsIssue = useFieldIssue(`${base}.pods`);
  const fitIssue = useFieldIssue(`${base}.podRequests`);
  const ipv4Issue = useFieldIssue(`${base}.ipv4PrefixSize`);
  const selected = useSelected(pool.requirements);
  const set = (field: PoolTextField) => (v: string) => setPoolField(index, field, v);
  const auto = group.kind === 'auto-mode';
  const reqId = fieldId(`${base}.requirements`);
  return (
    <div className="pool-fields">
      <fieldset className="pool-reqs" aria-describedby={reqIssue ? `${reqId}-msg` : `${reqId}-count`}>
        <legend>
          Requirements <span className="muted">(NodePool spec.template.spec.requirements)</span>
        </legend>
        <LabelKeyList />
        {pool.requirements.length > 0 ? (
          <ol className="req-rows">
            {pool.requirements.map((r, j) => (
              <RequirementRow key={r.id} index={index} row={j} req={r} />
            ))}
          </ol>
        ) : (
          <p className="hint">No requirement: every type with Karpenter labels ({fmt(LABELLED)}) is a candidate.</p>
        )}
        <button type="button" className="small" onClick={() => addRequirement(index)}>
          Add a requirement
        </button>
        <p id={`${reqId}-count`} className="req-count" aria-live="polite">
          {selected === null ? null : selected.length === 0 ? null : (
            <>
              Selects <strong className="num">{fmt(selected.length)}</strong> of {fmt(LABELLED)} types
              {selected.length <= NAMED ? `: ${selected.join(', ')}` : ` (${selected.slice(0, NAMED).join(', ')}, …)`}.
            </>
          )}
        </p>
        {reqIssue && (
          <p id={`${reqId}-msg`} className="field-error">
            {reqIssue}
          </p>
        )}
      </fieldset>
      <fieldset className="pool-pods">
        <legend>
          Pods <span className="muted">(each with the requests below)</span>
        </legend>
        <div className="field-grid three">
          <Field
            label="Pods at minimum"
            path={`${base}.pods.min`}
            value={pool.podsMin}
            onChange={set('podsMin')}
            numeric
          />
          <Field
            label="Pods at desired"
            path={`${base}.pods.desired`}
            value={pool.podsDesired}
            onChange={set('podsDesired')}
            numeric
          />
          <Field
            label="Pods at maximum"
            path={`${base}.pods.max`}
            value={pool.podsMax}
            onChange={set('podsMax')}
            numeric
          />
        </div>
        {podsIssue && <p className="field-error">{podsIssue}</p>}
      </fieldset>
      <PodRequests index={index} pool={pool} />
      {fitIssue && <p className="field-error">{fitIssue}</p>}
      <div className="field-grid two">
        <Field
          label="Max pods"
          path={`${base}.maxPods`}
          value={group.maxPods}
          onChange={(v) => setGroupField(index, 'maxPods', v)}
          numeric
          placeholder={auto ? `per type, ≤ ${AUTO_MODE_MAX_PODS}` : 'per type'}
          hint={
            <>
              <code>kubelet.maxPods</code>. Empty:{' '}
              {auto ? `each type's own, capped at ${AUTO_MODE_MAX_PODS}` : "each type's ENI-limited count"}.
            </>
          }
        />
        {auto ? (
          <div className="field">
            <label htmlFor={fieldId(`${base}.ipv4PrefixSize`)}>Pod addresses</label>
            <select
              id={fieldId(`${base}.ipv4PrefixSize`)}
              value={pool.ipv4PrefixSize || 'Auto'}
              aria-invalid={ipv4Issue ? true : undefined}
              onChange={(e) => setPoolField(index, 'ipv4PrefixSize', e.target.value === 'Auto' ? '' : e.target.value)}
            >
              <option value="Auto">Auto: /28 prefixes</option>
              <option value="32">&quot;32&quot;: secondary IPs</option>
            </select>
            <p className="hint">
              NodeClass <code>ipv4PrefixSize</code>; pod subnets, if any, in the node&rsquo;s AZ.
            </p>
            {ipv4Issue && <p className="field-error">{ipv4Issue}</p>}
          </div>
        ) : (
          <Field
            label="Reserved ENIs"
            path={`${base}.reservedEnis`}
            value={pool.reservedEnis}
            onChange={set('reservedEnis')}
            numeric
            placeholder={customNetworking ? '1 (custom networking)' : '0'}
            hint={
              <>
                <code>RESERVED_ENIS</code>: ENIs left out of each type&rsquo;s max pods.
              </>
            }
          />
        )}
      </div>
      <Field
        label="Disruption budget (nodes)"
        path={`${base}.disruptionBudget`}
        value={pool.disruptionBudget}
        onChange={set('disruptionBudget')}
        numeric
        placeholder="0"
        hint="Nodes drift or consolidation replaces at once: the new ones take addresses before the old ones go."
      />
      {auto && <p className="hint">{AUTO_MODE_WARM_POOL_ASSUMPTION}.</p>}
    </div>
  );
});
