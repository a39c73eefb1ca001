/**
 * Carve: pick a VPC CIDR (or "one per AZ" over several), the AZs and a size; get one non-overlapping
 * subnet per AZ, placed around the subnets already there (cidr.ts carveSubnets). It opens on the CIDR it
 * was last used with, else the newest CIDR with room, on the AZs that have no subnet there yet, and offers
 * only sizes that fit its source. Loaded on demand: few sessions use it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  carveSubnets,
  containsCidr,
  formatCidr,
  freeBlocks,
  parseCidr,
  usableAddresses,
  type Cidr,
} from '../../model/cidr';
import type { Subnet } from '../../model/plan';
import { azLabel, carveEqual } from '../../state/pod-subnets';
import { isPodCidr, uniqueName } from '../../state/suggest';
import { useActions, usePlan } from '../../state/store-context';
import { selectCidrs, selectSubnets } from '../../state/selectors';
import { fmt } from '../common/format';

/** "One subnet per AZ, each from its own CIDR" in the source menu. */
export const EACH = 'each';

interface Props {
  onDone(): void;
  /** The source it was last used with (the subnet table remembers it between openings), and where to say a new one. */
  lastSource?: string;
  onSource?(source: string): void;
}

interface Parsed {
  text: string;
  cidr: Cidr;
}

/** The largest free block of `c` as a prefix length (33 when it is full). */
const largestFree = (c: Cidr, used: readonly Cidr[]) => freeBlocks(c, used).reduce((p, b) => Math.min(p, b.prefix), 33);

export default function CarveHelper({ onDone, lastSource, onSource }: Props) {
  const cidrs = usePlan(selectCidrs);
  const subnets = usePlan(selectSubnets);
  const { addSubnets } = useActions();
  const id = useId();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const used = subnets.flatMap((s) => {
    const r = parseCidr(s.cidr);
    return r.ok ? [r.value] : [];
  });
  const valid: Parsed[] = cidrs.flatMap((c) => {
    const r = parseCidr(c.trim());
    return r.ok ? [{ text: c.trim(), cidr: r.value }] : [];
  });
  const withRoom = valid.filter((v) => largestFree(v.cidr, used) <= 28);
  // "One per AZ": the secondary CIDRs with room, in order (the seed's three /16s for pods).
  const spread = withRoom.filter((v) => v !== valid[0]);
  const planAzs = [...new Set(subnets.map((s) => s.az.trim()).filter(Boolean))].sort();

  const [source, setSourceState] = useState(() => {
    const kept = lastSource;
    if (kept && (kept === EACH ? spread.length > 1 : valid.some((v) => v.text === kept))) return kept;
    // Secondary CIDRs none of which has a subnet yet: one per AZ; else the newest CIDR with room.
    const empty = (v: Parsed) => !used.some((u) => containsCidr(v.cidr, u));
    if (spread.length > 1 && spread.every(empty)) return EACH;
    return withRoom[withRoom.length - 1]?.text ?? valid[0]?.text ?? '';
  });
  const setSource = (s: string) => {
    onSource?.(s);
    setSourceState(s);
  };
  const sources = source === EACH ? spread : valid.filter((v) => v.text === source);
  /** AZs with no subnet in the source yet: where a new one is wanted (all of them when each has one). */
  const defaultAzs = () => {
    const without = planAzs.filter(
      (az) =>
        !subnets.some((s) => {
          const r = parseCidr(s.cidr);
          return s.az.trim() === az && r.ok && sources.some((v) => containsCidr(v.cidr, r.value));
        }),
    );
    return (without.length ? without : planAzs).slice(0, source === EACH ? spread.length : undefined);
  };
  const [azChoice, setAzChoice] = useState<string[] | null>(null);
  const [azCount, setAzCount] = useState(3);
  const [region, setRegion] = useState(() => subnets[0]?.az.replace(/[a-z]$/, '') || 'us-east-1');
  const azs = planAzs.length
    ? (azChoice ?? defaultAzs())
    : Array.from({ length: azCount }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
  const toggleAz = (az: string, on: boolean) => {
    const now = new Set(azs);
    if (on) now.add(az);
    else now.delete(az);
    setAzChoice(planAzs.filter((a) => now.has(a)));
  };

  // Sizes: from the largest free block of the (smallest) source to /28; never larger than the source.
  const smallest = sources.length ? Math.max(...sources.map((v) => largestFree(v.cidr, used))) : 33;
  const sizes = Array.from({ length: Math.max(0, 29 - smallest) }, (_, i) => smallest + i);
  // The largest size that gives every AZ picked a subnet.
  const autoPrefix =
    !sources.length || !azs.length
      ? null
      : source === EACH
        ? sources.length >= azs.length
          ? smallest
          : null
        : (carveEqual(sources[0]!.cidr, used, azs.length)?.[0]?.prefix ?? null);
  const [prefixChoice, setPrefix] = useState<number | null>(null);
  const prefix =
    prefixChoice !== null && sizes.includes(prefixChoice)
      ? prefixChoice
      : (autoPrefix ?? sizes[sizes.length - 1] ?? 28);
  const [nameChoice, setNamePrefix] = useState<string | null>(null);
  const namePrefix = nameChoice ?? (sources.length && sources.every((v) => isPodCidr(v.cidr)) ? 'pods' : 'nodes');

  const carved = ((): Cidr[] | string => {
    if (!sources.length) return valid.length ? 'Pick a VPC CIDR' : 'Enter a valid VPC CIDR first';
    if (!azs.length) return 'Pick at least one AZ';
    if (source !== EACH)
      return carveSubnets(
        sources[0]!.cidr,
        used,
        azs.map(() => prefix),
      );
    if (azs.length > sources.length) {
      return `${azs.length} AZs need ${azs.length} CIDRs with room; the VPC has ${sources.length} besides the primary`;
    }
    const out: Cidr[] = [];
    for (const [i, az] of azs.entries()) {
      const hit = carveSubnets(sources[i]!.cidr, used, [prefix]);
      if (typeof hit === 'string') return `${az}: ${hit}`;
      out.push(hit[0]!);
    }
    return out;
  })();

  const taken = subnets.map((s) => s.name);
  const proposal: Subnet[] =
    typeof carved === 'string'
      ? []
      : carved.map((c: Cidr, i) => {
          const az = azs[i]!;
          const name = uniqueName(`${namePrefix}-${azLabel(az)}`, taken);
          taken.push(name);
          return { name, az, cidr: formatCidr(c) };
        });

  return (
    <fieldset className="carve">
      <legend>Carve subnets</legend>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-vpc`}>From VPC CIDR</label>
          <select id={`${id}-vpc`} ref={first} value={source} onChange={(e) => setSource(e.target.value)}>
            {valid.map((v) => (
              <option key={v.text} value={v.text}>
                {v.text}
                {largestFree(v.cidr, used) > 28 ? ' (full)' : ''}
              </option>
            ))}
            {spread.length > 1 && <option value={EACH}>One per AZ: {spread.map((v) => v.text).join(', ')}</option>}
          </select>
        </div>
        {planAzs.length === 0 ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-azs`}>Number of AZs</label>
              <select id={`${id}-azs`} value={azCount} onChange={(e) => setAzCount(Number(e.target.value))}>
                {[1, 2, 3, 4, 5, 6].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-region`}>Region</label>
              <input
                id={`${id}-region`}
                value={region}
                onChange={(e) => setRegion(e.target.value.trim())}
                spellCheck={false}
              />
            </div>
          </>
        ) : (
          <fieldset className="field carve-azs">
            <legend>AZs</legend>
            {planAzs.map((az) => (
              <label key={az} className="check">
                <input type="checkbox" checked={azs.includes(az)} onChange={(e) => toggleAz(az, e.target.checked)} />{' '}
                {az}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-size`}>Subnet size</label>
          <select
            id={`${id}-size`}
            value={prefix}
            onChange={(e) => setPrefix(Number(e.target.value))}
            disabled={sizes.length === 0}
          >
            {sizes.map((p) => (
              <option key={p} value={p}>
                /{p} ({fmt(usableAddresses({ base: 0, prefix: p }))} usable)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name prefix</label>
          <input
            id={`${id}-name`}
            value={namePrefix}
            onChange={(e) => setNamePrefix(e.target.value.trim())}
            spellCheck={false}
          />
        </div>
      </div>
      {typeof carved === 'string' ? (
        <p className="field-error" role="status">
          {carved}
        </p>
      ) : (
        <ul className="carve-preview" aria-label="Subnets to add">
          {proposal.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong> {s.az} <code>{s.cidr}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          disabled={proposal.length === 0}
          onClick={() => {
            onSource?.(source);
            addSubnets(proposal);
            onDone();
          }}
        >
          Add {proposal.length} subnet{proposal.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
