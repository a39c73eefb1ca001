/** Module-level selectors, so components subscribe to stable functions and re-render only on change. */
import type { DraftGroup, DraftSubnet } from './draft';
import type { PlanState } from './plan-store';

export const selectName = (s: PlanState) => s.draft.name;
export const selectCidrs = (s: PlanState) => s.draft.cidrs;
export const selectCidrQuota = (s: PlanState) => s.draft.cidrQuota;
export const selectSubnets = (s: PlanState): readonly DraftSubnet[] => s.draft.subnets;
export const selectCni = (s: PlanState) => s.draft.cni;
export const selectGroups = (s: PlanState): readonly DraftGroup[] => s.draft.nodeGroups;
export const selectGroupCount = (s: PlanState) => s.draft.nodeGroups.length;
export const selectCustomNetworking = (s: PlanState) => s.draft.cni.customNetworking;
export const selectPodEni = (s: PlanState) => s.draft.cni.podEni;

/**
 * The CNI settings that move max pods (prefix delegation, custom networking, security groups for pods,
 * MAX_ENI) as one string, so that components showing max pods re-render only when one of them changes.
 */
export const selectPodCniKey = (s: PlanState) => {
  const c = s.draft.cni;
  return `${c.prefixDelegation ? 1 : 0}${c.customNetworking ? 1 : 0}${c.podEni ? 1 : 0}|${c.maxEni.trim()}`;
};
