/**
 * A whole-node replay for GPU/EFA nodes, ENI by ENI and card by card: the independent reference the closed
 * form in src/model/warm-pool.ts (and src/model/efa-layout.ts) is held to for EFA layouts and
 * ENABLE_MULTI_NIC. It restates none of the closed form: it attaches interfaces, keeps one datastore per
 * managed network card, runs ipamd's pool loop one action at a time and hands pods their addresses one
 * pod at a time, then counts the addresses where they sit. Written to be obviously faithful, not fast.
 *
 * Sources: aws/amazon-vpc-cni-k8s v1.23.1 @ b5218838 (`pkg/ipamd/ipamd.go`, `pkg/ipamd/rpc_handler.go`,
 * `pkg/ipamd/datastore/data_store.go`); the EC2 user guide (EFA-only interfaces have no IP address); eksctl
 * `pkg/cfn/builder/network_interfaces.go`; terraform-aws-eks v21 `modules/eks-managed-node-group/main.tf`;
 * Karpenter `pkg/providers/instancetype/types.go` (ENILimitedPods); the EKS user guide
 * `choosing-instance-type.adoc` (managed groups' cap) and `create-node-class.adoc` (Auto Mode).
 *
 * Launch
 * - EFA sits on the first N cards (N = EFA interfaces), unless the type has more cards than EFA
 *   interfaces: then card 0 is ENA only and EFA sits on cards 1..N (p6-b300.48xlarge).
 * - `none`: the ENA primary. `efa` (eksctl efaEnabled, Karpenter's default): one EFA (with ENA) on every EFA
 *   card, card 0's being the primary. `efa-only` (terraform-aws-eks v21): EFA (with ENA) as the primary on
 *   card 0, EFA-only on the other EFA cards. `ena-efa-only` (EC2's recommendation): an ENA primary and
 *   EFA-only on every EFA card, card 0 included.
 * - Every interface with ENA has one primary IPv4 from the node subnet; an EFA-only interface has none.
 *
 * Which cards the CNI manages (`markUnmanagedNetworkCards`, `filterUnmanagedENIs`)
 * - Without ENABLE_MULTI_NIC only card 0. With it, every card except one whose EFA-only interface is its
 *   only interface. EFA-only interfaces never enter a datastore; on a managed card each one is counted
 *   in `unmanagedENI[card]` and so takes one of that card's ENI slots.
 *
 * The pool loop (`isDatastorePoolTooLow`, `increaseDatastorePool`, `tryAssignIPs`/`tryAssignPrefixes`,
 * `hasRoomForEni`, `tryAllocateENI`, `GetENIResourcesToAllocate`, `getPrefixesNeeded`, `datastoreTargetState`)
 * - Per managed card, one action per loop iteration: fill the first ENI with free slots (never the trunk,
 *   never the instance's primary ENI under custom networking; `GetAllocatableENIs`, which asks for no free
 *   ENI slot), else attach a new ENI if
 *   `ENIs in the datastore < maxENI − unmanagedENI[card] − (card 0, ENABLE_POD_ENI, no trunk yet ? 1 : 0)`.
 *   maxENI = min(MAX_ENI, card 0's ENI limit) is one number for every card.
 * - Card 0 follows the node's WARM_* / MINIMUM_IP_TARGET settings; every other card WARM_IP_TARGET=1 and
 *   MINIMUM_IP_TARGET=1 whatever they are, counted in addresses even with prefix delegation (the /28
 *   conversion in `datastoreTargetState` is card 0's only), so it grows one prefix at a time.
 * - No card grows once it holds max pods addresses (`TotalIPs >= maxPods`, checked first).
 * - A new ENI lands in the ENIConfig (pod) subnet under custom networking, else in the node subnet;
 *   secondary IPs and prefixes come from their ENI's subnet (a launch-time EFA ENI's are the node subnet's).
 *
 * Security groups for pods (aws/amazon-vpc-cni-k8s #1202, #3250; amazon-vpc-resource-controller-k8s)
 * - On a type that supports trunking, ipamd signals for a trunk only when card 0's datastore has room
 *   (`tryEnableSecurityGroupsForPods`: ENIs < maxENI − unmanagedENI[0]); until a trunk is attached
 *   `hasRoomForEni` keeps one card-0 slot for it. No trunk: no branch pods.
 * - Trunk and branch ENIs sit where pod ENIs sit (the ENIConfig subnet under custom networking; assumed,
 *   the resource controller was not traced).
 *
 * Pods (`rpc_handler.go` AddNetwork; the kubelet)
 * - The kubelet admits max pods − 2 (the two hostNetwork pods); branch pods first (one `pod-eni` each, up
 *   to the type's branch ENIs, only with a trunk), then multi-homed pods, then the others.
 * - A multi-homed pod (ENABLE_MULTI_NIC, `nicConfig: multi-nic-attachment`) needs one address from every
 *   managed card's datastore (`ipsRequired = len(DataStores)`), or it gets none.
 * - Any other pod takes one address from the first datastore, in card order, that has one free: card 0,
 *   and only when card 0 has none free, the next managed card (ErrNoAvailableIPInDataStore → continue).
 * - Pods arrive one at a time on a fresh node, the loop settling between arrivals; a pod that finds no
 *   address is retried after the loop settles again, and if it still finds none it stays without one.
 */
import type { InstanceType } from '../../src/model/instances';
import type { CniSettings, EfaLayout, NodeGroupKind } from '../../src/model/plan';

export type LaunchIface = 'ena' | 'efa' | 'efa-only';
export type Subnet = 'node' | 'pod';

/** One attached interface. */
export interface SimEni {
  card: number;
  /** What attached it: the launch (`ena`, `efa`, `efa-only`), ipamd (`cni`) or the VPC resource controller. */
  origin: LaunchIface | 'cni' | 'trunk';
  /** The instance's primary ENI (card 0, device 0). */
  primary: boolean;
  /** The subnet its addresses come from; null for an EFA-only interface (no address). */
  subnet: Subnet | null;
  /** Secondary IPs or /28 prefixes ipamd put on it. */
  units: number;
}

export interface SimCard {
  card: number;
  launch: LaunchIface[];
  managed: boolean;
  /** ENIs in this card's datastore (EFA-only and unmanaged cards excluded). */
  datastoreEnis: number;
  /** Pod addresses held on this card. */
  ips: number;
  /** Pod addresses in use on this card. */
  assigned: number;
}

export interface NodeSimInput {
  pods: number;
  branchPods?: number;
  /** kubelet max pods; null/undefined = the default of whoever launches the node. */
  maxPods?: number | null;
  kind?: NodeGroupKind;
  efaLayout?: EfaLayout;
  multiHomedPods?: number;
  /** Karpenter's RESERVED_ENIS (default 1 under custom networking, else 0). */
  reservedEnis?: number;
}

export interface NodeSimResult {
  maxPods: number;
  /** ENIs in the CNI's datastores (primary, pod ENIs, trunk, managed launch EFA ENIs). */
  enis: number;
  /** Pod addresses held on every managed card (16 per prefix). */
  ips: number;
  prefixes: number;
  nodeSubnetIps: number;
  podSubnetIps: number;
  podsRunning: number;
  podsWithoutIp: number;
  multiHomedRunning: number;
  /** Regular pods that found card 0 full and took an address on another card. */
  spilledPods: number;
  branchRunning: number;
  trunkAttached: boolean;
  /** Interfaces the launch attached with an ENA device (each has a primary IPv4). */
  launchEnaInterfaces: number;
  cards: SimCard[];
  attached: SimEni[];
}

const PREFIX = 16;

/** The launch's interfaces per card (sources in src/model/efa-layout.ts), before the CNI adds anything. */
export function launchInterfaces(t: InstanceType, layout: EfaLayout): LaunchIface[][] {
  const cards = Math.max(1, t.networkCards);
  const efa = t.ai ? t.ai.efa : 0; // unknown EFA count: no layout can put EFA on it
  const efaCardSet = new Set<number>();
  if (layout !== 'none' && efa > 0) {
    const first = cards > efa ? 1 : 0; // more cards than EFA interfaces: card 0 is ENA only
    for (let c = first; c < cards && efaCardSet.size < efa; c++) efaCardSet.add(c);
  }
  const out: LaunchIface[][] = [];
  for (let c = 0; c < cards; c++) {
    const isEfa = efaCardSet.has(c);
    const here: LaunchIface[] = [];
    if (layout === 'none') {
      if (c === 0) here.push('ena');
    } else if (layout === 'efa') {
      if (isEfa) here.push('efa');
      else if (c === 0) here.push('ena');
    } else if (layout === 'efa-only') {
      if (c === 0) here.push(isEfa ? 'efa' : 'ena');
      else if (isEfa) here.push('efa-only');
    } else {
      if (c === 0) here.push('ena');
      if (isEfa) here.push('efa-only');
    }
    out.push(here);
  }
  return out;
}

/**
 * The kubelet max pods of a node: self-managed, the AMI's eni-max-pods.txt value; managed,
 * that (or the plan's) capped by EKS at 110 up to 30 vCPUs, else 250; Karpenter, kubelet.maxPods or
 * ENILimitedPods = (card-0 ENIs − RESERVED_ENIS − EFA-only on card 0) × (IPv4 per ENI − 1) + 2 (0 when no ENI
 * is left), RESERVED_ENIS by default 1 under custom networking; Auto Mode, "the usual calculation" capped at 110,
 * read as max-pods-calculator.sh without its cap, since Auto Mode knows its own prefix mode.
 */
export function simMaxPods(
  t: InstanceType,
  kind: NodeGroupKind,
  explicit: number | null,
  cni: CniSettings,
  efaOnlyOnCard0: number,
  reservedEnis = cni.customNetworking ? 1 : 0,
): number {
  const perEni = t.ipv4PerEni - 1;
  if (kind === 'karpenter') {
    if (explicit !== null) return explicit;
    const usable = Math.max(t.enis - reservedEnis - efaOnlyOnCard0, 0);
    return usable === 0 ? 0 : usable * perEni + 2;
  }
  if (kind === 'auto-mode') {
    const enis = t.enis - (cni.customNetworking ? 1 : 0);
    const calculator = enis * (t.hypervisor === 'nitro' && cni.prefixDelegation ? 16 * perEni : perEni) + 2;
    return Math.min(explicit ?? calculator, 110);
  }
  const wanted = explicit ?? t.enis * perEni + 2; // eni-max-pods.txt: default card only, EFA-blind
  if (kind === 'managed') return Math.min(wanted, t.vcpus !== null && t.vcpus > 30 ? 250 : 110);
  return wanted;
}

interface Store {
  card: number;
  enis: SimEni[];
  unmanaged: number;
  assigned: number;
  /** Card 0 uses the node's settings; other cards WARM_IP_TARGET=1, MINIMUM_IP_TARGET=1. */
  wit: number;
  mit: number;
  targets: boolean;
}

export function simulateGpuNode(t: InstanceType, cni: CniSettings, input: NodeSimInput): NodeSimResult {
  const layout = input.efaLayout ?? 'none';
  const kind = input.kind ?? 'self-managed';
  const multiNic = cni.multiNic ?? false;
  const cn = cni.customNetworking;
  const S = t.ipv4PerEni - 1;
  const pd = cni.prefixDelegation && (t.hypervisor === 'nitro' || t.bareMetal); // else ipamd falls back
  const unit = pd ? PREFIX : 1;
  const maxENI = cni.maxEni !== null && cni.maxEni >= 1 ? Math.min(cni.maxEni, t.enis) : t.enis;
  const newEniSubnet: Subnet = cn ? 'pod' : 'node';

  // ---- the launch
  const launch = launchInterfaces(t, layout);
  const attached: SimEni[] = [];
  launch.forEach((ifaces, card) =>
    ifaces.forEach((origin, k) =>
      attached.push({
        card,
        origin,
        primary: card === 0 && k === 0,
        subnet: origin === 'efa-only' ? null : 'node',
        units: 0,
      }),
    ),
  );
  const efaOnlyOnCard0 = launch[0]!.filter((i) => i === 'efa-only').length;
  const maxPods = simMaxPods(t, kind, input.maxPods ?? null, cni, efaOnlyOnCard0, input.reservedEnis);

  // ---- managed cards and their datastores
  const managed = launch.map(
    (ifaces, card) => card === 0 || (multiNic && !(ifaces.length > 0 && ifaces.every((i) => i === 'efa-only'))),
  );
  const stores: Store[] = [];
  launch.forEach((_, card) => {
    if (!managed[card]) return;
    const mine = attached.filter((e) => e.card === card);
    stores.push({
      card,
      enis: mine.filter((e) => e.origin !== 'efa-only'),
      unmanaged: mine.filter((e) => e.origin === 'efa-only').length,
      assigned: 0,
      wit: card === 0 ? (cni.warmIpTarget ?? 0) : 1,
      mit: card === 0 ? (cni.minimumIpTarget ?? 0) : 1,
      targets: card === 0 ? (cni.warmIpTarget ?? 0) > 0 || (cni.minimumIpTarget ?? 0) > 0 : true,
    });
  });
  const card0 = stores[0]!;

  // ---- security groups for pods: the trunk, only if card 0 has a free slot at node init
  const sgpType = cni.podEni && t.trunk;
  let trunkAttached = false;
  if (sgpType && card0.enis.length < maxENI - card0.unmanaged) {
    const trunk: SimEni = { card: 0, origin: 'trunk', primary: false, subnet: newEniSubnet, units: 0 };
    attached.push(trunk);
    card0.enis.push(trunk);
    trunkAttached = true;
  }

  // ---- ipamd's pool, per datastore
  const held = (s: Store) => s.enis.reduce((a, e) => a + e.units, 0);
  const total = (s: Store) => held(s) * unit;
  const avail = (s: Store) => total(s) - s.assigned;
  const shortIps = (s: Store) => Math.max(s.wit - avail(s), 0, s.mit - total(s));
  const freePrefixes = (s: Store) => held(s) - Math.ceil(s.assigned / PREFIX);
  const W = cni.warmEniTarget;
  const WPT = cni.warmPrefixTarget;

  const isLow = (s: Store): boolean => {
    if (total(s) >= maxPods) return false;
    if (s.targets) return shortIps(s) > 0;
    if (pd) return avail(s) < PREFIX * WPT || (WPT === 0 && avail(s) === 0);
    return avail(s) < S * W || (W === 0 && avail(s) === 0);
  };
  const prefixesNeeded = (s: Store): number => {
    if (s.targets) return Math.max(1, s.card === 0 ? Math.ceil(shortIps(s) / PREFIX) : shortIps(s));
    return Math.max(1, WPT - freePrefixes(s));
  };
  const hasRoom = (s: Store) =>
    s.enis.length < maxENI - s.unmanaged - (s.card === 0 && sgpType && !trunkAttached ? 1 : 0);
  const allocatable = (e: SimEni) => e.origin !== 'trunk' && !(cn && e.primary);

  /** One `increaseDatastorePool`: returns whether it changed anything. */
  const increase = (s: Store): boolean => {
    let toAllocate: number;
    if (pd) toAllocate = prefixesNeeded(s);
    else {
      if (s.targets && shortIps(s) === 0) return false;
      toAllocate = s.targets ? shortIps(s) : S;
    }
    const open = s.enis.find((e) => allocatable(e) && e.units < S);
    if (open) {
      open.units += Math.min(S - open.units, toAllocate);
      return true;
    }
    if (!hasRoom(s)) return false;
    const resources = pd ? Math.min(prefixesNeeded(s), S) : s.targets ? Math.min(shortIps(s), S) : S;
    if (resources <= 0) return false;
    const eni: SimEni = { card: s.card, origin: 'cni', primary: false, subnet: newEniSubnet, units: resources };
    attached.push(eni);
    s.enis.push(eni);
    return true;
  };
  /** The 5-s loop until no card is low and able to act (nodeInit's pre-scaling is its first pass). */
  const settle = () => {
    for (let guard = 0; guard < 1_000_000; guard++) {
      let acted = false;
      for (const s of stores) if (isLow(s) && increase(s)) acted = true;
      if (!acted) return;
    }
    throw new Error('node-sim: the pool loop did not settle');
  };

  // ---- pods
  const assignRegular = (): Store | null => {
    for (const s of stores) {
      if (avail(s) > 0) {
        s.assigned++;
        return s;
      }
    }
    return null;
  };
  const assignMulti = (): boolean => {
    if (!stores.every((s) => avail(s) > 0)) return false;
    for (const s of stores) s.assigned++;
    return true;
  };

  settle();
  const pods = Math.max(0, Math.floor(input.pods));
  const requestedBranch = Math.max(0, Math.floor(input.branchPods ?? 0));
  const multiHomedAsked = multiNic ? Math.min(pods, Math.max(0, Math.floor(input.multiHomedPods ?? 0))) : 0;
  let slots = Math.max(0, maxPods - 2);
  const branchRunning = Math.min(requestedBranch, trunkAttached ? t.branchEnis : 0, slots);
  slots -= branchRunning;
  let multiHomedRunning = 0;
  let regularRunning = 0;
  let spilledPods = 0;
  for (let p = 0; p < pods && slots > 0; p++, slots--) {
    const multi = p < multiHomedAsked;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) settle(); // the kubelet retries once the loop has settled
      if (multi) {
        if (assignMulti()) {
          multiHomedRunning++;
          break;
        }
      } else {
        const s = assignRegular();
        if (s) {
          regularRunning++;
          if (s.card !== 0) spilledPods++;
          break;
        }
      }
    }
    settle();
  }

  // ---- where the addresses are
  const count = { node: 0, pod: 0 };
  for (const e of attached) {
    if (e.subnet === null) continue;
    count[e.subnet] += 1 + e.units * unit; // its primary, and what ipamd put on it
  }
  count[newEniSubnet] += branchRunning; // one branch ENI (one address) per branch pod
  const podsRunning = multiHomedRunning + regularRunning + branchRunning;
  const cards: SimCard[] = launch.map((ifaces, card) => {
    const s = stores.find((x) => x.card === card);
    return {
      card,
      launch: ifaces,
      managed: managed[card]!,
      datastoreEnis: s ? s.enis.length : 0,
      ips: s ? total(s) : 0,
      assigned: s ? s.assigned : 0,
    };
  });
  const ips = stores.reduce((a, s) => a + total(s), 0);
  return {
    maxPods,
    enis: stores.reduce((a, s) => a + s.enis.length, 0),
    ips,
    prefixes: pd ? ips / PREFIX : 0,
    nodeSubnetIps: count.node,
    podSubnetIps: count.pod,
    podsRunning,
    podsWithoutIp: pods + requestedBranch - podsRunning,
    multiHomedRunning,
    spilledPods,
    branchRunning,
    trunkAttached,
    launchEnaInterfaces: attached.filter((e) => e.origin === 'ena' || e.origin === 'efa').length,
    cards,
    attached,
  };
}
