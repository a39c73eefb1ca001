/** `evaluate PLAN [--json]`: exit 0 when the plan fits, 1 when it does not, 2 on invalid input. */
import { dataset } from '../data/dataset';
import { evaluate } from '../model/evaluate';
import { intOption, strictParse } from './args';
import { evaluationJson } from './evaluation-json';
import { EXIT_DOES_NOT_FIT, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument, pickScenario } from './load-plan';
import { formatReport } from './report';

export const EVALUATE_USAGE = `Usage: eks-ip-planner evaluate PLAN [--json] [--scenario N|NAME] [--scale-out-seconds T]
  PLAN: a plan file (JSON), a share link, or - for standard input
  --scenario: with a document of several scenarios, which one (default: the active one)
  --scale-out-seconds: the window for the EC2 API estimate of scaling desired → max (default 60)`;

export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(
    args,
    {
      json: { type: 'boolean' },
      scenario: { type: 'string' },
      'scale-out-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
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
  const seconds = intOption('--scale-out-seconds', p.values['scale-out-seconds'] as string | undefined, 1, 86_400);
  if (!seconds.ok) {
    io.err(`evaluate: ${seconds.error}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`evaluate: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  const picked = pickScenario(loaded, p.values.scenario as string | undefined);
  if (!picked.ok) {
    io.err(`evaluate: ${picked.error}\n`);
    return EXIT_USAGE;
  }
  const result = evaluate(picked.plan, dataset, picked.warnings);
  const json = evaluationJson(picked.plan, result, seconds.value ?? 60);
  io.out(p.values.json ? JSON.stringify(json, null, 2) + '\n' : formatReport(picked.plan, result, json.apiCalls));
  return result.fits ? EXIT_OK : EXIT_DOES_NOT_FIT;
}
