/**
 * Co-locating a node group in one AZ (cross-AZ traffic, issue 7): all its nodes move into that AZ's
 * subnets. This re-evaluates the plan that way and says which of those subnets cannot hold them.
 */
import { colocatePlan } from './cross-az';
import { evaluate, type FullEvaluation } from './evaluate';
import type { InstanceDataset } from './instances';
import type { Plan } from './plan';
import type { Warning } from './result';
import { fmt } from './format';

export interface ColocationImpact {
  plan: Plan;
  evaluation: FullEvaluation | null;
  /** Subnets of the AZ that run out at the group's max nodes once it is co-located. */
  exhausted: { name: string; usedAtMax: number; usable: number; exhaustedAtNodes: number | null }[];
  warnings: Warning[];
}

/**
 * @example colocationImpact(smallRoutableVpc, dataset, 0, 'us-east-1a') → nodes-a must hold all 9
 * m5.16xlarge (908 of 251 usable): one warning "colocation-subnet-exhausted".
 */
export function colocationImpact(
  plan: Plan,
  dataset: InstanceDataset,
  groupIndex: number,
  az: string,
): ColocationImpact {
  const moved = colocatePlan(plan, groupIndex, az);
  const group = moved.nodeGroups[groupIndex];
  if (!group) return { plan: moved, evaluation: null, exhausted: [], warnings: [] };
  if (group.subnets.length === 0) {
    return {
      plan: moved,
      evaluation: null,
      exhausted: [],
      warnings: [
        {
          code: 'colocation-no-subnet',
          severity: 'error',
          path: `nodeGroups[${groupIndex}].subnets`,
          message: `${group.name} has no launch subnet in ${az}, so it cannot be co-located there`,
          fix: `Add a subnet in ${az} to the group's subnets first`,
        },
      ],
    };
  }
  const evaluation = evaluate(moved, dataset);
  const touched = new Set([...group.subnets, ...(moved.cni.customNetworking ? (group.podSubnets ?? []) : [])]);
  const exhausted = evaluation.subnets
    .filter((s) => touched.has(s.name) && !s.fitsAtMax)
    .map((s) => ({ name: s.name, usedAtMax: s.used.max, usable: s.usable, exhaustedAtNodes: s.exhaustedAtNodes }));
  const warnings: Warning[] = exhausted.map((s) => ({
    code: 'colocation-subnet-exhausted',
    severity: 'error',
    path: `vpc.subnets[${moved.vpc.subnets.findIndex((x) => x.name === s.name)}]`,
    message: `With ${group.name} co-located in ${az}, subnet ${s.name} must hold ${fmt(s.usedAtMax)} addresses at max but has ${fmt(s.usable)} usable`,
    fix: `Give ${az} a larger subnet (or a pod subnet from 100.64.0.0/10 with custom networking) before co-locating, or lower maxNodes to ${evaluation.nodeGroups[groupIndex]!.maxNodesThatFit}`,
  }));
  return { plan: moved, evaluation, exhausted, warnings };
}
