/**
 * `import --vpcs F --subnets F [--enis F] [--vpc-id ID]`: a plan (JSON, on standard output) from the
 * output of `aws ec2 describe-vpcs`, `describe-subnets` and `describe-network-interfaces`. Offline: it
 * reads files, never AWS. The summary goes to standard error.
 */
import { importAwsVpc } from '../model/import-aws';
import { strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';

export const IMPORT_USAGE = `Usage: eks-ip-planner import --vpcs FILE --subnets FILE [--enis FILE] [--vpc-id ID] > plan.json
  --vpcs     output of: aws ec2 describe-vpcs --vpc-ids vpc-…
  --subnets  output of: aws ec2 describe-subnets --filters Name=vpc-id,Values=vpc-…
  --enis     output of: aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=vpc-…
             (optional: addresses in use are then counted from it, not from AvailableIpAddressCount)
  --vpc-id   which VPC, when the describe-vpcs output holds several
  FILE may be - for standard input (for one of them)`;

const FILE_OPTIONS = ['vpcs', 'subnets', 'enis'] as const;

/** Prints the plan; exit 0, or 2 on a usage error, an unreadable file or input that does not import. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(args, {
    vpcs: { type: 'string' },
    subnets: { type: 'string' },
    enis: { type: 'string' },
    'vpc-id': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const usage = (msg: string) => {
    io.err(`import: ${msg}\n${IMPORT_USAGE}\n`);
    return EXIT_USAGE;
  };
  if (!p.ok) return usage(p.error);
  if (p.values.help) {
    io.out(IMPORT_USAGE + '\n');
    return EXIT_OK;
  }
  const v = p.values as Partial<Record<'vpcs' | 'subnets' | 'enis' | 'vpc-id', string>>;
  if (v.vpcs === undefined) return usage('--vpcs is required (the output of aws ec2 describe-vpcs)');
  if (v.subnets === undefined) return usage('--subnets is required (the output of aws ec2 describe-subnets)');
  const stdin = FILE_OPTIONS.filter((k) => v[k] === '-');
  if (stdin.length > 1) return usage(`only one of --${stdin.join(', --')} can be - (standard input)`);
  const vpcId = v['vpc-id'];
  if (vpcId !== undefined && !/^vpc-[0-9a-f]{8,17}$/.test(vpcId)) return usage(`--vpc-id must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "${vpcId}"`);

  const texts: Partial<Record<(typeof FILE_OPTIONS)[number], string>> = {};
  for (const k of FILE_OPTIONS) {
    const path = v[k];
    if (path === undefined) continue;
    try {
      texts[k] = path === '-' ? await io.readStdin() : await io.readFile(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      io.err(`import: --${k} ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (e instanceof Error ? e.message : 'error')})`}\n`);
      return EXIT_USAGE;
    }
  }
  const r = importAwsVpc({ vpcs: texts.vpcs!, subnets: texts.subnets!, enis: texts.enis, vpcId });
  if (!r.ok) {
    for (const e of r.errors) io.err(`import: ${e}\n`);
    return EXIT_USAGE;
  }
  for (const line of r.summary) io.err(`import: ${line}\n`);
  io.out(JSON.stringify(r.plan, null, 2) + '\n');
  return EXIT_OK;
}
