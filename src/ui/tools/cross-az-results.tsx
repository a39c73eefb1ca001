/** What the cross-AZ view computes: the monthly transfer and cost, spread against co-located, and the spread itself. */
import { HOURS_PER_MONTH, LATENCY_NOTE, type CrossAzResult } from '../../model/cross-az';
import { decimal, fmt } from '../common/format';

const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** @example money(58.4) === '58.40 USD' */
export const money = (n: number): string => `${usd.format(n)} USD`;
/** Whole GB from 100 up, else up to two decimals: 2,920 GB, 0.73 GB. */
export const gb = (n: number): string => `${n >= 100 ? fmt(n) : decimal(n)} GB`;
const share = (f: number): string => `${decimal(f * 100)}%`;

export function CrossAzResults({
  result,
  weights,
  pricePerGb,
}: {
  result: CrossAzResult;
  weights: Record<string, number>;
  pricePerGb: number;
}) {
  const azs = Object.keys(result.fractions);
  return (
    <>
      <dl className="stats tool-stats" aria-live="polite">
        <div className="stat">
          <dt>Sent per month</dt>
          <dd>
            <span className="stat-value num">{gb(result.monthlyGb)}</span>
            <span className="stat-sub">all pods, {fmt(HOURS_PER_MONTH)} h</span>
          </dd>
        </div>
        <div className="stat">
          <dt>Crossing AZs, spread</dt>
          <dd>
            <span className="stat-value num">{gb(result.monthlyCrossAzGb)}</span>
            <span className="stat-sub">{share(result.crossAzShare)} of the exchange</span>
          </dd>
        </div>
        <div className={`stat${result.monthlyCostUsd > 0 ? ' tool-cost' : ''}`}>
          <dt>Cost per month, spread</dt>
          <dd>
            <span className="stat-value num">{money(result.monthlyCostUsd)}</span>
            <span className="stat-sub">{usd.format(pricePerGb)} USD per crossing GB</span>
          </dd>
        </div>
        <div className="stat">
          <dt>Cost per month, co-located</dt>
          <dd>
            <span className="stat-value num">{money(result.colocated.monthlyCostUsd)}</span>
            <span className="stat-sub">{gb(result.colocated.monthlyCrossAzGb)} crossing</span>
          </dd>
        </div>
      </dl>
      <p className="tool-verdict">
        {result.monthlySavingsUsd > 0
          ? `Co-locating the pods in one AZ saves ${money(result.monthlySavingsUsd)} a month (${gb(result.monthlyCrossAzGb)} no longer crossing).`
          : 'Nothing crosses AZs with this spread: the pods are already in one AZ.'}
      </p>
      <div className="table-scroll">
        <table className="data tool-spread">
          <caption>How the pods are spread</caption>
          <thead>
            <tr>
              <th scope="col">AZ</th>
              <th scope="col" className="num">
                Pods (weight)
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {azs.map((az) => (
              <tr key={az}>
                <th scope="row">{az}</th>
                <td className="num">{decimal(weights[az] ?? 0)}</td>
                <td className="num">{share(result.fractions[az] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Every pod exchanges evenly with every other (all-reduce), so the share crossing AZs is 1 − Σ(share²) ={' '}
        <span className="num">{share(result.crossAzShare)}</span>; each crossing GB is billed out of one AZ and into the
        other.
      </p>
      <p className="tool-note">{LATENCY_NOTE}</p>
    </>
  );
}
