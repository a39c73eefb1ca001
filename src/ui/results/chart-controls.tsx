/** Which subnets the chart draws, and whether it counts addresses or % of usable. */
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
}

export function ChartControls({ ev, selection, onSelection, percent, onScale, shown }: Props) {
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
          {azs.length > 1 && azs.map((az) => <option key={az} value={`az:${az}`}>{az} ({ev.subnets.filter((s) => s.az === az).length})</option>)}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={`${id}-scale`}>Y axis</label>
        <select id={`${id}-scale`} value={percent ? 'percent' : 'addresses'} onChange={(e) => onScale(e.target.value === 'percent')}>
          <option value="addresses">Addresses</option>
          <option value="percent">% of usable</option>
        </select>
      </div>
      <span className="muted">{shown} of {ev.subnets.length} subnets</span>
    </div>
  );
}
