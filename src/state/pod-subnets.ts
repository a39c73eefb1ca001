/**
 * Pod subnets for custom networking as the editor proposes them. `fillPodSubnets` gives each node group
 * the pod subnet of an AZ where the choice is plain; `podSubnetCarve` proposes one pod subnet per AZ that
 * has none to choose, carved from a 100.64.0.0/10 (or 198.19.0.0/16) CIDR of the VPC, or from the next
 * such CIDR AWS would accept when none has room.
 */
import { carveSubnets, formatCidr, parseCidr, type Cidr } from '../model/cidr';
import { CGNAT, RANGE_198_19 } from '../model/cidr-association';
import type { Subnet } from '../model/plan';
import { DEFAULT_CIDR_QUOTA, suggestSecondaryCidr } from '../model/vpc-rules';
import type { Draft, DraftGroup, DraftSubnet } from './draft';
import { isPodCidr, uniqueName } from './suggest';

const parsed = (text: string): Cidr | null => {
  const r = parseCidr(text.trim());
  return r.ok ? r.value : null;
};

/** Auto Mode groups take no ENIConfig: custom networking's pod subnets are optional for them (groupCni). */
const needsPodSubnets = (g: DraftGroup) => g.kind.trim() !== 'auto-mode';

function subnetsByName(d: Draft): Map<string, DraftSubnet> {
  const m = new Map<string, DraftSubnet>();
  for (const s of d.subnets) if (s.name && !m.has(s.name)) m.set(s.name, s);
  return m;
}

/** The names of the subnets some node group launches its nodes in. */
function launchNames(d: Draft): Set<string> {
  return new Set(d.nodeGroups.flatMap((g) => g.subnets));
}

/** The AZs of a group's launch subnets that have no pod subnet of the group, in the group's order. */
export function missingPodAzs(g: DraftGroup, byName: ReadonlyMap<string, DraftSubnet>): string[] {
  const pod = new Set(g.podSubnets.map((n) => byName.get(n)?.az.trim()).filter(Boolean));
  const azs = g.subnets.map((n) => byName.get(n)?.az.trim() ?? '').filter((az) => az && !pod.has(az));
  return [...new Set(azs)];
}

/** Subnets that could take pod ENIs in `az`: the named subnets of that AZ no group launches nodes in. */
function candidatesIn(d: Draft, az: string, launch: ReadonlySet<string>): DraftSubnet[] {
  return d.subnets.filter((s) => s.name && s.az.trim() === az && !launch.has(s.name));
}

/**
 * With custom networking on, each node group gets a pod subnet in every AZ of its nodes that has none,
 * where the choice is plain: the one subnet of that AZ no group launches nodes in, or of several, the one
 * the other groups use there. Returns `d` itself when nothing changes (nothing to fill, or nothing plain).
 * @example the small routable VPC with pods-a/b/c added and custom networking on: general gets
 *   podSubnets ['pods-a', 'pods-b', 'pods-c']
 */
export function fillPodSubnets(d: Draft): Draft {
  if (!d.cni.customNetworking) return d;
  const byName = subnetsByName(d);
  const launch = launchNames(d);
  const usedIn = new Map<string, Set<string>>();
  for (const g of d.nodeGroups) {
    for (const n of g.podSubnets) {
      const az = byName.get(n)?.az.trim();
      if (az) usedIn.set(az, (usedIn.get(az) ?? new Set()).add(n));
    }
  }
  const pickIn = new Map<string, string | null>();
  const pick = (az: string): string | null => {
    if (!pickIn.has(az)) {
      const all = candidatesIn(d, az, launch);
      const shared = all.filter((s) => usedIn.get(az)?.has(s.name));
      pickIn.set(az, all.length === 1 ? all[0]!.name : shared.length === 1 ? shared[0]!.name : null);
    }
    return pickIn.get(az)!;
  };
  let changed = false;
  const nodeGroups = d.nodeGroups.map((g) => {
    if (!needsPodSubnets(g)) return g;
    const add = missingPodAzs(g, byName).flatMap((az) => pick(az) ?? []);
    if (add.length === 0) return g;
    changed = true;
    return { ...g, podSubnets: [...g.podSubnets, ...add] };
  });
  return changed ? { ...d, nodeGroups } : d;
}

/** One pod subnet per AZ, carved from `cidr` (which `addsCidr` says is not yet in the VPC). */
export interface PodCarve {
  cidr: string;
  addsCidr: boolean;
  subnets: Subnet[];
}

/** The AZs where a node group has no pod subnet and no subnet to pick, in plan order. */
export function azsWithoutPodSubnets(d: Draft): string[] {
  const byName = subnetsByName(d);
  const launch = launchNames(d);
  const azs = d.nodeGroups
    .filter(needsPodSubnets)
    .flatMap((g) => missingPodAzs(g, byName))
    .filter((az) => candidatesIn(d, az, launch).length === 0);
  return [...new Set(azs)];
}

/** The largest equal blocks, one per AZ, that `count` of fit in the free space of `source`. */
export function carveEqual(source: Cidr, used: readonly Cidr[], count: number): Cidr[] | null {
  const first = source.prefix + Math.ceil(Math.log2(Math.max(1, count)));
  for (let p = first; p <= 28; p++) {
    const hit = carveSubnets(
      source,
      used,
      Array.from({ length: count }, () => p),
    );
    if (typeof hit !== 'string') return hit;
  }
  return null;
}

/** The short AZ label for a name: its last letter ("us-east-1a" → "a"), else the AZ itself. */
export const azLabel = (az: string): string => (/[a-z]$/.test(az) ? az.slice(-1) : az);

/**
 * Pod subnets for the AZs that have none to pick (azsWithoutPodSubnets): the largest equal blocks that
 * fit in the newest 100.64.0.0/10 or 198.19.0.0/16 CIDR of the VPC with room for all of them, else in the
 * next such /16 (/20, /24) AWS would accept beside the VPC's CIDRs, if the CIDR quota has room; or null.
 * @example the small routable VPC (10.0.0.0/22): 100.64.0.0/16 added, pods-a/b/c 100.64.0.0/18, 100.64.64.0/18,
 *   100.64.128.0/18 in us-east-1a/b/c
 */
export function podSubnetCarve(d: Draft): PodCarve | null {
  const azs = azsWithoutPodSubnets(d);
  if (azs.length === 0) return null;
  const cidrs = d.cidrs.map(parsed);
  const existing = cidrs.filter((c): c is Cidr => c !== null);
  const used = d.subnets.map((s) => parsed(s.cidr)).filter((c): c is Cidr => c !== null);
  let source: Cidr | null = null;
  let blocks: Cidr[] | null = null;
  for (let i = cidrs.length - 1; i >= 0 && !blocks; i--) {
    const c = cidrs[i];
    if (!c || !isPodCidr(c)) continue;
    blocks = carveEqual(c, used, azs.length);
    source = c;
  }
  let addsCidr = false;
  if (!blocks) {
    if (existing.length !== d.cidrs.length || d.cidrs.length >= (d.cidrQuota ?? DEFAULT_CIDR_QUOTA)) return null;
    const ranges = [CGNAT, RANGE_198_19];
    source = [16, 20, 24].reduce<Cidr | null>((hit, p) => hit ?? suggestSecondaryCidr(existing, p, ranges), null);
    blocks = source && carveEqual(source, [], azs.length);
    addsCidr = true;
  }
  if (!source || !blocks) return null;
  const taken = d.subnets.map((s) => s.name);
  const subnets = azs.map((az, i): Subnet => {
    const name = uniqueName(`pods-${azLabel(az)}`, taken);
    taken.push(name);
    return { name, az, cidr: formatCidr(blocks[i]!) };
  });
  return { cidr: formatCidr(source), addsCidr, subnets };
}
