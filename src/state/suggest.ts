/** Sensible defaults for what the user adds: the next secondary CIDR, the next free subnet, a free name. */
import { formatCidr, nextFreeBlock, parseCidr, type Cidr } from '../model/cidr';
import { suggestSecondaryCidr } from '../model/vpc-rules';
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
  const hit = suggestSecondaryCidr(existing, 16) ?? suggestSecondaryCidr(existing, 20) ?? suggestSecondaryCidr(existing, 24);
  return hit ? formatCidr(hit) : '';
}

/** A new subnet: in the AZ with the fewest subnets, the size of the last one, in the first VPC CIDR with room. */
export function nextSubnetSuggestion(d: Draft): DraftSubnet {
  const last = d.subnets[d.subnets.length - 1];
  const azs = [...new Set(d.subnets.map((s) => s.az).filter(Boolean))];
  const count = (az: string) => d.subnets.filter((s) => s.az === az).length;
  const az = azs.length ? azs.reduce((a, b) => (count(b) < count(a) ? b : a)) : 'us-east-1a';
  const lastCidr = last ? parseCidr(last.cidr) : null;
  const prefix = lastCidr?.ok ? lastCidr.value.prefix : 24;
  const used = parsedAll(d.subnets.map((s) => s.cidr));
  let cidr = '';
  for (const vpc of parsedAll(d.cidrs)) {
    const block = nextFreeBlock(vpc, used, Math.max(prefix, vpc.prefix));
    if (block) {
      cidr = formatCidr(block);
      break;
    }
  }
  const base = `subnet-${az.slice(-1) || 'x'}`;
  return { key: newKey('s'), name: uniqueName(base, d.subnets.map((s) => s.name)), az, cidr, reservedIps: '', prefixReservation: '' };
}
