/**
 * A step-by-step replay of ipamd's pool loop (aws/amazon-vpc-cni-k8s v1.23.1 @ b5218838, `pkg/ipamd/ipamd.go`:
 * `isDatastorePoolTooLow`, `increaseDatastorePool`, prefix delegation's `getPrefixesNeeded`),
 * written to be obviously faithful rather than fast: the reference the closed form in
 * src/model/warm-pool.ts is tested against. One `increase` call is one loop iteration's single action.
 *
 * This is the card-0 view of the whole-node replay in node-sim.ts (no EFA, no ENABLE_MULTI_NIC, the kubelet
 * max pods given), so the two can never disagree on the rules they share.
 */
import type { CniSettings } from '../../src/model/plan';
import type { InstanceType } from '../../src/model/instances';
import { simulateGpuNode } from './node-sim';

export interface SimResult {
  ips: number;
  prefixes: number;
  /** ENIs whose slots may carry pod addresses (the primary without custom networking, the CNI's own). */
  podEnis: number;
  /** Every ENI attached: the pod ENIs, the primary when it holds no pods, the trunk. Each costs an address. */
  enis: number;
  running: number;
}

export function simulateNode(t: InstanceType, cni: CniSettings, pods: number, maxPods: number): SimResult {
  const r = simulateGpuNode(t, { ...cni, multiNic: false }, { pods, maxPods, kind: 'self-managed', efaLayout: 'none' });
  const podEnis = r.attached.filter((e) => e.origin === 'cni' || (e.primary && !cni.customNetworking)).length;
  return { ips: r.ips, prefixes: r.prefixes, podEnis, enis: r.enis, running: r.podsRunning };
}
