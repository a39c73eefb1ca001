/**
 * The exhaustion chart: addresses used in each subnet as the node groups scale together, each subnet's
 * usable line, a red marker where it runs out, desired and max marked. Hover or the "Inspect at" slider
 * reads exact figures into the table below; a hidden table carries the data for screen readers.
 */
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { FullEvaluation } from '../../model/evaluate';
import { chartTheme, subnetColor, useScheme } from '../colors';
import { fmt } from '../format';
import { useWidth } from '../use-width';
import { ChartControls } from './chart-controls';
import { ChartOverlay } from './chart-overlay';
import { ChartReadout } from './chart-readout';
import { chartModel, pickSubnets, prefersPercent, type ChartModel } from './chart-data';
import { createCursor } from './cursor-store';

const HEIGHT = 320;
const MARGIN = { top: 22, right: 28, bottom: 28, left: 8 };
const Y_AXIS = 64;
const fmtPercent = (v: number) => `${v}%`;

export const ExhaustionChart = memo(function ExhaustionChart({ ev }: { ev: FullEvaluation }) {
  const [selection, setSelection] = useState('loaded');
  const [scale, setScale] = useState<'auto' | 'addresses' | 'percent'>('auto');
  const [cursor] = useState(createCursor);
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const scheme = useScheme();
  const ink = chartTheme(scheme);
  const indexes = useMemo(() => pickSubnets(ev, selection), [ev, selection]);
  const percent = scale === 'auto' ? prefersPercent(ev, indexes) : scale === 'percent';
  const model = useMemo(() => chartModel(ev, indexes, percent), [ev, indexes, percent]);
  const marks = ev.series.marks;
  // Stable axis props: recharts re-registers an axis (and recomputes every selector) when one changes.
  const xDomain = useMemo(() => [model.xMin, model.xMax], [model.xMin, model.xMax]);
  const yDomain = useMemo(() => [0, model.yMax], [model.yMax]);
  const xLabel = useMemo(() => ({ value: 'Total nodes, all groups scaling from min to max and beyond', position: 'insideBottom' as const, offset: -18, fill: ink.muted, fontSize: 12 }), [ink.muted]);
  return (
    <figure className="panel chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">Subnet exhaustion as the node groups scale</h2>
        <ChartControls ev={ev} selection={selection} onSelection={setSelection} percent={percent} onScale={(p) => setScale(p ? 'percent' : 'addresses')} shown={indexes.length} />
      </div>
      <div ref={ref} className="chart-box" role="img" aria-label={summary(ev, model)} onMouseLeave={() => cursor.set(null)}>
        <LineChart width={width} height={HEIGHT} data={model.rows} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke={ink.grid} vertical={false} />
          <XAxis dataKey="nodes" type="number" domain={xDomain} ticks={model.xTicks} allowDecimals={false} tickFormatter={fmt} stroke={ink.muted} label={xLabel} />
          <YAxis width={Y_AXIS} domain={yDomain} ticks={model.yTicks} allowDataOverflow allowDecimals={false} tickFormatter={percent ? fmtPercent : fmt} stroke={ink.muted} />
          {model.lines.map((l) => (
            <Line key={l.key} dataKey={l.key} name={l.name} stroke={subnetColor(l.index, scheme)} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} type="stepAfter" />
          ))}
          <ChartOverlay model={model} marks={marks} scheme={scheme} ink={ink} cursor={cursor} />
        </LineChart>
      </div>
      {model.clipped && <p className="hint">Lines are cut off at twice the largest usable count; the table has the exact figures.</p>}
      <ChartReadout ev={ev} model={model} cursor={cursor} />
      <DataTable ev={ev} />
    </figure>
  );
});

/** The chart in one sentence, for its accessible name. */
function summary(ev: FullEvaluation, m: ChartModel): string {
  const first = ev.firstExhaustion;
  const head = first ? `${first.subnet} runs out first, at ${fmt(first.atNodes)} total nodes` : 'no subnet runs out within the chart';
  return `Subnet exhaustion chart: addresses used in ${m.lines.length} of ${ev.subnets.length} subnets from ${fmt(m.xMin)} to ${fmt(m.xMax)} total nodes; desired ${fmt(ev.series.marks.desired)}, max ${fmt(ev.series.marks.max)}; ${head}.`;
}

function DataTable({ ev }: { ev: FullEvaluation }) {
  return (
    <table className="visually-hidden">
      <caption>Subnet exhaustion data</caption>
      <thead>
        <tr><th scope="col">Subnet</th><th scope="col">Usable</th><th scope="col">Used at desired</th><th scope="col">Used at max</th><th scope="col">Runs out at total nodes</th></tr>
      </thead>
      <tbody>
        {ev.subnets.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th><td>{fmt(s.usable)}</td><td>{fmt(s.used.desired)}</td><td>{fmt(s.used.max)}</td>
            <td>{s.exhaustedAtNodes === null ? 'not within the chart' : fmt(s.exhaustedAtNodes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
