/**
 * Findings about GPU and AI node groups (efa-layout.ts, max-pods.ts): EFA layouts the type cannot launch, the
 * ENA + EFA-only max-pods trap, and max pods that a node group's kind overrides.
 */
import { efaCount, type InstanceDataset } from './instances';
import { launchLayout } from './efa-layout';
import { recommendedCap } from './max-pods';
import type { NodeGroup, Plan } from './plan';
import type { GroupPlacement } from './placement';
import type { Warning } from './result';

/** The tool behind each layout, as the page and the messages name it. */
export const EFA_LAYOUT_MAKERS = {
  none: 'no EFA',
  efa: 'eksctl efaEnabled / Karpenter default',
  'efa-only': 'terraform-aws-eks v21 enable_efa_only',
  'ena-efa-only': 'EC2 recommended: ENA + EFA-only',
} as const;

export function aiNodeWarnings(plan: Plan, dataset: InstanceDataset, placed: readonly GroupPlacement[]): Warning[] {
  const out: Warning[] = [];
  plan.nodeGroups.forEach((g, gi) => {
    const t = dataset.byName.get(g.instanceType)!;
    const per = placed[gi]!.perNode;
    const path = `nodeGroups[${gi}]`;
    const layout = g.efaLayout ?? 'none';
    const efa = efaCount(t);
    const setNone = { kind: 'nodeGroup' as const, index: gi, set: { efaLayout: 'none' } as Partial<NodeGroup> };
    if (layout !== 'none' && efa === 0) {
      out.push({
        code: 'efa-unsupported',
        severity: 'error',
        path: `${path}.efaLayout`,
        message: `${g.name}: EFA is requested (${EFA_LAYOUT_MAKERS[layout]}) but ${t.name} has no EFA interface; the launch fails (counted here as no EFA)`,
        fix: 'Pick an EFA type (p4d, p5, p5en, trn1, trn2, …) or set the EFA layout to none',
        apply: setNone,
      });
    } else if (layout !== 'none' && efa === null) {
      out.push({
        code: 'efa-count-unknown',
        severity: 'warning',
        path: `${path}.efaLayout`,
        message: `${g.name}: ${t.name} is not in Karpenter's instance-types table, so its EFA count is unknown; no EFA interfaces are counted`,
        fix: 'Check the type with aws ec2 describe-instance-types (NetworkInfo.EfaInfo) before relying on these figures',
      });
    }
    if (layout === 'efa' && efa && launchLayout(t, 'efa').card0EnaOnly) {
      out.push({
        code: 'efa-card0-ena-only',
        severity: 'warning',
        path: `${path}.efaLayout`,
        message: `${g.name}: card 0 of ${t.name} is ENA only (${t.networkCards} cards, ${efa} EFA); eksctl's efaEnabled puts an EFA on card 0 and its launch fails there`,
        fix: 'Launch it with Karpenter (EFA on cards 1–N) or terraform-aws-eks v21 (efa_indices), or use the efa-only layout',
        apply: { kind: 'nodeGroup', index: gi, set: { efaLayout: 'efa-only' } },
      });
    }
    if ((g.kind ?? 'self-managed') === 'managed' && g.maxPods !== null && per.maxPodsSource === 'eks-managed-cap') {
      const cap = recommendedCap(t);
      out.push({
        code: 'managed-max-pods-capped',
        severity: 'warning',
        path: `${path}.maxPods`,
        message: `${g.name}: EKS managed node groups cap max pods at ${cap} for ${t.name} (${t.vcpus ?? 'unknown'} vCPUs), over any other setting; the plan's ${g.maxPods} is not honoured and nodes run ${per.maxPods}`,
        fix: `Plan for ${cap} pods per node, or launch the nodes from a launch template with a custom AMI (self-managed bootstrap) to set max pods yourself`,
        apply: { kind: 'nodeGroup', index: gi, set: { maxPods: cap } },
      });
    }
    if (per.multiNic && (g.multiHomedPodsPerNode ?? 0) > 0 && t.networkCards < 2) {
      out.push({
        code: 'multi-nic-single-card',
        severity: 'info',
        path: `${path}.multiHomedPodsPerNode`,
        message: `${g.name}: ${t.name} has one network card; multi-homed pods get a single address as any other pod`,
        fix: 'ENABLE_MULTI_NIC matters on types with several network cards (p5, p5en, trn2, …)',
      });
    }
  });
  return out;
}
