/**
 * Prefix delegation needs free, aligned /28 blocks, not loose addresses (EC2's `InsufficientCidrBlocks`;
 * aws/amazon-vpc-cni-k8s issues #2749 and #2045). The planner's assumption, stated in the README: AWS's reserved addresses spoil the
 * first and last /28 of a subnet, and every single address (node IP, ENI primary, branch-ENI pod,
 * `reservedIps`) spoils a /28 of its own, unless the subnet has a prefix reservation, in which case single
 * addresses stay outside it and prefixes come from it first. EC2 publishes no fragmentation figure, so
 * this is the conservative reading of vpc-cni #2749 / #2045.
 */
import { cidrFirst, cidrLast, cidrSize, containsAddress, type Cidr } from './cidr';

export const PREFIX_BLOCK_SIZE = 16;

/** The /28 geometry of one subnet, computed once per evaluation. */
export interface BlockGeometry {
  /** /28 blocks inside the prefix reservation that prefixes may use (AWS-reserved ones excluded). */
  reservedBlocks: number;
  /** /28 blocks outside the reservation that are not spoiled by AWS's reserved addresses. */
  openBlocks: number;
  /** Addresses outside the reservation available for single addresses. */
  singleCapacity: number;
}

/** @example blockGeometry(10.0.0.0/24, undefined) → { reservedBlocks: 0, openBlocks: 14, singleCapacity: 251 } */
export function blockGeometry(subnet: Cidr, reservation: Cidr | undefined): BlockGeometry {
  const blocks = subnet.prefix > 28 ? 0 : cidrSize(subnet) / PREFIX_BLOCK_SIZE;
  const usable = Math.max(0, cidrSize(subnet) - 5);
  if (!reservation) return { reservedBlocks: 0, openBlocks: Math.max(0, blocks - 2), singleCapacity: usable };
  const rBlocks = reservation.prefix > 28 ? 0 : cidrSize(reservation) / PREFIX_BLOCK_SIZE;
  const firstIn = containsAddress(reservation, cidrFirst(subnet));
  const lastIn = containsAddress(reservation, cidrLast(subnet));
  const awsReservedInside = (firstIn ? 4 : 0) + (lastIn ? 1 : 0);
  return {
    reservedBlocks: Math.max(0, rBlocks - (firstIn ? 1 : 0) - (lastIn ? 1 : 0)),
    openBlocks: Math.max(0, blocks - rBlocks - (firstIn ? 0 : 1) - (lastIn ? 0 : 1)),
    singleCapacity: Math.max(0, usable - (cidrSize(reservation) - awsReservedInside)),
  };
}

/** The /28 blocks of a subnet: `usedByPrefixes + spoiled + free === total`; `short` prefixes find no block. */
export interface BlockUse {
  total: number;
  /** Blocks holding a prefix. */
  usedByPrefixes: number;
  /** Blocks spoiled by single addresses. */
  spoiled: number;
  /** Blocks left for new prefixes. */
  free: number;
  /** Prefixes the nodes want that find no free block (EC2 InsufficientCidrBlocks). */
  short: number;
}

/**
 * Blocks spoiled, used and free for `singles` single addresses and `prefixes` /28 prefixes.
 * @example blockUse(/24 geometry, 14, 14) → { total: 14, usedByPrefixes: 0, spoiled: 14, free: 0, short: 14 }
 */
export function blockUse(g: BlockGeometry, singles: number, prefixes: number): BlockUse {
  const total = g.reservedBlocks + g.openBlocks;
  const spoiled = Math.min(singles, g.openBlocks);
  const placed = Math.min(prefixes, total - spoiled);
  return { total, usedByPrefixes: placed, spoiled, free: total - spoiled - placed, short: prefixes - placed };
}

/** Free blocks less the prefixes without one: negative when prefixes are short (for ranking). */
export const blockMargin = (u: BlockUse) => u.free - u.short;

/**
 * The subnet's load counting /28 blocks: `usable` × (spoiled + wanted prefixes) ÷ blocks, so that a subnet
 * out of blocks crosses its usable line on the chart exactly where prefixes run short.
 */
export function blockLoad(u: BlockUse, usable: number): number {
  return u.total > 0 ? (usable * (u.spoiled + u.usedByPrefixes + u.short)) / u.total : 0;
}
