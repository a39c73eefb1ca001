/**
 * The comparison of scenarios as rows of cells (pure): each figure of each scenario and, beside it, its
 * difference against the baseline in words and signs ("+12", "−40 %", "now fits") with a tone that the
 * colour only repeats. Rows are matched by name: subnets and node groups a scenario lacks show "—".
 */
import type { ApiCallsResult } from '../../model/api-calls';
import type { FullEvaluation } from '../../model/evaluate';
import type { NodeGroupResult } from '../../model/result';
import { fmt, percent } from '../common/format';

export type Tone = 'better' | 'worse' | 'same';

export interface Diff {
  text: string;
  tone: Tone;
}

export interface Cell {
  text: string;
  /** Against the baseline; none in the baseline's own column or where either side has no figure. */
  diff?: Diff;
  /** Over the limit: a subnet over its usable count, a plan that does not fit. */
  danger?: boolean;
}

export interface Row {
  label: string;
  /** A group heading row ("Subnets", "Node group general"). */
  section?: boolean;
  cells: Cell[];
}

/** What the comparison knows of one scenario; null evaluation: no valid plan yet. */
export interface Column {
  evaluation: FullEvaluation | null;
  api: ApiCallsResult | null;
}

const MINUS = '\u2212';
const signed = (n: number, suffix = '') => (n > 0 ? `+${fmt(n)}${suffix}` : `${MINUS}${fmt(-n)}${suffix}`);

/**
 * A count against the baseline.
 * @example countDiff(26, 100, 'lower') → { text: '−74', tone: 'better' }; countDiff(9, 7, 'higher') → { text: '+2', tone: 'better' }
 */
export function countDiff(value: number, base: number, better: 'higher' | 'lower'): Diff {
  const d = Math.round(value) - Math.round(base);
  if (d === 0) return { text: 'same', tone: 'same' };
  return { text: signed(d), tone: d > 0 === (better === 'higher') ? 'better' : 'worse' };
}

/**
 * A share (0–1) against the baseline, in percentage points.
 * @example shareDiff(0.23, 0.63, 'lower') → { text: '−40 %', tone: 'better' }
 */
export function shareDiff(value: number, base: number, better: 'higher' | 'lower'): Diff {
  const d = Math.round(value * 100) - Math.round(base * 100);
  if (d === 0) return { text: 'same', tone: 'same' };
  return { text: signed(d, ' %'), tone: d > 0 === (better === 'higher') ? 'better' : 'worse' };
}

const share = (x: number) => percent(x, { spaced: true });
const warmShare = (e: FullEvaluation) =>
  e.totals.used.desired > 0 ? e.totals.warm.desired / e.totals.used.desired : 0;

/** One row over the scenarios: `get` gives a scenario's cell and the number its difference is taken on. */
function row(
  label: string,
  cols: readonly Column[],
  base: number,
  get: (c: Column) => { text: string; n?: number | null; danger?: boolean } | null,
  diff: (n: number, b: number) => Diff,
): Row {
  const b = cols[base] ? get(cols[base]!) : null;
  return {
    label,
    cells: cols.map((c, i) => {
      const v = get(c);
      if (!v) return { text: '—' };
      const cell: Cell = { text: v.text, danger: v.danger };
      if (i !== base && b && typeof v.n === 'number' && typeof b.n === 'number') cell.diff = diff(v.n, b.n);
      return cell;
    }),
  };
}

/** First exhaustion in nodes; a plan where nothing runs out within 2× max compares as "no longer runs out". */
function firstDiff(v: number | null, b: number | null): Diff | undefined {
  if (v === b) return { text: 'same', tone: 'same' };
  if (v === null) return { text: 'no longer runs out', tone: 'better' };
  if (b === null) return { text: 'now runs out', tone: 'worse' };
  return countDiff(v, b, 'higher');
}

export function headlineRows(cols: readonly Column[], base: number): Row[] {
  const ev = (c: Column) => c.evaluation;
  const fits = row(
    'Fits at max',
    cols,
    base,
    (c) => ev(c) && { text: ev(c)!.fits ? 'Yes' : 'No', n: ev(c)!.fits ? 1 : 0, danger: !ev(c)!.fits },
    (v, b) =>
      v === b
        ? { text: 'same', tone: 'same' }
        : v
          ? { text: 'now fits', tone: 'better' }
          : { text: 'no longer fits', tone: 'worse' },
  );
  const first: Row = {
    label: 'Nodes until the first subnet runs out',
    cells: cols.map((c, i) => {
      const e = ev(c);
      if (!e) return { text: '—' };
      const at = e.firstExhaustion?.atNodes ?? null;
      const cell: Cell = {
        text: at === null ? `none up to ${fmt(e.series.endNodes)}` : `${fmt(at)} (${e.firstExhaustion!.subnet})`,
        danger: at !== null && at < e.totals.nodes.max,
      };
      const b = cols[base]?.evaluation;
      if (i !== base && b) cell.diff = firstDiff(at, b.firstExhaustion?.atNodes ?? null);
      return cell;
    }),
  };
  const lower = (n: number, b: number) => countDiff(n, b, 'lower');
  return [
    fits,
    first,
    row(
      'Nodes at max',
      cols,
      base,
      (c) => ev(c) && { text: fmt(ev(c)!.totals.nodes.max), n: ev(c)!.totals.nodes.max },
      (n, b) => countDiff(n, b, 'higher'),
    ),
    row(
      'Addresses used at desired',
      cols,
      base,
      (c) => ev(c) && { text: fmt(ev(c)!.totals.used.desired), n: ev(c)!.totals.used.desired },
      lower,
    ),
    row(
      'Addresses used at max',
      cols,
      base,
      (c) =>
        ev(c) && {
          text: `${fmt(ev(c)!.totals.used.max)} of ${fmt(ev(c)!.totals.usable)}`,
          n: ev(c)!.totals.used.max,
          danger: !ev(c)!.fits,
        },
      lower,
    ),
    row(
      'Warm pool share at desired',
      cols,
      base,
      (c) => ev(c) && { text: share(warmShare(ev(c)!)), n: warmShare(ev(c)!) },
      (n, b) => shareDiff(n, b, 'lower'),
    ),
  ];
}

/** Names in the baseline's order, then those only other scenarios have. */
function names(cols: readonly Column[], base: number, of: (e: FullEvaluation) => string[]): string[] {
  const order = [cols[base], ...cols].flatMap((c) => (c?.evaluation ? of(c.evaluation) : []));
  return [...new Set(order)];
}

export function subnetRows(cols: readonly Column[], base: number): Row[] {
  return names(cols, base, (e) => e.subnets.map((s) => s.name)).map((name) =>
    row(
      name,
      cols,
      base,
      (c) => {
        const s = c.evaluation?.subnets.find((x) => x.name === name);
        return s
          ? { text: `${fmt(s.used.max)} / ${fmt(s.usable)}`, n: s.used.max, danger: s.used.max > s.usable }
          : null;
      },
      (n, b) => countDiff(n, b, 'lower'),
    ),
  );
}

/**
 * A group's nodes at max that fit, the other groups at desired: "all 20, room for 709 more" or "6 of 20";
 * the difference is taken on the nodes at max that fit, so room beyond max never reads as a gain.
 */
export function fitCell(r: Pick<NodeGroupResult, 'maxNodesThatFit' | 'nodes'>): {
  text: string;
  n: number;
  danger: boolean;
} {
  const fit = r.maxNodesThatFit;
  const max = r.nodes.max;
  if (fit < max) return { text: `${fmt(fit)} of ${fmt(max)}`, n: fit, danger: true };
  const text = fit > max ? `all ${fmt(max)}, room for ${fmt(fit - max)} more` : `all ${fmt(max)}`;
  return { text, n: max, danger: false };
}

export function groupRows(cols: readonly Column[], base: number): Row[] {
  return names(cols, base, (e) => e.nodeGroups.map((g) => g.name)).flatMap((name) => {
    const g = (c: Column) => c.evaluation?.nodeGroups.find((x) => x.name === name) ?? null;
    return [
      { label: `Node group ${name}`, section: true, cells: cols.map(() => ({ text: '' })) },
      row(
        'Addresses per node',
        cols,
        base,
        (c) => g(c) && { text: fmt(g(c)!.perNode.totalIps), n: g(c)!.perNode.totalIps },
        (n, b) => countDiff(n, b, 'lower'),
      ),
      row(
        'Max pods, effective',
        cols,
        base,
        (c) => g(c) && { text: fmt(g(c)!.maxPodsNumbers.effective), n: g(c)!.maxPodsNumbers.effective },
        (n, b) => countDiff(n, b, 'higher'),
      ),
      // Of the nodes at max, how many fit (the others at desired); room beyond max is said, not counted.
      row(
        'Nodes at max that fit',
        cols,
        base,
        (c) => g(c) && fitCell(g(c)!),
        (n, b) => countDiff(n, b, 'higher'),
      ),
    ];
  });
}

export function apiRows(cols: readonly Column[], base: number): Row[] {
  const a = (c: Column) => c.api;
  return [
    row(
      'Nodes starting (desired → max)',
      cols,
      base,
      (c) => a(c) && { text: fmt(a(c)!.nodes), n: a(c)!.nodes },
      (n, b) => countDiff(n, b, 'lower'),
    ),
    row(
      'Binds first',
      cols,
      base,
      (c) => a(c) && { text: a(c)!.binding ?? 'none' },
      () => ({ text: 'same', tone: 'same' }),
    ),
    row(
      'Throttled',
      cols,
      base,
      (c) => a(c) && { text: a(c)!.throttled ? 'Yes' : 'No', n: a(c)!.throttled ? 1 : 0, danger: a(c)!.throttled },
      (v, b) =>
        v === b
          ? { text: 'same', tone: 'same' }
          : v
            ? { text: 'now throttled', tone: 'worse' }
            : { text: 'no longer throttled', tone: 'better' },
    ),
    row(
      'Expected delay (s)',
      cols,
      base,
      (c) =>
        a(c) && {
          text: a(c)!.delaySeconds > 0 ? fmt(Math.ceil(a(c)!.delaySeconds)) : 'none',
          n: Math.ceil(a(c)!.delaySeconds),
        },
      (n, b) => countDiff(n, b, 'lower'),
    ),
  ];
}
