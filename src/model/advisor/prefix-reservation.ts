/**
 * Sizing a subnet CIDR reservation of type prefix (aws/amazon-vpc-cni-k8s issue #2749: EC2 assigns prefixes
 * from reserved space first; README, "How the numbers are computed"): the smallest aligned
 * block inside the subnet that makes the /28 accounting of prefix-blocks.ts hold the prefixes, clear of
 * the subnet's first and last /28 where the subnet allows it.
 */
import { cidrSize, formatCidr, parseCidr, type Cidr } from '../cidr';
import { VPC_MAX_PREFIX, VPC_MIN_PREFIX } from '../cidr-association';
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import { placeGroups } from '../placement';
import { blockGeometry, blockMargin, blockUse } from '../prefix-blocks';
import { subnetFits, subnetStatics, Usage, usageFor } from '../subnet-usage';

/** Single addresses and /28 prefixes one subnet must hold. */
export interface BlockDemand {
  singles: number;
  prefixes: number;
}

/** Free /28 blocks with this reservation (negative: short), or null when single addresses do not fit beside it. */
function freeBlocks(subnet: Cidr, reservation: Cidr | undefined, d: BlockDemand): number | null {
  const g = blockGeometry(subnet, reservation);
  if (d.singles > g.singleCapacity) return null;
  return blockMargin(blockUse(g, d.singles, d.prefixes));
}

/** Per block size, the candidate: the second-highest block (clear of both edge /28s), or the upper half. */
function candidates(subnet: Cidr): Cidr[] {
  const out: Cidr[] = [];
  for (let q = 28; q > subnet.prefix; q--) {
    const size = 2 ** (32 - q);
    const count = cidrSize(subnet) / size;
    out.push({ base: subnet.base + (count >= 4 ? cidrSize(subnet) - 2 * size : size), prefix: q });
  }
  return out;
}

/**
 * The smallest reservation that holds `demand`; if none does, the one leaving the most free blocks when it
 * beats no reservation; else null.
 * @example choosePrefixReservation(10.0.0.0/24, { singles: 12, prefixes: 6 }) → 10.0.0.128/25, fits: without
 *   it 12 singles spoil 12 of the 14 usable /28 blocks (6 needed); with it they stay in the lower /25,
 *   whose 7 open blocks they spoil, and the upper /25 keeps 7 blocks (its last holds the broadcast) for prefixes
 */
export function choosePrefixReservation(subnet: Cidr, demand: BlockDemand): { cidr: Cidr; fits: boolean } | null {
  const none = freeBlocks(subnet, undefined, demand);
  let best: { cidr: Cidr; free: number } | null = null;
  for (const c of candidates(subnet)) {
    const free = freeBlocks(subnet, c, demand);
    if (free === null) continue;
    if (free >= 0) return { cidr: c, fits: true };
    if (!best || free > best.free) best = { cidr: c, free };
  }
  return best && (none === null || best.free > none) ? { cidr: best.cidr, fits: false } : null;
}

/** A subnet size, with the prefix reservation it needs as an offset from the subnet's base. */
export interface SubnetSize {
  prefix: number;
  reservation?: { offset: number; prefix: number };
}

/**
 * The smallest subnet (/28 up to /16) that holds `used` addresses and, with prefixes, their /28 blocks:
 * without a reservation when singles + prefixes fit in the unspoiled blocks, else with the smallest
 * prefix reservation that keeps the singles out of the prefixes' way.
 * @example subnetSizeFor(408, { singles: 0, prefixes: 0 }) → { prefix: 23 } // 507 usable
 * @example subnetSizeFor(4_048, { singles: 4_000, prefixes: 3 }) → { prefix: 20, reservation: { offset: 3_968, prefix: 26 } }
 *   // 4,000 singles would spoil every /28 of the /20; a /26 reservation keeps 4 blocks for the 3 prefixes
 */
export function subnetSizeFor(used: number, d: BlockDemand): SubnetSize | null {
  for (let p = VPC_MAX_PREFIX; p >= VPC_MIN_PREFIX; p--) {
    if (2 ** (32 - p) - 5 < used) continue;
    if (d.prefixes === 0 || d.singles + d.prefixes <= 2 ** (28 - p) - 2) return { prefix: p };
    const r = choosePrefixReservation({ base: 0, prefix: p }, d);
    if (r?.fits) return { prefix: p, reservation: { offset: r.cidr.base, prefix: r.cidr.prefix } };
  }
  return null;
}

/** The reservation of `size` placed in `block`. */
export function reservationIn(block: Cidr, size: SubnetSize): string | undefined {
  return size.reservation
    ? formatCidr({ base: block.base + size.reservation.offset, prefix: size.reservation.prefix })
    : undefined;
}

/**
 * Sets `prefixReservation` on the subnets of `plan` (prefix delegation on) whose /28 blocks do not hold
 * the prefixes at max: sized for max × (1 + headroom) when possible, else for max, else best effort.
 * Changes `plan` in place and returns what it set.
 */
export function reservePrefixBlocks(
  plan: Plan,
  dataset: InstanceDataset,
  headroomPct: number,
): { subnet: string; cidr: Cidr; fits: boolean }[] {
  const placed = placeGroups(plan, dataset);
  const st = subnetStatics(plan);
  const demandAt = (scale: number) => {
    const counts = plan.nodeGroups.map((g) => Math.ceil(g.maxNodes * scale - 1e-9));
    return usageFor(placed, counts, new Usage(st.length));
  };
  const atMax = demandAt(1);
  const withHeadroom = demandAt(1 + headroomPct / 100);
  const out: { subnet: string; cidr: Cidr; fits: boolean }[] = [];
  plan.vpc.subnets.forEach((s, i) => {
    if (atMax.prefixes[i] === 0 || subnetFits(atMax, i, st[i]!)) return;
    const cidr = parseCidr(s.cidr);
    if (!cidr.ok) return;
    const demand = (u: Usage): BlockDemand => ({ singles: u.singles[i]! + st[i]!.reserved, prefixes: u.prefixes[i]! });
    const pick =
      [withHeadroom, atMax].map((u) => choosePrefixReservation(cidr.value, demand(u))).find((r) => r?.fits) ??
      choosePrefixReservation(cidr.value, demand(atMax));
    if (!pick) return;
    s.prefixReservation = formatCidr(pick.cidr);
    out.push({ subnet: s.name, cidr: pick.cidr, fits: pick.fits });
  });
  return out;
}
