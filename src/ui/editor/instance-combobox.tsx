/**
 * "Instance type": an editable combobox with list autocomplete over all instance types, after the WAI-ARIA
 * combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). DOM focus stays on the input;
 * the highlighted option is named by aria-activedescendant. Each option shows ENIs × IPv4 per ENI, vCPUs,
 * the three max-pods numbers under the current CNI settings, and GPUs/accelerators and EFA.
 *
 * Keys: typing opens the list and highlights the best match (the exact type, else the first); Down/Up open
 * the list on the current type, then move; Alt+Down opens without moving, Alt+Up takes the highlighted
 * option; Enter and Tab take the highlighted option (Tab then moves on as usual); Escape closes the list
 * and, where the text is not a known type, restores the last valid one. A name is accepted in any case
 * and written in lower case. Leaving the field by mouse keeps what was typed (its message says why it is
 * refused).
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dataset } from '../../data/dataset';
import type { InstanceType } from '../../model/instances';
import { maxPodsNumbers } from '../../model/max-pods';
import type { CniSettings } from '../../model/plan';
import { nodeAccounting } from '../../model/warm-pool';
import { useActions } from '../../state/store-context';
import { fieldId, fmt } from '../common/format';
import { acceleratorSummary, findInstanceType, searchInstanceTypes } from './instance-info';
import { usePodCni } from './use-pod-cni';
import { useFieldIssue } from '../common/field-issues';

interface Props {
  /** The node group's index. */
  index: number;
  value: string;
  maxPods: number | null;
}

/** `active` when no option is highlighted (Alt+Down opens the list so). */
const NONE = '\u0000';

/** The list for a text: a known type shows its family (to compare with), anything else the type-ahead matches. */
function itemsFor(value: string): InstanceType[] {
  const t = findInstanceType(dataset, value);
  return searchInstanceTypes(dataset, t ? t.name.split('.')[0]! : value);
}

/** The option to highlight without a choice by the user: the typed type, else the best match (none for ''). */
function autoIndex(items: InstanceType[], value: string): number {
  const t = findInstanceType(dataset, value);
  const exact = t ? items.indexOf(t) : -1;
  if (exact >= 0) return exact;
  return value.trim() && items.length ? 0 : -1;
}

export const InstanceCombobox = memo(function InstanceCombobox({ index, value, maxPods }: Props) {
  const { setGroupField } = useActions();
  const set = (v: string) => setGroupField(index, 'instanceType', v);
  const path = `nodeGroups[${index}].instanceType`;
  const error = useFieldIssue(path);
  const id = fieldId(path);
  const listId = `${id}-list`;
  const selected = findInstanceType(dataset, value);
  const [open, setOpen] = useState(false);
  // The highlighted option by name, so it survives a new list; null: the automatic one (autoIndex); NONE: none.
  const [active, setActive] = useState<string | null>(null);
  // The last known type this field held: Escape goes back to it.
  const lastValid = useRef<string | null>(selected?.name ?? null);
  useEffect(() => {
    if (selected) lastValid.current = selected.name;
  }, [selected]);

  const items = open ? itemsFor(value) : [];
  const picked = active === null ? -1 : items.findIndex((t) => t.name === active);
  const hi = !open || active === NONE ? -1 : picked >= 0 ? picked : autoIndex(items, value);
  const optionId = (i: number) => `${id}-opt-${i}`;

  useEffect(() => {
    if (hi >= 0) document.getElementById(optionId(hi))?.scrollIntoView?.({ block: 'nearest' });
  });

  const show = (highlight: string | null) => {
    setOpen(true);
    setActive(highlight);
  };
  const close = () => {
    setOpen(false);
    setActive(null);
  };
  const take = (t: InstanceType) => {
    lastValid.current = t.name;
    if (t.name !== value) set(t.name);
    close();
  };
  const move = (to: number) => {
    if (!items.length) return;
    setActive(items[Math.max(0, Math.min(items.length - 1, to))]!.name);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) show(e.altKey ? NONE : (selected?.name ?? null));
        else if (!e.altKey) move(hi + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open && e.altKey) {
          if (hi >= 0) take(items[hi]!);
          else close();
        } else if (!open) {
          const list = itemsFor(value);
          show(selected?.name ?? list[list.length - 1]?.name ?? null);
        } else move(hi - 1);
        break;
      case 'PageDown':
      case 'PageUp':
        if (open) {
          e.preventDefault();
          move(hi + (e.key === 'PageDown' ? 10 : -10));
        }
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          if (hi >= 0) take(items[hi]!);
          else close();
        }
        break;
      case 'Tab':
        // Takes the highlighted option; the browser then moves focus on as usual (no preventDefault).
        if (open && hi >= 0) take(items[hi]!);
        else close();
        break;
      case 'Escape': {
        if (open) e.stopPropagation();
        e.preventDefault();
        close();
        if (!selected && lastValid.current) set(lastValid.current);
        break;
      }
    }
  };

  const describedBy = [error && `${id}-msg`, `${id}-info`].filter(Boolean).join(' ');
  return (
    <div className="field combobox">
      <label id={`${id}-label`} htmlFor={id}>
        Instance type
      </label>
      <div className="field-row">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && items.length > 0}
          aria-controls={listId}
          aria-activedescendant={hi >= 0 ? optionId(hi) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. m6i.2xlarge"
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            const t = findInstanceType(dataset, v);
            // A known name in any case is that type, written as EC2 writes it.
            set(t && t.name !== v && v.trim() !== '' ? t.name : v);
            show(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <button
          type="button"
          className="icon-button"
          tabIndex={-1}
          aria-label="Show instance types"
          aria-controls={listId}
          aria-expanded={open && items.length > 0}
          // Keeps focus in the input: the list belongs to it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            document.getElementById(id)?.focus();
            if (open) close();
            else show(selected?.name ?? null);
          }}
        >
          ▾
        </button>
      </div>
      {/* Clicks in the popup never take focus from the input (the list is no tab stop: tabIndex -1). */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- only keeps focus; keys go to the input */}
      <div className={`combobox-popup${open && items.length ? '' : ' closed'}`} onMouseDown={(e) => e.preventDefault()}>
        <p className="combobox-legend" aria-hidden="true">
          Beside a name: GPUs, EFA interfaces. Below: ENIs × IPv4 per ENI · vCPUs · max pods: ENI-limited / recommended
          / effective
        </p>
        <ul className="combobox-menu" id={listId} role="listbox" aria-labelledby={`${id}-label`} tabIndex={-1}>
          {open && (
            <Options
              items={items}
              hi={hi}
              optionId={optionId}
              selected={selected?.name}
              maxPods={maxPods}
              onPick={take}
              onHover={(t) => setActive(t.name)}
            />
          )}
        </ul>
      </div>
      <p id={`${id}-info`} className="hint">
        {selected ? describeType(selected) : `Type to search ${fmt(dataset.types.length)} instance types`}
      </p>
      {error && (
        <p id={`${id}-msg`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
});

interface OptionsProps {
  items: InstanceType[];
  hi: number;
  optionId(i: number): string;
  selected?: string;
  maxPods: number | null;
  onPick(t: InstanceType): void;
  onHover(t: InstanceType): void;
}

/** The open list's options; reads the CNI settings only while open. */
function Options({ items, hi, optionId, selected, maxPods, onPick, onHover }: OptionsProps) {
  const cni = usePodCni();
  return items.map((t, i) => (
    // Keyboard users reach options through the input (aria-activedescendant); the click is for the mouse.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <li
      key={t.name}
      id={optionId(i)}
      role="option"
      aria-selected={hi === i}
      className={`${hi === i ? 'highlighted' : ''}${selected === t.name ? ' selected' : ''}`}
      onClick={() => onPick(t)}
      onMouseMove={() => hi !== i && onHover(t)}
    >
      <OptionText t={t} cni={cni} maxPods={maxPods} />
    </li>
  ));
}

function OptionText({ t, cni, maxPods }: { t: InstanceType; cni: CniSettings; maxPods: number | null }) {
  const m = maxPodsNumbers(t, cni, nodeAccounting(t, cni, { pods: 0, maxPods }));
  const ai = acceleratorSummary(t);
  return (
    <>
      <span className="opt-main">
        <span className="opt-name">{t.name}</span>
        {ai && (
          <span className="opt-ai">
            <span className="visually-hidden">, </span>
            {ai}
          </span>
        )}
      </span>
      <span className="opt-facts num">
        {t.enis} × {t.ipv4PerEni} IPv4 · {t.vcpus ?? '?'} vCPU · max pods {fmt(m.eniLimited)} / {fmt(m.recommended)} /{' '}
        {fmt(m.effective)}
      </span>
    </>
  );
}

function describeType(t: InstanceType): string {
  const hv = t.bareMetal
    ? 'bare metal'
    : t.hypervisor === 'nitro'
      ? 'Nitro'
      : t.hypervisor === 'xen'
        ? 'Xen'
        : 'hypervisor unknown';
  const cards =
    t.networkCards > 1 ? ` · ${t.networkCards} network cards (the CNI uses card 0 unless Multi-NIC is on)` : '';
  const ai = acceleratorSummary(t);
  const facts = `${t.enis} ENIs × ${t.ipv4PerEni} IPv4 per ENI · ${t.vcpus ?? '?'} vCPUs · ${hv}`;
  return `${facts}${cards}${ai ? ` · ${ai}` : ''}`;
}
