/**
 * Packing subnets into VPC CIDR blocks: power-of-two blocks sorted largest first always fit, aligned,
 * into a block of the next power of two at least their total (buddy allocation), so first-fit decreasing
 * into /16 bins, then carving each bin, never fails for blocks of /16 or smaller.
 */
import { carveSubnets, formatCidr, parseCidr, type Cidr } from '../cidr';
import { suggestSecondaryCidr, VPC_MAX_PREFIX, VPC_MIN_PREFIX } from '../cidr-association';

/** A subnet to place: its prefix length and which range family it belongs to. */
export interface SubnetRequest {
  key: string;
  prefix: number;
}

/**
 * Groups of requests (indexes) whose blocks sum to at most a /16, largest first (first-fit decreasing).
 * @example binPack([17, 17, 17]) → [[0, 1], [2]] // two /17s fill a /16
 */
export function binPack(prefixes: readonly number[]): number[][] {
  const order = prefixes.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const cap = 2 ** (32 - VPC_MIN_PREFIX);
  const bins: { used: number; items: number[] }[] = [];
  for (const { p, i } of order) {
    const size = 2 ** (32 - p);
    const bin = bins.find((b) => b.used + size <= cap);
    if (bin) {
      bin.used += size;
      bin.items.push(i);
    } else bins.push({ used: size, items: [i] });
  }
  return bins.map((b) => b.items);
}

/**
 * The prefix of the smallest block holding `total` addresses, within /16–/28.
 * @example prefixFor(1_632) === 21 // 2,048 addresses
 */
export function prefixFor(total: number): number {
  const p = 32 - Math.ceil(Math.log2(Math.max(1, total)));
  return Math.min(VPC_MAX_PREFIX, Math.max(VPC_MIN_PREFIX, p));
}

export type Placement = { ok: true; cidrs: Cidr[]; blocks: Map<string, Cidr> } | { ok: false; error: string };

/**
 * Places the requests into VPC CIDRs: routable ones starting at `primary` (then further blocks of the
 * primary's range), pod ones in `podRanges` (100.64.0.0/10, then 198.19.0.0/16), every block checked with
 * canAssociate through suggestSecondaryCidr, at most `quota` blocks in all.
 * @example routable [/23, /23, /23, /27, /27, /27] at 10.0.0.0 → one 10.0.0.0/21 (3 × 512 + 3 × 32 = 1,632 addresses)
 */
export function placeSubnets(
  routable: readonly SubnetRequest[],
  pods: readonly SubnetRequest[],
  primaryBase: string,
  primaryRange: Cidr,
  podRanges: readonly Cidr[],
  quota: number,
): Placement {
  const cidrs: Cidr[] = [];
  const blocks = new Map<string, Cidr>();
  const place = (reqs: readonly SubnetRequest[], next: (prefix: number) => Cidr | string): string | null => {
    for (const bin of binPack(reqs.map((r) => r.prefix))) {
      const items = bin.map((i) => reqs[i]!);
      const total = items.reduce((s, r) => s + 2 ** (32 - r.prefix), 0);
      const container = next(prefixFor(total));
      if (typeof container === 'string') return container;
      cidrs.push(container);
      const carved = carveSubnets(
        container,
        [],
        items.map((r) => r.prefix),
      );
      if (typeof carved === 'string') return carved;
      items.forEach((r, j) => blocks.set(r.key, carved[j]!));
    }
    return null;
  };
  const routableErr = place(routable, (prefix) => {
    if (cidrs.length === 0) {
      const r = parseCidr(`${primaryBase}/${prefix}`);
      if (!r.ok) return `the primary CIDR ${primaryBase}/${prefix} is not aligned: ${r.error}`;
      return r.value;
    }
    return (
      suggestSecondaryCidr(cidrs, prefix, [primaryRange]) ??
      `no further /${prefix} next to ${cidrs.map(formatCidr).join(', ')} in ${formatCidr(primaryRange)}`
    );
  });
  if (routableErr) return { ok: false, error: routableErr };
  const podErr = place(
    pods,
    (prefix) =>
      suggestSecondaryCidr(cidrs, prefix, podRanges) ??
      `no free /${prefix} for pods in ${podRanges.map(formatCidr).join(' or ')}`,
  );
  if (podErr) return { ok: false, error: podErr };
  if (cidrs.length > quota) {
    return {
      ok: false,
      error: `the layout needs ${cidrs.length} VPC CIDR blocks and the quota is ${quota}: raise cidrQuota (up to 50) or use fewer AZs`,
    };
  }
  return { ok: true, cidrs, blocks };
}
