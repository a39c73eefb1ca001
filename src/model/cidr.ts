/**
 * IPv4 CIDR arithmetic for the planner: parsing with helpful errors, sizes, containment, free space,
 * and allocation of aligned blocks. Pure TypeScript (no React, no DOM), IPv4 only.
 *
 * A block is `{ base, prefix }` with `base` the network address as an unsigned 32-bit integer held in an
 * ordinary number. Sizes go up to 2^32, which a double holds exactly, so all arithmetic here uses
 * `+`, `*`, `%` and `2 ** k` rather than `<<`: `1 << 32` is 1 in JavaScript, which breaks /0.
 */
// Dotted quads are validated by ipaddr.js (the parser behind Express's proxy-addr, kept up to date and
// tiny: ~3.5 KB minified) rather than a hand-written regex. It replaced ip-cidr / ip-address, which
// pull in jsbn and sprintf-js (~10 KB gzip in the app) for the same check. The arithmetic stays here,
// on plain integers.
import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR block: network address as an unsigned 32-bit number, and prefix length 0–32. */
export interface Cidr {
  /** Network address, 0 to 2^32 − 1, host bits zero. 10.0.0.0 is 167772160. */
  base: number;
  /** Prefix length, 0 to 32. */
  prefix: number;
}

/** The outcome of {@link parseCidr}; `suggestion`, when present, is corrected CIDR text to offer. */
export type ParseCidrResult = { ok: true; value: Cidr } | { ok: false; error: string; suggestion?: string };

/** Addresses AWS takes in every subnet: network, VPC router, DNS, future use and the last one. */
export const AWS_RESERVED_PER_SUBNET = 5;

/** Largest result {@link splitCidr} produces (a /16 into /32s); beyond it, it throws. */
export const MAX_SPLIT_BLOCKS = 65_536;

const TWO_32 = 2 ** 32;
const EXAMPLE = '10.0.0.0/16';

/**
 * The dotted quad as an unsigned 32-bit number, or null when it is not a plain IPv4 address.
 * Leading zeros ("010.0.0.1") are refused: some tools read them as octal, Go (hence Terraform) rejects them.
 * @example ipToInt('10.0.0.1') === 167772161
 */
export function ipToInt(text: string): number | null {
  if (typeof text !== 'string') return null;
  const s = text.trim();
  if (s.includes('/') || !ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
  const octets = s.split('.');
  if (octets.some((o) => o.length > 1 && o.startsWith('0'))) return null;
  return octets.reduce((n, o) => n * 256 + Number(o), 0);
}

/**
 * The dotted quad of an unsigned 32-bit number (values outside 0–2^32−1 wrap modulo 2^32).
 * @example intToIp(167772161) === '10.0.0.1'
 */
export function intToIp(n: number): string {
  const u = n >>> 0;
  return `${u >>> 24}.${(u >>> 16) & 255}.${(u >>> 8) & 255}.${u & 255}`;
}

/**
 * "a.b.c.d/n".
 * @example formatCidr({ base: 167772160, prefix: 16 }) === '10.0.0.0/16'
 */
export function formatCidr(c: Cidr): string {
  return `${intToIp(c.base)}/${c.prefix}`;
}

/** 2^(32−n) for n = 0 … 32: the overlap checks ask it ~4,500 times per validation of a 48-subnet plan. */
const BLOCK_SIZES: readonly number[] = Array.from({ length: 33 }, (_, n) => 2 ** (32 - n));

/**
 * Addresses in the block, 2^(32−n).
 * @example cidrSize(parse('10.0.0.0/24')) === 256
 */
export function cidrSize(c: Cidr): number {
  return BLOCK_SIZES[c.prefix] ?? 2 ** (32 - c.prefix);
}

/**
 * The first address (the network address) as a number.
 * @example intToIp(cidrFirst(parse('10.0.1.0/24'))) === '10.0.1.0'
 */
export function cidrFirst(c: Cidr): number {
  return c.base;
}

/**
 * The last address as a number.
 * @example intToIp(cidrLast(parse('10.0.1.0/24'))) === '10.0.1.255'
 */
export function cidrLast(c: Cidr): number {
  return c.base + cidrSize(c) - 1;
}

/**
 * Addresses AWS lets you use in a subnet of this size: 2^(32−n) − 5, never below 0.
 * @example usableAddresses(parse('10.0.0.0/24')) === 251 // a /28 gives 11
 */
export function usableAddresses(c: Cidr): number {
  return Math.max(0, cidrSize(c) - AWS_RESERVED_PER_SUBNET);
}

/**
 * Parses "a.b.c.d/n" (surrounding whitespace ignored). Never throws; on failure `error` says what is
 * wrong and how to fix it, and `suggestion` holds corrected text when there is an obvious one.
 * @example parseCidr('10.0.0.0/16') // { ok: true, value: { base: 167772160, prefix: 16 } }
 * @example parseCidr('10.0.0.1/24').error === '10.0.0.1/24 has host bits set, did you mean 10.0.0.0/24?'
 */
export function parseCidr(text: string): ParseCidrResult {
  if (typeof text !== 'string') return parseCidrText(text);
  let r = parsed.get(text);
  if (r === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    r = parseCidrText(text);
    if (r.ok) Object.freeze(r.value);
    parsed.set(text, Object.freeze(r));
  }
  return r;
}

/**
 * The CIDRs parsed lately, by text: a plan's few dozen are parsed on every evaluation (about a fifth of
 * the 40-group plan's), and each keystroke evaluates it again. The results are frozen: callers share them.
 */
const parsed = new Map<string, ParseCidrResult>();
const MAX_PARSED = 4096;

function parseCidrText(text: string): ParseCidrResult {
  const s = typeof text === 'string' ? text.trim() : '';
  if (s === '') return { ok: false, error: `enter a CIDR such as ${EXAMPLE}` };
  if (s.includes(':')) {
    return { ok: false, error: `${s} looks like IPv6; the planner sizes IPv4 only: enter a CIDR such as ${EXAMPLE}` };
  }
  const parts = s.split('/');
  const addrText = (parts[0] ?? '').trim();
  if (parts.length > 2) {
    return { ok: false, error: `${s} has more than one "/": write one address and one prefix length, e.g. ${EXAMPLE}` };
  }
  const addr = ipToInt(addrText);
  if (parts.length === 1) {
    if (addr === null) {
      return {
        ok: false,
        error: `${s} is not a CIDR: write an IPv4 address, "/" and a prefix length, e.g. ${EXAMPLE}`,
      };
    }
    const prefix = guessPrefix(addr);
    const suggestion = prefix === null ? undefined : `${intToIp(addr)}/${prefix}`;
    return {
      ok: false,
      error: `${s} needs a prefix length: add "/n" after the address, e.g. ${suggestion ?? EXAMPLE} (VPCs and subnets are /16 to /28)`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  if (addr === null) return { ok: false, ...addressError(addrText, parts[1] ?? '') };
  const prefixText = (parts[1] ?? '').trim();
  if (prefixText === '') {
    return { ok: false, error: `${s} is missing the prefix length after "/", e.g. ${intToIp(addr)}/16` };
  }
  if (!/^\d+$/.test(prefixText)) {
    return {
      ok: false,
      error: `prefix length "${prefixText}" is not a whole number: use 0 to 32, e.g. ${intToIp(addr)}/16`,
    };
  }
  const prefix = Number(prefixText);
  if (prefix > 32) {
    return {
      ok: false,
      error: `${s} has a prefix length above 32: IPv4 prefix lengths are 0 to 32, e.g. ${intToIp(addr)}/16`,
    };
  }
  if (prefixText.length > 1 && prefixText.startsWith('0')) {
    const suggestion = `${intToIp(addr)}/${prefix}`;
    return { ok: false, error: `${s} has a leading zero in its prefix length: write ${suggestion}`, suggestion };
  }
  const size = 2 ** (32 - prefix);
  const base = addr - (addr % size);
  if (base !== addr) {
    const suggestion = `${intToIp(base)}/${prefix}`;
    return { ok: false, error: `${s} has host bits set, did you mean ${suggestion}?`, suggestion };
  }
  return { ok: true, value: { base, prefix } };
}

/** For a bare address: /16 if its low 16 bits are zero, else the largest block up to /28 it starts. */
function guessPrefix(addr: number): number | null {
  for (let p = 16; p <= 28; p++) if (addr % 2 ** (32 - p) === 0) return p;
  return null;
}

function addressError(addrText: string, prefixText: string): { error: string; suggestion?: string } {
  if (addrText === '') return { error: `the address before "/" is missing, e.g. ${EXAMPLE}` };
  const octets = addrText.split('.');
  const leadingZero = octets.length === 4 && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
  if (leadingZero) {
    const fixed = `${octets.map(Number).join('.')}/${prefixText.trim()}`;
    // Offer the rewrite only when it is itself a valid CIDR (the prefix may be wrong too).
    const suggestion = parseCidr(fixed).ok ? fixed : undefined;
    return {
      error: `${addrText} has a leading zero in an octet (some tools read it as octal): write ${octets.map(Number).join('.')}`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  const bad = octets.find((o) => /^\d+$/.test(o) && Number(o) > 255);
  const why = bad !== undefined ? `${bad} is above 255` : 'it needs four numbers 0 to 255 separated by dots';
  return { error: `${addrText} is not a valid IPv4 address (${why}), e.g. ${EXAMPLE}` };
}

/**
 * Does `outer` contain all of `inner` (equal blocks included)?
 * @example containsCidr(parse('10.0.0.0/16'), parse('10.0.4.0/22')) === true
 */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && cidrLast(inner) <= cidrLast(outer);
}

/**
 * Is the address (an unsigned 32-bit number, see {@link ipToInt}) inside the block?
 * @example containsAddress(parse('10.0.0.0/24'), ipToInt('10.0.0.255')!) === true
 */
export function containsAddress(c: Cidr, addr: number): boolean {
  return addr >= c.base && addr <= cidrLast(c);
}

/**
 * Do the blocks share at least one address? (Aligned blocks either nest or are disjoint.)
 * @example overlaps(parse('10.0.0.0/16'), parse('10.0.255.0/24')) === true
 */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base <= cidrLast(b) && b.base <= cidrLast(a);
}

/**
 * Sort order: by address, then the larger block (shorter prefix) first.
 * @example [b, a].sort(cidrCompare) // 10.0.0.0/16 before 10.0.0.0/24 before 10.0.1.0/24
 */
export function cidrCompare(a: Cidr, b: Cidr): number {
  return a.base - b.base || a.prefix - b.prefix;
}

/**
 * Every sub-block of prefix `newPrefix`, in address order.
 * Throws RangeError on caller bugs: `newPrefix` below `c.prefix` or above 32, or more than
 * {@link MAX_SPLIT_BLOCKS} results (validate user input before calling).
 * @example splitCidr(parse('10.0.0.0/24'), 26).map(formatCidr) // 10.0.0.0/26, .64/26, .128/26, .192/26
 */
export function splitCidr(c: Cidr, newPrefix: number): Cidr[] {
  if (!Number.isInteger(newPrefix) || newPrefix < c.prefix || newPrefix > 32) {
    throw new RangeError(`splitCidr: cannot split ${formatCidr(c)} into /${newPrefix} blocks`);
  }
  const count = 2 ** (newPrefix - c.prefix);
  if (count > MAX_SPLIT_BLOCKS) {
    throw new RangeError(
      `splitCidr: ${formatCidr(c)} into /${newPrefix} gives ${count} blocks (max ${MAX_SPLIT_BLOCKS})`,
    );
  }
  const step = 2 ** (32 - newPrefix);
  const out: Cidr[] = [];
  for (let i = 0; i < count; i++) out.push({ base: c.base + i * step, prefix: newPrefix });
  return out;
}

/** Inclusive address ranges of `used` clipped to `container`, sorted and merged (touching ones too). */
function usedRanges(container: Cidr, used: readonly Cidr[]): Array<[number, number]> {
  const lo = container.base;
  const hi = cidrLast(container);
  const ranges: Array<[number, number]> = [];
  for (const u of used) {
    const a = Math.max(lo, u.base);
    const b = Math.min(hi, cidrLast(u));
    if (a <= b) ranges.push([a, b]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The fewest aligned blocks covering the inclusive range [lo, hi], largest possible at each step. */
function rangeToBlocks(lo: number, hi: number, out: Cidr[]): void {
  let a = lo;
  while (a <= hi) {
    let prefix = 32;
    let size = 1;
    // Grow while the doubled block stays aligned at `a` and inside the range.
    while (size < TWO_32 && a % (size * 2) === 0 && a + size * 2 - 1 <= hi) {
      size *= 2;
      prefix--;
    }
    out.push({ base: a, prefix });
    a += size;
  }
}

/**
 * The part of `container` not covered by any `used` block (which may stick out of it), as the
 * fewest maximal aligned blocks, in address order.
 * @example freeBlocks(parse('10.0.0.0/24'), [parse('10.0.0.64/26')]).map(formatCidr)
 *   // ['10.0.0.0/26', '10.0.0.128/25']
 */
export function freeBlocks(container: Cidr, used: readonly Cidr[]): Cidr[] {
  const out: Cidr[] = [];
  let next = container.base;
  for (const [a, b] of usedRanges(container, used)) {
    if (a > next) rangeToBlocks(next, a - 1, out);
    next = b + 1;
  }
  if (next <= cidrLast(container)) rangeToBlocks(next, cidrLast(container), out);
  return out;
}

/**
 * Addresses of `container` outside every `used` block.
 * @example freeAddressCount(parse('10.0.0.0/24'), [parse('10.0.0.64/26')]) === 192
 */
export function freeAddressCount(container: Cidr, used: readonly Cidr[]): number {
  return usedRanges(container, used).reduce((n, [a, b]) => n - (b - a + 1), cidrSize(container));
}

/**
 * How many aligned blocks of `blockPrefix` (default /28, the prefix-delegation unit) fit in `c`.
 * This ignores AWS's reserved addresses: in a subnet the first and last /28 are not usable for
 * prefixes, so a subnet /n offers at most 2^(28−n) − 2 of them.
 * @example alignedBlockCount(parse('10.0.0.0/24')) === 16 // a /29 holds 0
 */
export function alignedBlockCount(c: Cidr, blockPrefix = 28): number {
  return c.prefix > blockPrefix ? 0 : 2 ** (blockPrefix - c.prefix);
}

/**
 * Aligned blocks of `blockPrefix` (default /28) lying wholly in the free space of `container`:
 * what prefix delegation could still get once `used` (single addresses as /32s) is taken.
 * @example freeAlignedBlockCount(parse('10.0.0.0/24'), [parse('10.0.0.17/32')]) === 15
 */
export function freeAlignedBlockCount(container: Cidr, used: readonly Cidr[], blockPrefix = 28): number {
  return freeBlocks(container, used).reduce((n, b) => n + alignedBlockCount(b, blockPrefix), 0);
}

/**
 * The lowest aligned block of `prefix` in `container` that overlaps no `used` block, or null.
 * Every such block lies inside one maximal free block, so the first free block at least that large
 * gives the answer without scanning candidates.
 * @example formatCidr(nextFreeBlock(parse('10.0.0.0/16'), [parse('10.0.0.0/24')], 23)!) === '10.0.2.0/23'
 */
export function nextFreeBlock(container: Cidr, used: readonly Cidr[], prefix: number): Cidr | null {
  if (!Number.isInteger(prefix) || prefix < container.prefix || prefix > 32) return null;
  const hit = freeBlocks(container, used).find((b) => b.prefix <= prefix);
  return hit ? { base: hit.base, prefix } : null;
}

/**
 * Allocates one block per requested prefix length, in the order given, each at the lowest free
 * aligned position of `container` that overlaps neither `used` nor the blocks allocated before it.
 * Unlike Terraform's `cidrsubnets` (which takes new-bit counts and always moves forward), this takes
 * prefix lengths, skips used space and back-fills gaps left by alignment.
 * Returns the blocks, or an error message naming the request that did not fit.
 * @example carveSubnets(parse('10.0.0.0/22'), [], [26, 24, 26]).map(formatCidr)
 *   // ['10.0.0.0/26', '10.0.1.0/24', '10.0.0.64/26']
 */
export function carveSubnets(container: Cidr, used: readonly Cidr[], sizes: readonly number[]): Cidr[] | string {
  const taken: Cidr[] = [...used];
  const out: Cidr[] = [];
  for (const [i, prefix] of sizes.entries()) {
    const which = `subnet ${i + 1} of ${sizes.length} (/${prefix})`;
    if (!Number.isInteger(prefix) || prefix < container.prefix || prefix > 32) {
      return `${which} cannot come from ${formatCidr(container)}: use a prefix length from /${container.prefix} to /32`;
    }
    const block = nextFreeBlock(container, taken, prefix);
    if (!block) {
      const free = freeBlocks(container, taken);
      const largest = free.reduce((p, b) => Math.min(p, b.prefix), 33);
      const left = largest > 32 ? 'it is full' : `the largest free block left is a /${largest}`;
      return `${which} does not fit in ${formatCidr(container)}: ${left}`;
    }
    out.push(block);
    taken.push(block);
  }
  return out;
}
