import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr, type Cidr } from '../../src/model/cidr';
import { associationConflict, sizeProblem } from '../../src/model/cidr-association';
import {
  canAssociate,
  checkSubnets,
  checkVpcCidrs,
  classifyRange,
  suggestSecondaryCidr,
  type SubnetInput,
  type VpcIssue,
} from '../../src/model/vpc-rules';

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const codes = (issues: VpcIssue[]): string[] => issues.map((i) => `${i.code} ${i.path}`);

describe('classifyRange', () => {
  it.each([
    ['10.1.0.0/16', 'rfc1918-10'],
    ['172.16.0.0/16', 'rfc1918-172'],
    ['172.31.255.240/28', 'rfc1918-172'],
    ['192.168.4.0/24', 'rfc1918-192'],
    ['198.19.0.0/16', '198.19'],
    ['100.64.0.0/16', 'cgnat'],
    ['100.127.255.0/24', 'cgnat'],
    ['100.128.0.0/16', 'public'],
    ['172.32.0.0/16', 'public'],
    ['198.18.0.0/16', 'public'],
    ['52.0.0.0/16', 'public'],
  ])('%s is %s', (text, cls) => {
    expect(classifyRange(cidr(text))).toBe(cls);
  });
});

// AWS VPC User Guide, "IPv4 CIDR block association restrictions" (vpc-cidr-blocks.html#add-cidr-block-restrictions), row by row: [existing CIDRs (primary first), candidate, allowed?, rule text].
const TABLE: Array<[string, string[], string, boolean, string?]> = [
  ['10/8', ['10.1.0.0/16'], '172.16.0.0/16', false, 'another RFC 1918 range'],
  ['10/8', ['10.1.0.0/16'], '192.168.0.0/16', false, 'another RFC 1918 range'],
  ['10/8', ['10.1.0.0/16'], '198.19.0.0/16', false, '198.19.0.0/16 cannot join'],
  [
    '10/8 in 10.0.0.0/15',
    ['10.1.0.0/16'],
    '10.0.0.0/16',
    false,
    'inside 10.0.0.0/15 cannot take a block from 10.0.0.0/16',
  ],
  ['10/8 in 10.0.0.0/15', ['10.0.0.0/20'], '10.0.16.0/20', false, 'inside 10.0.0.0/15'],
  ['10/8 outside 10.0.0.0/15', ['10.2.0.0/16'], '10.0.0.0/16', true],
  ['10/8', ['10.1.0.0/16'], '10.2.0.0/16', true],
  ['10/8', ['10.1.0.0/16'], '100.64.0.0/16', true],
  ['10/8', ['10.1.0.0/16'], '52.0.0.0/16', true],
  ['172.16/12', ['172.16.0.0/16'], '10.0.0.0/16', false, 'another RFC 1918 range'],
  ['172.16/12', ['172.16.0.0/16'], '192.168.0.0/16', false, 'another RFC 1918 range'],
  ['172.16/12', ['172.16.0.0/16'], '198.19.0.0/16', false, '198.19.0.0/16 cannot join'],
  ['172.16/12', ['172.16.0.0/16'], '172.31.0.0/16', false, 'cannot take a block from 172.31.0.0/16'],
  ['172.16/12', ['172.16.0.0/16'], '172.31.128.0/24', false, '172.31.0.0/16'],
  ['172.16/12 in 172.31', ['172.31.0.0/20'], '172.31.16.0/20', false, '172.31.0.0/16'],
  ['172.16/12', ['172.16.0.0/16'], '172.20.0.0/16', true],
  ['172.16/12', ['172.16.0.0/16'], '100.64.0.0/16', true],
  ['172.16/12', ['172.16.0.0/16'], '52.0.0.0/16', true],
  ['192.168/16', ['192.168.0.0/20'], '10.0.0.0/16', false, 'another RFC 1918 range'],
  ['192.168/16', ['192.168.0.0/20'], '172.16.0.0/16', false, 'another RFC 1918 range'],
  ['192.168/16', ['192.168.0.0/20'], '198.19.0.0/16', false, '198.19.0.0/16 cannot join'],
  ['192.168/16', ['192.168.0.0/20'], '192.168.16.0/20', true],
  ['192.168/16', ['192.168.0.0/20'], '100.64.0.0/16', true],
  ['192.168/16', ['192.168.0.0/20'], '52.0.0.0/16', true],
  ['198.19/16', ['198.19.0.0/20'], '10.0.0.0/16', false, '198.19.0.0/16 CIDR cannot take RFC 1918 ranges'],
  ['198.19/16', ['198.19.0.0/20'], '172.16.0.0/16', false, 'cannot take RFC 1918'],
  ['198.19/16', ['198.19.0.0/20'], '192.168.0.0/16', false, 'cannot take RFC 1918'],
  ['198.19/16', ['198.19.0.0/20'], '100.64.0.0/16', true],
  ['198.19/16', ['198.19.0.0/20'], '52.0.0.0/16', true],
  ['100.64/10', ['100.64.0.0/16'], '10.0.0.0/16', false, 'a 100.64.0.0/10 (RFC 6598) CIDR cannot take RFC 1918 ranges'],
  ['100.64/10', ['100.64.0.0/16'], '172.16.0.0/16', false, 'cannot take RFC 1918 ranges'],
  ['100.64/10', ['100.64.0.0/16'], '192.168.0.0/16', false, 'cannot take RFC 1918 ranges'],
  ['100.64/10', ['100.64.0.0/16'], '198.19.0.0/16', false, 'cannot take 198.19.0.0/16'],
  ['100.64/10', ['100.64.0.0/16'], '100.65.0.0/16', true],
  ['100.64/10', ['100.64.0.0/16'], '52.0.0.0/16', true],
  ['public', ['52.0.0.0/16'], '10.0.0.0/16', false, 'a publicly routable CIDR cannot take RFC 1918 ranges'],
  ['public', ['52.0.0.0/16'], '198.19.0.0/16', false, 'cannot take 198.19.0.0/16'],
  ['public', ['52.0.0.0/16'], '100.64.0.0/16', true],
  ['public', ['52.0.0.0/16'], '52.1.0.0/16', true],
  // Rules apply against every CIDR already associated, not only the primary.
  [
    'non-primary 10.1.0.0/16 (in 10.0.0.0/15)',
    ['10.2.0.0/16', '10.1.0.0/16'],
    '10.0.0.0/16',
    false,
    'include 10.1.0.0/16',
  ],
  ['non-primary 100.64.0.0/16', ['10.1.0.0/16', '100.64.0.0/16'], '10.2.0.0/16', false, 'include 100.64.0.0/16'],
  ['non-primary public 52.0.0.0/16', ['10.2.0.0/16', '52.0.0.0/16'], '10.3.0.0/16', false, 'include 52.0.0.0/16'],
];

describe('association restrictions (AWS VPC User Guide table)', () => {
  it.each(TABLE)('row %s: %j + %s allowed=%s', (_row, existing, candidate, allowed, rule) => {
    const got = canAssociate(existing.map(cidr), cidr(candidate));
    expect(got.ok).toBe(allowed);
    if (!got.ok) expect(got.reason).toContain(rule);

    // checkVpcCidrs says the same thing on the candidate's path.
    const issues = checkVpcCidrs([...existing, candidate]).filter((i) => i.code === 'cidr-association');
    if (allowed) expect(issues).toEqual([]);
    else {
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe(`vpc.cidrs[${existing.length}]`);
      expect(issues[0]!.message).toContain(rule);
    }
  });

  it('names the rule: 192.168.0.0/16 next to 10.0.0.0/16, with 100.64.0.0/10 or another 10/8 block as the fix', () => {
    const [i] = checkVpcCidrs(['10.0.0.0/16', '192.168.0.0/16']);
    expect(i).toMatchObject({ code: 'cidr-association', path: 'vpc.cidrs[1]', severity: 'error' });
    expect(i!.message).toBe(
      '192.168.0.0/16 cannot be added to a VPC whose CIDRs include 10.0.0.0/16 (another RFC 1918 range)',
    );
    expect(i!.fix).toBe(
      'Use a block from 100.64.0.0/10 such as 100.64.0.0/16 or another 10.0.0.0/8 block such as 10.1.0.0/16.',
    );
  });

  it('the 10.0.0.0/15 rule reads the existing CIDR, not the candidate: 10.2.0.0/16 first allows 10.0.0.0/16', () => {
    expect(associationConflict(cidr('10.2.0.0/16'), cidr('10.0.0.0/16'))).toBeNull();
    expect(associationConflict(cidr('10.0.0.0/16'), cidr('10.2.0.0/16'))).toBeNull();
  });

  it('canAssociate also refuses overlap and sizes outside /16 to /28', () => {
    expect(canAssociate([cidr('10.0.0.0/16')], cidr('10.0.128.0/17'))).toEqual({
      ok: false,
      reason: '10.0.128.0/17 overlaps 10.0.0.0/16, already in the VPC',
    });
    expect(canAssociate([], cidr('10.0.0.0/12'))).toEqual({
      ok: false,
      reason: '/12 is larger than AWS allows for a VPC CIDR (/16 to /28)',
    });
    expect(canAssociate([], cidr('10.0.0.0/29')).ok).toBe(false);
    expect(canAssociate([], cidr('10.0.0.0/28')).ok).toBe(true);
  });

  it('sizeProblem describes both ends', () => {
    expect(sizeProblem(cidr('10.0.0.0/30'), 'a subnet')).toBe(
      '/30 is smaller than AWS allows for a subnet (/16 to /28)',
    );
    expect(sizeProblem(cidr('10.0.0.0/16'), 'a subnet')).toBeNull();
  });
});

describe('suggestSecondaryCidr', () => {
  it('offers 100.64.0.0/16 next to 10.0.0.0/16, then 100.65.0.0/16 once that is taken', () => {
    expect(formatCidr(suggestSecondaryCidr([cidr('10.0.0.0/16')], 16)!)).toBe('100.64.0.0/16');
    expect(formatCidr(suggestSecondaryCidr(['10.0.0.0/16', '100.64.0.0/16'].map(cidr), 16)!)).toBe('100.65.0.0/16');
  });

  it('skips 10.0.0.0/16 next to a primary in 10.0.0.0/15, and 172.17/172.31 next to 172.16.0.0/16', () => {
    expect(formatCidr(suggestSecondaryCidr([cidr('10.1.0.0/16')], 16, [cidr('10.0.0.0/8')])!)).toBe('10.2.0.0/16');
    expect(formatCidr(suggestSecondaryCidr([cidr('172.16.0.0/16')], 16, [cidr('172.16.0.0/12')])!)).toBe(
      '172.18.0.0/16',
    );
    const all172 = suggestSecondaryCidr([cidr('172.16.0.0/16')], 20, [cidr('172.31.0.0/16')]);
    expect(all172).toBeNull();
  });

  it('gives null when the range is forbidden or the size is not a VPC size', () => {
    expect(suggestSecondaryCidr([cidr('100.64.0.0/16')], 16, [cidr('10.0.0.0/8')])).toBeNull();
    expect(suggestSecondaryCidr([cidr('10.0.0.0/16')], 12)).toBeNull();
  });

  it('every suggestion passes canAssociate', () => {
    for (const existing of [['10.0.0.0/16'], ['172.16.0.0/16', '100.64.0.0/16'], ['198.19.0.0/16'], ['52.0.0.0/16']]) {
      for (const p of [16, 20, 24, 28]) {
        const e = existing.map(cidr);
        const s = suggestSecondaryCidr(e, p);
        expect(s, `${existing} /${p}`).not.toBeNull();
        expect(canAssociate(e, s!).ok).toBe(true);
      }
    }
  });
});

describe('checkVpcCidrs', () => {
  it('accepts the contract example 10.0.0.0/20 + 100.64.0.0/16', () => {
    expect(checkVpcCidrs(['10.0.0.0/20', '100.64.0.0/16'])).toEqual([]);
  });

  it('asks for a CIDR when there is none', () => {
    expect(codes(checkVpcCidrs([]))).toEqual(['cidr-missing vpc.cidrs']);
  });

  it('reports parse errors with the parser message and a fix', () => {
    const issues = checkVpcCidrs(['10.0.0.1/16', '300.1.1.1/24', '']);
    expect(codes(issues)).toEqual([
      'cidr-invalid vpc.cidrs[0]',
      'cidr-invalid vpc.cidrs[1]',
      'cidr-invalid vpc.cidrs[2]',
    ]);
    expect(issues[0]!.message).toContain('host bits set, did you mean 10.0.0.0/16?');
    expect(issues[0]!.fix).toBe('Use 10.0.0.0/16.');
    expect(issues[1]!.message).toContain('300.1.1.1');
    expect(issues[2]!.message).toBe('enter a CIDR such as 10.0.0.0/16');
  });

  it('says "/12 is larger than AWS allows for a VPC CIDR (/16 to /28)" and /29 is smaller', () => {
    const [big] = checkVpcCidrs(['10.0.0.0/12']);
    expect(big).toMatchObject({ code: 'cidr-size', path: 'vpc.cidrs[0]', severity: 'error' });
    expect(big!.message).toBe('/12 is larger than AWS allows for a VPC CIDR (/16 to /28)');
    expect(big!.fix).toContain('10.0.0.0/16');
    expect(checkVpcCidrs(['10.0.0.0/29'])[0]!.message).toBe(
      '/29 is smaller than AWS allows for a VPC CIDR (/16 to /28)',
    );
  });

  it('reports an overlap on the later CIDR, naming the earlier one', () => {
    const issues = checkVpcCidrs(['10.0.0.0/16', '10.0.128.0/17']);
    expect(codes(issues)).toEqual(['cidr-overlap vpc.cidrs[1]']);
    expect(issues[0]!.message).toBe('10.0.128.0/17 overlaps 10.0.0.0/16 (vpc.cidrs[0])');
    expect(issues[0]!.fix).toContain('100.64.0.0/17');
  });

  it('does not cascade: a refused CIDR is not "associated" for the ones after it', () => {
    // 198.19.0.0/16 would forbid 10.2.0.0/16, but it is itself refused next to 10.1.0.0/16.
    const issues = checkVpcCidrs(['10.1.0.0/16', '198.19.0.0/16', '10.2.0.0/16']);
    expect(codes(issues)).toEqual(['cidr-association vpc.cidrs[1]']);
    // Same with an overlap: the refused 100.64.0.0/16 does not count against 10.2.0.0/16 either.
    expect(codes(checkVpcCidrs(['100.64.0.0/10', '100.64.0.0/16', '52.0.0.0/16']))).toEqual([
      'cidr-size vpc.cidrs[0]',
      'cidr-overlap vpc.cidrs[1]',
    ]);
  });

  it('warns about the quota above 5 CIDRs, on the first one over it', () => {
    const six = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16'];
    const [q] = checkVpcCidrs(six);
    expect(q).toMatchObject({ code: 'cidr-quota', path: 'vpc.cidrs[5]', severity: 'warning' });
    expect(q!.message).toContain('the default quota is 5 IPv4 CIDR blocks per VPC; request an increase up to 50');
    expect(checkVpcCidrs(six.slice(0, 5))).toEqual([]);
    expect(checkVpcCidrs(six, 10)).toEqual([]);
  });

  it('refuses more than 50 CIDRs even with a raised quota', () => {
    const many = Array.from({ length: 51 }, (_, i) => `10.${i + 2}.0.0/16`);
    expect(codes(checkVpcCidrs(many, 50))).toEqual(['cidr-quota-hard vpc.cidrs[50]']);
    expect(codes(checkVpcCidrs(many))).toEqual(['cidr-quota-hard vpc.cidrs[50]']);
    expect(checkVpcCidrs(many.slice(0, 50), 50)).toEqual([]);
  });

  it('warns about 172.17.0.0/16 (Docker bridge, SageMaker, Cloud9), also for blocks overlapping it', () => {
    const [w] = checkVpcCidrs(['172.17.0.0/16']);
    expect(w).toMatchObject({ code: 'cidr-172-17', path: 'vpc.cidrs[0]', severity: 'warning' });
    expect(w!.message).toMatch(/Docker.*SageMaker.*Cloud9/);
    expect(codes(checkVpcCidrs(['172.16.0.0/16', '172.17.4.0/24']))).toEqual(['cidr-172-17 vpc.cidrs[1]']);
    expect(codes(checkVpcCidrs(['10.0.0.0/16', '172.17.0.0/16']))).toEqual([
      'cidr-association vpc.cidrs[1]',
      'cidr-172-17 vpc.cidrs[1]',
    ]);
  });
});

describe('checkSubnets', () => {
  const vpc = (subnets: Array<Partial<SubnetInput> & { cidr: string }>, cidrs = ['10.0.0.0/16']) => ({
    cidrs,
    subnets: subnets.map((s, i) => ({ name: `s${i}`, az: 'us-east-1a', ...s })),
  });

  it('accepts the contract example', () => {
    const v = vpc(
      [
        { name: 'nodes-a', cidr: '10.0.0.0/22', reservedIps: 8 },
        { name: 'pods-a', cidr: '100.64.0.0/18' },
      ],
      ['10.0.0.0/20', '100.64.0.0/16'],
    );
    expect(checkSubnets(v)).toEqual([]);
  });

  it('reports a parse error on the subnet cidr path', () => {
    const [i] = checkSubnets(vpc([{ cidr: '10.0.1.7/24' }]));
    expect(i).toMatchObject({ code: 'cidr-invalid', path: 'vpc.subnets[0].cidr', fix: 'Use 10.0.1.0/24.' });
  });

  it('refuses a /29 subnet', () => {
    const [i] = checkSubnets(vpc([{ cidr: '10.0.0.0/29' }]));
    expect(i).toMatchObject({ code: 'subnet-size', path: 'vpc.subnets[0].cidr' });
    expect(i!.message).toContain('/29 is smaller than AWS allows for a subnet (/16 to /28)');
  });

  it('reports a subnet outside the VPC, naming the VPC CIDRs and a free block', () => {
    const [i] = checkSubnets(
      vpc([{ cidr: '10.0.0.0/24' }, { name: 'far', cidr: '10.9.0.0/24' }], ['10.0.0.0/16', '100.64.0.0/16']),
    );
    expect(i).toMatchObject({ code: 'subnet-outside-vpc', path: 'vpc.subnets[1].cidr' });
    expect(i!.message).toContain('outside every VPC CIDR');
    expect(i!.fix).toBe(
      'Pick a block inside the VPC CIDRs (10.0.0.0/16, 100.64.0.0/16), e.g. 10.0.1.0/24, or add a VPC CIDR that contains it.',
    );
  });

  it('says when a subnet crosses the edge of a VPC CIDR', () => {
    const [i] = checkSubnets(vpc([{ cidr: '10.0.0.0/19' }], ['10.0.0.0/20']));
    expect(i!.message).toContain('crosses the edge of 10.0.0.0/20');
  });

  it('reports an overlap on the later subnet, naming the other', () => {
    const issues = checkSubnets(
      vpc([
        { name: 'nodes-a', cidr: '10.0.0.0/23' },
        { name: 'nodes-b', cidr: '10.0.1.0/24' },
      ]),
    );
    expect(codes(issues)).toEqual(['subnet-overlap vpc.subnets[1].cidr']);
    expect(issues[0]!.message).toBe(
      'subnet "nodes-b" 10.0.1.0/24 overlaps subnet "nodes-a" 10.0.0.0/23 (vpc.subnets[0])',
    );
    expect(issues[0]!.fix).toBe('Move it to a free block such as 10.0.2.0/24.');
  });

  it('a /24 holds reservedIps 251 but not 252; a /28 holds 11 but not 12', () => {
    expect(checkSubnets(vpc([{ cidr: '10.0.0.0/24', reservedIps: 251 }]))).toEqual([]);
    const [i] = checkSubnets(vpc([{ cidr: '10.0.0.0/24', reservedIps: 252 }]));
    expect(i).toMatchObject({ code: 'subnet-reserved-too-many', path: 'vpc.subnets[0].reservedIps' });
    expect(i!.message).toContain('252 is more than the 251 usable addresses of 10.0.0.0/24');
    expect(i!.fix).toBe('Lower reservedIps to at most 251 or use a /23 subnet (507 usable).');
    expect(checkSubnets(vpc([{ cidr: '10.0.0.0/28', reservedIps: 11 }]))).toEqual([]);
    expect(checkSubnets(vpc([{ cidr: '10.0.0.0/28', reservedIps: 12 }]))[0]!.fix).toContain('/27 subnet (27 usable)');
  });

  it('refuses a negative or fractional reservedIps', () => {
    expect(codes(checkSubnets(vpc([{ cidr: '10.0.0.0/24', reservedIps: -1 }])))).toEqual([
      'subnet-reserved-invalid vpc.subnets[0].reservedIps',
    ]);
  });

  it('accepts a /26 prefix reservation clear of both ends of a /24', () => {
    expect(checkSubnets(vpc([{ cidr: '10.0.0.0/24', prefixReservation: '10.0.0.64/26' }]))).toEqual([]);
    expect(checkSubnets(vpc([{ cidr: '10.0.0.0/24', prefixReservation: '  ' }]))).toEqual([]);
  });

  it.each([
    ['10.0.0.64/29', 'smaller than /28', 'such as 10.0.0.16/28'],
    ['10.0.1.0/28', 'not inside the subnet 10.0.0.0/24', 'such as 10.0.0.16/28'],
    ['10.0.0.72/28', 'host bits set, did you mean 10.0.0.64/28?', 'Use 10.0.0.64/28.'],
    ['nonsense', 'is not a CIDR', '/28-aligned block inside 10.0.0.0/24 such as 10.0.0.16/28'],
  ])('refuses prefix reservation %s (%s)', (res, message, fix) => {
    const [i] = checkSubnets(vpc([{ cidr: '10.0.0.0/24', prefixReservation: res }]));
    expect(i).toMatchObject({ code: 'prefix-reservation-invalid', path: 'vpc.subnets[0].prefixReservation' });
    expect(i!.message).toContain(message);
    expect(i!.fix).toContain(fix);
  });

  it('warns when the reservation takes the first or last /28 (AWS-reserved addresses)', () => {
    const [i] = checkSubnets(vpc([{ cidr: '10.0.0.0/24', prefixReservation: '10.0.0.128/25' }]));
    expect(i).toMatchObject({ code: 'prefix-reservation-edge', severity: 'warning' });
    expect(i!.fix).toContain('10.0.0.64/26');
    const [whole] = checkSubnets(vpc([{ cidr: '10.0.0.0/27', prefixReservation: '10.0.0.0/27' }]));
    expect(whole!.message).toContain('covers the whole subnet');
    expect(whole!.fix).toContain('prefixes need a /26 or larger subnet');
  });
});
