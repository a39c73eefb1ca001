/**
 * Every export of a plan, by format name: what the export panel's copy buttons and
 * `eks-ip-planner export --format F PLAN` produce. All offline, from the plan and the dataset alone.
 */
import { evaluate } from '../evaluate';
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import type { Evaluation } from '../result';
import { toAutoMode } from './auto-mode';
import { toAwsNodeEnv } from './aws-node';
import { toCsv } from './csv';
import { toEksctl } from './eksctl';
import { toEniConfigs } from './eniconfig';
import { toKarpenter } from './karpenter';
import { toTerraform, type AmiFamily, type ModuleVersion } from './terraform';

/** The formats, in the order the panel shows them. */
export const EXPORT_FORMATS = [
  'terraform',
  'eksctl',
  'karpenter',
  'auto-mode',
  'eniconfig',
  'aws-node',
  'csv',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is, its file name and media type (for download buttons). */
export const EXPORT_INFO: Record<ExportFormat, { label: string; fileName: string; mediaType: string }> = {
  terraform: { label: 'Terraform (terraform-aws-modules/eks)', fileName: 'eks-ip-plan.tf', mediaType: 'text/plain' },
  eksctl: { label: 'eksctl ClusterConfig', fileName: 'cluster.yaml', mediaType: 'application/yaml' },
  karpenter: {
    label: 'Karpenter EC2NodeClass and NodePool',
    fileName: 'karpenter.yaml',
    mediaType: 'application/yaml',
  },
  'auto-mode': {
    label: 'EKS Auto Mode NodeClass and NodePool',
    fileName: 'auto-mode.yaml',
    mediaType: 'application/yaml',
  },
  eniconfig: { label: 'ENIConfig (custom networking)', fileName: 'eniconfig.yaml', mediaType: 'application/yaml' },
  'aws-node': { label: 'aws-node environment (kubectl)', fileName: 'aws-node-env.sh', mediaType: 'text/x-shellscript' },
  csv: { label: 'CSV of subnets and node groups', fileName: 'eks-ip-plan.csv', mediaType: 'text/csv' },
};

export interface ExportOptions {
  /** Terraform only: AL2023 NodeConfig (default) or AL2 bootstrap.sh flags for max pods. */
  amiFamily?: AmiFamily;
  /** Terraform only: terraform-aws-modules/eks major version, 21 (default) or 20. */
  moduleVersion?: ModuleVersion;
  /** CSV only: an evaluation already computed (the app has one); else it is computed here. */
  evaluation?: Evaluation;
}

/** Is this a format name? */
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/**
 * A validated plan in one format, as text ending in a newline.
 * @example exportPlan(plan, dataset, 'aws-node') // '...kubectl set env daemonset aws-node -n kube-system WARM_IP_TARGET=5 ...\n'
 */
export function exportPlan(
  plan: Plan,
  dataset: InstanceDataset,
  format: ExportFormat,
  options: ExportOptions = {},
): string {
  switch (format) {
    case 'terraform':
      return toTerraform(plan, dataset, { amiFamily: options.amiFamily, moduleVersion: options.moduleVersion });
    case 'eksctl':
      return toEksctl(plan, dataset);
    case 'karpenter':
      return toKarpenter(plan, dataset);
    case 'auto-mode':
      return toAutoMode(plan, dataset);
    case 'eniconfig':
      return toEniConfigs(plan);
    case 'aws-node':
      return toAwsNodeEnv(plan);
    case 'csv':
      return toCsv(plan, options.evaluation ?? evaluate(plan, dataset), dataset);
  }
}
