/**
 * eks-ip-planner: the command line over the same model as the app (README, The command line).
 * Exit codes: 0 success, 1 the plan is valid but does not fit, 2 invalid input or usage.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataset, datasetProblem } from '../data/dataset';
import { runAdvise } from './advise-command';
import { runDns } from './dns-command';
import { runExport } from './export-command';
import { runImport } from './import-command';
import { runEvaluate } from './evaluate-command';
import { EXIT_OK, EXIT_USAGE, type CliIo, type CommandRunner } from './io';
import { runLink } from './link-command';
import { runMaxPodsCommand } from './max-pods-command';
import { runNodeCommand } from './node-command';

const COMMANDS: Record<string, { run: CommandRunner; what: string }> = {
  'max-pods': {
    run: (a, io) => runMaxPodsCommand(a, io, dataset),
    what: 'max pods for an instance type (drop-in for max-pods-calculator.sh)',
  },
  node: { run: (a, io) => runNodeCommand(a, io, dataset), what: "one node's addresses after the VPC CNI settles" },
  evaluate: {
    run: runEvaluate,
    what: 'evaluate a plan (file, share link or -): exit 0 fits, 1 does not fit, 2 invalid',
  },
  link: { run: runLink, what: 'print a share link for a plan' },
  advise: { run: runAdvise, what: 'ranked fixes for a plan that does not fit or wastes addresses on warm pools' },
  export: {
    run: runExport,
    what: 'configuration for a plan: terraform, eksctl, karpenter, auto-mode, eniconfig, aws-node, csv',
  },
  import: {
    run: runImport,
    what: 'a plan from aws ec2 describe-vpcs / describe-subnets [/ describe-network-interfaces] JSON; node pools from Karpenter NodePool YAML',
  },
  dns: { run: runDns, what: 'the DNS queries a Pod sends for a name, by ndots' },
  info: { run: runInfo, what: 'the instance dataset: size, date and sources' },
};

export const USAGE = `Usage: eks-ip-planner <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(10)} ${c.what}`)
  .join('\n')}

Run eks-ip-planner <command> --help for a command's options.`;

async function runInfo(_args: string[], io: CliIo): Promise<number> {
  io.out(`${dataset.types.length} instance types, data of ${dataset.dataDate}\n`);
  for (const p of dataset.provenance)
    io.out(`  ${p.what}: ${p.repository} ${p.path} @ ${p.commit.slice(0, 12)} (${p.commitDate})\n`);
  return EXIT_OK;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE + '\n');
    return cmd ? EXIT_OK : EXIT_USAGE;
  }
  if (datasetProblem !== null) {
    io.err(`eks-ip-planner: the instance dataset is damaged (${datasetProblem}); reinstall the package\n`);
    return EXIT_USAGE;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    io.err(`eks-ip-planner: unknown command "${cmd}"\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await c.run(rest, io);
  } catch (e) {
    // A bug, not bad input: still no stack trace for the user, but enough to report it.
    io.err(`eks-ip-planner ${cmd}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

/** Set once standard output's reader has gone (`… | head`): the rest of the output is dropped, quietly. */
let stdoutClosed = false;

export const processIo: CliIo = {
  out: (t) => void (stdoutClosed || process.stdout.write(t)),
  err: (t) => void process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (p) => readFile(p, 'utf8'),
};

/**
 * Runs only when this module is the program itself: `tsx src/cli/main.ts` (npm run cli) or the bundle
 * dist-cli/eks-ip-planner.mjs, reached through npm's bin symlink (hence realpath). Importing it (tests, a
 * wrapper such as bin/) never runs it, so a command runs exactly once.
 */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isEntry()) {
  // A reader that stops early (`eks-ip-planner info | head -2`) is not an error: no stack trace, and the
  // command still ends with its own exit code.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutClosed = true;
  });
  main(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
