/** One node group: instance type, kind and EFA layout, node counts, pods per node, subnets and max pods. */
import { memo, useDeferredValue } from 'react';
import type { DraftGroup } from '../../state/draft';
import type { PlanState } from '../../state/plan-store';
import { selectCustomNetworking, selectPodEni } from '../../state/selectors';
import { useActions, usePlan } from '../../state/store-context';
import { activeDraft } from '../../state/workspace-state';
import { Field } from '../common/field';
import { plural } from '../common/format';
import { draftMaxPods, findInstanceType } from './instance-info';
import { dataset } from '../../data/dataset';
import { GroupIssues } from './group-issues';
import { InstanceCombobox } from './instance-combobox';
import { MaxPodsField } from './max-pods-field';
import { efaLayoutOffered, MultiHomedField, NodeKindFields } from './node-kind-fields';
import { NodeSubnetPicker, PodSubnetPicker } from './subnet-pickers';
import { PoolChoice } from './pool/pool-choice';
import { PoolFields } from './pool/pool-fields';
import { usePoolTyped } from './pool/use-pool-worst';
import { POOL_KINDS } from '../../state/pool-draft';
import { useIssuesUnder } from '../common/field-issues';
import type { SubnetRef } from './subnet-ref';

const selectMultiNic = (s: PlanState) => activeDraft(s).cni.multiNic;

interface Props {
  index: number;
  group: DraftGroup;
  subnets: readonly SubnetRef[];
  /** Folded cards show one line; a plan with many groups starts folded (and renders fast). */
  expanded: boolean;
  /** Whether a card with a problem opens on its own (false when many cards have one). */
  openOnIssues: boolean;
  onToggle(key: string): void;
}

export const NodeGroupEditor = memo(function NodeGroupEditor({
  index,
  group,
  subnets,
  expanded,
  openOnIssues,
  onToggle,
}: Props) {
  const { duplicateGroup, removeGroup } = useActions();
  const hasIssues = useIssuesUnder(`nodeGroups[${index}]`) !== '';
  const openedByIssues = hasIssues && openOnIssues;
  const open = expanded || openedByIssues;
  // A card its problems open mounts (and a fixed one drops) its body in a background render, after the
  // paint: the checkbox and the verdict are drawn first.
  const issuesShown = useDeferredValue(openedByIssues);
  const bodyShown = expanded || issuesShown;
  const title = group.name || `Node group ${index + 1}`;
  const bodyId = `group-body-${group.key}`;
  return (
    <div className={`group-card${open ? ' open' : ''}`}>
      <div className="group-bar">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => onToggle(group.key)}
          disabled={openedByIssues && !expanded}
        >
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <strong>{title}</strong>
          <span className="muted">
            {group.pool
              ? `node pool · ${plural(group.pool.requirements.length, 'requirement')} · ` +
                `${group.pool.podsMin}/${group.pool.podsDesired}/${group.pool.podsMax} pods`
              : `${group.instanceType} · ${group.minNodes}/${group.desiredNodes}/${group.maxNodes} nodes · ${group.podsPerNode} pods`}
          </span>
          {hasIssues && <span className="badge-error">needs fixing</span>}
        </button>
        <div className="group-buttons">
          <button
            type="button"
            className="small"
            onClick={() => duplicateGroup(index)}
            aria-label={`Duplicate node group ${title}`}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="small"
            onClick={() => removeGroup(index)}
            aria-label={`Remove node group ${title}`}
          >
            Remove
          </button>
        </div>
      </div>
      {bodyShown && <GroupBody index={index} group={group} subnets={subnets} title={title} id={bodyId} />}
    </div>
  );
});

function GroupBody({
  index,
  group,
  subnets,
  title,
  id,
}: {
  index: number;
  group: DraftGroup;
  subnets: readonly SubnetRef[];
  title: string;
  id: string;
}) {
  const { setGroupField } = useActions();
  const customNetworking = usePlan(selectCustomNetworking);
  const podEni = usePlan(selectPodEni);
  const multiNic = usePlan(selectMultiNic);
  const base = `nodeGroups[${index}]`;
  // A pool's EFA layout and multi-homed pods are described on its worst candidate.
  const typed = usePoolTyped(index, group);
  const set = (field: Parameters<typeof setGroupField>[1]) => (v: string) => setGroupField(index, field, v);
  return (
    <fieldset className="group-body" id={id}>
      <legend className="visually-hidden">{title}</legend>
      <Field label="Node group name" path={`${base}.name`} value={group.name} onChange={set('name')} />
      {!group.pool && (
        <InstanceCombobox index={index} value={group.instanceType} maxPods={draftMaxPods(group.maxPods)} />
      )}
      <NodeKindFields index={index} group={typed} />
      {(group.pool || POOL_KINDS.has(group.kind)) && <PoolChoice index={index} group={group} />}
      {group.pool ? (
        <PoolFields index={index} group={group} />
      ) : (
        <>
          <div className="field-grid three">
            <Field
              label="Minimum nodes"
              path={`${base}.minNodes`}
              value={group.minNodes}
              onChange={set('minNodes')}
              numeric
            />
            <Field
              label="Desired nodes"
              path={`${base}.desiredNodes`}
              value={group.desiredNodes}
              onChange={set('desiredNodes')}
              numeric
            />
            <Field
              label="Maximum nodes"
              path={`${base}.maxNodes`}
              value={group.maxNodes}
              onChange={set('maxNodes')}
              numeric
            />
          </div>
          <div className="field-grid two">
            <Field
              label="Pods per node"
              path={`${base}.podsPerNode`}
              value={group.podsPerNode}
              onChange={set('podsPerNode')}
              numeric
              hint="Non-hostNetwork pods expected on each node."
            />
            <MaxPodsField
              index={index}
              title={title}
              instanceType={group.instanceType}
              value={group.maxPods}
              kind={group.kind}
              efaLayout={group.efaLayout}
            />
          </div>
        </>
      )}
      <MultiHomedField index={index} group={typed} />
      {podEni && (
        <Field
          label="Pods with security groups per node"
          path={`${base}.branchPodsPerNode`}
          value={group.branchPodsPerNode}
          onChange={set('branchPodsPerNode')}
          numeric
          placeholder="0"
          hint="Branch-ENI pods (security groups for pods): they take no warm-pool address."
        />
      )}
      <NodeSubnetPicker index={index} group={group} subnets={subnets} />
      {(customNetworking || group.kind === 'auto-mode') && (
        <PodSubnetPicker index={index} group={group} subnets={subnets} />
      )}
      <GroupIssues
        index={index}
        shown={{
          efaLayout: efaLayoutOffered(findInstanceType(dataset, typed.instanceType), group.efaLayout),
          multiHomedPodsPerNode: multiNic,
          branchPodsPerNode: podEni,
          ...(group.pool ? POOL_SHOWN : {}),
        }}
      />
    </fieldset>
  );
}

/** The pool's fields, each showing its own messages. */
const POOL_SHOWN = {
  requirements: true,
  pods: true,
  podRequests: true,
  reservedEnis: true,
  disruptionBudget: true,
  ipv4PrefixSize: true,
};
