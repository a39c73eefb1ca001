/**
 * The exhaustion chart: addresses used in each subnet as the node groups scale together, each subnet's
 * usable line, a red marker where it runs out, desired and max marked. Hover or the "Inspect at" slider
 * reads exact figures into the table below; a hidden table carries the data for screen readers.
 */
import { lazy, memo, Suspense, useMemo, useState } from 'react';
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

const ChartDownload = lazy(() => import('../exports/chart-download'));

const HEIGHT = 320;
const MARGIN = { top: 22, right: 28, bottom: 28, left: 8 };
const Y_AXIS = 64;
const fmtPercent = (v: number) => `${v}%`;

export interface Compared {
  name: string;
  ev: FullEvaluation;
}

interface Props {
  ev: FullEvaluation;
  /** The file name of a downloaded image (the plan's name). */
  fileBase: string;
  /** The other scenarios (a "Compare with" picker), the one picked (its key), and its evaluation. */
  others?: readonly { key: string; name: string }[];
  withKey?: string;
  onWith?(key: string): void;
  other?: Compared | null;
}

const NONE: readonly { key: string; name: string }[] = [];
const ignore = () => {};

export const ExhaustionChart = memo(function ExhaustionChart({ ev, fileBase, others = NONE, withKey = '', onWith = ignore, other = null }: Props) {
  const [selection, setSelection] = useState('loaded');
  const [scale, setScale] = useState<'auto' | 'addresses' | 'percent'>('auto');
  const [cursor] = useState(createCursor);
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const scheme = useScheme();
  const ink = chartTheme(scheme);
  const indexes = useMemo(() => pickSubnets(ev, selection), [ev, selection]);
  const percent = scale === 'auto' ? prefersPercent(ev, indexes) : scale === 'percent';
  const model = useMemo(() => chartModel(ev, indexes, percent, undefined, other?.ev), [ev, indexes, percent, other]);
  const marks = ev.series.marks;
  // Stable axis props: recharts re-registers an axis (and recomputes every selector) when one changes.
  const xDomain = useMemo(() => [model.xMin, model.xMax], [model.xMin, model.xMax]);
  const yDomain = useMemo(() => [0, model.yMax], [model.yMax]);
  const xLabel = useMemo(() => ({ value: 'Total nodes, all groups scaling from min to max and beyond', position: 'insideBottom' as const, offset: -18, fill: ink.muted, fontSize: 12 }), [ink.muted]);
  // Usage changes when a node is added: draw steps when every node total is a row, else the samples joined.
  const first = model.rows[0]?.nodes ?? 0;
  const last = model.rows[model.rows.length - 1]?.nodes ?? 0;
  const curve = model.rows.length > 1 && model.rows.length - 1 === last - first ? 'stepAfter' : 'linear';
  return (
    <figure className="panel chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">Subnet exhaustion as the node groups scale</h2>
        <ChartControls ev={ev} selection={selection} onSelection={setSelection} percent={percent} onScale={(p) => setScale(p ? 'percent' : 'addresses')}
          shown={indexes.length} others={others} withKey={withKey} onWith={onWith} />
      </div>
      <div ref={ref} className="chart-box" role="img" aria-label={summary(ev, model, other)} onMouseLeave={() => cursor.set(null)}>
        <LineChart width={width} height={HEIGHT} data={model.rows} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke={ink.grid} vertical={false} />
          <XAxis dataKey="nodes" type="number" domain={xDomain} ticks={model.xTicks} allowDecimals={false} tickFormatter={fmt} stroke={ink.muted} label={xLabel} />
          <YAxis width={Y_AXIS} domain={yDomain} ticks={model.yTicks} allowDataOverflow allowDecimals={false} tickFormatter={percent ? fmtPercent : fmt} stroke={ink.muted} />
          {model.lines.map((l) => (
            <Line key={l.key} dataKey={l.key} name={l.name} stroke={subnetColor(l.index, scheme)} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} type={curve} />
          ))}
          <ChartOverlay model={model} marks={marks} scheme={scheme} ink={ink} cursor={cursor} />
        </LineChart>
      </div>
      <div className="chart-foot">
        {other ? (
          <p className="chart-legend-note">
            Solid lines: this scenario. Dashed lines<span className="dash" aria-hidden="true" />“{other.name}”, in the same colour per subnet,
            with hollow markers where its subnets run out.
          </p>
        ) : <span />}
        <Suspense fallback={null}>
          <ChartDownload getSvg={() => ref.current?.querySelector('svg.recharts-surface') ?? null} fileBase={fileBase}
            legend={model.lines.map((l) => ({ name: l.name, color: subnetColor(l.index, scheme) }))} />
        </Suspense>
      </div>
      {model.clipped && <p className="hint">Lines are cut off at twice the largest usable count; the table has the exact figures.</p>}
      <ChartReadout ev={ev} model={model} cursor={cursor} />
      <DataTable ev={ev} />
    </figure>
  );
});

/** The chart in one sentence, for its accessible name. */
function summary(ev: FullEvaluation, m: ChartModel, other: Compared | null): string {
  const first = ev.firstExhaustion;
  const head = first ? `${first.subnet} runs out first, at ${fmt(first.atNodes)} total nodes` : 'no subnet runs out within the chart';
  const o = other?.ev.firstExhaustion;
  const vs = other ? ` Dashed: “${other.name}”, where ${o ? `${o.subnet} runs out first, at ${fmt(o.atNodes)} total nodes` : 'no subnet runs out within the chart'}.` : '';
  return `Subnet exhaustion chart: addresses used in ${m.lines.length} of ${ev.subnets.length} subnets from ${fmt(m.xMin)} to ${fmt(m.xMax)} total nodes; desired ${fmt(ev.series.marks.desired)}, max ${fmt(ev.series.marks.max)}; ${head}.${vs}`;
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
