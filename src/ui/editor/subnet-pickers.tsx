/** A node group's launch subnets (chips plus an "add" menu) and, with custom networking, its pod subnet per AZ. */
import { useId, useState } from 'react';
import type { DraftGroup } from '../../state/draft';
import { useActions } from '../../state/store-context';
import { fieldId } from '../common/format';
import type { SubnetRef } from './subnet-ref';
import { useIssuesUnder } from '../common/field-issues';

/**
 * A subnet menu renders its list on first approach (the pointer over it, a touch, the focus): until then it
 * holds its chosen option only, so it shows and keeps the same value. A card has four such menus of up to
 * 48 subnets (~100 of its ~170 elements), and one cluster-wide switch (custom networking) can open all 40
 * cards of a plan at once.
 */
function useListOnApproach() {
  const [full, setFull] = useState(false);
  const show = () => setFull(true);
  return [full, full ? {} : { onPointerEnter: show, onPointerDown: show, onFocus: show }] as const;
}

interface Props {
  index: number;
  group: DraftGroup;
  subnets: readonly SubnetRef[];
}

export function NodeSubnetPicker({ index, group, subnets }: Props) {
  const { setGroupSubnets } = useActions();
  const path = `nodeGroups[${index}].subnets`;
  const error = useIssuesUnder(path);
  const id = fieldId(path);
  const selectId = useId();
  const [full, approach] = useListOnApproach();
  const available = subnets.filter((s) => s.name && !group.subnets.includes(s.name));
  const azOf = (name: string) => subnets.find((s) => s.name === name)?.az ?? 'unknown subnet';
  return (
    <fieldset className="subnet-picker" aria-describedby={error ? `${id}-msg` : undefined}>
      <legend>Node subnets</legend>
      <ul className="chips">
        {group.subnets.map((name) => (
          <li key={name} className="chip">
            {name} <span className="muted">{azOf(name)}</span>
            <button
              type="button"
              className="chip-remove"
              onClick={() =>
                setGroupSubnets(
                  index,
                  group.subnets.filter((n) => n !== name),
                )
              }
              aria-label={`Remove node subnet ${name}`}
            >
              ×
            </button>
          </li>
        ))}
        {group.subnets.length === 0 && <li className="muted">none</li>}
      </ul>
      {available.length > 0 && (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            Add a node subnet
          </label>
          <select
            id={selectId}
            className="add-subnet"
            value=""
            onChange={(e) => e.target.value && setGroupSubnets(index, [...group.subnets, e.target.value])}
            {...approach}
          >
            <option value="">Add subnet…</option>
            {full &&
              available.map((s) => (
                <option key={s.key} value={s.name}>
                  {s.name} ({s.az})
                </option>
              ))}
          </select>
        </>
      )}
      {error && (
        <p id={`${id}-msg`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function PodSubnetPicker({ index, group, subnets }: Props) {
  const { setGroupPodSubnets } = useActions();
  const path = `nodeGroups[${index}].podSubnets`;
  const error = useIssuesUnder(path);
  const id = fieldId(path);
  const [full, approach] = useListOnApproach();
  const azs = [
    ...new Set(
      group.subnets.map((n) => subnets.find((s) => s.name === n)?.az).filter((az): az is string => Boolean(az)),
    ),
  ];
  const podIn = (az: string) => group.podSubnets.find((n) => subnets.find((s) => s.name === n)?.az === az) ?? '';
  const choose = (az: string, name: string) => {
    const others = group.podSubnets.filter((n) => subnets.find((s) => s.name === n)?.az !== az);
    setGroupPodSubnets(index, name ? [...others, name] : others);
  };
  return (
    <fieldset className="subnet-picker" aria-describedby={error ? `${id}-msg` : undefined}>
      <legend>Pod subnets (ENIConfig per AZ)</legend>
      <div className="field-grid three">
        {azs.map((az) => (
          <div className="field" key={az}>
            <label htmlFor={`${id}-${az}`}>Pod subnet in {az}</label>
            {/* The chosen subnet's whole name as the title: a long one (an imported "name (subnet-…)") can be cut. */}
            <select
              id={`${id}-${az}`}
              value={podIn(az)}
              title={podIn(az) || undefined}
              onChange={(e) => choose(az, e.target.value)}
              aria-invalid={error && !podIn(az) ? true : undefined}
              {...approach}
            >
              <option value="">none</option>
              {subnets
                .filter((s) => s.az === az && s.name && (full || s.name === podIn(az)))
                .map((s) => (
                  <option key={s.key} value={s.name}>
                    {s.name}
                  </option>
                ))}
            </select>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-msg`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
