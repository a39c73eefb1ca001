/** Sensible defaults for what the user adds: the next secondary CIDR, the next free subnet, a free name. */
import { containsCidr, formatCidr, nextFreeBlock, parseCidr, type Cidr } from '../model/cidr';
import { classifyRange, suggestSecondaryCidr } from '../model/vpc-rules';
import { newKey, type Draft, type DraftSubnet } from './draft';

const parsedAll = (texts: readonly string[]): Cidr[] =>
  texts.flatMap((t) => {
    const r = parseCidr(t);
    return r.ok ? [r.value] : [];
  });

/**
 * A name not in `taken`: the base itself, else base-2, base-3, …
 * @example uniqueName('nodes', ['nodes']) === 'nodes-2'
 */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

/** The lowest secondary CIDR AWS would accept next to the VPC's CIDRs (100.64.0.0/16 first). */
export function nextCidrSuggestion(cidrs: readonly string[]): string {
  const existing = parsedAll(cidrs);
  const hit =
    suggestSecondaryCidr(existing, 16) ?? suggestSecondaryCidr(existing, 20) ?? suggestSecondaryCidr(existing, 24);
  return hit ? formatCidr(hit) : '';
}

/**
 * A new subnet, from the newest VPC CIDR with room (a secondary CIDR just added comes first): in the AZ
 * with the fewest subnets in that CIDR, the size of the last subnet there (in a CIDR with none yet, the
 * largest that gives each AZ one), named pods-<az> in 100.64.0.0/10 or 198.19.0.0/16, else subnet-<az>.
 * @example 10.0.0.0/22 with three /24s in us-east-1a/b/c, then 100.64.0.0/16: pods-a us-east-1a 100.64.0.0/18
 */
export function nextSubnetSuggestion(d: Draft): DraftSubnet {
  const azs = [...new Set(d.subnets.map((s) => s.az.trim()).filter(Boolean))];
  const withCidr = d.subnets.flatMap((s) => {
    const r = parseCidr(s.cidr);
    return r.ok ? [{ az: s.az.trim(), cidr: r.value }] : [];
  });
  const used = withCidr.map((s) => s.cidr);
  const vpcs = parsedAll(d.cidrs).reverse();
  let pick: { cidr: Cidr; az: string } | null = null;
  for (const vpc of vpcs) {
    const inside = withCidr.filter((s) => containsCidr(vpc, s.cidr));
    const last = inside[inside.length - 1];
    // A plan without subnets starts with a /24, as before; a CIDR with none yet gives each AZ one block.
    const wanted = last
      ? last.cidr.prefix
      : azs.length === 0
        ? 24
        : Math.min(28, vpc.prefix + Math.ceil(Math.log2(azs.length)));
    const block = nextFreeBlock(vpc, used, Math.max(wanted, vpc.prefix));
    if (!block) continue;
    const count = (az: string) => inside.filter((s) => s.az === az).length;
    const az = azs.length ? azs.reduce((a, b) => (count(b) < count(a) ? b : a)) : 'us-east-1a';
    pick = { cidr: block, az };
    break;
  }
  const az = pick?.az ?? (azs[0] || 'us-east-1a');
  const letter = /[a-z]$/.test(az) ? az.slice(-1) : 'x';
  const base = `${pick && isPodCidr(pick.cidr) ? 'pods' : 'subnet'}-${letter}`;
  const name = uniqueName(
    base,
    d.subnets.map((s) => s.name),
  );
  return {
    key: newKey('s'),
    name,
    az,
    cidr: pick ? formatCidr(pick.cidr) : '',
    reservedIps: '',
    prefixReservation: '',
  };
}

/** 100.64.0.0/10 or 198.19.0.0/16: where pods go under custom networking. */
export function isPodCidr(c: Cidr): boolean {
  const cls = classifyRange(c);
  return cls === 'cgnat' || cls === '198.19';
}
