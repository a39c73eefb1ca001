/**
 * Carve: pick a VPC CIDR, a number of AZs and a size; get one non-overlapping subnet per AZ, placed
 * around the subnets already there (cidr.ts carveSubnets). Loaded on demand: few sessions use it.
 */
import { useId, useMemo, useState } from 'react';
import { carveSubnets, formatCidr, parseCidr, type Cidr } from '../../model/cidr';
import type { Subnet } from '../../model/plan';
import { uniqueName } from '../../state/suggest';
import { useActions, usePlan } from '../../state/store-context';
import { selectCidrs, selectSubnets } from '../../state/selectors';
import { fmt } from '../format';

const SIZES = Array.from({ length: 13 }, (_, i) => 16 + i);

export default function CarveHelper({ onDone }: { onDone(): void }) {
  const cidrs = usePlan(selectCidrs);
  const subnets = usePlan(selectSubnets);
  const { addSubnets } = useActions();
  const id = useId();
  const valid = cidrs.map((c) => c.trim()).filter((c) => parseCidr(c).ok);
  const [vpc, setVpc] = useState(valid[0] ?? '');
  const [azCount, setAzCount] = useState(3);
  const [prefix, setPrefix] = useState(24);
  const [region, setRegion] = useState(() => subnets[0]?.az.replace(/[a-z]$/, '') || 'us-east-1');
  const [namePrefix, setNamePrefix] = useState('nodes');

  const carved = useMemo(() => {
    const container = parseCidr(vpc);
    if (!container.ok) return 'Pick a VPC CIDR';
    const used = subnets.flatMap((s) => {
      const r = parseCidr(s.cidr);
      return r.ok ? [r.value] : [];
    });
    return carveSubnets(container.value, used, Array.from({ length: azCount }, () => prefix));
  }, [vpc, azCount, prefix, subnets]);

  const proposal: Subnet[] = useMemo(() => {
    if (typeof carved === 'string') return [];
    const taken = subnets.map((s) => s.name);
    return carved.map((c: Cidr, i) => {
      const az = `${region}${String.fromCharCode(97 + i)}`;
      const name = uniqueName(`${namePrefix}-${az.slice(-1)}`, taken);
      taken.push(name);
      return { name, az, cidr: formatCidr(c) };
    });
  }, [carved, region, namePrefix, subnets]);

  return (
    <fieldset className="carve">
      <legend>Carve subnets</legend>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-vpc`}>From VPC CIDR</label>
          <select id={`${id}-vpc`} value={vpc} onChange={(e) => setVpc(e.target.value)}>
            {valid.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-azs`}>Number of AZs</label>
          <select id={`${id}-azs`} value={azCount} onChange={(e) => setAzCount(Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-size`}>Subnet size</label>
          <select id={`${id}-size`} value={prefix} onChange={(e) => setPrefix(Number(e.target.value))}>
            {SIZES.map((p) => <option key={p} value={p}>/{p} ({fmt(2 ** (32 - p) - 5)} usable)</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-region`}>Region</label>
          <input id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value.trim())} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name prefix</label>
          <input id={`${id}-name`} value={namePrefix} onChange={(e) => setNamePrefix(e.target.value.trim())} spellCheck={false} />
        </div>
      </div>
      {typeof carved === 'string' ? (
        <p className="field-error" role="status">{carved}</p>
      ) : (
        <ul className="carve-preview" aria-label="Subnets to add">
          {proposal.map((s) => <li key={s.name}><strong>{s.name}</strong> {s.az} <code>{s.cidr}</code></li>)}
        </ul>
      )}
      <div className="row-actions">
        <button type="button" className="primary" disabled={proposal.length === 0} onClick={() => { addSubnets(proposal); onDone(); }}>
          Add {proposal.length} subnet{proposal.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </fieldset>
  );
}
