/**
 * A pool group's worst candidate as the model chose it (the last valid result), for the fields that
 * describe one type (EFA layout, multi-homed pods): the draft's own instanceType is the last fixed one.
 */
import { usePlan, usePlanContext } from '../../../state/store-context';
import type { DraftGroup } from '../../../state/draft';

/** The group with the worst candidate's type when it is a pool (re-renders only when that type changes). */
export function usePoolTyped(index: number, group: DraftGroup): DraftGroup {
  const { derive } = usePlanContext();
  const worst = usePlan((s) =>
    group.pool ? (derive(s.draft).shown?.evaluation.nodeGroups[index]?.worst?.instanceType ?? '') : '',
  );
  return group.pool && worst && worst !== group.instanceType ? { ...group, instanceType: worst } : group;
}
