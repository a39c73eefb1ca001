import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import type { CniSettings } from '../../src/model/plan';
import { eniLimitedMaxPods } from '../../src/model/max-pods';
import { nodeAccounting } from '../../src/model/warm-pool';
import { simulateNode } from '../reference/ipamd-sim';

// The closed form must equal a step-by-step replay of ipamd's loop for any type, setting and pod count.
// Every expected number comes from the replay (tests/reference/ipamd-sim.ts), none from a formula restated
// here; the concrete cases are in tests/vectors/node.json.
const names = dataset.types.map((t) => t.name);
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
});

describe('warm-pool closed form against the ipamd loop replay', () => {
  it('agrees on held addresses, prefixes, ENIs, subnet addresses and running pods', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        cniArb,
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
        (name, cni, pods, maxPodsOpt) => {
          const t = dataset.byName.get(name)!;
          const maxPods = maxPodsOpt ?? eniLimitedMaxPods(t);
          const sim = simulateNode(t, cni, pods, maxPods);
          const r = nodeAccounting(t, cni, { pods, maxPods });
          expect({ ips: r.ips, prefixes: r.prefixes, enis: r.enis, running: r.podsRunning }).toEqual({
            ips: sim.ips,
            prefixes: sim.prefixes,
            enis: sim.enis,
            running: sim.running,
          });
          // what the node takes from its subnets: the held addresses and one primary address per ENI
          expect(r.nodeSubnetIps + r.podSubnetIps).toBe(sim.ips + sim.enis);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accounts for every pod: running or without an address, never a negative warm pool', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), cniArb, fc.integer({ min: 0, max: 1000 }), (name, cni, pods) => {
        const r = nodeAccounting(dataset.byName.get(name)!, cni, { pods });
        expect(r.podsRunning + r.podsWithoutIp).toBe(pods);
        expect(r.warmIps).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never holds fewer addresses with more pods (monotone in pods)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), cniArb, fc.integer({ min: 0, max: 500 }), (name, cni, pods) => {
        const t = dataset.byName.get(name)!;
        const a = nodeAccounting(t, cni, { pods });
        const b = nodeAccounting(t, cni, { pods: pods + 1 });
        expect(b.nodeSubnetIps + b.podSubnetIps).toBeGreaterThanOrEqual(a.nodeSubnetIps + a.podSubnetIps);
      }),
      { numRuns: 1000 },
    );
  });
});
