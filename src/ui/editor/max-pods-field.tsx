/** "Max pods" of a node group, with the AMI default as placeholder and a "use recommended" action. */
import { dataset } from '../../data/dataset';
import { useActions } from '../../state/store-context';
import { Field } from '../field';
import { fmt } from '../format';
import { draftMaxPods, maxPodsTriple } from '../instance-info';
import { usePodCni } from './use-pod-cni';

interface Props {
  index: number;
  title: string;
  instanceType: string;
  value: string;
}

export function MaxPodsField({ index, title, instanceType, value }: Props) {
  const { setGroupField } = useActions();
  const cni = usePodCni();
  const type = dataset.byName.get(instanceType.trim());
  const triple = type ? maxPodsTriple(type, cni, draftMaxPods(value)) : null;
  return (
    <div>
      <Field
        label="Max pods"
        path={`nodeGroups[${index}].maxPods`}
        value={value}
        onChange={(v) => setGroupField(index, 'maxPods', v)}
        numeric
        placeholder={triple ? `default ${triple.eniLimited}` : 'default'}
        hint={triple
          ? <>kubelet --max-pods; empty = AMI default ({fmt(triple.eniLimited)}). Recommended: {fmt(triple.recommended)}.</>
          : 'kubelet --max-pods; empty = the AMI default.'}
        className="tight"
      />
      {triple && String(triple.recommended) !== value.trim() && (
        <button type="button" className="small use-recommended" onClick={() => setGroupField(index, 'maxPods', String(triple.recommended))}
          aria-label={`Use recommended max pods (${triple.recommended}) for ${title}`}>
          Use recommended ({fmt(triple.recommended)})
        </button>
      )}
    </div>
  );
}
