/**
 * The labels EKS Auto Mode supports (EKS user guide, automode/create-node-pool.adoc, "EKS Auto Mode Supported
 * Labels"): Karpenter's instance labels under Auto Mode's own prefix, and the Kubernetes and Karpenter labels
 * it reads under their own names. Kept apart so that the import reads them without the exports.
 */

/** Karpenter's instance labels (karpenter.k8s.aws/X) that Auto Mode carries as eks.amazonaws.com/X. */
export const AUTO_MODE_INSTANCE_LABELS = [
  'instance-hypervisor',
  'instance-encryption-in-transit-supported',
  'instance-category',
  'instance-generation',
  'instance-family',
  'instance-size',
  'instance-cpu',
  'instance-cpu-manufacturer',
  'instance-memory',
  'instance-ebs-bandwidth',
  'instance-network-bandwidth',
  'instance-gpu-name',
  'instance-gpu-manufacturer',
  'instance-gpu-count',
  'instance-gpu-memory',
  'instance-local-nvme',
] as const;

/** Labels Auto Mode reads under their own (Kubernetes or Karpenter) names. */
export const AUTO_MODE_SHARED_LABELS = [
  'topology.kubernetes.io/zone',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'karpenter.sh/capacity-type',
] as const;
