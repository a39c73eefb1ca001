/**
 * "Instance type": an accessible combobox (downshift useCombobox) over all instance types, with
 * type-ahead and the keyboard (arrows, Enter, Escape). Each option shows ENIs × IPv4 per ENI, vCPUs and
 * the three max-pods numbers under the current CNI settings. What is typed is kept as typed: leaving
 * the field never replaces it, and the validation message says when it is not a known type.
 */
import { useCombobox, type UseComboboxReturnValue, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { memo, useMemo } from 'react';
import { dataset } from '../../data/dataset';
import type { InstanceType } from '../../model/instances';
import type { CniSettings } from '../../model/plan';
import { useActions, useFieldIssue } from '../../state/store-context';
import { fieldId, fmt } from '../format';
import { maxPodsTriple, searchInstanceTypes } from '../instance-info';
import { usePodCni } from './use-pod-cni';

interface Props {
  /** The node group's index. */
  index: number;
  value: string;
  maxPods: number | null;
}

const itemToString = (t: InstanceType | null) => t?.name ?? '';

function stateReducer(state: UseComboboxState<InstanceType>, { type, changes }: UseComboboxStateChangeOptions<InstanceType>) {
  switch (type) {
    // Leaving the field or pressing Escape keeps what was typed (downshift would select or clear).
    case useCombobox.stateChangeTypes.InputBlur:
    case useCombobox.stateChangeTypes.InputKeyDownEscape:
      return { ...changes, inputValue: state.inputValue, selectedItem: state.selectedItem };
    default:
      return changes;
  }
}

export const InstanceCombobox = memo(function InstanceCombobox({ index, value, maxPods }: Props) {
  const { setGroupField } = useActions();
  const onChange = (v: string) => setGroupField(index, 'instanceType', v);
  const path = `nodeGroups[${index}].instanceType`;
  const error = useFieldIssue(path);
  const id = fieldId(path);
  const selected = dataset.byName.get(value.trim()) ?? null;
  // Just opened on a known type: show its family to compare with; otherwise the type-ahead matches.
  const query = selected && selected.name === value ? selected.name.split('.')[0]! : value;
  const items = useMemo(() => searchInstanceTypes(dataset, query), [query]);
  const cb = useCombobox<InstanceType>({
    items,
    itemToString,
    inputId: id,
    inputValue: value,
    selectedItem: selected,
    defaultHighlightedIndex: 0,
    stateReducer,
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.ControlledPropUpdatedSelectedItem) onChange(inputValue ?? '');
    },
    onSelectedItemChange: ({ selectedItem }) => selectedItem && onChange(selectedItem.name),
  });
  const describedBy = [error && `${id}-msg`, `${id}-info`].filter(Boolean).join(' ');
  return (
    <div className="field combobox">
      <label {...cb.getLabelProps()}>Instance type</label>
      <div className="field-row">
        <input
          {...cb.getInputProps({ type: 'text', 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, spellCheck: false })}
          placeholder="e.g. m6i.2xlarge"
        />
        <button type="button" className="icon-button" {...cb.getToggleButtonProps({ 'aria-label': 'Show instance types', tabIndex: -1 })}>
          ▾
        </button>
      </div>
      <div className={`combobox-popup${cb.isOpen && items.length ? '' : ' closed'}`}>
        <p className="combobox-legend" aria-hidden="true">ENIs × IPv4 per ENI · vCPUs · max pods: ENI-limited / recommended / effective</p>
        <ul className="combobox-menu" {...cb.getMenuProps()}>
        {cb.isOpen && <Options items={items} cb={cb} selected={selected?.name} maxPods={maxPods} />}
        </ul>
      </div>
      <p id={`${id}-info`} className="hint">{selected ? describeType(selected) : `Type to search ${fmt(dataset.types.length)} instance types`}</p>
      {error && <p id={`${id}-msg`} className="field-error">{error}</p>}
    </div>
  );
});

/** The open menu's options; reads the CNI settings only while open. */
function Options({ items, cb, selected, maxPods }: { items: InstanceType[]; cb: UseComboboxReturnValue<InstanceType>; selected?: string; maxPods: number | null }) {
  const cni = usePodCni();
  return items.map((t, i) => (
    <li key={t.name} className={`${cb.highlightedIndex === i ? 'highlighted' : ''}${selected === t.name ? ' selected' : ''}`} {...cb.getItemProps({ item: t, index: i })}>
      <OptionText t={t} cni={cni} maxPods={maxPods} />
    </li>
  ));
}

function OptionText({ t, cni, maxPods }: { t: InstanceType; cni: CniSettings; maxPods: number | null }) {
  const m = maxPodsTriple(t, cni, maxPods);
  return (
    <>
      <span className="opt-name">{t.name}</span>
      <span className="opt-facts num">
        {t.enis} × {t.ipv4PerEni} IPv4 · {t.vcpus ?? '?'} vCPU · max pods {fmt(m.eniLimited)} / {fmt(m.recommended)} / {fmt(m.effective)}
      </span>
    </>
  );
}

function describeType(t: InstanceType): string {
  const hv = t.bareMetal ? 'bare metal' : t.hypervisor === 'nitro' ? 'Nitro' : t.hypervisor === 'xen' ? 'Xen' : 'hypervisor unknown';
  return `${t.enis} ENIs × ${t.ipv4PerEni} IPv4 per ENI · ${t.vcpus ?? '?'} vCPUs · ${hv}${t.networkCards > 1 ? ` · ${t.networkCards} network cards (pods use the first)` : ''}`;
}
