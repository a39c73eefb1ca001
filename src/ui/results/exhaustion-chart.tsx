/**
 * The exhaustion chart: addresses used in each subnet as the node groups scale together, each subnet's
 * usable line, a red marker where it runs out, desired and max marked. Hover or the "Inspect at" slider
 * reads exact figures into the table below; a hidden table carries the data for screen readers.
 */
import { lazy, memo, Suspense, useId, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import type { FullEvaluation } from '../../model/evaluate';
import { groupScale } from '../../model/group-scale';
import type { Plan } from '../../model/plan';
import { chartTheme, subnetColor, useScheme } from '../common/colors';
import { fmt } from '../common/format';
import { useWidth } from '../common/use-width';
import { ChartControls } from './chart-controls';
import { ChartOverlay } from './chart-overlay';
import { ChartReadout } from './chart-readout';
import { chartModel, groupView, pickSubnets, prefersPercent, type ChartModel } from './chart-data';
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
  /** The plan evaluated (validated): to scale one of its groups alone. */
  plan?: Plan;
  /** The file name of a downloaded image (the plan's name). */
  fileBase: string;
  /** The other scenarios (a "Compare with" picker), the one picked (its key), and its evaluation. */
  others?: readonly { key: string; name: string }[];
  withKey?: string;
  onWith?(key: string): void;
  other?: Compared | null;
}

const NONE: readonly { key: string; name: string }[] = [];
const NONE_GROUPS: readonly string[] = [];
const ignore = () => {};

export const ExhaustionChart = memo(function ExhaustionChart({
  ev: all,
  plan,
  fileBase,
  others = NONE,
  withKey = '',
  onWith = ignore,
  other: compared = null,
}: Props) {
  const [selection, setSelection] = useState('loaded');
  // '' scales every group together; a group's name scales that group alone, the others at desired (group-scale.ts).
  const [scaleBy, setScaleBy] = useState('');
  const groups = useMemo(() => plan?.nodeGroups.map((g) => g.name) ?? [], [plan]);
  const gi = scaleBy ? groups.indexOf(scaleBy) : -1;
  const alone = useMemo(() => (plan && gi >= 0 ? groupScale(plan, dataset, gi) : null), [plan, gi]);
  const ev = useMemo(() => (alone ? groupView(all, alone) : all), [all, alone]);
  const other = alone ? null : compared;
  const xLabel = alone ? `Nodes of ${alone.name}, the other groups at desired` : X_LABEL;
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
        <ChartControls
          ev={ev}
          selection={selection}
          onSelection={setSelection}
          percent={percent}
          onScale={(p) => setScale(p ? 'percent' : 'addresses')}
          shown={indexes.length}
          others={alone ? NONE : others}
          withKey={withKey}
          onWith={onWith}
          groups={groups.length > 1 ? groups : NONE_GROUPS}
          scaleBy={gi >= 0 ? scaleBy : ''}
          onScaleBy={setScaleBy}
        />
      </div>
      <div
        ref={ref}
        className="chart-box"
        role="img"
        aria-label={summary(ev, model, other)}
        onMouseLeave={() => cursor.set(null)}
      >
        <svg className="chart-surface" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
          <defs>
            <clipPath id={clip}>
              <rect x={area.x} y={area.y} width={area.width} height={area.height} />
            </clipPath>
          </defs>
          <ChartAxes model={model} scales={scales} ink={ink} percent={percent} xLabel={xLabel} />
          <ChartLines model={model} scales={scales} scheme={scheme} steps={steps} clip={clip} />
          <ChartBestLines model={model} scales={scales} scheme={scheme} ink={ink} clip={clip} />
          <ChartOverlay model={model} marks={marks} scheme={scheme} ink={ink} cursor={cursor} scales={scales} />
        </svg>
      </div>
      <div className="chart-foot">
        {other ? (
          <p className="chart-legend-note">
            Solid lines: this scenario. Dashed lines
            <span className="dash" aria-hidden="true" />“{other.name}”, in the same colour per subnet, with hollow
            markers where its subnets run out.
          </p>
        ) : (
          <span />
        )}
        <Suspense fallback={null}>
          <ChartDownload
            getSvg={() => ref.current?.querySelector('svg.chart-surface') ?? null}
            fileBase={fileBase}
            legend={model.lines.map((l) => ({ name: l.name, color: subnetColor(l.slot, scheme) }))}
            title={`Subnet exhaustion: ${fileBase || 'plan'}${alone ? ` (${alone.name} scaling alone)` : ''}`}
          />
        </Suspense>
      </div>
      {model.best.length > 0 && <BestCaseNote ev={ev} />}
      {model.clipped && (
        <p className="hint">Lines are cut off at twice the largest usable count; the table has the exact figures.</p>
      )}
      {model.usableAbove && (
        <p className="hint">
          Every line stays far below its subnet's usable addresses, so the axis is fitted to the lines; the usable lines
          are above it.
        </p>
      )}
      {alone && (
        <p className="hint">
          {alone.name} scales from {fmt(alone.series.marks.min)} to{' '}
          {fmt(alone.series.points[alone.series.points.length - 1]?.nodes ?? alone.series.marks.max)} nodes (its max is{' '}
          {fmt(alone.series.marks.max)}); the other groups stay at desired.{' '}
          {alone.first
            ? `${alone.first.subnet} runs out first, at ${fmt(alone.first.atNodes)} of its nodes.`
            : 'No subnet runs out within the chart.'}
        </p>
      )}
      <ChartReadout ev={ev} model={model} cursor={cursor} />
      <DataTable ev={ev} />
    </figure>
  );
});

/** The chart in one sentence, for its accessible name. */
function summary(ev: FullEvaluation, m: ChartModel, other: Compared | null): string {
  const first = ev.firstExhaustion;
  const head = first
    ? `${first.subnet} runs out first, at ${fmt(first.atNodes)} total nodes`
    : 'no subnet runs out within the chart';
  const o = other?.ev.firstExhaustion;
  const vs = other
    ? ` Dashed: “${other.name}”, where ${o ? `${o.subnet} runs out first, at ${fmt(o.atNodes)} total nodes` : 'no subnet runs out within the chart'}.`
    : '';
  return `Subnet exhaustion chart: addresses used in ${m.lines.length} of ${ev.subnets.length} subnets from ${fmt(m.xMin)} to ${fmt(m.xMax)} total nodes; desired ${fmt(ev.series.marks.desired)}, max ${fmt(ev.series.marks.max)}; ${head}.${vs}`;
}

function DataTable({ ev }: { ev: FullEvaluation }) {
  return (
    <table className="visually-hidden">
      <caption>Subnet exhaustion data</caption>
      <thead>
        <tr>
          <th scope="col">Subnet</th>
          <th scope="col">Usable</th>
          <th scope="col">Used at desired</th>
          <th scope="col">Used at max</th>
          <th scope="col">Runs out at total nodes</th>
        </tr>
      </thead>
      <tbody>
        {ev.subnets.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th>
            <td>{fmt(s.usable)}</td>
            <td>{fmt(s.used.desired)}</td>
            <td>{fmt(s.used.max)}</td>
            <td>{s.exhaustedAtNodes === null ? 'not within the chart' : fmt(s.exhaustedAtNodes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
