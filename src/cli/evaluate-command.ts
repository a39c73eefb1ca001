/** `evaluate PLAN [--json]`: exit 0 when the plan fits, 1 when it does not, 2 on invalid input. */
import { dataset } from '../data/dataset';
import { evaluate, type FullEvaluation } from '../model/evaluate';
import { strictParse } from './args';
import { EXIT_DOES_NOT_FIT, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument } from './load-plan';
import { formatReport } from './report';

export const EVALUATE_USAGE = `Usage: eks-ip-planner evaluate PLAN [--json]
  PLAN: a plan file (JSON), a share link, or - for standard input`;

export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (!p.ok) {
    io.err(`evaluate: ${p.error}\n${EVALUATE_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (p.values.help) {
    io.out(EVALUATE_USAGE + '\n');
    return EXIT_OK;
  }
  if (p.positionals.length !== 1) {
    io.err(`evaluate: give exactly one PLAN (a file, a share link or -)\n${EVALUATE_USAGE}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`evaluate: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  const result = evaluate(loaded.plan, dataset, loaded.warnings);
  io.out(p.values.json ? JSON.stringify(toJson(result), null, 2) + '\n' : formatReport(loaded.plan, result));
  return result.fits ? EXIT_OK : EXIT_DOES_NOT_FIT;
}

/** The JSON the contract fixes, plus the extensions (series kept: charts and scripts read it). */
export function toJson(r: FullEvaluation) {
  return r;
}
