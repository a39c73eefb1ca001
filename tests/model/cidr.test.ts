import { describe, expect, it } from 'vitest';
import {
  alignedBlockCount,
  carveSubnets,
  cidrCompare,
  cidrFirst,
  cidrLast,
  cidrSize,
  containsAddress,
  containsCidr,
  formatCidr,
  freeAddressCount,
  freeAlignedBlockCount,
  freeBlocks,
  intToIp,
  ipToInt,
  nextFreeBlock,
  overlaps,
  parseCidr,
  splitCidr,
  usableAddresses,
  AWS_RESERVED_PER_SUBNET,
  type Cidr,
} from '../../src/model/cidr';

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const fmt = (cs: Cidr[]): string[] => cs.map(formatCidr);
function parseError(text: string): string {
  const r = parseCidr(text);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
}

describe('parseCidr', () => {
  it('parses 10.0.0.0/16 to base 167772160 and prefix 16', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ ok: true, value: { base: 167772160, prefix: 16 } });
  });

  it('shares one frozen result per text (remembered): no caller can change what the next one gets', () => {
    const a = parseCidr('10.1.0.0/16');
    expect(parseCidr('10.1.0.0/16')).toBe(a);
    expect(() => {
      if (a.ok) (a.value as { base: number }).base = 0;
    }).toThrow(TypeError);
    expect(parseCidr('10.1.0.0/16')).toEqual({ ok: true, value: { base: 167837696, prefix: 16 } });
    expect(Object.isFrozen(parseCidr('10.0.0.1/24'))).toBe(true);
  });

  it('trims whitespace, also around the slash', () => {
    expect(cidr('  10.0.0.0/8\n')).toEqual({ base: 167772160, prefix: 8 });
    expect(cidr('10.0.0.0 / 24')).toEqual({ base: 167772160, prefix: 24 });
  });

  it('handles the extremes 0.0.0.0/0 and 255.255.255.255/32 as unsigned numbers', () => {
    expect(cidr('0.0.0.0/0')).toEqual({ base: 0, prefix: 0 });
    expect(cidr('255.255.255.255/32')).toEqual({ base: 4294967295, prefix: 32 });
    expect(cidr('128.0.0.0/1').base).toBe(2147483648);
  });

  it('asks for a CIDR when the text is empty', () => {
    expect(parseError('')).toBe('enter a CIDR such as 10.0.0.0/16');
    expect(parseError('   ')).toBe('enter a CIDR such as 10.0.0.0/16');
  });

  it('says "prefix length above 32" for 10.0.0.0/33', () => {
    expect(parseError('10.0.0.0/33')).toContain('prefix length above 32');
  });

  it('offers the network address when host bits are set: 10.0.0.1/24', () => {
    const r = parseCidr('10.0.0.1/24');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('host bits set, did you mean 10.0.0.0/24?');
    expect(r.suggestion).toBe('10.0.0.0/24');
  });

  it('asks for a prefix length when "/n" is missing, with 10.0.0.0/16 as the example', () => {
    const r = parseCidr('10.0.0.0');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('needs a prefix length');
    expect(r.error).toContain('10.0.0.0/16');
    expect(r.suggestion).toBe('10.0.0.0/16');
    expect(parseError('10.0.0.0/')).toContain('missing the prefix length');
  });

  it('names the bad address and octet: 300.1.1.1/24', () => {
    const e = parseError('300.1.1.1/24');
    expect(e).toContain('300.1.1.1 is not a valid IPv4 address');
    expect(e).toContain('300 is above 255');
  });

  it.each([
    ['10.0.0/16', 'is not a valid IPv4 address'],
    ['a.b.c.d/16', 'is not a valid IPv4 address'],
    ['/16', 'the address before "/" is missing'],
    ['10.0.0.0/x', 'prefix length "x" is not a whole number'],
    ['10.0.0.0/-1', 'is not a whole number'],
    ['10.0.0.0/16/2', 'more than one "/"'],
    ['2600:1f18::/56', 'IPv6'],
    ['hello', 'is not a CIDR'],
  ])('rejects %s with a message containing %s', (text, part) => {
    expect(parseError(text)).toContain(part);
  });

  it('refuses leading zeros (octal in some tools) and suggests the plain form', () => {
    const r = parseCidr('010.0.0.0/16');
    expect(r).toMatchObject({ ok: false, suggestion: '10.0.0.0/16' });
    expect(parseCidr('10.0.0.0/016')).toMatchObject({ ok: false, suggestion: '10.0.0.0/16' });
  });

  it('never throws, whatever it is given', () => {
    for (const t of [undefined, null, 42, {}, '\u0000', '1.2.3.4/99999999999999999999']) {
      expect(() => parseCidr(t as unknown as string)).not.toThrow();
      expect(parseCidr(t as unknown as string).ok).toBe(false);
    }
  });
});

describe('addresses', () => {
  it('converts 10.0.0.1 to 167772161 and back', () => {
    expect(ipToInt('10.0.0.1')).toBe(167772161);
    expect(intToIp(167772161)).toBe('10.0.0.1');
    expect(ipToInt('255.255.255.255')).toBe(4294967295);
    expect(intToIp(4294967295)).toBe('255.255.255.255');
  });

  it('returns null for anything that is not a plain address', () => {
    for (const t of ['', '256.0.0.1', '1.2.3', '1.2.3.4/32', '01.2.3.4', '1.2.3.4.5', ' x ']) {
      expect(ipToInt(t), t).toBeNull();
    }
  });

  it('formats a block back to text', () => {
    expect(formatCidr({ base: 167772160, prefix: 16 })).toBe('10.0.0.0/16');
  });
});

describe('sizes', () => {
  it('10.0.0.0/24 has 256 addresses, 251 usable (AWS reserves 5)', () => {
    expect(AWS_RESERVED_PER_SUBNET).toBe(5);
    expect(cidrSize(cidr('10.0.0.0/24'))).toBe(256);
    expect(usableAddresses(cidr('10.0.0.0/24'))).toBe(251);
  });

  it('a /28 has 11 usable, a /16 has 65,531, and a /30 never goes below 0', () => {
    expect(usableAddresses(cidr('10.0.0.0/28'))).toBe(11);
    expect(usableAddresses(cidr('10.0.0.0/16'))).toBe(65531);
    expect(usableAddresses(cidr('10.0.0.0/30'))).toBe(0);
  });

  it('/0 is 2^32 addresses (no << overflow)', () => {
    expect(cidrSize(cidr('0.0.0.0/0'))).toBe(4294967296);
    expect(cidrLast(cidr('0.0.0.0/0'))).toBe(4294967295);
  });

  it('first and last of 10.0.1.0/24 are 10.0.1.0 and 10.0.1.255', () => {
    const c = cidr('10.0.1.0/24');
    expect(intToIp(cidrFirst(c))).toBe('10.0.1.0');
    expect(intToIp(cidrLast(c))).toBe('10.0.1.255');
  });

  it('a /24 holds 16 aligned /28s, a /16 4,096, a /29 none', () => {
    expect(alignedBlockCount(cidr('10.0.0.0/24'))).toBe(16);
    expect(alignedBlockCount(cidr('10.0.0.0/16'))).toBe(4096);
    expect(alignedBlockCount(cidr('10.0.0.0/29'))).toBe(0);
    expect(alignedBlockCount(cidr('10.0.0.0/24'), 26)).toBe(4);
  });
});

describe('containment and overlap', () => {
  it('10.0.0.0/16 contains 10.0.4.0/22 and itself, not 10.1.0.0/24', () => {
    expect(containsCidr(cidr('10.0.0.0/16'), cidr('10.0.4.0/22'))).toBe(true);
    expect(containsCidr(cidr('10.0.0.0/16'), cidr('10.0.0.0/16'))).toBe(true);
    expect(containsCidr(cidr('10.0.4.0/22'), cidr('10.0.0.0/16'))).toBe(false);
    expect(containsCidr(cidr('10.0.0.0/16'), cidr('10.1.0.0/24'))).toBe(false);
  });

  it('containsAddress includes the first and last address', () => {
    const c = cidr('10.0.0.0/24');
    expect(containsAddress(c, ipToInt('10.0.0.0')!)).toBe(true);
    expect(containsAddress(c, ipToInt('10.0.0.255')!)).toBe(true);
    expect(containsAddress(c, ipToInt('10.0.1.0')!)).toBe(false);
  });

  it('overlaps is symmetric and false for touching blocks', () => {
    expect(overlaps(cidr('10.0.0.0/16'), cidr('10.0.255.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.255.0/24'), cidr('10.0.0.0/16'))).toBe(true);
    expect(overlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
  });

  it('cidrCompare sorts by address, larger block first', () => {
    const list = ['10.0.1.0/24', '10.0.0.0/24', '9.0.0.0/8', '10.0.0.0/16'].map(cidr);
    expect(fmt(list.sort(cidrCompare))).toEqual(['9.0.0.0/8', '10.0.0.0/16', '10.0.0.0/24', '10.0.1.0/24']);
  });
});

describe('splitCidr', () => {
  it('splits 10.0.0.0/24 into four /26s in order', () => {
    expect(fmt(splitCidr(cidr('10.0.0.0/24'), 26))).toEqual([
      '10.0.0.0/26',
      '10.0.0.64/26',
      '10.0.0.128/26',
      '10.0.0.192/26',
    ]);
  });

  it('splitting into the same prefix gives the block itself; a /16 into /32s is the 65,536 cap', () => {
    expect(fmt(splitCidr(cidr('10.0.0.0/24'), 24))).toEqual(['10.0.0.0/24']);
    expect(splitCidr(cidr('10.0.0.0/16'), 32)).toHaveLength(65536);
  });

  it('throws RangeError on caller bugs: a shorter prefix, above 32, or too many blocks', () => {
    expect(() => splitCidr(cidr('10.0.0.0/24'), 23)).toThrow(RangeError);
    expect(() => splitCidr(cidr('10.0.0.0/24'), 33)).toThrow(RangeError);
    expect(() => splitCidr(cidr('10.0.0.0/15'), 32)).toThrow(RangeError);
  });
});

describe('free space', () => {
  it('10.0.0.0/24 minus 10.0.0.64/26 leaves 10.0.0.0/26 and 10.0.0.128/25 (192 addresses)', () => {
    const c = cidr('10.0.0.0/24');
    expect(fmt(freeBlocks(c, [cidr('10.0.0.64/26')]))).toEqual(['10.0.0.0/26', '10.0.0.128/25']);
    expect(freeAddressCount(c, [cidr('10.0.0.64/26')])).toBe(192);
  });

  it('one address in the middle of a /24 leaves 8 blocks, 255 addresses', () => {
    const free = freeBlocks(cidr('10.0.0.0/24'), [cidr('10.0.0.17/32')]);
    expect(fmt(free)).toEqual([
      '10.0.0.0/28',
      '10.0.0.16/32',
      '10.0.0.18/31',
      '10.0.0.20/30',
      '10.0.0.24/29',
      '10.0.0.32/27',
      '10.0.0.64/26',
      '10.0.0.128/25',
    ]);
    expect(freeAddressCount(cidr('10.0.0.0/24'), [cidr('10.0.0.17/32')])).toBe(255);
  });

  it('that one address spoils one aligned /28: 15 of 16 left for prefixes', () => {
    expect(freeAlignedBlockCount(cidr('10.0.0.0/24'), [cidr('10.0.0.17/32')])).toBe(15);
  });

  it('ignores used blocks outside the container and clips those that stick out', () => {
    const c = cidr('10.0.1.0/24');
    expect(fmt(freeBlocks(c, [cidr('192.168.0.0/16')]))).toEqual(['10.0.1.0/24']);
    expect(freeBlocks(c, [cidr('10.0.0.0/16')])).toEqual([]);
    expect(freeAddressCount(c, [cidr('10.0.0.0/16')])).toBe(0);
  });

  it('overlapping and duplicate used blocks are counted once', () => {
    const used = ['10.0.0.0/25', '10.0.0.0/26', '10.0.0.0/25'].map(cidr);
    expect(freeAddressCount(cidr('10.0.0.0/24'), used)).toBe(128);
  });

  it('0.0.0.0/0 minus 10.0.0.0/8 is eight blocks', () => {
    expect(fmt(freeBlocks(cidr('0.0.0.0/0'), [cidr('10.0.0.0/8')]))).toEqual([
      '0.0.0.0/5',
      '8.0.0.0/7',
      '11.0.0.0/8',
      '12.0.0.0/6',
      '16.0.0.0/4',
      '32.0.0.0/3',
      '64.0.0.0/2',
      '128.0.0.0/1',
    ]);
  });
});

describe('nextFreeBlock', () => {
  it('skips 10.0.0.0/24 and alignment to give 10.0.2.0/23', () => {
    expect(formatCidr(nextFreeBlock(cidr('10.0.0.0/16'), [cidr('10.0.0.0/24')], 23)!)).toBe('10.0.2.0/23');
  });

  it('back-fills a hole: with 10.0.0.0/26 and 10.0.1.0/24 used, a /26 goes to 10.0.0.64', () => {
    const used = [cidr('10.0.0.0/26'), cidr('10.0.1.0/24')];
    expect(formatCidr(nextFreeBlock(cidr('10.0.0.0/22'), used, 26)!)).toBe('10.0.0.64/26');
  });

  it('returns null when nothing fits or the prefix is shorter than the container', () => {
    expect(nextFreeBlock(cidr('10.0.0.0/24'), [cidr('10.0.0.0/25')], 24)).toBeNull();
    expect(nextFreeBlock(cidr('10.0.0.0/24'), [], 23)).toBeNull();
    expect(nextFreeBlock(cidr('10.0.0.0/24'), [cidr('10.0.0.0/24')], 32)).toBeNull();
  });
});

describe('carveSubnets', () => {
  it('carves /26, /24, /26 from 10.0.0.0/22 and back-fills the second /26', () => {
    expect(fmt(carveSubnets(cidr('10.0.0.0/22'), [], [26, 24, 26]) as Cidr[])).toEqual([
      '10.0.0.0/26',
      '10.0.1.0/24',
      '10.0.0.64/26',
    ]);
  });

  it('three /20 node subnets after a used 10.0.0.0/24 in 10.0.0.0/16', () => {
    const got = carveSubnets(cidr('10.0.0.0/16'), [cidr('10.0.0.0/24')], [20, 20, 20]);
    expect(fmt(got as Cidr[])).toEqual(['10.0.16.0/20', '10.0.32.0/20', '10.0.48.0/20']);
  });

  it('names the request that does not fit and the largest block left', () => {
    const got = carveSubnets(cidr('10.0.0.0/22'), [], [23, 24, 23]);
    expect(got).toBe('subnet 3 of 3 (/23) does not fit in 10.0.0.0/22: the largest free block left is a /24');
    expect(carveSubnets(cidr('10.0.0.0/24'), [], [24, 28])).toContain('it is full');
  });

  it('refuses a prefix shorter than the container or above 32', () => {
    expect(carveSubnets(cidr('10.0.0.0/24'), [], [23])).toContain('subnet 1 of 1 (/23)');
    expect(carveSubnets(cidr('10.0.0.0/24'), [], [33])).toContain('/24 to /32');
  });

  it('an empty request gives an empty list', () => {
    expect(carveSubnets(cidr('10.0.0.0/24'), [], [])).toEqual([]);
  });
});
