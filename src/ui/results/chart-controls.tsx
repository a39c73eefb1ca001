/** Which subnets the chart draws, whether it counts addresses or % of usable, and which scenario it overlays. */
import { useId } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { TOP_N } from './chart-data';

interface Props {
  ev: FullEvaluation;
  selection: string;
  onSelection(s: string): void;
  percent: boolean;
  onScale(percent: boolean): void;
  shown: number;
  /** The other scenarios, to overlay one (dashed). */
  others: readonly { key: string; name: string }[];
  withKey: string;
  onWith(key: string): void;
  /** The plan's node group names (none with fewer than two): scale one alone. */
  groups: readonly string[];
  scaleBy: string;
  onScaleBy(name: string): void;
}

export function ChartControls({
  ev,
  selection,
  onSelection,
  percent,
  onScale,
  shown,
  others,
  withKey,
  onWith,
  groups,
  scaleBy,
  onScaleBy,
}: Props) {
  const id = useId();
  const azs = [...new Set(ev.subnets.map((s) => s.az))].sort();
  const many = ev.subnets.length > TOP_N;
  return (
    <div className="chart-controls">
      <div className="inline-field">
        <label htmlFor={`${id}-sel`}>Subnets shown</label>
        <select id={`${id}-sel`} value={selection} onChange={(e) => onSelection(e.target.value)}>
          <option value="loaded">{many ? `${TOP_N} most loaded at max` : `All ${ev.subnets.length}`}</option>
          {many && <option value="all">All {ev.subnets.length}</option>}
          {azs.length > 1 &&
            azs.map((az) => (
              <option key={az} value={`az:${az}`}>
                {az} ({ev.subnets.filter((s) => s.az === az).length})
              </option>
            ))}
        </select>
      </div>
      {groups.length > 0 && (
        <div className="inline-field">
          <label htmlFor={`${id}-by`}>Scale</label>
          <select id={`${id}-by`} value={scaleBy} onChange={(e) => onScaleBy(e.target.value)}>
            <option value="">All node groups together</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g} alone
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="inline-field">
        <label htmlFor={`${id}-scale`}>Y axis</label>
        <select
          id={`${id}-scale`}
          value={percent ? 'percent' : 'addresses'}
          onChange={(e) => onScale(e.target.value === 'percent')}
        >
          <option value="addresses">Addresses</option>
          <option value="percent">% of usable</option>
        </select>
      </div>
      {others.length > 0 && (
        <div className="inline-field">
          <label htmlFor={`${id}-with`}>Compare with</label>
          <select id={`${id}-with`} value={withKey} onChange={(e) => onWith(e.target.value)}>
            <option value="">No other scenario</option>
            {others.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <span className="muted">
        {shown} of {ev.subnets.length} subnets
      </span>
    </div>
  );
}
