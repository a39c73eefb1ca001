/** Exact figures at one point of the chart: the hovered one, or the one the slider picks (max by default). */
import { useId } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { useScheme, subnetColor } from '../common/colors';
import { fmt, pct } from '../common/format';
import { nearestRow, type ChartModel } from './chart-data';
import { useCursor, type Cursor } from './cursor-store';

interface Props {
  ev: FullEvaluation;
  model: ChartModel;
  cursor: Cursor;
}

export function ChartReadout({ ev, model, cursor }: Props) {
  const id = useId();
  const row = nearestRow(model.rows, useCursor(cursor) ?? ev.series.marks.max);
  const onRow = (i: number) => cursor.set(model.rows[i]!.nodes);
  const scheme = useScheme();
  const nodes = model.rows[row]?.nodes ?? 0;
  const used = model.used[row] ?? [];
  const mark =
    nodes === ev.series.marks.max
      ? ' (max)'
      : nodes === ev.series.marks.desired
        ? ' (desired)'
        : nodes === ev.series.marks.min
          ? ' (min)'
          : '';
  return (
    <div className="readout">
      <div className="inline-field">
        <label htmlFor={`${id}-at`}>Inspect at</label>
        <input
          id={`${id}-at`}
          type="range"
          min={0}
          max={Math.max(0, model.rows.length - 1)}
          value={row}
          aria-valuetext={`${fmt(nodes)} total nodes`}
          onChange={(e) => onRow(Number(e.target.value))}
        />
        <output htmlFor={`${id}-at`} className="num strong">
          {fmt(nodes)} nodes{mark}
        </output>
      </div>
      <table className="data readout-table">
        <thead>
          <tr>
            <th scope="col">Subnet</th>
            <th scope="col">AZ</th>
            <th scope="col" className="num">
              Used
            </th>
            <th scope="col" className="num">
              Usable
            </th>
            <th scope="col" className="num">
              Load
            </th>
            <th scope="col" className="num">
              Runs out at
            </th>
          </tr>
        </thead>
        <tbody>
          {model.lines.map((l) => {
            const u = used[l.index] ?? 0;
            const over = u > l.usable;
            return (
              <tr key={l.key}>
                <th scope="row" className={over ? 'danger' : undefined}>
                  <span className="swatch" style={{ background: subnetColor(l.slot, scheme) }} aria-hidden="true" />
                  {l.name}
                </th>
                <td>{l.az}</td>
                <td className={`num${over ? ' danger' : ''}`}>{fmt(u)}</td>
                <td className="num">{fmt(l.usable)}</td>
                <td className={`num${over ? ' danger' : ''}`}>{pct(u, l.usable)}</td>
                <td className="num">{l.exhaustedAt === null ? '—' : `${fmt(l.exhaustedAt)} nodes`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
