/**
 * A deliberately naive evaluator for tests: places every node one at a time (node i → subnets[i mod k]),
 * adds its addresses, and walks every breakpoint of the scale path instead of bisecting. Slow and
 * obviously right; src/model/evaluate.ts must agree with it.
 */
import type { InstanceDataset } from '../../src/model/instances';
import type { Plan } from '../../src/model/plan';
import { nodeAccounting } from '../../src/model/warm-pool';
import { groupCni } from '../../src/model/auto-mode';
import { nodeInputOf } from '../../src/model/placement';

function size(cidr: string) {
  return 2 ** (32 - Number(cidr.split('/')[1]));
}

/** Addresses used per subnet (reservedIps included) for explicit node counts per group. */
export function usedByNodeLoop(plan: Plan, dataset: InstanceDataset, counts: number[]): number[] {
  const used = plan.vpc.subnets.map((s) => s.reservedIps ?? 0);
  const byName = new Map(plan.vpc.subnets.map((s, i) => [s.name, i]));
  plan.nodeGroups.forEach((g, gi) => {
    const t = dataset.byName.get(g.instanceType)!;
    // Per-node figures are warm-pool.ts's (held to its own references); this reference checks where they land.
    const cni = groupCni(plan.cni, g);
    const per = nodeAccounting(t, cni, nodeInputOf(g));
    for (let i = 0; i < counts[gi]!; i++) {
      const ns = byName.get(g.subnets[i % g.subnets.length]!)!;
      used[ns]! += per.nodeSubnetIps;
      if (cni.customNetworking) {
        const az = plan.vpc.subnets[ns]!.az;
        const pod = (g.podSubnets ?? []).map((p) => byName.get(p)!).find((p) => plan.vpc.subnets[p]!.az === az) ?? ns;
        used[pod]! += per.podSubnetIps;
      }
    }
  });
  return used;
}

const TICKS = 2 ** 20; // λ = t / TICKS, as in exhaustion.ts

/** Counts on the scale path at tick t (the definition in exhaustion.ts, restated). */
export function countsAtLambda(plan: Plan, t: number): number[] {
  return plan.nodeGroups.map((g) =>
    t <= TICKS
      ? g.minNodes + Math.floor((t * (g.maxNodes - g.minNodes)) / TICKS)
      : Math.floor((t * g.maxNodes) / TICKS),
  );
}

/** Every tick in [0, 2·TICKS] where some group's count changes: the first t with ⌊t·span/TICKS⌋ ≥ m. */
export function breakpoints(plan: Plan): number[] {
  const set = new Set<number>([0, TICKS, 2 * TICKS]);
  for (const g of plan.nodeGroups) {
    const span = g.maxNodes - g.minNodes;
    for (let m = 1; m <= span; m++) set.add(Math.ceil((m * TICKS) / span));
    for (let m = g.maxNodes + 1; m <= 2 * g.maxNodes; m++) set.add(Math.ceil((m * TICKS) / g.maxNodes));
  }
  return [...set].filter((t) => t >= 0 && t <= 2 * TICKS).sort((a, b) => a - b);
}

/** For each subnet, total nodes at the first breakpoint where used > usable (address rule only). */
export function exhaustionByWalk(plan: Plan, dataset: InstanceDataset): (number | null)[] {
  const usable = plan.vpc.subnets.map((s) => size(s.cidr) - 5);
  const out: (number | null)[] = plan.vpc.subnets.map(() => null);
  for (const l of breakpoints(plan)) {
    const counts = countsAtLambda(plan, l);
    const used = usedByNodeLoop(plan, dataset, counts);
    const total = counts.reduce((a, b) => a + b, 0);
    used.forEach((u, i) => {
      if (out[i] === null && u > usable[i]!) out[i] = total;
    });
  }
  return out;
}
