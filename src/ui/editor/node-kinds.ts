/** The words for node group kinds and EFA layouts, shared by the editor and the results. */
import type { EfaLayout, NodeGroupKind } from '../../model/plan';

export const KIND_OPTIONS: readonly { value: NodeGroupKind; label: string }[] = [
  { value: 'self-managed', label: 'Self-managed' },
  { value: 'managed', label: 'EKS managed node group' },
  { value: 'karpenter', label: 'Karpenter' },
  { value: 'auto-mode', label: 'EKS Auto Mode' },
];

/** The layouts, named by the tool that makes each. */
export const EFA_LAYOUT_OPTIONS: readonly { value: EfaLayout; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'efa', label: 'eksctl efaEnabled / Karpenter default (efa)' },
  { value: 'efa-only', label: 'terraform-aws-eks v21 enable_efa_only (efa-only)' },
  { value: 'ena-efa-only', label: 'EC2 recommended: ENA + EFA-only (ena-efa-only)' },
];

/** "EKS managed node group". */
export const kindName = (kind: NodeGroupKind): string => KIND_OPTIONS.find((o) => o.value === kind)!.label;
/** "eksctl efaEnabled / Karpenter default (efa)". */
export const layoutName = (layout: EfaLayout): string => EFA_LAYOUT_OPTIONS.find((o) => o.value === layout)!.label;
