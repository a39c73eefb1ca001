/**
 * The node-pool edits of a draft group (Karpenter NodePool, EKS Auto Mode): choosing "Node pool" over a
 * fixed type, the requirement rows (values follow the operator: none for Exists / DoesNotExist, one number
 * for Gt / Lt), and what changing the kind does to a pool.
 */
import type { DraftGroup, DraftPool, DraftRequirement } from './draft';
import { newKey } from './draft';

export type PoolTextField =
  'podsMin' | 'podsDesired' | 'podsMax' | 'reservedEnis' | 'disruptionBudget' | 'ipv4PrefixSize';

export interface PoolActions {
  /** Node pool (true) or fixed instance type (false); the pool set aside comes back when chosen again. */
  setGroupPool(index: number, on: boolean): void;
  setPoolField(index: number, field: PoolTextField, value: string): void;
  setRequirement(
    index: number,
    row: number,
    change: Partial<Pick<DraftRequirement, 'key' | 'operator' | 'values'>>,
  ): void;
  addRequirement(index: number): void;
  removeRequirement(index: number, row: number): void;
  /** The pod's requests, [resource, quantity] rows as typed. */
  setPodRequests(index: number, rows: [string, string][]): void;
}

/** Kinds whose groups may be pools. */
export const POOL_KINDS = new Set(['karpenter', 'auto-mode']);

/**
 * A first pool for a fixed group: its instance family, the pods its nodes ran (nodes × pods per node), and a
 * pod of 1 vCPU and 2 GiB to edit.
 */
export function defaultPool(g: DraftGroup): DraftPool {
  const family = g.instanceType.trim().split('.')[0] ?? '';
  const pods = (nodes: string) => {
    const n = Number(nodes.replace(/[,_\s]/g, ''));
    const per = Number(g.podsPerNode.replace(/[,_\s]/g, ''));
    return Number.isFinite(n) && Number.isFinite(per) && nodes.trim() !== '' ? String(n * per) : '';
  };
  return {
    requirements: [
      { id: newKey('r'), key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: family ? [family] : [] },
    ],
    podsMin: pods(g.minNodes),
    podsDesired: pods(g.desiredNodes),
    podsMax: pods(g.maxNodes),
    podRequests: [
      ['cpu', '1'],
      ['memory', '2Gi'],
    ],
    reservedEnis: '',
    disruptionBudget: '',
    ipv4PrefixSize: '',
  };
}

/**
 * After the kind changed: a kind that cannot have pools sets the pool aside (the group keeps the fixed
 * fields, the last model-chosen worst candidate); Auto Mode's ipv4PrefixSize and Karpenter's RESERVED_ENIS
 * leave with their kind, so no hidden field stays in the plan.
 */
export function poolKindChanged(g: DraftGroup): DraftGroup {
  if (!g.pool) return g;
  if (!POOL_KINDS.has(g.kind)) {
    const { pool, ...rest } = g;
    return { ...rest, stashedPool: pool };
  }
  const pool = { ...g.pool };
  if (g.kind !== 'auto-mode') pool.ipv4PrefixSize = '';
  if (g.kind !== 'karpenter') pool.reservedEnis = '';
  return { ...g, pool };
}

const WHOLE = /^-?\d+$/;

/** The requirement row changed; a new operator keeps only the values it takes. */
export function withRequirement(
  g: DraftGroup,
  row: number,
  change: Partial<Pick<DraftRequirement, 'key' | 'operator' | 'values'>>,
): DraftGroup {
  const old = g.pool?.requirements[row];
  if (!g.pool || !old) return g;
  const next = { ...old, ...change };
  if (change.operator !== undefined && change.operator !== old.operator && change.values === undefined) {
    if (next.operator === 'Exists' || next.operator === 'DoesNotExist') next.values = [];
    else if (next.operator === 'Gt' || next.operator === 'Lt') {
      next.values = old.values.length === 1 && WHOLE.test(old.values[0]!.trim()) ? old.values : [];
    }
  }
  const requirements = g.pool.requirements.slice();
  requirements[row] = next;
  return { ...g, pool: { ...g.pool, requirements } };
}
