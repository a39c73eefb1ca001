/**
 * Drawn over the chart's lines with the chart's scales (chart-svg.tsx): each subnet's usable line,
 * desired and max, the red exhaustion markers and the cursor, plus the pointer area that moves the cursor. A compared scenario's lines are drawn here too,
 * dashed, in the same subnet colours, with hollow exhaustion markers.
 */
import type { ExhaustionSeries } from '../../model/result';
import { subnetColor, type chartTheme, type Scheme } from '../common/colors';
import { fmt } from '../common/format';
import type { ChartModel } from './chart-data';
import type { Scales } from './chart-svg';
import { useCursor, type Cursor } from './cursor-store';
import { nearestRow } from './chart-data';

interface Props {
  model: ChartModel;
  marks: ExhaustionSeries['marks'];
  scheme: Scheme;
  ink: ReturnType<typeof chartTheme>;
  cursor: Cursor;
  scales: Scales;
}

export function ChartOverlay({ model, marks, scheme, ink, cursor, scales }: Props) {
  const { x, y, area } = scales;
  const top = area.y;
  const bottom = area.y + area.height;
  const left = area.x;
  const right = area.x + area.width;
  const vline = x;
  const hline = y;
  const onMove = (e: React.MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (e.clientX - box.left) / Math.max(1, box.width)));
    cursor.set(model.xMin + f * (model.xMax - model.xMin));
  };
  return (
    <g className="chart-overlay">
      {/* A usable line above the axis top (every line far below it: chart-data's fitYTop) is not drawn; the chart says so. */}
      {model.percent
        ? 100 <= model.yMax && (
            <HLine y={hline(100)} left={left} right={right} color={ink.text} label="usable" labelColor={ink.muted} />
          )
        : model.lines.map(
            (l) =>
              l.usable <= model.yMax && (
                <HLine key={l.key} y={hline(l.usable)} left={left} right={right} color={subnetColor(l.slot, scheme)} />
              ),
          )}
      {model.overlay.map((o) => {
        const own = model.lines.find((l) => l.index === o.index);
        const color = subnetColor(o.slot, scheme);
        const y = (v: number) => hline(Math.min(v, model.yMax));
        return (
          <g key={o.key}>
            {!model.percent && own && own.usable !== o.usable && o.usable <= model.yMax && (
              <HLine y={hline(o.usable)} left={left} right={right} color={color} dash="2 4" />
            )}
            <path d={stepPath(o.points, vline, y)} fill="none" stroke={color} strokeWidth={2} strokeDasharray="8 5" />
          </g>
        );
      })}
      {markLabels(marks, vline, left, right).map((m) => (
        <VLine
          key={m.key}
          x={m.x}
          top={top}
          bottom={bottom}
          color={m.key === 'max' ? ink.text : ink.muted}
          label={m.label}
          anchor={m.anchor}
          row={m.row}
        />
      ))}
      {model.lines.map(
        (l) =>
          l.exhaustedAt !== null &&
          l.exhaustedAt >= model.xMin &&
          l.exhaustedAt <= model.xMax && (
            <circle
              key={l.key}
              cx={vline(l.exhaustedAt)}
              cy={hline(model.percent ? 100 : l.usable)}
              r={5}
              fill={ink.danger}
              stroke={ink.surface}
              strokeWidth={2}
            >
              <title>{`${l.name} runs out at ${fmt(l.exhaustedAt)} nodes`}</title>
            </circle>
          ),
      )}
      {model.overlay.map(
        (o) =>
          o.exhaustedAt !== null &&
          o.exhaustedAt >= model.xMin &&
          o.exhaustedAt <= model.xMax && (
            <circle
              key={o.key}
              cx={vline(o.exhaustedAt)}
              cy={hline(model.percent ? 100 : Math.min(o.usable, model.yMax))}
              r={4.5}
              fill={ink.surface}
              stroke={ink.danger}
              strokeWidth={2}
            >
              <title>{`${o.name} runs out at ${fmt(o.exhaustedAt)} nodes in the compared scenario`}</title>
            </circle>
          ),
      )}
      <CursorLine model={model} cursor={cursor} marks={marks} x={vline} top={top} bottom={bottom} color={ink.accent} />
      <rect
        x={left}
        y={top}
        width={Math.max(0, right - left)}
        height={Math.max(0, bottom - top)}
        fill="transparent"
        onMouseMove={onMove}
      />
    </g>
  );
}

/** A step line through the points (the usage changes when a node is added, not in between). */
function stepPath(points: readonly [number, number][], x: (v: number) => number, y: (v: number) => number): string {
  return points.map(([n, v], i) => (i === 0 ? `M${x(n)},${y(v)}` : `H${x(n)}V${y(v)}`)).join('');
}

function HLine({
  y,
  left,
  right,
  color,
  label,
  labelColor,
  dash = '6 4',
}: {
  y: number;
  left: number;
  right: number;
  color: string;
  label?: string;
  labelColor?: string;
  dash?: string;
}) {
  return (
    <g>
      <line x1={left} x2={right} y1={y} y2={y} stroke={color} strokeDasharray={dash} strokeOpacity={0.85} />
      {label && (
        <text x={left + 4} y={y - 5} fill={labelColor} fontSize={12}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Width of a 12 px label, estimated (SVG text is not measured before it is drawn). */
const labelWidth = (text: string) => text.length * 6.8;

interface MarkLabel {
  key: 'desired' | 'max';
  x: number;
  label: string;
  anchor: 'start' | 'end';
  /** 0: the top row; 1: the one below, where two labels would overlap. */
  row: number;
}

/**
 * The desired and max lines with their labels placed inside the plot: max's label left of its line and
 * desired's right of its line unless that leaves the plot, and desired's a row lower if the two would touch.
 */
export function markLabels(
  marks: ExhaustionSeries['marks'],
  x: (n: number) => number,
  left: number,
  right: number,
): MarkLabel[] {
  const place = (key: MarkLabel['key'], at: number, label: string, prefer: MarkLabel['anchor']): MarkLabel => {
    const w = labelWidth(label);
    const fitsStart = at + 4 + w <= right;
    const fitsEnd = at - 4 - w >= left;
    const anchor =
      prefer === 'end' ? (fitsEnd || !fitsStart ? 'end' : 'start') : fitsStart || !fitsEnd ? 'start' : 'end';
    return { key, x: at, label, anchor, row: 0 };
  };
  const span = (m: MarkLabel): [number, number] => {
    const w = labelWidth(m.label);
    return m.anchor === 'start' ? [m.x + 4, m.x + 4 + w] : [m.x - 4 - w, m.x - 4];
  };
  if (marks.desired === marks.max) return [place('max', x(marks.max), `desired = max ${fmt(marks.max)}`, 'end')];
  const max = place('max', x(marks.max), `max ${fmt(marks.max)}`, 'end');
  const desired = place('desired', x(marks.desired), `desired ${fmt(marks.desired)}`, 'start');
  const [a0, a1] = span(desired);
  const [b0, b1] = span(max);
  if (a0 < b1 + 6 && b0 < a1 + 6) desired.row = 1;
  return [desired, max];
}

function VLine({
  x,
  top,
  bottom,
  color,
  label,
  anchor,
  row = 0,
}: {
  x: number;
  top: number;
  bottom: number;
  color: string;
  label: string;
  anchor: 'start' | 'end';
  row?: number;
}) {
  return (
    <g>
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={color} />
      <text
        x={anchor === 'start' ? x + 4 : x - 4}
        y={top + 12 + row * 15}
        fill={color}
        fontSize={12}
        textAnchor={anchor}
      >
        {label}
      </text>
    </g>
  );
}

interface CursorProps {
  model: ChartModel;
  cursor: Cursor;
  marks: ExhaustionSeries['marks'];
  x(v: number): number;
  top: number;
  bottom: number;
  color: string;
}

function CursorLine({ model, cursor, marks, x, top, bottom, color }: CursorProps) {
  const at = useCursor(cursor) ?? marks.max;
  const row = model.rows[nearestRow(model.rows, at)];
  if (!row) return null;
  return (
    <line
      x1={x(row.nodes)}
      x2={x(row.nodes)}
      y1={top}
      y2={bottom}
      stroke={color}
      strokeOpacity={0.55}
      strokeWidth={1.5}
    />
  );
}
