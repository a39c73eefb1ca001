/**
 * The exhaustion chart's drawing, as plain SVG from the chart model (chart-data.ts): the plot area, the
 * two linear scales, the grid and axes, and one path per subnet. No chart library: the model already
 * holds the rows, the ticks and the domains, so drawing is a few hundred elements at most, and each part
 * is memoised on what it draws (the axes on the ticks and width, the lines on the rows).
 */
import { memo } from 'react';
import { subnetColor, type chartTheme, type Scheme } from '../common/colors';
import { fmt } from '../common/format';
import type { ChartModel } from './chart-data';

export const HEIGHT = 320;
const MARGIN = { top: 22, right: 28, bottom: 28, left: 8 };
const Y_AXIS = 64;
const X_AXIS = 30;
const TICK = 6;
const TICK_GAP = 2;
/** The axis title's size; the tick labels take the page's. */
const FONT = 12;

export type Ink = ReturnType<typeof chartTheme>;

/** Where the lines are drawn inside the SVG, in its pixels. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Scales {
  area: PlotArea;
  /** Total nodes → x pixel. */
  x(nodes: number): number;
  /** A value in the chart's unit (addresses or %) → y pixel; above the axis top it leaves the plot area. */
  y(value: number): number;
}

/** The plot area of a chart `width` pixels wide, and the model's domains mapped onto it. */
export function chartScales(model: Pick<ChartModel, 'xMin' | 'xMax' | 'yMax'>, width: number): Scales {
  const area = {
    x: MARGIN.left + Y_AXIS,
    y: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - Y_AXIS - MARGIN.right),
    height: HEIGHT - MARGIN.top - MARGIN.bottom - X_AXIS,
  };
  const dx = model.xMax - model.xMin || 1;
  const dy = model.yMax || 1;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    area,
    x: (n) => round(area.x + ((n - model.xMin) / dx) * area.width),
    y: (v) => round(area.y + area.height - (v / dy) * area.height),
  };
}

/** One line through the rows: steps (usage changes when a node is added) or the samples joined. */
export function linePath(model: ChartModel, key: string, s: Scales, steps: boolean): string {
  let d = '';
  for (const row of model.rows) {
    const v = row[key];
    if (v === undefined) continue;
    const [px, py] = [s.x(row.nodes), s.y(v)];
    d += !d ? `M${px},${py}` : steps ? `H${px}V${py}` : `L${px},${py}`;
  }
  return d;
}

interface AxesProps {
  model: ChartModel;
  scales: Scales;
  ink: Ink;
  percent: boolean;
  xLabel: string;
  /** The y axis title; by default "Addresses used" or "% of usable addresses". */
  yTitle?: string;
}

/** The horizontal grid, the x axis (total nodes) and the y axis (addresses or % of usable). */
export const ChartAxes = memo(function ChartAxes({ model, scales, ink, percent, xLabel, yTitle }: AxesProps) {
  const { area } = scales;
  const bottom = area.y + area.height;
  const yLabel = percent ? (v: number) => `${v}%` : fmt;
  return (
    <g className="chart-axes">
      <g className="chart-grid">
        {model.yTicks.map((t) => (
          <line key={t} x1={area.x} x2={area.x + area.width} y1={scales.y(t)} y2={scales.y(t)} stroke={ink.grid} />
        ))}
      </g>
      <g className="chart-axis chart-axis-x">
        <line
          className="chart-axis-line"
          x1={area.x}
          x2={area.x + area.width}
          y1={bottom}
          y2={bottom}
          stroke={ink.muted}
        />
        {model.xTicks.map((t) => (
          <g key={t}>
            <line
              className="chart-axis-tick-line"
              x1={scales.x(t)}
              x2={scales.x(t)}
              y1={bottom}
              y2={bottom + TICK}
              stroke={ink.muted}
            />
            <text x={scales.x(t)} y={bottom + TICK + TICK_GAP} dy="0.71em" textAnchor="middle" fill={ink.muted}>
              {fmt(t)}
            </text>
          </g>
        ))}
        <text x={area.x + area.width / 2} y={HEIGHT - 10} textAnchor="middle" fill={ink.muted} fontSize={FONT}>
          {xLabel}
        </text>
      </g>
      <g className="chart-axis chart-axis-y">
        <text
          className="chart-axis-title"
          transform="rotate(-90)"
          x={-(area.y + area.height / 2)}
          y={MARGIN.left + 4}
          dy="0.71em"
          textAnchor="middle"
          fill={ink.muted}
          fontSize={FONT}
        >
          {yTitle ?? (percent ? '% of usable addresses' : 'Addresses used')}
        </text>
        <line className="chart-axis-line" x1={area.x} x2={area.x} y1={area.y} y2={bottom} stroke={ink.muted} />
        {model.yTicks.map((t) => (
          <g key={t}>
            <line
              className="chart-axis-tick-line"
              x1={area.x - TICK}
              x2={area.x}
              y1={scales.y(t)}
              y2={scales.y(t)}
              stroke={ink.muted}
            />
            <text x={area.x - TICK - TICK_GAP} y={scales.y(t)} dy="0.355em" textAnchor="end" fill={ink.muted}>
              {yLabel(t)}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
});

interface LinesProps {
  model: ChartModel;
  scales: Scales;
  scheme: Scheme;
  steps: boolean;
  /** The id of the plot area's clip path: lines above the axis top are cut there. */
  clip: string;
}

/** One path per subnet drawn, in its colour, cut off at the plot area. */
export const ChartLines = memo(function ChartLines({ model, scales, scheme, steps, clip }: LinesProps) {
  return (
    <g className="chart-lines" clipPath={`url(#${clip})`}>
      {model.lines.map((l) => (
        <path
          key={l.key}
          className="chart-line"
          d={linePath(model, l.key, scales, steps)}
          fill="none"
          stroke={subnetColor(l.slot, scheme)}
          strokeWidth={2}
          strokeLinejoin="round"
        />
      ))}
    </g>
  );
});
