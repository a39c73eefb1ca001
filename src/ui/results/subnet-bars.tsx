/**
 * Per subnet, a bar stacked by what takes the addresses: reserved, node IPs and ENI primaries, pods, warm
 * pool, free; grouped by AZ; with /28 block accounting for prefix-delegation subnets.
 */
import { memo, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import type { Scale, SubnetResult } from '../../model/result';
import { subnetColor, useScheme } from '../common/colors';
import { fmt, plural } from '../common/format';
import { ScalePicker } from './scale-picker';

export const SubnetBars = memo(function SubnetBars({ ev }: { ev: FullEvaluation }) {
  const [scale, setScale] = useState<Scale>('max');
  const scheme = useScheme();
  const azs = [...new Set(ev.subnets.map((s) => s.az))].sort();
  return (
    <section className="panel" aria-labelledby="bars-title">
      <div className="panel-head">
        <h2 id="bars-title">Addresses by subnet</h2>
        <ScalePicker value={scale} onChange={setScale} name="bars-scale" />
      </div>
      <ul className="legend" aria-label="Bar segments">
        <li>
          <span className="key reserved" />
          Reserved
        </li>
        <li>
          <span className="key nodes" />
          Node IPs and ENI primaries
        </li>
        <li>
          <span className="key pods" />
          Pods
        </li>
        <li>
          <span className="key warm" />
          Warm pool
        </li>
        <li>
          <span className="key free" />
          Free
        </li>
      </ul>
      <div className="table-scroll">
        <table className="data bars">
          <thead>
            <tr>
              <th scope="col">Subnet</th>
              <th scope="col" className="bar-col">
                Usage at {scale}
              </th>
              <th scope="col" className="num">
                Used
              </th>
              <th scope="col" className="num">
                Usable
              </th>
              <th scope="col" className="num">
                Free
              </th>
              <th scope="col" className="num">
                Runs out at
              </th>
            </tr>
          </thead>
          {azs.map((az) => (
            <tbody key={az}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={6}>
                  {az}
                </th>
              </tr>
              {ev.subnets.map(
                (s, i) => s.az === az && <BarRow key={s.name} s={s} color={subnetColor(i, scheme)} scale={scale} />,
              )}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
});

/** Rows whose figures did not change skip rendering: most edits touch a few of the subnets. */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.color !== b.color || a.scale !== b.scale) return false;
  const x = a.s;
  const y = b.s;
  const bx = x.breakdown[a.scale];
  const by = y.breakdown[b.scale];
  const px = x.prefixBlocks?.[a.scale];
  const py = y.prefixBlocks?.[b.scale];
  return (
    x.name === y.name &&
    x.cidr === y.cidr &&
    x.usable === y.usable &&
    x.roles.join() === y.roles.join() &&
    x.exhaustedAtNodes === y.exhaustedAtNodes &&
    x.fitsAtMax === y.fitsAtMax &&
    x.free[a.scale] === y.free[b.scale] &&
    bx.reserved === by.reserved &&
    bx.nodeIps === by.nodeIps &&
    bx.eniPrimaries === by.eniPrimaries &&
    bx.podIps === by.podIps &&
    bx.warmIps === by.warmIps &&
    bx.total === by.total &&
    JSON.stringify(px) === JSON.stringify(py)
  );
}

interface RowProps {
  s: SubnetResult;
  color: string;
  scale: Scale;
}

const BarRow = memo(function BarRow({ s, color, scale }: RowProps) {
  const b = s.breakdown[scale];
  const full = Math.max(s.usable, b.total, 1);
  const w = (n: number) => `${(n / full) * 100}%`;
  const over = b.total > s.usable;
  const blocks = s.prefixBlocks?.[scale];
  return (
    <tr className={over ? 'over' : undefined}>
      <th scope="row" className={over ? 'danger' : undefined}>
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        {s.name}
        <span className="sub">
          {s.cidr}
          {s.roles.length ? ` · ${s.roles.join(' & ')}` : ' · unused'}
        </span>
      </th>
      <td className="bar-col">
        <div className="bar" style={{ ['--c' as string]: color }} aria-hidden="true">
          <span className="seg reserved" style={{ width: w(b.reserved) }} />
          <span className="seg nodes" style={{ width: w(b.nodeIps + b.eniPrimaries) }} />
          <span className="seg pods" style={{ width: w(b.podIps) }} />
          <span className="seg warm" style={{ width: w(b.warmIps) }} />
          {over && <span className="limit" style={{ left: w(s.usable) }} />}
        </div>
        <span className="sub">
          {fmt(b.reserved)} reserved · {plural(b.nodeIps, 'node')} +{' '}
          {plural(b.eniPrimaries, 'ENI primary', 'ENI primaries')}
          {' · '}
          {plural(b.podIps, 'pod')} · {fmt(b.warmIps)} warm
        </span>
        {blocks && (
          <span className="sub">
            /28 blocks: {fmt(blocks.usedByPrefixes)} with prefixes, {fmt(blocks.spoiled)} spoiled by single addresses,{' '}
            {fmt(blocks.free)} free, of {fmt(blocks.total)} (nodes want {plural(blocks.needed, 'prefix', 'prefixes')}
            {blocks.short > 0 ? `; ${fmt(blocks.short)} find no free block: out of /28 blocks` : ''})
          </span>
        )}
      </td>
      <td className={`num${over ? ' danger' : ''}`}>{fmt(b.total)}</td>
      <td className="num">{fmt(s.usable)}</td>
      <td className={`num${s.free[scale] < 0 ? ' danger' : ''}`}>{fmt(s.free[scale])}</td>
      <td className={`num${s.fitsAtMax ? '' : ' danger'}`}>
        {s.exhaustedAtNodes === null ? '—' : plural(s.exhaustedAtNodes, 'node')}
      </td>
    </tr>
  );
}, sameRow);
