/**
 * AWS's IPv4 CIDR block association restrictions (VPC User Guide, "IPv4 CIDR block association
 * restrictions", `vpc-cidr-blocks.html#add-cidr-block-restrictions`).
 * Pure TypeScript. Every rule applies against each CIDR already associated with the VPC, not only the
 * primary; 100.64.0.0/10 counts as a public (non-RFC 1918) range for these rules.
 */
import { containsCidr, formatCidr, nextFreeBlock, overlaps, parseCidr, type Cidr } from './cidr';

/** Smallest prefix length (largest block) AWS accepts for a VPC CIDR or a subnet. */
export const VPC_MIN_PREFIX = 16;
/** Largest prefix length (smallest block) AWS accepts for a VPC CIDR or a subnet. */
export const VPC_MAX_PREFIX = 28;

function block(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`bad constant ${text}`);
  return r.value;
}

export const RFC1918_10 = block('10.0.0.0/8');
export const RFC1918_172 = block('172.16.0.0/12');
export const RFC1918_192 = block('192.168.0.0/16');
/** RFC 6598 shared address space, the usual custom-networking pod range. */
export const CGNAT = block('100.64.0.0/10');
export const RANGE_198_19 = block('198.19.0.0/16');
/** Docker's default bridge; SageMaker and Cloud9 also use it (VPC User Guide, "VPC CIDR blocks"). */
export const DOCKER_BRIDGE = block('172.17.0.0/16');
const TEN_15 = block('10.0.0.0/15');
const TEN_16 = block('10.0.0.0/16');
const B172_31 = block('172.31.0.0/16');

export type RangeClass = 'rfc1918-10' | 'rfc1918-172' | 'rfc1918-192' | '198.19' | 'cgnat' | 'public';

const RANGE_OF: Record<Exclude<RangeClass, 'public'>, Cidr> = {
  'rfc1918-10': RFC1918_10,
  'rfc1918-172': RFC1918_172,
  'rfc1918-192': RFC1918_192,
  '198.19': RANGE_198_19,
  cgnat: CGNAT,
};

/**
 * Which row of the association table a block belongs to, by the special range that contains it.
 * A block larger than /16 that straddles a range counts as 'public' (AWS refuses such sizes anyway).
 * @example classifyRange(parse('100.64.0.0/16')) === 'cgnat' // 10.1.0.0/16 is 'rfc1918-10'
 */
export function classifyRange(c: Cidr): RangeClass {
  for (const [cls, range] of Object.entries(RANGE_OF) as [RangeClass, Cidr][]) {
    if (containsCidr(range, c)) return cls;
  }
  return 'public';
}

const isRfc1918 = (cls: RangeClass): boolean => cls.startsWith('rfc1918');

/**
 * The table rule that forbids adding `candidate` to a VPC that already has `existing`, as a full
 * sentence naming the rule, or null when the table allows it. Overlap and size are not checked here.
 * @example associationConflict(parse('10.0.0.0/16'), parse('192.168.0.0/16'))
 *   // '192.168.0.0/16 cannot be added to a VPC whose CIDRs include 10.0.0.0/16 (another RFC 1918 range)'
 */
export function associationConflict(existing: Cidr, candidate: Cidr): string | null {
  const e = classifyRange(existing);
  const c = classifyRange(candidate);
  const why = ruleBroken(existing, e, candidate, c);
  return (
    why && `${formatCidr(candidate)} cannot be added to a VPC whose CIDRs include ${formatCidr(existing)} (${why})`
  );
}

function ruleBroken(existing: Cidr, e: RangeClass, candidate: Cidr, c: RangeClass): string | null {
  if (isRfc1918(e)) {
    // Rows 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16.
    if (isRfc1918(c) && c !== e) return 'another RFC 1918 range';
    if (c === '198.19') return '198.19.0.0/16 cannot join a VPC that has an RFC 1918 CIDR';
    if (e === 'rfc1918-10' && containsCidr(TEN_15, existing) && containsCidr(TEN_16, candidate)) {
      return 'a VPC with a CIDR inside 10.0.0.0/15 cannot take a block from 10.0.0.0/16';
    }
    if (e === 'rfc1918-172' && containsCidr(B172_31, candidate)) {
      return 'a VPC with a 172.16.0.0/12 CIDR cannot take a block from 172.31.0.0/16';
    }
    return null;
  }
  if (e === '198.19') {
    return isRfc1918(c) ? 'a VPC with a 198.19.0.0/16 CIDR cannot take RFC 1918 ranges' : null;
  }
  // Row "100.64.0.0/10 or publicly routable".
  const what = e === 'cgnat' ? 'a 100.64.0.0/10 (RFC 6598)' : 'a publicly routable';
  if (isRfc1918(c)) return `a VPC with ${what} CIDR cannot take RFC 1918 ranges`;
  if (c === '198.19') return `a VPC with ${what} CIDR cannot take 198.19.0.0/16`;
  return null;
}

/**
 * Could `candidate` be associated with a VPC that already has `existing` (the primary first)?
 * Checks the size (/16 to /28), overlap with every existing CIDR, then the association table
 * against every existing CIDR. It does not check the CIDR quota.
 * @example canAssociate([parse('10.0.0.0/16')], parse('100.64.0.0/16')) // { ok: true }
 */
export function canAssociate(existing: readonly Cidr[], candidate: Cidr): { ok: true } | { ok: false; reason: string } {
  const size = sizeProblem(candidate, 'a VPC CIDR');
  if (size) return { ok: false, reason: size };
  const clash = existing.find((e) => overlaps(e, candidate));
  if (clash) {
    return { ok: false, reason: `${formatCidr(candidate)} overlaps ${formatCidr(clash)}, already in the VPC` };
  }
  for (const e of existing) {
    const reason = associationConflict(e, candidate);
    if (reason) return { ok: false, reason };
  }
  return { ok: true };
}

/**
 * Why a block is outside AWS's /16 to /28 for `what` ("a VPC CIDR", "a subnet"), or null.
 * @example sizeProblem(parse('10.0.0.0/12'), 'a VPC CIDR')
 *   // '/12 is larger than AWS allows for a VPC CIDR (/16 to /28)'
 */
export function sizeProblem(c: Cidr, what: string): string | null {
  if (c.prefix < VPC_MIN_PREFIX) return `/${c.prefix} is larger than AWS allows for ${what} (/16 to /28)`;
  if (c.prefix > VPC_MAX_PREFIX) return `/${c.prefix} is smaller than AWS allows for ${what} (/16 to /28)`;
  return null;
}

/**
 * The lowest block of `prefix` that {@link canAssociate} accepts next to `existing`, searching the
 * ranges in order (default: 100.64.0.0/10, then the range of the primary CIDR), or null.
 * It also steers clear of 172.17.0.0/16. Restricted sub-ranges (10.0.0.0/16, 172.31.0.0/16) are
 * skipped up front, so the first free block of each range is the answer for that range.
 * @example formatCidr(suggestSecondaryCidr([parse('10.0.0.0/16')], 16)!) === '100.64.0.0/16'
 */
export function suggestSecondaryCidr(
  existing: readonly Cidr[],
  prefix: number,
  ranges: readonly Cidr[] = defaultSearchRanges(existing),
): Cidr | null {
  if (prefix < VPC_MIN_PREFIX || prefix > VPC_MAX_PREFIX) return null;
  const avoid: Cidr[] = [...existing, DOCKER_BRIDGE];
  if (existing.some((e) => containsCidr(TEN_15, e))) avoid.push(TEN_16);
  if (existing.some((e) => classifyRange(e) === 'rfc1918-172')) avoid.push(B172_31);
  for (const range of ranges) {
    const hit = nextFreeBlock(range, avoid, Math.max(prefix, range.prefix));
    if (hit && hit.prefix === prefix && canAssociate(existing, hit).ok) return hit;
  }
  return null;
}

/** 100.64.0.0/10 first (allowed next to every primary), then the primary's own range if special. */
export function defaultSearchRanges(existing: readonly Cidr[]): Cidr[] {
  const out = [CGNAT];
  const primary = existing[0];
  if (primary) {
    const cls = classifyRange(primary);
    if (cls !== 'public' && cls !== 'cgnat') out.push(RANGE_OF[cls]);
  }
  return out;
}
