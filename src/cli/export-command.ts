/**
 * `export --format F PLAN [--scenario N|NAME] [--ami al2023|al2] [--module-version 21|20]`: the plan as
 * Terraform, eksctl, Karpenter, ENIConfig, aws-node env or CSV.
 */
import { dataset } from '../data/dataset';
import { EXPORT_FORMATS, exportPlan, isExportFormat } from '../model/export/index';
import { DEFAULT_MODULE_VERSION, MODULE_VERSIONS, type ModuleVersion } from '../model/export/terraform';
import { strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument, pickScenario } from './load-plan';

export const EXPORT_USAGE = `Usage: eks-ip-planner export --format ${EXPORT_FORMATS.join('|')} PLAN [--scenario N|NAME] [--ami al2023|al2] [--module-version 21|20]
  PLAN: a plan file (JSON), a share link, or - for standard input
  --scenario: with a document of several scenarios, which one (default: the active one)
  --ami: Terraform only; how max pods reaches the kubelet: AL2023 NodeConfig (default) or AL2 bootstrap.sh flags
  --module-version: Terraform only; terraform-aws-modules/eks inputs of v${DEFAULT_MODULE_VERSION} (default) or v20`;

/** Writes the export to standard output; exit 0, or 2 on a usage error or an invalid plan. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(
    args,
    {
      format: { type: 'string' },
      ami: { type: 'string' },
      'module-version': { type: 'string' },
      scenario: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
  const mv = p.values['module-version'] as string | undefined;
  const moduleVersion = mv === undefined ? undefined : MODULE_VERSIONS.find((v) => String(v) === mv);
  if (mv !== undefined && moduleVersion === undefined)
    return usage(`--module-version must be ${MODULE_VERSIONS.join(' or ')}, got "${mv}"`);
  if (mv !== undefined && format !== 'terraform') return usage('--module-version applies to --format terraform only');
  if (p.positionals.length !== 1) return usage('give exactly one PLAN (a file, a share link or -)');
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`export: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  const which = p.values.scenario as string | undefined;
  const picked = pickScenario(loaded, which);
  if (!picked.ok) {
    io.err(`export: ${picked.error}\n`);
    return EXIT_USAGE;
  }
  const scenarios = loaded.workspace.scenarios;
  if (scenarios.length > 1) {
    // Standard output stays the export alone; say on standard error which scenario it is.
    const n = scenarios.indexOf(picked.plan) + 1;
    const how = which === undefined ? ' (the active one; choose another with --scenario N or NAME)' : '';
    io.err(`export: scenario ${n} of ${scenarios.length}, ${JSON.stringify(picked.plan.name)}${how}\n`);
  }
  for (const w of picked.warnings) {
    io.err(`export: warning: ${w.path}: ${w.message}\n`);
  }
  io.out(
    exportPlan(picked.plan, dataset, format, {
      amiFamily: ami as 'al2023' | 'al2' | undefined,
      moduleVersion: moduleVersion as ModuleVersion | undefined,
    }),
  );
  return EXIT_OK;
}
