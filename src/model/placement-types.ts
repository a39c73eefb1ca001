/**
 * The data placement.ts computes for each node group and subnet-discovery.ts fills in where subnet discovery
 * places pod ENIs: types only, in a module of their own so that the two import each other's functions without
 * a cycle (tests/lint/import-cycles.test.ts).
 */
import type { NodeAccounting } from './warm-pool';

/** Addresses one node puts into one subnet, by kind. */
export interface Contribution {
  nodeIps: number;
  eniPrimaries: number;
  podIps: number;
  warmIps: number;
  /** /28 prefixes (prefix delegation). */
  prefixes: number;
  /** Single addresses (everything not inside a prefix). */
  singles: number;
}

export interface GroupPlacement {
  index: number;
  perNode: NodeAccounting;
  /** Launch subnet indexes (plan order), node i → slots[i mod k]. */
  slots: { nodeSubnet: number; podSubnet: number }[];
  onNodeSubnet: Contribution;
  onPodSubnet: Contribution;
  /** Every subnet index this group touches. */
  touches: number[];
  /** Subnet discovery: where the secondary ENIs of some slots go instead (absent: every slot places as before). */
  discovery?: GroupDiscovery;
}

/** Whole ENIs of one kind a node creates, with what each holds once the node has settled. */
export interface MovableRun {
  /** ENIs of this kind per node. */
  count: number;
  /** Addresses each takes from the subnet it lands in (its primary + its secondaries or 16 per prefix). */
  size: number;
  /** What one of these ENIs puts into its subnet, by kind. */
  per: Contribution;
}

/** One launch slot (node subnet) of a group under subnet discovery. */
export interface SlotDiscovery {
  nodeSubnet: number;
  /** What a node puts in its node subnet that cannot move. */
  fixed: Contribution;
  /** Its secondary ENIs in creation order (card 0's, then other managed cards'), alike ones merged. */
  runs: MovableRun[];
  /** Where they may go, ascending (ties go to the lowest index). Empty: nowhere. */
  eligible: number[];
  /** The node subnet is tagged =0: the primary ENI carries no pods. */
  primaryWithoutPods: boolean;
}

/** What placement keeps for a group some of whose launch slots place pod ENIs by subnet discovery. */
export interface GroupDiscovery {
  /** Per launch slot; null where discovery changes nothing (the slot places as before). */
  slots: (SlotDiscovery | null)[];
  /** Tagged subnets (not the group's launch subnets) that may take its pod ENIs. */
  podSubnets: number[];
  /** Per subnet: usable addresses and reservedIps (free = usable − used decides "most free"). */
  statics: DiscoveryStatics;
}

export interface DiscoveryStatics {
  usable: number[];
  reserved: number[];
}
