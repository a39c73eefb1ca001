/**
 * Findings about an evaluated plan, each with a stable code, the plan path, a plain message and a
 * concrete fix (and, where the fix is a setting, the patch that applies it).
 */
import type { InstanceDataset } from './instances';
import { recommendedMaxPods } from './max-pods';
import type { Plan } from './plan';
import type { GroupPlacement } from './placement';
import type { Evaluation, Warning } from './result';
import type { VpcIssue } from './vpc-rules';
import { aiNodeWarnings } from './warnings-ai';
import { discoveryWarnings } from './subnet-discovery-report';
import { fmt, percent } from './format';

/** EKS: "at least six IP addresses … we recommend at least 16" per cluster subnet (network-reqs.adoc). */
export const CLUSTER_SUBNET_MIN_FREE = 16;
/** Above this share of used addresses in warm pools at desired, the plan is told it wastes addresses. */
export const WARM_SHARE_THRESHOLD = 0.5;

/** "a", "a and b", "a, b and c"; beyond four, "a, b, c and 5 more". */
export function listOf(items: readonly string[]): string {
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The other node groups that place nodes or pods in a subnet group `gi` uses, and those shared subnets
 * (plan order): the room maxNodesThatFit reports for `gi` is theirs too (they are held at desired).
 */
export function roomSharedWith(
  plan: Plan,
  placed: readonly Pick<GroupPlacement, 'touches'>[],
  gi: number,
): { groups: string[]; subnets: string[] } {
  const mine = new Set(placed[gi]?.touches ?? []);
  const groups: string[] = [];
  const subnets = new Set<number>();
  placed.forEach((p, j) => {
    const common = j === gi ? [] : p.touches.filter((s) => mine.has(s));
    if (!common.length) return;
    groups.push(plan.nodeGroups[j]!.name);
    for (const s of common) subnets.add(s);
  });
  return { groups, subnets: [...subnets].sort((a, b) => a - b).map((i) => plan.vpc.subnets[i]!.name) };
}

export function planWarnings(
  plan: Plan,
  dataset: InstanceDataset,
  result: Pick<Evaluation, 'subnets' | 'nodeGroups' | 'totals'>,
  placed: readonly GroupPlacement[],
  vpcWarnings: readonly VpcIssue[],
): Warning[] {
  const out: Warning[] = vpcWarnings.map((v) => ({
    code: v.code,
    message: v.message,
    path: v.path,
    severity: 'warning',
    fix: v.fix,
  }));
  const cni = plan.cni;
  // Subnets whose pod ENIs subnet discovery spreads over an AZ's pool (subnet-discovery.ts).
  const pooled = new Set(placed.flatMap((p) => p.discovery?.slots.flatMap((d) => d?.eligible ?? []) ?? []));

  result.subnets.forEach((s, i) => {
    const path = `vpc.subnets[${i}]`;
    if (!s.fitsAtMax) {
      const blocks = s.prefixBlocks?.max;
      const byBlocks = blocks && blocks.short > 0 && s.free.max >= 0;
      out.push({
        code: 'subnet-exhausted',
        severity: 'error',
        path,
        message: byBlocks
          ? `Subnet ${s.name} runs out of free /28 blocks for prefixes at ${fmt(s.exhaustedAtNodes ?? 0)} nodes: at max it needs ${fmt(blocks.needed)} prefixes and has ${fmt(blocks.total - blocks.spoiled)} unspoiled blocks, although ${fmt(s.free.max)} addresses are free`
          : s.free.max >= 0 && pooled.has(i)
            ? `Subnet ${s.name} runs out at ${fmt(s.exhaustedAtNodes ?? 0)} nodes with the other subnets its pod ENIs may go to (subnet discovery): at max a new ENI finds no eligible subnet in ${s.az} with room for it (${fmt(s.free.max)} addresses left here)`
            : `Subnet ${s.name} runs out at ${fmt(s.exhaustedAtNodes ?? 0)} nodes: at max it needs ${fmt(s.used.max)} of ${fmt(s.usable)} usable addresses`,
        fix: byBlocks
          ? 'Add a subnet CIDR reservation of type prefix (prefixReservation) or a subnet for prefix pods alone'
          : cni.customNetworking
            ? 'Give the pods a larger ENIConfig subnet (e.g. a /18 from 100.64.0.0/10), or lower the warm pool (WARM_IP_TARGET / MINIMUM_IP_TARGET)'
            : pooled.has(i)
              ? 'Add a subnet from a secondary CIDR (100.64.0.0/10) tagged kubernetes.io/role/cni=1 in that AZ, turn on prefix delegation, lower the warm pool with MINIMUM_IP_TARGET, or use a larger subnet'
              : 'Add a secondary CIDR from 100.64.0.0/10 with custom networking, turn on prefix delegation, lower the warm pool with MINIMUM_IP_TARGET, or use a larger subnet',
      });
    } else if (s.exhaustedAtNodes !== null) {
      out.push({
        code: 'subnet-headroom',
        severity: 'info',
        path,
        message: `Subnet ${s.name} fits at max but runs out at ${fmt(s.exhaustedAtNodes)} nodes if all groups keep scaling`,
        fix: 'Keep maxNodes below that, or plan the next CIDR now',
      });
    }
    // Cluster (control-plane ENI) subnets are node subnets or dedicated ones; pod-only ENIConfig subnets are not.
    const podOnly = s.roles.length === 1 && s.roles[0] === 'pods';
    if (s.fitsAtMax && !podOnly && s.free.max < CLUSTER_SUBNET_MIN_FREE) {
      out.push({
        code: 'cluster-subnet-low-free',
        severity: 'warning',
        path,
        message: `Subnet ${s.name} has ${fmt(Math.max(0, s.free.max))} free addresses at max; EKS needs at least 6 in each cluster subnet (16 recommended) for its control-plane ENIs, more during upgrades`,
        fix: 'Keep at least 16 addresses free here, or give the cluster dedicated /28 subnets',
      });
    }
  });

  plan.nodeGroups.forEach((g, gi) => {
    const t = dataset.byName.get(g.instanceType)!;
    const r = result.nodeGroups[gi]!;
    const per = placed[gi]!.perNode;
    const path = `nodeGroups[${gi}]`;
    // An EFA-only interface on card 0 takes one of its ENI slots: the calculator is asked as for MAX_ENI one lower.
    const eniSlots = per.efaOnlyOnCard0 ? Math.min(cni.maxEni ?? t.enis, t.enis) - per.efaOnlyOnCard0 : cni.maxEni;
    const rec = recommendedMaxPods(t, {
      customNetworking: cni.customNetworking,
      prefixDelegation: cni.prefixDelegation && !per.prefixFallback,
      maxEni: eniSlots,
    });
    const setMaxPods = { kind: 'nodeGroup' as const, index: gi, set: { maxPods: rec } };
    if (per.prefixFallback) {
      out.push({
        code: 'prefix-delegation-unsupported',
        severity: 'warning',
        path: `${path}.instanceType`,
        message: `${g.instanceType} is not a Nitro instance: ipamd silently falls back to secondary IPs with WARM_ENI_TARGET`,
        fix: 'Pick a Nitro instance type (e.g. m5, m6i, c6i) for this group or plan it without prefix delegation',
      });
    }
    if (cni.podEni && !t.trunk) {
      out.push({
        code: 'pod-eni-unsupported',
        severity: 'warning',
        path: `${path}.instanceType`,
        message: `${g.instanceType} cannot take a trunk ENI: pods with their own security groups will not schedule on it`,
        fix: 'Use a trunk-compatible Nitro type for pods that need security groups',
      });
    }
    const kubelet = per.maxPods - 2;
    if (kubelet > per.ipCapacity && g.podsPerNode > 0) {
      const cause =
        per.efaOnlyOnCard0 > 0 && g.maxPods === null
          ? 'efa-only-max-pods'
          : cni.customNetworking && g.maxPods === null
            ? 'custom-networking-max-pods'
            : cni.maxEni !== null && g.maxPods === null
              ? 'max-eni-max-pods'
              : 'max-pods-above-capacity';
      const why =
        cause === 'efa-only-max-pods'
          ? `the ENA + EFA-only layout puts an EFA-only interface on card 0, taking one of its ${t.enis} ENI slots, but the default max pods (${per.maxPods}) does not know`
          : cause === 'custom-networking-max-pods'
            ? `custom networking takes the primary ENI away from pods, but the default max pods (${per.maxPods}) does not know`
            : cause === 'max-eni-max-pods'
              ? `MAX_ENI=${cni.maxEni} limits the ENIs, but max pods stays at the default ${per.maxPods}`
              : `max pods ${per.maxPods} admits more pods than the ${fmt(per.ipCapacity)} addresses the CNI can hold`;
      out.push({
        code: cause,
        severity: per.podsWithoutIp > 0 ? 'error' : 'warning',
        path: `${path}.maxPods`,
        message: `${g.name}: ${why}; the kubelet schedules up to ${kubelet} pods but only ${fmt(per.ipCapacity)} get addresses`,
        fix: `Set max pods to ${rec} (max-pods-calculator.sh), e.g. --use-max-pods false --kubelet-extra-args '--max-pods=${rec}'`,
        apply: setMaxPods,
      });
    }
    if (cni.prefixDelegation && !per.prefixFallback && g.maxPods === null) {
      out.push({
        code: 'prefix-delegation-max-pods',
        severity: 'warning',
        path: `${path}.maxPods`,
        message: `${g.name}: prefix delegation with the default max pods (${per.maxPods}) stops ipamd at ${per.maxPods} addresses and the kubelet at ${per.maxPods} pods`,
        fix: `Set max pods to ${rec} (the calculator's value with prefix delegation)`,
        apply: setMaxPods,
      });
    }
    if (per.podsWithoutIp > 0) {
      const mitOnly =
        (cni.minimumIpTarget ?? 0) > 0 && !cni.warmIpTarget && per.podsAdmitted > per.podsRunning - per.branchPods;
      const kubeletCap = g.podsPerNode > per.podsAdmitted;
      out.push({
        code: mitOnly ? 'minimum-ip-target-strands-pods' : kubeletCap ? 'pods-over-max-pods' : 'pods-without-ip',
        severity: 'error',
        path: `${path}.podsPerNode`,
        message: mitOnly
          ? `${g.name}: MINIMUM_IP_TARGET=${cni.minimumIpTarget} without WARM_IP_TARGET never holds more than ${per.ips} addresses; ${per.podsWithoutIp} of ${g.podsPerNode} pods per node get none`
          : kubeletCap
            ? `${g.name}: ${g.podsPerNode} pods per node exceed what the kubelet admits (max pods ${per.maxPods} less 2 hostNetwork pods); ${per.podsWithoutIp} stay Pending`
            : `${g.name}: ${per.podsWithoutIp} of ${g.podsPerNode} pods per node get no address (the CNI holds at most ${fmt(per.ipCapacity)})`,
        fix: mitOnly
          ? `Set MINIMUM_IP_TARGET a little above the pods per node (${g.podsPerNode + 5}) and WARM_IP_TARGET as well`
          : kubeletCap
            ? 'Use a larger instance type or more nodes'
            : 'Use prefix delegation, fewer pods per node, or a larger instance type',
        ...(mitOnly
          ? {
              apply: {
                kind: 'cni' as const,
                set: { warmIpTarget: 5, minimumIpTarget: Math.max(cni.minimumIpTarget ?? 0, g.podsPerNode + 5) },
              },
            }
          : {}),
      });
    }
    if (r.nodes.max > 0 && r.maxNodesThatFit < r.nodes.max) {
      // The room is judged with the others at desired; groups in the same subnets draw on the same room.
      const shared = roomSharedWith(plan, placed, gi);
      out.push({
        code: 'node-group-does-not-fit',
        severity: 'error',
        path: `${path}.maxNodes`,
        message: shared.groups.length
          ? `${g.name}: only ${fmt(r.maxNodesThatFit)} of ${fmt(r.nodes.max)} nodes fit while ${listOf(shared.groups)} ` +
            `stay${shared.groups.length === 1 ? 's' : ''} at desired. The room is shared: ${g.name} and ` +
            `${listOf(shared.groups)} use ${listOf(shared.subnets)}, so each group's figure counts the same free ` +
            'addresses and the figures do not add up'
          : `${g.name}: only ${fmt(r.maxNodesThatFit)} of ${fmt(r.nodes.max)} nodes fit in its subnets`,
        fix: shared.groups.length
          ? `See the subnet warnings for what runs out first; give ${g.name} subnets of its own to size it apart`
          : 'See the subnet warnings for what runs out first',
      });
    }
  });
  out.push(...aiNodeWarnings(plan, dataset, placed));
  out.push(...discoveryWarnings(plan, placed));
  if (
    (cni.minimumIpTarget ?? 0) > 0 &&
    !cni.warmIpTarget &&
    !out.some((w) => w.code === 'minimum-ip-target-strands-pods')
  ) {
    out.push({
      code: 'minimum-ip-target-without-warm-ip-target',
      severity: 'warning',
      path: 'cni.minimumIpTarget',
      message: `MINIMUM_IP_TARGET=${cni.minimumIpTarget} without WARM_IP_TARGET: pods beyond ${cni.minimumIpTarget} on a node never get an address`,
      fix: 'Set WARM_IP_TARGET too (both together keep a floor and a margin)',
      apply: { kind: 'cni', set: { warmIpTarget: 5 } },
    });
  }
  const warmShare = result.totals.used.desired > 0 ? result.totals.warm.desired / result.totals.used.desired : 0;
  if (warmShare > WARM_SHARE_THRESHOLD) {
    out.push({
      code: 'warm-pool-waste',
      severity: 'warning',
      path: 'cni',
      message: `${percent(warmShare)} of the addresses used at desired (${fmt(result.totals.warm.desired)} of ${fmt(result.totals.used.desired)}) sit idle in warm pools`,
      fix: 'Set MINIMUM_IP_TARGET a little above the pods per node with a small WARM_IP_TARGET, or use prefix delegation',
    });
  }
  return out;
}
