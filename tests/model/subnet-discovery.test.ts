/**
 * Enhanced subnet discovery (ENABLE_SUBNET_DISCOVERY) and subnet tags. Expected figures come from AWS's
 * own numbers (m5.16xlarge: 15 ENIs × 50 IPv4, so 49 secondaries per ENI; data/aws/instance-limits.json)
 * and from tests/reference/discovery-sim.ts, which places every node's ENIs one by one; none is restated
 * from the model's closed form.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { placeGroups } from '../../src/model/placement';
import type { Plan } from '../../src/model/plan';
import { splitNode } from '../../src/model/subnet-discovery';
import { waterFill } from '../../src/model/subnet-discovery-fill';
import { subnetStatics, Usage, usageFor } from '../../src/model/subnet-usage';
import { validatePlan } from '../../src/model/validate-plan';
import { issuePlan, ROLE } from './discovery-plans';
import { nodeAccounting } from '../../src/model/warm-pool';
import { simulateDiscovery } from '../reference/discovery-sim';

function run(plan: Plan) {
  const v = validatePlan(plan, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return evaluate(v.plan, dataset, v.warnings);
}

describe('the issue’s test: a /24 node subnet and a tagged /20 in the same AZ', () => {
  const t = dataset.byName.get('m5.16xlarge')!;
  it('m5.16xlarge has 15 ENIs of 50 IPv4 each (AWS), so one ENI holds its primary + 49', () => {
    expect([t.enis, t.ipv4PerEni]).toEqual([15, 50]);
  });

  it('untagged: all 4 × (50 + 50) = 400 addresses in the /24 (251 usable): does not fit', () => {
    const e = run(issuePlan());
    expect(e.subnets.map((s) => s.used.max)).toEqual([400, 0]);
    expect(e.fits).toBe(false);
  });

  it('tagged kubernetes.io/role/cni=1: the /24 holds each primary ENI (node IP + 49), the /20 each warm ENI (50); fits', () => {
    const e = run(issuePlan('1'));
    expect(e.subnets.map((s) => s.used.max)).toEqual([4 * 50, 4 * 50]);
    expect(e.subnets[0]!.breakdown.max).toMatchObject({ nodeIps: 4, eniPrimaries: 0, podIps: 40, warmIps: 4 * 39 });
    expect(e.subnets[1]!.breakdown.max).toMatchObject({ nodeIps: 0, eniPrimaries: 4, podIps: 0, warmIps: 4 * 49 });
    expect(e.fits).toBe(true);
    // The /24 now holds 50 per node: 5 nodes (250 ≤ 251), not 6.
    expect(e.nodeGroups[0]!.maxNodesThatFit).toBe(5);
    expect(e.subnets[0]!.roles).toEqual(['nodes']);
    expect(e.subnets[1]!.roles).toEqual(['pods']);
    expect(e.nodeGroups[0]!.subnetDiscovery).toEqual({
      nodeSubnetPerNode: 50,
      enisPerNode: 1,
      eniAddressesPerNode: 50,
      primaryWithoutPods: false,
      subnets: ['nodes-a', 'pods-a'],
    });
  });

  it('tagged kubernetes.io/role/cni=0: the /20 is kept out, as untagged; does not fit', () => {
    const e = run(issuePlan('0'));
    expect(e.subnets.map((s) => s.used.max)).toEqual([400, 0]);
    expect(e.fits).toBe(false);
  });

  it('ENABLE_SUBNET_DISCOVERY=false or custom networking: the tag does nothing (and says so)', () => {
    const off = { ...issuePlan('1'), cni: { ...issuePlan('1').cni, subnetDiscovery: false } };
    const e = run(off);
    expect(e.subnets.map((s) => s.used.max)).toEqual([400, 0]);
    expect(e.warnings.map((w) => w.code)).toContain('subnet-discovery-unused');
  });

  it('the most free subnet takes the next ENI: a tagged /26 (59 usable) beside the /24 takes one ENI, then the /24 is roomier', () => {
    const p = issuePlan('1');
    p.vpc.subnets[1]!.cidr = '10.0.16.0/26';
    const e = run(p);
    // Fixed 200 in the /24 leaves 51 free; the /26 has 59: it takes node 1's ENI (59 → 9), then the /24 (51 → 1)
    // takes the next, then the /26 (9) and the /24 (1) are both short of 50: the pool has run out.
    const sim = simulateDiscovery(p, dataset, [4]);
    expect(e.subnets.map((s) => s.used.max)).toEqual(sim.used);
    expect(sim.used).toEqual([200 + 2 * 50, 2 * 50]);
    expect(e.fits).toBe(false);
    expect(e.subnets.every((s) => !s.fitsAtMax)).toBe(true);
  });

  it('a node subnet tagged =0 keeps only the node IP; every pod ENI goes to the tagged subnet (as custom networking)', () => {
    const p = issuePlan('1');
    p.vpc.subnets[0]!.tags = { [ROLE]: '0' };
    const e = run(p);
    // Primary ENI without pods: ceil(10 / 49) + 1 = 2 pod ENIs of 50 per node, in the /20.
    expect(e.subnets.map((s) => s.used.max)).toEqual([4, 4 * 100]);
    expect(e.nodeGroups[0]!.perNode.ipCapacity).toBe(14 * 49);
    expect(e.warnings.map((w) => w.code)).toContain('subnet-discovery-max-pods');
  });

  it('a node subnet tagged =0 with no tagged subnet in its AZ: the pods get no address (error)', () => {
    const p = issuePlan();
    p.vpc.subnets[0]!.tags = { [ROLE]: '0' };
    const e = run(p);
    expect(e.warnings.find((w) => w.code === 'subnet-discovery-no-pod-subnet')?.severity).toBe('error');
  });

  it('a cluster tag for another cluster keeps the subnet out; one for this plan’s cluster name keeps it in', () => {
    const other = issuePlan('1');
    other.vpc.subnets[1]!.tags!['cni.networking.k8s.aws/cluster/someone-else'] = 'shared';
    expect(run(other).subnets.map((s) => s.used.max)).toEqual([400, 0]);
    const mine = issuePlan('1');
    mine.vpc.subnets[1]!.tags!['cni.networking.k8s.aws/cluster/discovery-test'] = 'shared';
    expect(run(mine).subnets.map((s) => s.used.max)).toEqual([200, 200]);
  });

  it('a tagged subnet in another AZ is not used', () => {
    const p = issuePlan('1');
    p.vpc.subnets[1]!.az = 'us-east-1b';
    const e = run(p);
    expect(e.subnets.map((s) => s.used.max)).toEqual([400, 0]);
    expect(e.warnings.map((w) => w.code)).toContain('subnet-tagged-no-nodes');
  });

  it('the exhaustion series: the /24 runs out at 6 nodes (6 × 50 > 251), the /20 not within 2× max (8 nodes)', () => {
    const e = run(issuePlan('1'));
    expect(e.subnets.map((s) => s.exhaustedAtNodes)).toEqual([6, null]);
    // The series ends just past the first exhaustion: at 6 nodes the /24 is over with its fixed parts alone,
    // and every warm ENI has gone to the /20.
    expect(e.series.points.at(-1)).toEqual({ nodes: 6, used: [6 * 50, 6 * 50] });
  });
});

describe('waterFill: the K largest slots free, free − size, … over the eligible subnets', () => {
  it('matches placing one at a time into the most free subnet (ties to the first listed)', () => {
    const free = new Float64Array([100, 100, 37, 0, 250]);
    const eligible = [0, 1, 2, 4];
    for (let k = 1; k <= 20; k++) {
      for (const size of [1, 7, 50]) {
        const out: number[] = [];
        waterFill(k, size, eligible, free, out);
        const f = Array.from(free);
        const want = eligible.map(() => 0);
        for (let i = 0; i < k; i++) {
          let b = 0;
          eligible.forEach((s, j) => {
            if (f[s]! > f[eligible[b]!]!) b = j;
          });
          want[b]!++;
          f[eligible[b]!]! -= size;
        }
        expect(out, `k=${k} size=${size}`).toEqual(want);
      }
    }
  });
});

describe('splitNode adds up to nodeAccounting, kind by kind', () => {
  it('for every mode on a few types', () => {
    const base = issuePlan().cni;
    const cnis = [
      base,
      { ...base, warmEniTarget: 2 },
      { ...base, warmIpTarget: 5, minimumIpTarget: 30 },
      { ...base, prefixDelegation: true },
      { ...base, podEni: true },
    ];
    for (const name of ['m5.large', 'm5.16xlarge', 'c5.2xlarge', 't3.medium', 'p5.48xlarge']) {
      const t = dataset.byName.get(name)!;
      for (const cni of cnis) {
        for (const pods of [0, 1, 10, 49, 50, 200]) {
          for (const zero of [false, true]) {
            const per = nodeAccounting(t, zero ? { ...cni, customNetworking: true } : cni, {
              pods,
              branchPods: cni.podEni ? 3 : 0,
            });
            const split = splitNode(per, zero);
            expect(split, `${name} ${JSON.stringify(cni)} ${pods} ${zero}`).not.toBeNull();
            const total = split!.runs.reduce(
              (a, r) => a + r.count * r.size,
              split!.fixed.nodeIps + split!.fixed.eniPrimaries + split!.fixed.podIps + split!.fixed.warmIps,
            );
            expect(total).toBe(per.totalIps);
          }
        }
      }
    }
  });
});

describe('usage is independent of the node count’s size (closed form)', () => {
  it('100,000 nodes place as fast as 4 and by the same rule', () => {
    const p = issuePlan('1');
    p.vpc.cidrs.push('100.64.0.0/10');
    p.vpc.subnets[1]!.cidr = '100.64.0.0/10';
    const placed = placeGroups(p, dataset);
    const u = usageFor(placed, [100_000], new Usage(2));
    const st = subnetStatics(p);
    // The /24 cannot hold 100,000 nodes' fixed parts; the ENIs go where there is room: all to the /10.
    expect([u.used(0, st[0]!), u.used(1, st[1]!)]).toEqual([100_000 * 50, 100_000 * 50]);
  });
});
