/** `export --format F PLAN [--ami al2023|al2]`: the plan as Terraform, eksctl, Karpenter, ENIConfig, aws-node env or CSV. */
import { dataset } from '../data/dataset';
import { EXPORT_FORMATS, exportPlan, isExportFormat } from '../model/export/index';
import { strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument } from './load-plan';

export const EXPORT_USAGE = `Usage: eks-ip-planner export --format ${EXPORT_FORMATS.join('|')} PLAN [--ami al2023|al2]
  PLAN: a plan file (JSON), a share link, or - for standard input
  --ami: Terraform only; how max pods reaches the kubelet: AL2023 NodeConfig (default) or AL2 bootstrap.sh flags`;

/** Writes the export to standard output; exit 0, or 2 on a usage error or an invalid plan. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(
    args,
    { format: { type: 'string' }, ami: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  const usage = (msg: string) => {
    io.err(`export: ${msg}\n${EXPORT_USAGE}\n`);
    return EXIT_USAGE;
  };
  if (!p.ok) return usage(p.error);
  if (p.values.help) {
    io.out(EXPORT_USAGE + '\n');
    return EXIT_OK;
  }
  const format = p.values.format as string | undefined;
  if (format === undefined) return usage(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if (!isExportFormat(format)) return usage(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  const ami = p.values.ami as string | undefined;
  if (ami !== undefined && ami !== 'al2023' && ami !== 'al2') return usage(`--ami must be al2023 or al2, got "${ami}"`);
  if (ami !== undefined && format !== 'terraform') return usage('--ami applies to --format terraform only');
  if (p.positionals.length !== 1) return usage('give exactly one PLAN (a file, a share link or -)');
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`export: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  for (const w of loaded.warnings ?? []) {
    io.err(`export: warning: ${w.path}: ${w.message}\n`);
  }
  io.out(exportPlan(loaded.plan, dataset, format, { amiFamily: ami as 'al2023' | 'al2' | undefined }));
  return EXIT_OK;
}
