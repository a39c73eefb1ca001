/**
 * Evaluation → exhaustion chart data (pure; the chart component only renders). Picks the subnets to
 * draw, thins the series to a few hundred points, and scales to addresses or to % of usable.
 */
import type { FullEvaluation } from '../../model/evaluate';
import type { GroupScale } from '../../model/group-scale';
import { DISTINCT_COLORS } from '../common/colors';

/** "loaded": the most loaded subnets at max; "all"; or "az:<name>". */
export type SubnetSelection = string;

export const TOP_N = 8;
export const MAX_POINTS = 100;
/** The y axis stops at this multiple of the largest usable count: the story is where lines cross it. */
export const Y_CLIP = 2;

export interface ChartLine {
  key: string;
  /** Index in the plan's subnets. */
  index: number;
  /** Its colour (subnetColor): the subnet's own when every line drawn has one of the distinct ones, else its place. */
  slot: number;
  name: string;
  az: string;
  usable: number;
  exhaustedAt: number | null;
}

export interface ChartRow {
  nodes: number;
  [key: string]: number;
}

/** Another scenario's line for a drawn subnet (matched by name), drawn dashed in the same colour. */
export interface OverlayLine {
  key: string;
  /** The drawn subnet's index in the active plan, and its colour slot (ChartLine.slot). */
  index: number;
  slot: number;
  name: string;
  usable: number;
  exhaustedAt: number | null;
  /** [total nodes, value] in the chart's unit, thinned like the rows. */
  points: [number, number][];
}

export interface ChartModel {
  rows: ChartRow[];
  /** The compared scenario's lines (empty without one). */
  overlay: OverlayLine[];
  /** With node pools: each drawn subnet with every pool at its best candidates (bestCaseLines; else empty). */
  best: OverlayLine[];
  /** Addresses used at each row, by subnet index (for the readout's exact figures). */
  used: number[][];
  lines: ChartLine[];
  percent: boolean;
  xMin: number;
  xMax: number;
  yMax: number;
  /** Round ticks from 0 to yMax. */
  yTicks: number[];
  /** xMin, round numbers, xMax. */
  xTicks: number[];
  /** Some line goes above yMax (cut off at Y_CLIP × usable). */
  clipped: boolean;
  /** Every line stays low, so the axis fits them (fitYTop) and the usable lines are above it. */
  usableAbove: boolean;
}

/** Load at max as a share of usable; over 1 when the subnet runs out. */
const load = (ev: FullEvaluation, i: number) => {
  const s = ev.subnets[i]!;
  return s.usable > 0 ? s.used.max / s.usable : s.used.max > 0 ? Infinity : 0;
};

/**
 * Subnet indexes to draw: every subnet when there are few, else the TOP_N most loaded at max, all
 * of them, or those of one AZ.
 */
export function pickSubnets(ev: FullEvaluation, selection: SubnetSelection): number[] {
  const all = ev.subnets.map((_, i) => i);
  if (selection === 'all') return all;
  if (selection.startsWith('az:')) return all.filter((i) => ev.subnets[i]!.az === selection.slice(3));
  if (all.length <= TOP_N) return all;
  const top = [...all].sort((a, b) => load(ev, b) - load(ev, a) || a - b).slice(0, TOP_N);
  return top.sort((a, b) => a - b);
}

/** Percent when the drawn subnets differ in size by more than 8×: small ones vanish on one address axis. */
export function prefersPercent(ev: FullEvaluation, indexes: readonly number[]): boolean {
  const sizes = indexes.map((i) => ev.subnets[i]!.usable).filter((u) => u > 0);
  if (sizes.length < 2) return false;
  return Math.max(...sizes) / Math.min(...sizes) > 8;
}

/** Every k-th point, keeping the first, the last and those at the marks and exhaustion points. */
function thin(ev: FullEvaluation, max: number): number[] {
  const pts = ev.series.points;
  if (pts.length <= max) return pts.map((_, i) => i);
  const keep = new Set<number>([ev.series.marks.min, ev.series.marks.desired, ev.series.marks.max]);
  for (const s of ev.subnets) if (s.exhaustedAtNodes !== null) keep.add(s.exhaustedAtNodes);
  const step = Math.ceil(pts.length / max);
  return pts.flatMap((p, i) => (i % step === 0 || i === pts.length - 1 || keep.has(p.nodes) ? [i] : []));
}

/**
 * The lines of `other` (another scenario's evaluation) for the subnets drawn, matched by subnet name;
 * subnets it does not have are left out.
 */
export function overlayLines(
  other: FullEvaluation,
  lines: readonly ChartLine[],
  percent: boolean,
  maxPoints = MAX_POINTS,
): OverlayLine[] {
  const byName = new Map(other.subnets.map((s, i) => [s.name, i]));
  const picked = thin(other, maxPoints);
  return lines.flatMap((l) => {
    const j = byName.get(l.name);
    if (j === undefined) return [];
    const s = other.subnets[j]!;
    const points = picked.map((pi): [number, number] => {
      const p = other.series.points[pi]!;
      const u = (p.load ?? p.used)[j]!;
      return [p.nodes, Math.round((percent ? (s.usable > 0 ? (u / s.usable) * 100 : 0) : u) * 10) / 10];
    });
    return [
      {
        key: `o${l.index}`,
        index: l.index,
        slot: l.slot,
        name: s.name,
        usable: s.usable,
        exhaustedAt: s.exhaustedAtNodes,
        points,
      },
    ];
  });
}

/**
 * Total nodes of the best case → the chart's x (the worst case's total nodes) at the same point of the
 * scale-out: both go from min to max together (exhaustion.ts's λ), so the same λ is the same pods, for
 * which the best candidates need fewer nodes.
 * @example sameScaleX({ min: 0, max: 64 }, { min: 0, max: 512 })(32) === 256
 */
export function sameScaleX(
  best: { min: number; max: number },
  worst: { min: number; max: number },
): (n: number) => number {
  return (n) => {
    const lambda = n <= best.max ? (best.max > best.min ? (n - best.min) / (best.max - best.min) : 1) : n / best.max;
    return lambda <= 1 ? worst.min + lambda * (worst.max - worst.min) : lambda * worst.max;
  };
}

/**
 * The best case's lines (FullEvaluation.bestCase: node pools at their best candidates) for the subnets
 * drawn, on the chart's x axis (sameScaleX), up to the first point past `xMax`; [] without a best case.
 */
export function bestCaseLines(
  ev: FullEvaluation,
  lines: readonly ChartLine[],
  percent: boolean,
  xMax: number,
  maxPoints = MAX_POINTS,
): OverlayLine[] {
  const b = ev.bestCase;
  if (!b) return [];
  const toX = sameScaleX(b.series.marks, ev.series.marks);
  const pts = b.series.points;
  const step = Math.max(1, Math.ceil(pts.length / maxPoints));
  const picked: number[] = [];
  for (let i = 0; i < pts.length; i++) {
    if (i % step !== 0 && i !== pts.length - 1) continue;
    picked.push(i);
    if (toX(pts[i]!.nodes) > xMax) break;
  }
  const round = (v: number) => Math.round(v * 10) / 10;
  return lines.map((l) => {
    const points = picked.map((pi): [number, number] => {
      const p = pts[pi]!;
      const u = (p.load ?? p.used)[l.index]!;
      return [round(toX(p.nodes)), round(percent ? (l.usable > 0 ? (u / l.usable) * 100 : 0) : u)];
    });
    const first = b.firstExhaustion;
    const exhaustedAt = first && first.subnet === l.name ? round(toX(first.atNodes)) : null;
    return { key: `b${l.index}`, index: l.index, slot: l.slot, name: l.name, usable: l.usable, exhaustedAt, points };
  });
}

export function chartModel(
  ev: FullEvaluation,
  indexes: readonly number[],
  percent: boolean,
  maxPoints = MAX_POINTS,
  other?: FullEvaluation | null,
): ChartModel {
  const own = indexes.every((i) => i < DISTINCT_COLORS);
  const lines: ChartLine[] = indexes.map((i, k) => {
    const s = ev.subnets[i]!;
    return {
      key: `s${i}`,
      index: i,
      slot: own ? i : k,
      name: s.name,
      az: s.az,
      usable: s.usable,
      exhaustedAt: s.exhaustedAtNodes,
    };
  });
  const pts = ev.series.points;
  const picked = thin(ev, maxPoints);
  const overlay = other ? overlayLines(other, lines, percent, maxPoints) : [];
  const usables = [...lines, ...overlay].map((l) => l.usable);
  // The largest value drawn; the axis fits it (fitYTop), keeping the usable lines once a line nears them.
  let yMax = 0;
  for (const o of overlay) for (const [, v] of o.points) if (v > yMax) yMax = v;
  const rows: ChartRow[] = [];
  const used: number[][] = [];
  for (const pi of picked) {
    const p = pts[pi]!;
    const row: ChartRow = { nodes: p.nodes };
    for (const l of lines) {
      // With prefixes the /28 block load, which reaches the usable line where the blocks run out.
      const u = (p.load ?? p.used)[l.index]!;
      const v = percent ? (l.usable > 0 ? (u / l.usable) * 100 : 0) : u;
      row[l.key] = Math.round(v * 10) / 10;
      if (v > yMax) yMax = v;
    }
    rows.push(row);
    used.push(p.used);
  }
  const oFirst = overlay[0]?.points[0]?.[0];
  const oLast = overlay[0]?.points[overlay[0].points.length - 1]?.[0] ?? 0;
  const xMin = Math.min(rows[0]?.nodes ?? 0, oFirst ?? Infinity);
  const xMax = Math.max(
    rows[rows.length - 1]?.nodes ?? 1,
    ev.series.marks.max,
    oLast,
    other?.series.marks.max ?? 0,
    xMin + 1,
  );
  const limit = Y_CLIP * (percent ? 100 : Math.max(1, ...usables));
  const clipped = yMax > limit;
  const fit = fitYTop(yMax, percent ? [100] : usables, percent ? 100 : Math.max(1, ...usables));
  const ticks = axisTicks(Math.min(fit.top, limit) * 1.04);
  const best = bestCaseLines(ev, lines, percent, xMax, maxPoints);
  return {
    rows,
    overlay,
    best,
    used,
    lines,
    percent,
    xMin,
    xMax,
    yMax: ticks[ticks.length - 1]!,
    yTicks: ticks,
    xTicks: roundTicks(xMin, xMax),
    clipped,
    usableAbove: fit.usableAbove,
  };
}

/** Below this share of its usable line no line is near running out, and the axis fits the lines alone. */
export const NEAR_USABLE = 0.5;
/** The axis never ends below this share of the largest usable count (or 100 %): flat lines stay flat. */
export const Y_FLOOR = 0.1;

/**
 * The top of the y axis before rounding: the largest value drawn, with a floor of Y_FLOOR × `full`; and
 * the usable lines (`usables`, in the chart's unit) kept in view once the data reaches NEAR_USABLE of the
 * smallest one (then the story is where lines cross them).
 * @example fitYTop(8, [100], 100) → { top: 10, usableAbove: true }: lines under 10 % get a 0–10 % axis
 * @example fitYTop(60, [100], 100) → { top: 100, usableAbove: false }
 */
export function fitYTop(
  dataMax: number,
  usables: readonly number[],
  full: number,
): { top: number; usableAbove: boolean } {
  const near = usables.filter((u) => u > 0 && dataMax >= NEAR_USABLE * u);
  const top = Math.max(dataMax, Y_FLOOR * full, ...near);
  return { top, usableAbove: usables.some((u) => u > top) };
}

/**
 * The evaluation as the chart draws it when one group scales alone (group-scale.ts): its own series and
 * exhaustion counts on the x axis of its nodes, "most loaded" judged at its max, no compared scenario.
 */
export function groupView(ev: FullEvaluation, scale: GroupScale): FullEvaluation {
  const pts = scale.series.points;
  const atMax = pts.find((p) => p.nodes === scale.series.marks.max) ?? pts[pts.length - 1];
  const subnets = ev.subnets.map((s, i) => {
    const used = atMax ? (atMax.load ?? atMax.used)[i]! : s.used.max;
    return { ...s, exhaustedAtNodes: scale.exhaustedAt[i] ?? null, used: { ...s.used, max: used } };
  });
  const { bestCase: _best, ...rest } = ev;
  return { ...rest, subnets, series: scale.series, firstExhaustion: scale.first };
}

/**
 * Ticks from 0 to the first round number at or above `top`: of the nice steps that give 4 to 6 intervals,
 * the one that overshoots least (a 0–104 % axis ends at 120 %, not 150 %).
 * @example axisTicks(104) → [0, 20, 40, 60, 80, 100, 120]
 */
export function axisTicks(top: number): number[] {
  let best: number[] | null = null;
  for (const k of [4, 5, 6]) {
    const step = niceStep(top / k);
    const n = Math.max(1, Math.ceil(top / step));
    if (!best || n * step < best[best.length - 1]!) best = Array.from({ length: n + 1 }, (_, i) => i * step);
  }
  return best!;
}

/** A round axis top: 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The ends and the round numbers between them, none crowding an end. */
export function roundTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep((hi - lo) / count);
  const out = [lo];
  for (let v = Math.ceil(lo / step) * step; v < hi; v += step)
    if (v - lo >= step / 2 && hi - v >= step / 2) out.push(v);
  out.push(hi);
  return out;
}

/** A tick step of 1, 2, 2.5 or 5 times a power of ten, at least `v` (and at least 1). */
export function niceStep(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Index of the row nearest to `nodes`. */
export function nearestRow(rows: readonly ChartRow[], nodes: number): number {
  let best = 0;
  for (let i = 1; i < rows.length; i++)
    if (Math.abs(rows[i]!.nodes - nodes) < Math.abs(rows[best]!.nodes - nodes)) best = i;
  return best;
}
