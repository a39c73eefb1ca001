/**
 * A pool group's worst candidate as the model chose it (the last valid result), for the fields that
 * describe one type (EFA layout, multi-homed pods): the draft's own instanceType is the last fixed one.
 */
import { usePlan, usePlanContext } from '../../../state/store-context';
import type { DraftGroup } from '../../../state/draft';
import { activeDraft } from '../../../state/workspace-state';

/** The worst candidate's type of group `index` when it is a pool, else '' (re-renders only when it changes). */
export function usePoolWorst(index: number, isPool: boolean): string {
  const { derive } = usePlanContext();
  return usePlan((s) =>
    isPool ? (derive(activeDraft(s)).shown?.evaluation.nodeGroups[index]?.worst?.instanceType ?? '') : '',
  );
}

/** The group with the worst candidate's type when it is a pool. */
export function usePoolTyped(index: number, group: DraftGroup): DraftGroup {
  const worst = usePoolWorst(index, Boolean(group.pool));
  return group.pool && worst && worst !== group.instanceType ? { ...group, instanceType: worst } : group;
}
