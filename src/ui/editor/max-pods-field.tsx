/**
 * "Max pods" of a node group, with the default of whoever launches the nodes (the AMI, EKS's managed cap,
 * Karpenter, Auto Mode) as placeholder and a "use recommended" action.
 */
import { dataset } from '../../data/dataset';
import { launchLayout } from '../../model/efa-layout';
import { AUTO_MODE_MAX_PODS, maxPodsInForce, maxPodsNumbers, recommendedCap } from '../../model/max-pods';
import type { EfaLayout, NodeGroupKind } from '../../model/plan';
import { nodeAccounting } from '../../model/warm-pool';
import { useActions } from '../../state/store-context';
import { Field } from '../common/field';
import { fmt } from '../common/format';
import { draftMaxPods, findInstanceType } from './instance-info';
import { usePodCni } from './use-pod-cni';

interface Props {
  index: number;
  title: string;
  instanceType: string;
  value: string;
  /** The draft's kind and EFA layout ('' = default). */
  kind?: string;
  efaLayout?: string;
}

/** Who sets max pods when the field is empty, in a few words. */
const DEFAULT_BY: Record<string, string> = {
  'ami-default': 'AMI default',
  'eks-managed-cap': 'EKS managed cap',
  karpenter: 'Karpenter, EFA-aware',
  'auto-mode-cap': 'Auto Mode cap',
};

export function MaxPodsField({ index, title, instanceType, value, kind = '', efaLayout = '' }: Props) {
  const { setGroupField } = useActions();
  const cni = usePodCni();
  const type = findInstanceType(dataset, instanceType) ?? undefined;
  const triple = type
    ? maxPodsNumbers(type, cni, nodeAccounting(type, cni, { pods: 0, maxPods: draftMaxPods(value) }))
    : null;
  const byDefault = type
    ? maxPodsInForce(type, (kind || 'self-managed') as NodeGroupKind, null, {
        reservedEnis: cni.customNetworking ? 1 : 0,
        efaOnlyOnCard0: launchLayout(type, (efaLayout || 'none') as EfaLayout).efaOnlyOnCard0,
      })
    : null;
  const explicit = draftMaxPods(value);
  // EKS's cap overrides a managed group's own value, and Auto Mode's caps any (model/max-pods.ts maxPodsInForce).
  const cap = !type
    ? null
    : kind === 'managed'
      ? recommendedCap(type)
      : kind === 'auto-mode'
        ? AUTO_MODE_MAX_PODS
        : null;
  const capped = cap !== null && explicit !== null && explicit > cap;
  return (
    <div>
      <Field
        label="Max pods"
        path={`nodeGroups[${index}].maxPods`}
        value={value}
        onChange={(v) => setGroupField(index, 'maxPods', v)}
        numeric
        placeholder={byDefault ? `default ${byDefault.value}` : 'default'}
        hint={
          triple && byDefault ? (
            <>
              kubelet --max-pods; empty = {DEFAULT_BY[byDefault.source] ?? 'default'} ({fmt(byDefault.value)}).
              Recommended: {fmt(triple.recommended)}.
              {capped && (
                <strong className="note">
                  {' '}
                  {kind === 'managed' ? 'EKS caps a managed group' : 'Auto Mode caps it'} at {fmt(cap)}: nodes run{' '}
                  {fmt(cap)}, not this.
                </strong>
              )}
            </>
          ) : (
            'kubelet --max-pods; empty = the default of whoever launches the nodes.'
          )
        }
        className="tight"
      />
      {triple && String(triple.recommended) !== value.trim() && (
        <button
          type="button"
          className="small use-recommended"
          onClick={() => setGroupField(index, 'maxPods', String(triple.recommended))}
          aria-label={`Use recommended max pods (${triple.recommended}) for ${title}`}
        >
          Use recommended ({fmt(triple.recommended)})
        </button>
      )}
    </div>
  );
}
