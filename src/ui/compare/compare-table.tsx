/** One table of the comparison: a row per figure, a column per scenario, the baseline's column marked. */
import type { Row } from './compare-rows';

export interface Header {
  key: string;
  letter: string;
  name: string;
  /** Why the figures are not the draft's own ('' when they are). */
  note: string;
}

interface Props {
  caption: string;
  rows: readonly Row[];
  headers: readonly Header[];
  base: number;
  active: number;
  onEdit(index: number): void;
}

export function CompareTable({ caption, rows, headers, base, active, onEdit }: Props) {
  return (
    <div className="table-scroll">
      {/* Fixed columns, the same in every table of the comparison; three scenarios fit at 1024 px (compare.css). */}
      <table className="data compare-table" style={{ minWidth: 140 + 100 * headers.length }}>
        <caption>{caption}</caption>
        <colgroup>
          <col className="compare-label-col" />
          {headers.map((h) => (
            <col key={h.key} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td />
            {headers.map((h, i) => (
              <th key={h.key} scope="col" className={i === base ? 'baseline' : undefined}>
                <span className="compare-letter">{h.letter}</span> {h.name}
                {i === base && <span className="sub">baseline</span>}
                {h.note && <span className="sub">{h.note}</span>}
                {i === active ? (
                  <span className="sub">editing</span>
                ) : (
                  <button
                    type="button"
                    className="link compare-edit"
                    onClick={() => onEdit(i)}
                    aria-label={`Edit ${h.name}`}
                  >
                    edit
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) =>
            r.section ? (
              <tr key={k} className="group-row">
                <th scope="colgroup" colSpan={headers.length + 1}>
                  {r.label}
                </th>
              </tr>
            ) : (
              <tr key={k}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={i} className={`num${c.danger ? ' danger' : ''}${i === base ? ' baseline' : ''}`}>
                    {c.text}
                    {c.diff && (
                      <span className={`diff ${c.diff.tone}`}>
                        <span className="visually-hidden">against the baseline: </span>
                        {c.diff.text}
                        {c.diff.tone !== 'same' && <span className="visually-hidden"> ({c.diff.tone})</span>}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
