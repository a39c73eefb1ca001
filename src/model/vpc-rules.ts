/**
 * AWS VPC rules the planner enforces on the VPC CIDRs and subnets of a plan (VPC User Guide "Subnet CIDR
 * blocks" and "VPC CIDR blocks"; EKS User Guide `latest/ug/networking/network-reqs.adoc`).
 * Pure TypeScript: text in, issues out; every issue says what is wrong, where, and a concrete fix.
 */
import {
  cidrSize,
  containsCidr,
  formatCidr,
  nextFreeBlock,
  overlaps,
  parseCidr,
  usableAddresses,
  AWS_RESERVED_PER_SUBNET,
  type Cidr,
} from './cidr';
import {
  associationConflict,
  classifyRange,
  sizeProblem,
  suggestSecondaryCidr,
  CGNAT,
  DOCKER_BRIDGE,
  RFC1918_10,
  RFC1918_172,
  RFC1918_192,
  RANGE_198_19,
  VPC_MAX_PREFIX,
  VPC_MIN_PREFIX,
} from './cidr-association';

export { canAssociate, classifyRange, suggestSecondaryCidr, type RangeClass } from './cidr-association';

/** A finding about the VPC part of a plan; compatible with `Warning` of result.ts (minus `apply`). */
export interface VpcIssue {
  /** Stable kebab-case identifier, e.g. "cidr-overlap". */
  code: string;
  /** Plan path, e.g. "vpc.cidrs[1]" or "vpc.subnets[0].cidr". */
  path: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

/** IPv4 CIDR blocks per VPC by default (the primary plus 4). */
export const DEFAULT_CIDR_QUOTA = 5;
/** The most IPv4 CIDR blocks a VPC can have, even after a quota increase. */
export const MAX_CIDR_QUOTA = 50;

/** The subnet's first and last /28 hold AWS's reserved addresses, so prefixes never come from them. */
const PREFIX_BLOCK = 28;

/**
 * Checks the VPC's IPv4 CIDRs (the first is the primary): parse errors, sizes (/16 to /28), overlaps,
 * the association table against every CIDR associated before (a CIDR with an overlap or association
 * error is treated as not associated, so it does not cascade), the quota, and 172.17.0.0/16.
 * @example checkVpcCidrs(['10.0.0.0/16', '192.168.0.0/16'])[0].message
 *   // '192.168.0.0/16 cannot be added to a VPC whose CIDRs include 10.0.0.0/16 (another RFC 1918 range)'
 */
export function checkVpcCidrs(cidrs: readonly string[], quota = DEFAULT_CIDR_QUOTA): VpcIssue[] {
  const issues: VpcIssue[] = [];
  if (cidrs.length === 0) {
    issues.push(
      issue('cidr-missing', 'vpc.cidrs', 'error', 'the VPC has no CIDR', 'Add a primary CIDR such as 10.0.0.0/16.'),
    );
  }
  const associated: Array<{ cidr: Cidr; index: number }> = [];
  cidrs.forEach((text, i) => {
    const path = `vpc.cidrs[${i}]`;
    const r = parseCidr(text);
    if (!r.ok) {
      issues.push(issue('cidr-invalid', path, 'error', r.error, parseFix(r.suggestion)));
      return;
    }
    const c = r.value;
    const size = sizeProblem(c, 'a VPC CIDR');
    if (size) issues.push(issue('cidr-size', path, 'error', size, resizeFix(c)));
    const before = associated.map((a) => a.cidr);

    const clashes = associated.filter((a) => overlaps(a.cidr, c));
    if (clashes.length > 0) {
      const names = clashes.map((a) => `${formatCidr(a.cidr)} (vpc.cidrs[${a.index}])`).join(', ');
      issues.push(issue('cidr-overlap', path, 'error', `${formatCidr(c)} overlaps ${names}`, secondaryFix(before, c)));
    } else if (i > 0) {
      const conflict = before.map((e) => associationConflict(e, c)).find((m) => m !== null);
      if (conflict) {
        issues.push(issue('cidr-association', path, 'error', conflict, secondaryFix(before, c)));
      } else {
        associated.push({ cidr: c, index: i });
      }
    } else {
      associated.push({ cidr: c, index: i });
    }

    if (overlaps(c, DOCKER_BRIDGE)) {
      issues.push(
        issue(
          'cidr-172-17',
          path,
          'warning',
          `${formatCidr(c)} ${dockerRelation(c)} 172.17.0.0/16, which Docker's default bridge, Amazon SageMaker and AWS Cloud9 use: addresses there can conflict`,
          i === 0 ? 'Use a primary CIDR outside 172.17.0.0/16, e.g. 10.0.0.0/16.' : secondaryFix(before, c),
        ),
      );
    }
  });

  if (cidrs.length > MAX_CIDR_QUOTA) {
    issues.push(
      issue(
        'cidr-quota-hard',
        `vpc.cidrs[${MAX_CIDR_QUOTA}]`,
        'error',
        `${cidrs.length} IPv4 CIDR blocks: a VPC can have at most ${MAX_CIDR_QUOTA}, even with a quota increase`,
        `Remove ${cidrs.length - MAX_CIDR_QUOTA}, or use fewer, larger blocks (up to /16 each).`,
      ),
    );
  } else if (cidrs.length > quota) {
    issues.push(
      issue(
        'cidr-quota',
        `vpc.cidrs[${quota}]`,
        'warning',
        `${cidrs.length} IPv4 CIDR blocks exceed this VPC's quota of ${quota}: the default quota is ${DEFAULT_CIDR_QUOTA} IPv4 CIDR blocks per VPC; request an increase up to ${MAX_CIDR_QUOTA}`,
        `Request an increase in Service Quotas ("IPv4 CIDR blocks per VPC", up to ${MAX_CIDR_QUOTA}) and set the plan's CIDR quota to match, or use fewer, larger blocks.`,
      ),
    );
  }
  return issues;
}

/** The subnet fields checkSubnets reads (a structural subset of plan.ts's Subnet). */
export interface SubnetInput {
  name: string;
  az: string;
  cidr: string;
  reservedIps?: number;
  prefixReservation?: string;
}

/**
 * Checks each subnet against the VPC CIDRs and the other subnets: parse errors, sizes (/16 to /28),
 * containment in a VPC CIDR, overlaps (reported on the later subnet), `reservedIps` against the
 * 2^(32−n) − 5 usable addresses, and the prefix reservation.
 * @example checkSubnets({ cidrs: ['10.0.0.0/16'], subnets: [{ name: 'a', az: 'us-east-1a',
 *   cidr: '10.0.0.0/28', reservedIps: 12 }] })[0].code === 'subnet-reserved-too-many' // a /28 has 11
 */
export function checkSubnets(vpc: { cidrs: readonly string[]; subnets: readonly SubnetInput[] }): VpcIssue[] {
  const issues: VpcIssue[] = [];
  const vpcCidrs = vpc.cidrs.flatMap((t) => {
    const r = parseCidr(t);
    return r.ok ? [r.value] : [];
  });
  const parsed = vpc.subnets.map((s) => parseCidr(s.cidr));
  const valid = parsed.map((r) => (r.ok ? r.value : null));

  vpc.subnets.forEach((s, i) => {
    const base = `vpc.subnets[${i}]`;
    const r = parsed[i];
    if (!r || !r.ok) {
      if (r)
        issues.push(
          issue('cidr-invalid', `${base}.cidr`, 'error', `subnet "${s.name}": ${r.error}`, parseFix(r.suggestion)),
        );
      return;
    }
    const c = r.value;
    const others = valid.filter((v, j): v is Cidr => v !== null && j !== i);
    const size = sizeProblem(c, 'a subnet');
    if (size) issues.push(issue('subnet-size', `${base}.cidr`, 'error', `subnet "${s.name}": ${size}`, resizeFix(c)));

    if (vpcCidrs.length > 0 && !vpcCidrs.some((v) => containsCidr(v, c))) {
      const list = vpcCidrs.map(formatCidr).join(', ');
      const straddles = vpcCidrs.find((v) => overlaps(v, c));
      const where = straddles ? `crosses the edge of ${formatCidr(straddles)}` : 'is outside every VPC CIDR';
      const alt = freeSubnetBlock(vpcCidrs, others, c.prefix);
      issues.push(
        issue(
          'subnet-outside-vpc',
          `${base}.cidr`,
          'error',
          `subnet "${s.name}" ${formatCidr(c)} ${where} (${list})`,
          `Pick a block inside the VPC CIDRs (${list})${alt ? `, e.g. ${formatCidr(alt)}` : ''}, or add a VPC CIDR that contains it.`,
        ),
      );
    }

    const j = valid.findIndex((v, k) => k < i && v !== null && overlaps(v, c));
    const other = valid[j];
    if (other) {
      const alt = freeSubnetBlock(vpcCidrs, others, c.prefix);
      issues.push(
        issue(
          'subnet-overlap',
          `${base}.cidr`,
          'error',
          `subnet "${s.name}" ${formatCidr(c)} overlaps subnet "${vpc.subnets[j]?.name}" ${formatCidr(other)} (vpc.subnets[${j}])`,
          alt ? `Move it to a free block such as ${formatCidr(alt)}.` : 'Shrink or remove one of the two subnets.',
        ),
      );
    }

    issues.push(...reservedIpIssues(s, c, base), ...prefixReservationIssues(s, c, base));
  });
  return issues;
}

function reservedIpIssues(s: SubnetInput, c: Cidr, base: string): VpcIssue[] {
  const n = s.reservedIps;
  if (n === undefined) return [];
  const path = `${base}.reservedIps`;
  if (!Number.isInteger(n) || n < 0) {
    return [
      issue(
        'subnet-reserved-invalid',
        path,
        'error',
        `subnet "${s.name}": reservedIps ${n} is not a whole number of addresses`,
        'Enter 0 or a positive whole number.',
      ),
    ];
  }
  const usable = usableAddresses(c);
  if (n <= usable) return [];
  // The smallest subnet whose usable addresses cover the reservation.
  let p = VPC_MAX_PREFIX;
  while (p >= VPC_MIN_PREFIX && 2 ** (32 - p) - AWS_RESERVED_PER_SUBNET < n) p--;
  const bigger =
    p >= VPC_MIN_PREFIX ? ` or use a /${p} subnet (${2 ** (32 - p) - AWS_RESERVED_PER_SUBNET} usable)` : '';
  return [
    issue(
      'subnet-reserved-too-many',
      path,
      'error',
      `subnet "${s.name}": reservedIps ${n} is more than the ${usable} usable addresses of ${formatCidr(c)} (${cidrSize(c)} minus AWS's ${AWS_RESERVED_PER_SUBNET})`,
      `Lower reservedIps to at most ${usable}${bigger}.`,
    ),
  ];
}

function prefixReservationIssues(s: SubnetInput, subnet: Cidr, base: string): VpcIssue[] {
  const text = s.prefixReservation?.trim();
  if (!text) return [];
  const path = `${base}.prefixReservation`;
  const invalid = (message: string, fix: string): VpcIssue[] => [
    issue('prefix-reservation-invalid', path, 'error', `subnet "${s.name}" prefix reservation: ${message}`, fix),
  ];
  // Suggest a reservation that avoids the first and last /28, which hold AWS's reserved addresses.
  const edges = edgeBlocks(subnet);
  // The lowest block clear of both ends, as large as `p` if one fits, else the largest that does.
  const example = (p: number): string => {
    for (let q = Math.max(p, subnet.prefix); q <= PREFIX_BLOCK; q++) {
      const alt = nextFreeBlock(subnet, edges, q);
      if (alt) return ` such as ${formatCidr(alt)}`;
    }
    return '';
  };
  const r = parseCidr(text);
  if (!r.ok) {
    return invalid(
      r.error,
      r.suggestion
        ? `Use ${r.suggestion}.`
        : `Enter a /28-aligned block inside ${formatCidr(subnet)}${example(PREFIX_BLOCK)}.`,
    );
  }
  const res = r.value;
  if (res.prefix > PREFIX_BLOCK) {
    return invalid(
      `${formatCidr(res)} is smaller than /28: EC2 delegates whole /28 prefixes, so a prefix reservation must be /28 or larger`,
      `Use a /28 or larger block inside ${formatCidr(subnet)}${example(PREFIX_BLOCK)}.`,
    );
  }
  if (!containsCidr(subnet, res)) {
    return invalid(
      `${formatCidr(res)} is not inside the subnet ${formatCidr(subnet)}`,
      `Use a block inside ${formatCidr(subnet)}${example(res.prefix)}.`,
    );
  }
  if (edges.some((e) => overlaps(e, res))) {
    const whole =
      res.prefix === subnet.prefix ? '; it also covers the whole subnet, leaving no addresses for node IPs' : '';
    return [
      issue(
        'prefix-reservation-edge',
        path,
        'warning',
        `subnet "${s.name}" prefix reservation ${formatCidr(res)} includes the subnet's first or last /28, which hold AWS's reserved addresses and never take a prefix${whole}`,
        example(res.prefix)
          ? `Reserve a block clear of both ends${example(res.prefix)}.`
          : `A /${subnet.prefix} subnet has no /28 clear of both ends: prefixes need a /26 or larger subnet.`,
      ),
    ];
  }
  return [];
}

function dockerRelation(c: Cidr): string {
  if (c.prefix === DOCKER_BRIDGE.prefix && c.base === DOCKER_BRIDGE.base) return 'is';
  return containsCidr(DOCKER_BRIDGE, c) ? 'lies in' : 'overlaps';
}

/** The first and last /28 of a subnet (one block for a /28 subnet). */
function edgeBlocks(subnet: Cidr): Cidr[] {
  if (subnet.prefix >= PREFIX_BLOCK) return [subnet];
  const step = 2 ** (32 - PREFIX_BLOCK);
  return [
    { base: subnet.base, prefix: PREFIX_BLOCK },
    { base: subnet.base + cidrSize(subnet) - step, prefix: PREFIX_BLOCK },
  ];
}

/** The lowest free block of `prefix` in any VPC CIDR, clear of the given subnets. */
function freeSubnetBlock(vpcCidrs: readonly Cidr[], subnets: readonly Cidr[], prefix: number): Cidr | null {
  for (const v of vpcCidrs) {
    const hit = nextFreeBlock(v, subnets, prefix);
    if (hit) return hit;
  }
  return null;
}

function issue(code: string, path: string, severity: VpcIssue['severity'], message: string, fix: string): VpcIssue {
  return { code, path, severity, message, fix };
}

function parseFix(suggestion: string | undefined): string {
  return suggestion
    ? `Use ${suggestion}.`
    : 'Enter an IPv4 CIDR such as 10.0.0.0/16 (VPCs and subnets are /16 to /28).';
}

function resizeFix(c: Cidr): string {
  const p = c.prefix < VPC_MIN_PREFIX ? VPC_MIN_PREFIX : VPC_MAX_PREFIX;
  const size = 2 ** (32 - p);
  const example = formatCidr({ base: c.base - (c.base % size), prefix: p });
  return c.prefix < VPC_MIN_PREFIX
    ? `Use /16 blocks (65,536 addresses each), e.g. ${example}; add more CIDRs or subnets for more space.`
    : `Use a /28 or larger block, e.g. ${example}.`;
}

const RANGE_NAMES: Array<[Cidr, string]> = [
  [CGNAT, 'a block from 100.64.0.0/10'],
  [RFC1918_10, 'another 10.0.0.0/8 block'],
  [RFC1918_172, 'another 172.16.0.0/12 block'],
  [RFC1918_192, 'another 192.168.0.0/16 block'],
  [RANGE_198_19, 'another 198.19.0.0/16 block'],
];

/** A fix naming legal replacements of the same size: 100.64.0.0/10 first, then the primary's range. */
function secondaryFix(before: readonly Cidr[], c: Cidr): string {
  if (before.length === 0) return 'Use a primary CIDR that overlaps nothing, e.g. 10.0.0.0/16.';
  const prefix = Math.min(Math.max(c.prefix, VPC_MIN_PREFIX), VPC_MAX_PREFIX);
  const options: string[] = [];
  const ranges = [
    CGNAT,
    ...RANGE_NAMES.filter(([r]) => r !== CGNAT && classifyRange(before[0]!) === classifyRange(r)).map(([r]) => r),
  ];
  for (const range of ranges) {
    const alt = suggestSecondaryCidr(before, prefix, [range]);
    const name = RANGE_NAMES.find(([r]) => r === range)?.[1];
    if (alt && name) options.push(`${name} such as ${formatCidr(alt)}`);
  }
  return options.length > 0
    ? `Use ${options.join(' or ')}.`
    : `Remove it: no /${prefix} block can be associated next to the VPC's other CIDRs.`;
}
