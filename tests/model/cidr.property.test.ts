import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  carveSubnets,
  cidrSize,
  containsAddress,
  containsCidr,
  formatCidr,
  freeAddressCount,
  freeBlocks,
  intToIp,
  ipToInt,
  nextFreeBlock,
  overlaps,
  parseCidr,
  splitCidr,
  usableAddresses,
  type Cidr,
} from '../../src/model/cidr';

// An independent reference: a block is its network bits as a string of '0'/'1' (length = prefix), so
// containment is "starts with", and sizes are BigInt. Nothing here shares code with cidr.ts.
type Ref = string;

const NUM_RUNS = 2000;
function run<Ts>(p: fc.IProperty<Ts>): void {
  fc.assert(p, { numRuns: NUM_RUNS });
}

const bits32 = (n: number): string => BigInt(n).toString(2).padStart(32, '0');
const refOf = (c: Cidr): Ref => bits32(c.base).slice(0, c.prefix);
const refText = (r: Ref): string => {
  const full = r.padEnd(32, '0');
  const octets = [0, 8, 16, 24].map((i) => parseInt(full.slice(i, i + 8), 2));
  return `${octets.join('.')}/${r.length}`;
};
const toCidr = (r: Ref): Cidr => {
  const p = parseCidr(refText(r));
  if (!p.ok) throw new Error(p.error);
  return p.value;
};
const refSize = (r: Ref): bigint => 1n << BigInt(32 - r.length);
const refContains = (outer: Ref, inner: Ref): boolean => inner.startsWith(outer);
const refOverlaps = (a: Ref, b: Ref): boolean => a.startsWith(b) || b.startsWith(a);

/** Maximal free blocks of `s` by descending a binary trie: a node is free if no used block meets it. */
function refFree(s: Ref, used: Ref[]): Ref[] {
  if (used.some((u) => s.startsWith(u))) return [];
  if (!used.some((u) => u.startsWith(s))) return [s];
  return [...refFree(`${s}0`, used), ...refFree(`${s}1`, used)];
}
/** Addresses of `s` covered by at least one used block. */
function refCovered(s: Ref, used: Ref[]): bigint {
  if (used.some((u) => s.startsWith(u))) return refSize(s);
  if (!used.some((u) => u.startsWith(s))) return 0n;
  return refCovered(`${s}0`, used) + refCovered(`${s}1`, used);
}
/** Lowest block of `prefix` inside `container` meeting no used block, by enumeration. */
function refNextFree(container: Ref, used: Ref[], prefix: number): Ref | null {
  const extra = prefix - container.length;
  for (let i = 0; i < 2 ** extra; i++) {
    const cand = container + (extra === 0 ? '' : i.toString(2).padStart(extra, '0'));
    if (!used.some((u) => refOverlaps(u, cand))) return cand;
  }
  return null;
}

const u32 = fc.oneof(
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff, 167772160),
);
const block = (minPrefix = 0, maxPrefix = 32): fc.Arbitrary<Ref> =>
  fc.tuple(u32, fc.integer({ min: minPrefix, max: maxPrefix })).map(([n, p]) => bits32(n).slice(0, p));

/** A container and used blocks that mostly fall inside it (some larger, some elsewhere). */
const scene = (minPrefix: number, maxPrefix: number, maxUsed = 8) =>
  block(minPrefix, maxPrefix).chain((container) =>
    fc.record({
      container: fc.constant(container),
      used: fc.array(
        fc.tuple(u32, fc.integer({ min: Math.max(0, container.length - 2), max: 32 }), fc.nat(9)).map(([n, p, k]) => {
          const b = bits32(n);
          const own = k < 8 ? container + b.slice(container.length) : b; // 80 % inside
          return own.slice(0, p);
        }),
        { maxLength: maxUsed },
      ),
    }),
  );

describe('CIDR arithmetic against a bit-string reference (fast-check)', () => {
  it('format ∘ parse is the identity on canonical text, and the base matches the bits', () => {
    run(
      fc.property(block(), (r) => {
        const text = refText(r);
        const c = toCidr(r);
        expect(formatCidr(c)).toBe(text);
        expect(refOf(c)).toBe(r);
        expect(c.base).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(c.base)).toBe(true);
      }),
    );
  });

  it('an address with host bits set is refused with the network as suggestion', () => {
    run(
      fc.property(u32, fc.integer({ min: 0, max: 31 }), (n, p) => {
        const bits = bits32(n);
        fc.pre(bits.slice(p).includes('1'));
        const text = `${refText(bits).split('/')[0]}/${p}`;
        const r = parseCidr(text);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error).toContain('host bits set');
          expect(r.suggestion).toBe(refText(bits.slice(0, p)));
        }
      }),
    );
  });

  it('ipToInt and intToIp agree with the reference octets', () => {
    run(
      fc.property(u32, (n) => {
        const text = refText(bits32(n)).split('/')[0]!;
        expect(intToIp(n)).toBe(text);
        expect(ipToInt(text)).toBe(n);
      }),
    );
  });

  it('size and usable addresses match 2^(32−n) and max(0, 2^(32−n) − 5)', () => {
    run(
      fc.property(block(), (r) => {
        const size = refSize(r);
        expect(BigInt(cidrSize(toCidr(r)))).toBe(size);
        expect(BigInt(usableAddresses(toCidr(r)))).toBe(size > 5n ? size - 5n : 0n);
      }),
    );
  });

  it('containsCidr, overlaps and containsAddress match the reference', () => {
    // Share a random number of leading bits so that nesting and overlap actually happen.
    const pair = fc.tuple(block(), u32, fc.integer({ min: 0, max: 32 }), fc.nat(32)).map(([a, n, p, k]) => {
      const b = (a.slice(0, Math.min(k, a.length)) + bits32(n)).slice(0, 32).slice(0, p);
      return [a, b] as const;
    });
    run(
      fc.property(pair, u32, ([a, b], addr) => {
        const ca = toCidr(a);
        const cb = toCidr(b);
        expect(containsCidr(ca, cb)).toBe(refContains(a, b));
        expect(containsCidr(cb, ca)).toBe(refContains(b, a));
        expect(overlaps(ca, cb)).toBe(refOverlaps(a, b));
        expect(overlaps(cb, ca)).toBe(refOverlaps(a, b));
        expect(containsAddress(ca, addr)).toBe(bits32(addr).startsWith(a));
        const inside = parseInt((a + bits32(addr).slice(a.length)).padEnd(32, '0'), 2);
        expect(containsAddress(ca, inside)).toBe(true);
      }),
    );
  });

  it('splitCidr covers the block exactly, in order, one sub-block per suffix', () => {
    run(
      fc.property(block(12, 32), fc.nat(8), (r, extra) => {
        const np = Math.min(32, r.length + extra);
        const parts = splitCidr(toCidr(r), np);
        const k = np - r.length;
        const want = Array.from({ length: 2 ** k }, (_, i) => r + (k === 0 ? '' : i.toString(2).padStart(k, '0')));
        expect(parts.map(refOf)).toEqual(want);
        expect(parts.reduce((s, p) => s + BigInt(cidrSize(p)), 0n)).toBe(refSize(r));
      }),
    );
  });

  it('freeBlocks equals the trie reference: maximal aligned blocks in address order', () => {
    run(
      fc.property(scene(0, 30), ({ container, used }) => {
        const got = freeBlocks(toCidr(container), used.map(toCidr)).map(refOf);
        expect(got).toEqual(refFree(container, used));
      }),
    );
  });

  it('free blocks and used blocks partition the container exactly', () => {
    run(
      fc.property(scene(0, 30), ({ container, used }) => {
        const c = toCidr(container);
        const free = freeBlocks(c, used.map(toCidr)).map(refOf);
        const freeSum = free.reduce((s, f) => s + refSize(f), 0n);
        const covered = refCovered(container, used);
        expect(freeSum + covered).toBe(refSize(container));
        expect(BigInt(freeAddressCount(c, used.map(toCidr)))).toBe(freeSum);
        free.forEach((f, i) => {
          expect(refContains(container, f)).toBe(true); // inside and aligned (bits are a prefix)
          expect(used.some((u) => refOverlaps(u, f))).toBe(false);
          const next = free[i + 1];
          if (next !== undefined) {
            expect(refOverlaps(f, next)).toBe(false);
            expect(BigInt(`0b${f.padEnd(32, '0')}`) < BigInt(`0b${next.padEnd(32, '0')}`)).toBe(true);
            // Maximal: two siblings of one parent would merge into one aligned block.
            const siblings = f.length === next.length && f.length > 0 && f.slice(0, -1) === next.slice(0, -1);
            expect(siblings).toBe(false);
          }
          // Stronger: the parent block is never entirely free (unless it leaves the container).
          if (f.length > container.length) {
            expect(used.some((u) => refOverlaps(u, f.slice(0, -1)))).toBe(true);
          }
        });
      }),
    );
  });

  it('nextFreeBlock is the lowest non-overlapping aligned block (brute force)', () => {
    run(
      fc.property(scene(16, 32), fc.nat(10), ({ container, used }, extra) => {
        const prefix = Math.min(32, container.length + extra);
        const got = nextFreeBlock(toCidr(container), used.map(toCidr), prefix);
        const want = refNextFree(container, used, prefix);
        expect(got === null ? null : refOf(got)).toBe(want);
      }),
    );
  });

  it('carveSubnets allocates inside, aligned, disjoint, lowest first; or names the one that failed', () => {
    const sizes = (cp: number) => fc.array(fc.integer({ min: cp, max: Math.min(32, cp + 8) }), { maxLength: 8 });
    run(
      fc.property(
        scene(16, 30, 5).chain((s) => fc.record({ s: fc.constant(s), sizes: sizes(s.container.length) })),
        ({ s: { container, used }, sizes: want }) => {
          const got = carveSubnets(toCidr(container), used.map(toCidr), want);
          // The reference allocation: lowest free block for each request in turn, by enumeration.
          const taken = [...used];
          const expected: Ref[] = [];
          let failed = -1;
          for (const [i, prefix] of want.entries()) {
            const b = refNextFree(container, taken, prefix);
            if (b === null) {
              failed = i;
              break;
            }
            expected.push(b);
            taken.push(b);
          }
          if (failed >= 0) {
            expect(got).toEqual(expect.stringContaining(`subnet ${failed + 1} of ${want.length} (/${want[failed]})`));
            return;
          }
          expect(Array.isArray(got)).toBe(true);
          const blocks = (got as Cidr[]).map(refOf);
          expect(blocks).toEqual(expected);
          // The properties themselves, independent of the reference's choice of position.
          blocks.forEach((b, i) => {
            expect(b.length).toBe(want[i]);
            expect(refContains(container, b)).toBe(true);
            expect(used.some((u) => refOverlaps(u, b))).toBe(false);
            expect(blocks.some((o, j) => j !== i && refOverlaps(o, b))).toBe(false);
          });
        },
      ),
    );
  });
});
