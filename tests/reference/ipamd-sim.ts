/**
 * A step-by-step replay of ipamd's pool loop (aws/amazon-vpc-cni-k8s v1.23.1 @ b5218838, `pkg/ipamd/ipamd.go`:
 * `isDatastorePoolTooLow`, `increaseDatastorePool`, prefix delegation's `getPrefixesNeeded`),
 * written to be obviously faithful rather than fast: the reference the closed form in
 * src/model/warm-pool.ts is tested against. One `increase` call is one loop iteration's single action.
 */
import type { CniSettings } from '../../src/model/plan';
import type { InstanceType } from '../../src/model/instances';

export interface SimResult {
  ips: number;
  prefixes: number;
  podEnis: number;
  /** Every ENI attached: the pod ENIs, the primary when it holds no pods, the trunk. Each costs an address. */
  enis: number;
  running: number;
}

export function simulateNode(t: InstanceType, cni: CniSettings, pods: number, maxPods: number): SimResult {
  const S = t.ipv4PerEni - 1;
  const trunk = cni.podEni && t.trunk ? 1 : 0;
  const maxEni = cni.maxEni !== null && cni.maxEni >= 1 ? Math.min(cni.maxEni, t.enis) : t.enis;
  const podEniLimit = Math.max(0, maxEni - trunk - (cni.customNetworking ? 1 : 0));
  const pdOk = t.hypervisor === 'nitro' || t.bareMetal;
  const pd = cni.prefixDelegation && pdOk;
  const unit = pd ? 16 : 1; // addresses per allocation unit
  const wit = cni.warmIpTarget ?? 0;
  const mit = cni.minimumIpTarget ?? 0;
  const targets = wit > 0 || mit > 0;
  const W = cni.warmEniTarget;
  const WPT = cni.warmPrefixTarget;

  // Units (IPs or prefixes) held on each pod-capable ENI, in attach order. Without custom networking the
  // primary ENI is pod-capable and present from the start with no secondaries.
  const enis: number[] = cni.customNetworking ? [] : podEniLimit > 0 ? [0] : [];
  let assigned = 0;
  let waiting = 0;
  const total = () => enis.reduce((s, n) => s + n, 0) * unit;
  const avail = () => total() - assigned;
  const short = () => Math.max(wit - avail(), 0, mit - total());
  const freePrefixes = () => enis.reduce((s, n) => s + n, 0) - Math.ceil(assigned / 16);

  const low = (): boolean => {
    if (total() >= maxPods) return false;
    if (targets) return short() > 0;
    if (pd) return avail() < 16 * WPT || (WPT === 0 && avail() === 0);
    return avail() < S * W || (W === 0 && avail() === 0);
  };
  const increase = (): boolean => {
    let want: number;
    if (pd) want = targets ? Math.max(1, Math.ceil(short() / 16)) : Math.max(1, WPT - freePrefixes());
    else want = targets ? short() : S;
    const i = enis.findIndex((n) => n < S);
    if (i >= 0) {
      enis[i]! += Math.min(S - enis[i]!, want);
      return true;
    }
    if (enis.length < podEniLimit) {
      enis.push(Math.min(want, S));
      return true;
    }
    return false;
  };
  const converge = () => {
    for (let guard = 0; guard < 100000; guard++) {
      while (waiting > 0 && avail() > 0) {
        waiting--;
        assigned++;
      }
      if (!(low() && increase())) break;
    }
    while (waiting > 0 && avail() > 0) {
      waiting--;
      assigned++;
    }
  };

  converge(); // nodeInit's pre-scaling, then the loop
  const admitted = Math.min(pods, Math.max(0, maxPods - 2));
  for (let p = 0; p < admitted; p++) {
    waiting++;
    converge();
  }
  return {
    ips: total(),
    prefixes: pd ? enis.reduce((s, n) => s + n, 0) : 0,
    podEnis: enis.length,
    // The primary ENI is attached at launch, whether or not pods may use it (custom networking, no slot).
    enis: enis.length + (cni.customNetworking || enis.length === 0 ? 1 : 0) + trunk,
    running: assigned,
  };
}
