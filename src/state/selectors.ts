/** Module-level selectors, so components subscribe to stable functions and re-render only on change. */
import type { Draft, DraftGroup, DraftSubnet } from './draft';
import type { PlanState } from './plan-store';
import { DEFAULT_SCALE_OUT, type ScaleOutInputs } from './workspace-actions';
import { activeDraft } from './workspace-state';

/** The active scenario's draft (scenarios[active]). */
export const selectDraft = (s: PlanState): Draft => activeDraft(s);
export const selectName = (s: PlanState) => activeDraft(s).name;
export const selectCidrs = (s: PlanState) => activeDraft(s).cidrs;
export const selectCidrQuota = (s: PlanState) => activeDraft(s).cidrQuota;
export const selectSubnets = (s: PlanState): readonly DraftSubnet[] => activeDraft(s).subnets;
export const selectCni = (s: PlanState) => activeDraft(s).cni;
export const selectGroups = (s: PlanState): readonly DraftGroup[] => activeDraft(s).nodeGroups;
export const selectGroupCount = (s: PlanState) => activeDraft(s).nodeGroups.length;
export const selectCustomNetworking = (s: PlanState) => activeDraft(s).cni.customNetworking;
export const selectPodEni = (s: PlanState) => activeDraft(s).cni.podEni;

/**
 * The CNI settings that move max pods (prefix delegation, custom networking, security groups for pods,
 * MAX_ENI) as one string, so that components showing max pods re-render only when one of them changes.
 */
export const selectPodCniKey = (s: PlanState) => {
  const c = activeDraft(s).cni;
  return `${c.prefixDelegation ? 1 : 0}${c.customNetworking ? 1 : 0}${c.podEni ? 1 : 0}|${c.maxEni.trim()}`;
};

/** The scenarios' keys and names, as one string: the tab bar re-renders only when a tab changes. */
export const selectScenarioTabs = (s: PlanState) => JSON.stringify(s.scenarios.map((d) => [d.key, d.name]));
export const selectActive = (s: PlanState) => s.active;
export const selectScenarioCount = (s: PlanState) => s.scenarios.length;
export const selectScenarios = (s: PlanState) => s.scenarios;
export const selectViews = (s: PlanState) => s.views;
/** The scale-out inputs (views.scaleOut), or AWS's published figures with a 60 s window. */
export const selectScaleOut = (s: PlanState): ScaleOutInputs => s.views.scaleOut ?? DEFAULT_SCALE_OUT;
export const selectNotice = (s: PlanState) => s.notice;

/** selectScenarioTabs → [{ key, name }]. */
export function parseScenarioTabs(text: string): { key: string; name: string }[] {
  return (JSON.parse(text) as [string, string][]).map(([key, name]) => ({ key, name }));
}

const byKey = new Map<string, (s: PlanState) => Draft | null>();
/** A module-level selector per scenario key: that scenario's draft (null once it is deleted). */
export function selectScenarioByKey(key: string): (s: PlanState) => Draft | null {
  let f = byKey.get(key);
  if (!f) byKey.set(key, (f = (s: PlanState) => s.scenarios.find((d) => d.key === key) ?? null));
  return f;
}
