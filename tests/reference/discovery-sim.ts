/**
 * Subnet discovery placed node by node, ENI by ENI: the reference src/model/subnet-discovery.ts's
 * water-filling is held to. Deliberately naive: it builds every node, gives each its ENIs from
 * nodeAccounting's totals (held addresses or prefixes, S per ENI, the primary first), puts every node's
 * fixed addresses in its node subnet, then creates the secondary ENIs one at a time in the order of
 * events the model documents (group by group, launch subnet by launch subnet, every node's k-th ENI
 * before any node's (k+1)-th), each in the eligible subnet with the most free addresses at that moment,
 * ties to the subnet listed first. Cards beyond 0 (EFA, ENABLE_MULTI_NIC) are not modelled here: the
 * property tests draw plans without them.
 */
import { clusterName } from '../../src/model/export/common';
import type { InstanceDataset } from '../../src/model/instances';
import type { Plan } from '../../src/model/plan';
import { nodeAccounting } from '../../src/model/warm-pool';

const ROLE = 'kubernetes.io/role/cni';
const CLUSTER = 'cni.networking.k8s.aws/cluster/';

export interface SimResult {
  /** Addresses used per subnet, reservedIps included. */
  used: number[];
  /** Subnets eligible for an ENI that was placed with less free than it takes. */
  short: boolean[];
}

function usable(cidr: string): number {
  return 2 ** (32 - Number(cidr.split('/')[1])) - 5;
}

/**
 * `order`: 'burst' (the model's: every node's fixed addresses first, then the ENIs round by round) or
 * 'one-by-one' (each node launches and settles, fixed addresses and ENIs, before the next; node i of every
 * group in turn), to measure how much the order of events moves the figures.
 */
export function simulateDiscovery(
  plan: Plan,
  dataset: InstanceDataset,
  counts: number[],
  order: 'burst' | 'one-by-one' = 'burst',
): SimResult {
  const subnets = plan.vpc.subnets;
  const used = subnets.map((s) => s.reservedIps ?? 0);
  const short = subnets.map(() => false);
  const byName = new Map(subnets.map((s, i) => [s.name, i]));
  const cluster = clusterName(plan);
  const role = (i: number) => subnets[i]!.tags?.[ROLE];
  const forCluster = (i: number) => {
    const keys = Object.keys(subnets[i]!.tags ?? {}).filter((k) => k.startsWith(CLUSTER));
    return keys.length === 0 || keys.includes(CLUSTER + cluster);
  };
  const cni = plan.cni;
  const on = cni.subnetDiscovery !== false && !cni.customNetworking && plan.vpc.ipFamily !== 'ipv6';

  interface Node {
    group: number;
    slot: number;
    subnet: number;
    enis: number[];
    eligible: number[];
    fixed: number;
    index: number;
  }
  const nodes: Node[] = [];
  plan.nodeGroups.forEach((g, gi) => {
    const t = dataset.byName.get(g.instanceType)!;
    const input = { pods: g.podsPerNode, branchPods: g.branchPodsPerNode ?? 0, maxPods: g.maxPods, kind: g.kind };
    for (let i = 0; i < counts[gi]!; i++) {
      const slot = i % g.subnets.length;
      const n = byName.get(g.subnets[slot]!)!;
      const az = subnets[n]!.az;
      const zero = role(n) === '0';
      const eligible = subnets.flatMap((s, j) => {
        if (j === n) return zero ? [] : [j];
        return s.az === az && role(j) !== undefined && role(j) !== '0' && forCluster(j) ? [j] : [];
      });
      const active = on && g.kind !== 'auto-mode' && (zero || eligible.some((j) => j !== n));
      if (!active) {
        const per = nodeAccounting(t, cni, input);
        used[n]! += per.nodeSubnetIps;
        if (cni.customNetworking) {
          const pod = (g.podSubnets ?? []).map((p) => byName.get(p)!).find((p) => subnets[p]!.az === az) ?? n;
          used[pod]! += per.podSubnetIps;
        }
        continue;
      }
      // With the node subnet tagged =0 the primary ENI carries no pods, as under custom networking.
      const per = nodeAccounting(t, zero ? { ...cni, customNetworking: true } : cni, input);
      const pd = per.prefixes > 0 || per.mode === 'prefix' || per.mode === 'prefix-warm-ip';
      const unit = pd ? 16 : 1;
      const S = t.ipv4PerEni - 1;
      let units = pd ? per.prefixes : per.ips;
      const trunk = per.trunkEni ? 1 : 0;
      // The node IP, the trunk ENI and the branch ENIs stay in the node subnet, and so does the primary ENI.
      let fixed = 1 + trunk + per.branchPods;
      if (!zero) {
        const onPrimary = Math.min(S, units);
        fixed += onPrimary * unit;
        units -= onPrimary;
      }
      if (order === 'burst') used[n]! += fixed;
      const enis: number[] = [];
      while (units > 0) {
        const u = Math.min(S, units);
        enis.push(1 + u * unit);
        units -= u;
      }
      nodes.push({ group: gi, slot, subnet: n, enis, eligible, fixed, index: i });
    }
  });
  const free = (j: number) => usable(subnets[j]!.cidr) - used[j]!;
  const place = (node: Node, size: number) => {
    let best = node.eligible[0]!;
    for (const j of node.eligible) if (free(j) > free(best)) best = j;
    if (free(best) < size) for (const j of node.eligible) short[j] = true;
    used[best]! += size;
  };
  if (order === 'one-by-one') {
    const longest = Math.max(0, ...counts);
    for (let i = 0; i < longest; i++) {
      for (const node of nodes.filter((x) => x.index === i)) {
        used[node.subnet]! += node.fixed;
        if (node.eligible.length) for (const size of node.enis) place(node, size);
      }
    }
    return { used, short };
  }
  // Then the secondary ENIs, one at a time.
  plan.nodeGroups.forEach((g, gi) => {
    for (let slot = 0; slot < g.subnets.length; slot++) {
      const mine = nodes.filter((x) => x.group === gi && x.slot === slot);
      const rounds = Math.max(0, ...mine.map((x) => x.enis.length));
      for (let k = 0; k < rounds; k++) {
        for (const node of mine) {
          const size = node.enis[k];
          if (size === undefined || node.eligible.length === 0) continue;
          place(node, size);
        }
      }
    }
  });
  return { used, short };
}
