/**
 * Drawn over the chart's lines with the chart's scales (chart-svg.tsx): each subnet's usable line,
 * desired and max, the red exhaustion markers and the cursor, plus the pointer area that moves the cursor. A compared scenario's lines are drawn here too,
 * dashed, in the same subnet colours, with hollow exhaustion markers.
 */
import type { ExhaustionSeries } from '../../model/result';
import { subnetColor, type chartTheme, type Scheme } from '../colors';
import { fmt } from '../format';
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
  const sameMark = marks.desired === marks.max;
  const onMove = (e: React.MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (e.clientX - box.left) / Math.max(1, box.width)));
    cursor.set(model.xMin + f * (model.xMax - model.xMin));
  };
  return (
    <g className="chart-overlay">
      {model.percent ? (
        <HLine y={hline(100)} left={left} right={right} color={ink.text} label="usable" labelColor={ink.muted} />
      ) : (
        model.lines.map((l) => <HLine key={l.key} y={hline(l.usable)} left={left} right={right} color={subnetColor(l.index, scheme)} />)
      )}
      {model.overlay.map((o) => {
        const own = model.lines.find((l) => l.index === o.index);
        const color = subnetColor(o.index, scheme);
        const y = (v: number) => hline(Math.min(v, model.yMax));
        return (
          <g key={o.key}>
            {!model.percent && own && own.usable !== o.usable && <HLine y={hline(o.usable)} left={left} right={right} color={color} dash="2 4" />}
            <path d={stepPath(o.points, vline, y)} fill="none" stroke={color} strokeWidth={2} strokeDasharray="8 5" />
          </g>
        );
      })}
      {!sameMark && <VLine x={vline(marks.desired)} top={top} bottom={bottom} color={ink.muted} label={`desired ${fmt(marks.desired)}`} anchor="start" />}
      <VLine x={vline(marks.max)} top={top} bottom={bottom} color={ink.text} label={`${sameMark ? 'desired = max' : 'max'} ${fmt(marks.max)}`} anchor="end" />
      {model.lines.map((l) => l.exhaustedAt !== null && l.exhaustedAt >= model.xMin && l.exhaustedAt <= model.xMax && (
        <circle key={l.key} cx={vline(l.exhaustedAt)} cy={hline(model.percent ? 100 : l.usable)} r={5} fill={ink.danger} stroke={ink.surface} strokeWidth={2}>
          <title>{`${l.name} runs out at ${fmt(l.exhaustedAt)} nodes`}</title>
        </circle>
      ))}
      {model.overlay.map((o) => o.exhaustedAt !== null && o.exhaustedAt >= model.xMin && o.exhaustedAt <= model.xMax && (
        <circle key={o.key} cx={vline(o.exhaustedAt)} cy={hline(model.percent ? 100 : Math.min(o.usable, model.yMax))} r={4.5} fill={ink.surface} stroke={ink.danger} strokeWidth={2}>
          <title>{`${o.name} runs out at ${fmt(o.exhaustedAt)} nodes in the compared scenario`}</title>
        </circle>
      ))}
      <CursorLine model={model} cursor={cursor} marks={marks} x={vline} top={top} bottom={bottom} color={ink.accent} />
      <rect x={left} y={top} width={Math.max(0, right - left)} height={Math.max(0, bottom - top)} fill="transparent" onMouseMove={onMove} />
    </g>
  );
}

/** A step line through the points (the usage changes when a node is added, not in between). */
function stepPath(points: readonly [number, number][], x: (v: number) => number, y: (v: number) => number): string {
  return points.map(([n, v], i) => (i === 0 ? `M${x(n)},${y(v)}` : `H${x(n)}V${y(v)}`)).join('');
}

function HLine({ y, left, right, color, label, labelColor, dash = '6 4' }: { y: number; left: number; right: number; color: string; label?: string; labelColor?: string; dash?: string }) {
  return (
    <g>
      <line x1={left} x2={right} y1={y} y2={y} stroke={color} strokeDasharray={dash} strokeOpacity={0.85} />
      {label && <text x={left + 4} y={y - 5} fill={labelColor} fontSize={12}>{label}</text>}
    </g>
  );
}

function VLine({ x, top, bottom, color, label, anchor }: { x: number; top: number; bottom: number; color: string; label: string; anchor: 'start' | 'end' }) {
  return (
    <g>
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={color} />
      <text x={anchor === 'start' ? x + 4 : x - 4} y={top + 12} fill={color} fontSize={12} textAnchor={anchor}>{label}</text>
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
  return <line x1={x(row.nodes)} x2={x(row.nodes)} y1={top} y2={bottom} stroke={color} strokeOpacity={0.55} strokeWidth={1.5} />;
}
