/**
 * EFA layout fixes (efa-layout.ts): a group launched with one EFA (with ENA, and an IPv4) on every EFA
 * card takes EFA count − 1 addresses more per node than the same node with EFA-only interfaces on the
 * cards beyond 0 (terraform-aws-eks v21 `enable_efa_only`), or with EC2's ENA + EFA-only layout. Each
 * is proposed for the `efa` groups and measured like any fix; its cost says which tool can produce it
 * and the max pods it implies.
 */
import { launchLayout } from '../efa-layout';
import { karpenterEniLimitedPods } from '../max-pods';
import type { EfaLayout, Plan } from '../plan';
import { fmt } from '../format';
import { clonePlan } from './measure';
import type { AdviceContext, Cost, Draft } from './types';

function efaGroups(ctx: AdviceContext) {
  return ctx.plan.nodeGroups.flatMap((g, i) => {
    const t = ctx.dataset.byName.get(g.instanceType)!;
    return g.maxNodes > 0 && g.efaLayout === 'efa' && launchLayout(t, 'efa').extraNodeIps > 0 ? [{ g, i, t }] : [];
  });
}

function layoutFix(ctx: AdviceContext, layout: Exclude<EfaLayout, 'none' | 'efa'>): Draft | null {
  const groups = efaGroups(ctx);
  if (groups.length === 0) return null;
  const next: Plan = clonePlan(ctx.plan);
  const changes: string[] = [];
  const costs: Cost[] = [];
  for (const { g, i, t } of groups) {
    const after = launchLayout(t, layout);
    const ng = next.nodeGroups[i]!;
    ng.efaLayout = layout;
    changes.push(
      `${g.name} (${t.name}): ${launchLayout(t, 'efa').extraNodeIps} EFA interface addresses per node fewer`,
    );
    if (after.efaOnlyOnCard0 > 0 && (g.kind ?? 'self-managed') !== 'karpenter') {
      // The EFA-only interface on card 0 takes a CNI slot: max pods must drop to what the CNI can address.
      const maxPods = karpenterEniLimitedPods(t, ctx.plan.cni.customNetworking ? 1 : 0, after.efaOnlyOnCard0);
      if (g.maxPods === null || g.maxPods > maxPods) ng.maxPods = maxPods;
      costs.push({
        text: `${g.name}: max pods ${fmt(ng.maxPods ?? maxPods)} (card 0 keeps ${t.enis - after.efaOnlyOnCard0} of ${t.enis} ENI slots for pods)`,
        weight: 1,
      });
    }
  }
  if (layout === 'efa-only') {
    costs.push({
      text: 'node replacement; made by terraform-aws-eks ≥ v21 (enable_efa_only, the default) or Karpenter ≥ v1.11 networkInterfaces; eksctl cannot make it',
      weight: 2,
    });
  } else {
    costs.push({
      text: 'node replacement; made by Karpenter ≥ v1.11 networkInterfaces (efa-only on every EFA card) or a launch template of your own; eksctl and terraform-aws-eks cannot make it',
      weight: 3,
    });
  }
  const title =
    layout === 'efa-only'
      ? 'EFA-only interfaces beyond card 0 (terraform-aws-eks v21 enable_efa_only)'
      : 'ENA primary + EFA-only interfaces (EC2 recommended)';
  return {
    id: `efa-layout-${layout}`,
    title,
    summary: `The EFA interfaces beyond the primary carry no IPv4 address, so the node subnet no longer pays for them: ${changes.join('; ')}.`,
    plan: next,
    costs,
  };
}

export const efaOnlyFix = (ctx: AdviceContext) => layoutFix(ctx, 'efa-only');
export const enaEfaOnlyFix = (ctx: AdviceContext) => layoutFix(ctx, 'ena-efa-only');
