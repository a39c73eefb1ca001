/**
 * The exhaustion chart: addresses used in each subnet as the node groups scale together, each subnet's
 * usable line, a red marker where it runs out, desired and max marked. Hover or the "Inspect at" slider
 * reads exact figures into the table below; a hidden table carries the data for screen readers.
 */
import { lazy, memo, Suspense, useId, useMemo, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { chartTheme, subnetColor, useScheme } from '../colors';
import { fmt } from '../format';
import { useWidth } from '../use-width';
import { ChartControls } from './chart-controls';
import { ChartOverlay } from './chart-overlay';
import { ChartReadout } from './chart-readout';
import { chartModel, pickSubnets, prefersPercent, type ChartModel } from './chart-data';
import { ChartAxes, ChartLines, chartScales, HEIGHT } from './chart-svg';
import { createCursor } from './cursor-store';
import { BestCaseNote, ChartBestLines } from './pool-chart-lines';

const ChartDownload = lazy(() => import('../exports/chart-download'));

const X_LABEL = 'Total nodes, all groups scaling from min to max and beyond';

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
  const ink = useMemo(() => chartTheme(scheme), [scheme]);
  const indexes = useMemo(() => pickSubnets(ev, selection), [ev, selection]);
  const percent = scale === 'auto' ? prefersPercent(ev, indexes) : scale === 'percent';
  const model = useMemo(() => chartModel(ev, indexes, percent, undefined, other?.ev), [ev, indexes, percent, other]);
  const marks = ev.series.marks;
  const scales = useMemo(() => chartScales(model, width), [model, width]);
  // Usage changes when a node is added: draw steps when every node total is a row, else the samples joined.
  const first = model.rows[0]?.nodes ?? 0;
  const last = model.rows[model.rows.length - 1]?.nodes ?? 0;
  const steps = model.rows.length > 1 && model.rows.length - 1 === last - first;
  const clip = `chart-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const { area } = scales;
  return (
    <figure className="panel chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">Subnet exhaustion as the node groups scale</h2>
        <ChartControls ev={ev} selection={selection} onSelection={setSelection} percent={percent} onScale={(p) => setScale(p ? 'percent' : 'addresses')}
          shown={indexes.length} others={others} withKey={withKey} onWith={onWith} />
      </div>
      <div ref={ref} className="chart-box" role="img" aria-label={summary(ev, model, other)} onMouseLeave={() => cursor.set(null)}>
        <svg className="chart-surface" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
          <defs>
            <clipPath id={clip}><rect x={area.x} y={area.y} width={area.width} height={area.height} /></clipPath>
          </defs>
          <ChartAxes model={model} scales={scales} ink={ink} percent={percent} xLabel={X_LABEL} />
          <ChartLines model={model} scales={scales} scheme={scheme} steps={steps} clip={clip} />
          <ChartBestLines model={model} scales={scales} scheme={scheme} ink={ink} clip={clip} />
          <ChartOverlay model={model} marks={marks} scheme={scheme} ink={ink} cursor={cursor} scales={scales} />
        </svg>
      </div>
      <div className="chart-foot">
        {other ? (
          <p className="chart-legend-note">
            Solid lines: this scenario. Dashed lines<span className="dash" aria-hidden="true" />“{other.name}”, in the same colour per subnet,
            with hollow markers where its subnets run out.
          </p>
        ) : <span />}
        <Suspense fallback={null}>
          <ChartDownload getSvg={() => ref.current?.querySelector('svg.chart-surface') ?? null} fileBase={fileBase}
            legend={model.lines.map((l) => ({ name: l.name, color: subnetColor(l.index, scheme) }))} />
        </Suspense>
      </div>
      {model.best.length > 0 && <BestCaseNote ev={ev} />}
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
