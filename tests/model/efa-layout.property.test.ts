import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { launchLayout } from '../../src/model/efa-layout';
import type { InstanceType } from '../../src/model/instances';
import { DEFAULT_CNI, type CniSettings, type EfaLayout, type NodeGroupKind } from '../../src/model/plan';
import { nodeAccounting, type NodeInput } from '../../src/model/warm-pool';
import { launchInterfaces, simulateGpuNode } from '../reference/node-sim';

// GPU/EFA nodes: the closed form (warm-pool.ts, efa-layout.ts) held to the whole-node replay in
// tests/reference/node-sim.ts, which attaches the launch's interfaces, keeps a datastore per managed card,
// runs ipamd's loop one action at a time and hands out addresses one pod at a time. Every expected number
// comes from that replay or from the EFA figures AWS and the tools publish, none from a formula restated here.

const efaTypes = dataset.types.filter((t) => (t.ai?.efa ?? 0) > 0);
const names = efaTypes.map((t) => t.name);
const type = (n: string) => dataset.byName.get(n)!;
const LAYOUTS: readonly EfaLayout[] = ['none', 'efa', 'efa-only', 'ena-efa-only'];
const KINDS: readonly NodeGroupKind[] = ['self-managed', 'managed', 'karpenter', 'auto-mode'];

const optInt = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: null });
const cniArb: fc.Arbitrary<CniSettings> = fc.record({
  warmEniTarget: fc.integer({ min: 0, max: 4 }),
  warmIpTarget: optInt(60),
  minimumIpTarget: optInt(200),
  warmPrefixTarget: fc.integer({ min: 0, max: 4 }),
  maxEni: optInt(16),
  prefixDelegation: fc.boolean(),
  customNetworking: fc.boolean(),
  podEni: fc.boolean(),
  multiNic: fc.boolean(),
});
const nodeArb = (branch: fc.Arbitrary<number>) =>
  fc.record({
    pods: fc.integer({ min: 0, max: 400 }),
    multiHomedPods: fc.integer({ min: 0, max: 400 }),
    branchPods: branch,
    maxPods: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    kind: fc.constantFrom(...KINDS),
    reservedEnis: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  });

const compared = (r: {
  nodeSubnetIps: number;
  podSubnetIps: number;
  podsWithoutIp: number;
  enis: number;
  ips: number;
  maxPods: number;
  prefixes: number;
  podsRunning: number;
}) => ({
  nodeSubnetIps: r.nodeSubnetIps,
  podSubnetIps: r.podSubnetIps,
  podsWithoutIp: r.podsWithoutIp,
  enis: r.enis,
  ips: r.ips,
  maxPods: r.maxPods,
  prefixes: r.prefixes,
  podsRunning: r.podsRunning,
});
const total = (r: { nodeSubnetIps: number; podSubnetIps: number }) => r.nodeSubnetIps + r.podSubnetIps;
/** Launch interfaces that carry ENA (each has a primary IPv4 in the node subnet), by the replay's launch. */
const enaInterfaces = (t: InstanceType, layout: EfaLayout) =>
  launchInterfaces(t, layout)
    .flat()
    .filter((i) => i !== 'efa-only').length;

describe('the node replay reproduces the published EFA figures', () => {
  // EFA layouts and ENABLE_MULTI_NIC worked by hand (eksctl @ 99984adb `pkg/cfn/builder/network_interfaces.go`, terraform-aws-eks @ bef29c4d `modules/eks-managed-node-group/main.tf`; ipamd.go @ b52188387): WARM_ENI_TARGET=1, 10 pods, secondary IPs, self-managed.
  it('p5.48xlarge with 10 pods: 100 / 131 / 100 / 50 node-subnet addresses, Karpenter max pods 51', () => {
    const at = (efaLayout: EfaLayout) => simulateGpuNode(type('p5.48xlarge'), DEFAULT_CNI, { pods: 10, efaLayout });
    expect(LAYOUTS.map((l) => at(l).nodeSubnetIps)).toEqual([100, 131, 100, 50]);
    const karpenter = simulateGpuNode(type('p5.48xlarge'), DEFAULT_CNI, {
      pods: 10,
      efaLayout: 'ena-efa-only',
      kind: 'karpenter',
    });
    expect(karpenter.maxPods).toBe(51);
  });
  it('p6-b300.48xlarge (17 cards, 16 EFA): card 0 is ENA only, efa takes 116', () => {
    const r = simulateGpuNode(type('p6-b300.48xlarge'), DEFAULT_CNI, { pods: 10, efaLayout: 'efa' });
    expect(r.cards[0]!.launch).toEqual(['ena']);
    expect(r.nodeSubnetIps).toBe(116);
  });
  it('p5.48xlarge with ENABLE_MULTI_NIC and no multi-homed pods: 162 with efa and with none', () => {
    const multi = { ...DEFAULT_CNI, multiNic: true };
    expect(simulateGpuNode(type('p5.48xlarge'), multi, { pods: 10, efaLayout: 'efa' }).nodeSubnetIps).toBe(162);
    expect(simulateGpuNode(type('p5.48xlarge'), multi, { pods: 10, efaLayout: 'none' }).nodeSubnetIps).toBe(162);
  });
});

describe('launchLayout attaches what the replay attaches', () => {
  it('for every EFA type and layout, card by card', () => {
    for (const t of efaTypes) {
      for (const layout of LAYOUTS) {
        const mine = launchLayout(t, layout).cards.map((c) => c.interfaces);
        expect(mine, `${t.name} ${layout}`).toEqual(launchInterfaces(t, layout));
      }
    }
  });
});

describe('EFA nodes: closed form against the whole-node replay', () => {
  it('agrees on subnet addresses, pods without an address, ENIs and held addresses', () => {
    const seen = {
      spill: 0,
      multiHomedOnOtherCards: 0,
      noTrunkRoom: 0,
      pdMultiNic: 0,
      cnMultiNic: 0,
      karpenterEfaOnly: 0,
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        cniArb,
        fc.constantFrom(...LAYOUTS),
        nodeArb(fc.integer({ min: 0, max: 20 })),
        (name, cni, efaLayout, node) => {
          const t = type(name);
          const input: NodeInput = { ...node, efaLayout };
          const sim = simulateGpuNode(t, cni, input);
          expect(compared(nodeAccounting(t, cni, input))).toEqual(compared(sim));
          if (sim.spilledPods > 0) seen.spill++;
          if (sim.multiHomedRunning > 0 && sim.cards.filter((c) => c.managed).length > 1) seen.multiHomedOnOtherCards++;
          if (cni.podEni && t.trunk && !sim.trunkAttached) seen.noTrunkRoom++;
          if (cni.prefixDelegation && sim.cards.filter((c) => c.managed).length > 1) seen.pdMultiNic++;
          if (cni.customNetworking && sim.cards.filter((c) => c.managed).length > 1) seen.cnMultiNic++;
          if (node.kind === 'karpenter' && efaLayout === 'ena-efa-only' && node.maxPods === null)
            seen.karpenterEfaOnly++;
        },
      ),
      { numRuns: 4000 },
    );
    // The runs reached the cases this file exists for.
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(10);
  });

  it('p5.48xlarge, efa, custom networking, ENABLE_MULTI_NIC, 100 pods: the 49 pods card 0 cannot hold use card 1', () => {
    const cni = { ...DEFAULT_CNI, customNetworking: true, multiNic: true };
    const input: NodeInput = { pods: 100, efaLayout: 'efa' };
    const sim = simulateGpuNode(type('p5.48xlarge'), cni, input);
    // card 0: 1 pod ENI of 49 (custom networking); card 1: its EFA ENI's 49 secondaries + 1 warm on a new ENI
    expect([sim.spilledPods, sim.podsWithoutIp, sim.nodeSubnetIps, sim.podSubnetIps]).toEqual([49, 2, 111, 52]);
    expect(compared(nodeAccounting(type('p5.48xlarge'), cni, input))).toEqual(compared(sim));
  });

  it('MAX_ENI=1 with security groups for pods: no trunk, and the primary ENI still carries 49 pods (c5n.18xlarge)', () => {
    const cni = { ...DEFAULT_CNI, maxEni: 1, podEni: true };
    const input: NodeInput = { pods: 60, branchPods: 3 };
    const sim = simulateGpuNode(type('c5n.18xlarge'), cni, input);
    expect([sim.trunkAttached, sim.ips, sim.podsRunning, sim.nodeSubnetIps]).toEqual([false, 49, 49, 50]);
    expect(compared(nodeAccounting(type('c5n.18xlarge'), cni, input))).toEqual(compared(sim));
  });
});

describe('EFA layouts against each other (replay and closed form alike)', () => {
  // Branch pods are left out here: a layout that leaves card 0 no slot for the trunk also leaves branch pods
  // unscheduled, and their kubelet slots go to pods that take pool addresses (see the last test).
  const both = (t: InstanceType, cni: CniSettings, input: NodeInput) => [
    ['replay', simulateGpuNode(t, cni, input)] as const,
    ['closed form', nodeAccounting(t, cni, input)] as const,
  ];
  const byLayout = (t: InstanceType, cni: CniSettings, node: NodeInput) =>
    Object.fromEntries(LAYOUTS.map((l) => [l, both(t, cni, { ...node, efaLayout: l })])) as Record<
      EfaLayout,
      ReturnType<typeof both>
    >;

  it('efa-only never takes more node-subnet addresses than none; ena-efa-only never more than efa-only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), cniArb, nodeArb(fc.constant(0)), (name, cni, node) => {
        const r = byLayout(type(name), cni, node);
        for (let i = 0; i < 2; i++) {
          const [who, none] = r.none[i]!;
          const eo = r['efa-only'][i]![1];
          const eeo = r['ena-efa-only'][i]![1];
          expect(eo.nodeSubnetIps, `${who}: efa-only vs none`).toBeLessThanOrEqual(none.nodeSubnetIps);
          expect(eeo.nodeSubnetIps, `${who}: ena-efa-only vs efa-only`).toBeLessThanOrEqual(eo.nodeSubnetIps);
          expect(total(eo), `${who}: efa-only vs none, all subnets`).toBeLessThanOrEqual(total(none));
          expect(total(eeo), `${who}: ena-efa-only vs efa-only, all subnets`).toBeLessThanOrEqual(total(eo));
        }
      }),
      { numRuns: 1200 },
    );
  });

  it('efa takes exactly its extra EFA interfaces with ENA more than efa-only (one primary each)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), cniArb, nodeArb(fc.constant(0)), (name, cni, node) => {
        const t = type(name);
        const extra = enaInterfaces(t, 'efa') - enaInterfaces(t, 'efa-only');
        // the EFA count less card 0's primary, or all of them where card 0 is ENA only
        expect(extra).toBe(t.ai!.efa >= t.networkCards ? t.networkCards - 1 : t.ai!.efa);
        const off = byLayout(t, { ...cni, multiNic: false }, node);
        const on = byLayout(t, { ...cni, multiNic: true }, node);
        for (let i = 0; i < 2; i++) {
          const who = off.efa[i]![0];
          expect(off.efa[i]![1].nodeSubnetIps - off['efa-only'][i]![1].nodeSubnetIps, who).toBe(extra);
          expect(total(off.efa[i]![1]) - total(off['efa-only'][i]![1]), who).toBe(extra);
          // with ENABLE_MULTI_NIC the EFA ENIs also carry the other cards' warm and multi-homed addresses
          expect(on.efa[i]![1].nodeSubnetIps - on['efa-only'][i]![1].nodeSubnetIps, who).toBeGreaterThanOrEqual(extra);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('ENABLE_MULTI_NIC never takes fewer addresses, nor leaves more pods without one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        cniArb,
        fc.constantFrom(...LAYOUTS),
        nodeArb(fc.constant(0)),
        (name, cni, efaLayout, node) => {
          const t = type(name);
          const on = both(t, { ...cni, multiNic: true }, { ...node, efaLayout });
          const off = both(t, { ...cni, multiNic: false }, { ...node, efaLayout });
          for (let i = 0; i < 2; i++) {
            const who = on[i]![0];
            expect(total(on[i]![1]), who).toBeGreaterThanOrEqual(total(off[i]![1]));
            expect(on[i]![1].nodeSubnetIps, who).toBeGreaterThanOrEqual(off[i]![1].nodeSubnetIps);
            expect(on[i]![1].podsWithoutIp, who).toBeLessThanOrEqual(off[i]![1].podsWithoutIp);
          }
        },
      ),
      { numRuns: 1200 },
    );
  });

  it('with a branch pod, ena-efa-only can take more than efa-only: no trunk, its slot goes to a pool pod', () => {
    // c5n.18xlarge, MAX_ENI=2, prefix delegation, WARM_PREFIX_TARGET=0, max pods 162, 160 pods + 1 branch pod
    const cni = {
      ...DEFAULT_CNI,
      maxEni: 2,
      prefixDelegation: true,
      warmPrefixTarget: 0,
      warmEniTarget: 0,
      podEni: true,
    };
    const input = { pods: 160, branchPods: 1, maxPods: 162 };
    const eo = simulateGpuNode(type('c5n.18xlarge'), cni, { ...input, efaLayout: 'efa-only' });
    const eeo = simulateGpuNode(type('c5n.18xlarge'), cni, { ...input, efaLayout: 'ena-efa-only' });
    // efa-only: trunk + 1 branch pod, 159 pool pods in 10 prefixes; ena-efa-only: 160 pool pods need an 11th
    expect([eo.trunkAttached, eo.ips, eo.nodeSubnetIps]).toEqual([true, 160, 163]);
    expect([eeo.trunkAttached, eeo.ips, eeo.nodeSubnetIps]).toEqual([false, 176, 177]);
    for (const [l, sim] of [
      ['efa-only', eo],
      ['ena-efa-only', eeo],
    ] as const) {
      expect(compared(nodeAccounting(type('c5n.18xlarge'), cni, { ...input, efaLayout: l }))).toEqual(compared(sim));
    }
  });
});
