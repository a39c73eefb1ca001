/**
 * `advise PLAN [--json] [--headroom PCT] [--all] [--scenario N|NAME]`: the ranked fixes for a plan that does
 * not fit or wastes addresses on warm pools. Exit 0 (whatever the advice), 2 on invalid input or usage.
 */
import { evaluationJson } from './evaluation-json';
import { dataset } from '../data/dataset';
import { advise, type Advice } from '../model/advisor';
import { measure } from '../model/advisor/measure';
import { intOption, strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument, pickScenario } from './load-plan';
import { fmt, percent } from '../model/format';

export const ADVISE_USAGE = `Usage: eks-ip-planner advise PLAN [--json] [--headroom PCT] [--all] [--scenario N|NAME]
  PLAN: a plan file (JSON), a share link, or - for standard input
  --json       an array of { id, title, summary, rank, headroom, cost, costScore, plan, evaluation }:
               plan is the whole changed plan, evaluation what evaluate --json prints for it
  --headroom   growth above max nodes that resized subnets and prefix reservations hold (default 20)
  --all        advise even when the plan fits and wastes little
  --scenario   with a document of several scenarios, which one (default: the active one)`;

const n = fmt;
const pct = (x: number) => percent(x);

export async function runAdvise(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(
    args,
    {
      json: { type: 'boolean' },
      headroom: { type: 'string' },
      all: { type: 'boolean' },
      scenario: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (!p.ok) {
    io.err(`advise: ${p.error}\n${ADVISE_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (p.values.help) {
    io.out(ADVISE_USAGE + '\n');
    return EXIT_OK;
  }
  if (p.positionals.length !== 1) {
    io.err(`advise: give exactly one PLAN (a file, a share link or -)\n${ADVISE_USAGE}\n`);
    return EXIT_USAGE;
  }
  const headroom = intOption('--headroom', p.values.headroom as string | undefined, 0, 1000);
  if (!headroom.ok) {
    io.err(`advise: ${headroom.error}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`advise: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  const picked = pickScenario(loaded, p.values.scenario as string | undefined);
  if (!picked.ok) {
    io.err(`advise: ${picked.error}\n`);
    return EXIT_USAGE;
  }
  const fixes = advise(picked.plan, dataset, { headroomPct: headroom.value ?? 20, always: Boolean(p.values.all) });
  if (p.values.json) {
    io.out(JSON.stringify(fixes.map(toJson), null, 2) + '\n');
    return EXIT_OK;
  }
  io.out(formatAdvice(picked.plan.name, fixes, picked.plan));
  return EXIT_OK;
}

/** The JSON of one fix: the keys the issue fixes first, then the extensions. */
function toJson(a: Advice) {
  return {
    id: a.id,
    title: a.title,
    plan: a.plan,
    evaluation: evaluationJson(a.plan, a.evaluation),
    rank: a.rank,
    summary: a.summary,
    headroom: a.headroom,
    cost: a.cost,
    costScore: a.costScore,
  };
}

/** The readable ranking: the plan now, then each fix with its measured headroom and its costs. */
export function formatAdvice(name: string, fixes: readonly Advice[], plan: Parameters<typeof measure>[0]): string {
  const out: string[] = [`Plan: ${name}`];
  const now = measure(plan, dataset);
  if (now) {
    const h = now.headroom;
    const fe = now.evaluation.firstExhaustion;
    out.push(
      `Now: ${h.fitsAtMax ? 'fits' : 'does NOT fit'} at max (${n(now.evaluation.totals.nodes.max)} nodes)` +
        `${fe ? `; ${fe.subnet} runs out at ${n(fe.atNodes)} nodes` : ''}; ${n(h.addressesAtMax)} addresses at max; warm share at desired ${pct(h.warmShareAtDesired)}`,
    );
  }
  if (fixes.length === 0) {
    out.push(
      '',
      now && !now.headroom.fitsAtMax
        ? 'No fix found that gives this plan more room; see evaluate for the warnings.'
        : 'Nothing to fix: the plan fits and its warm pools hold at most half of the addresses used at desired (--all to see options anyway).',
    );
    return out.join('\n') + '\n';
  }
  out.push('', 'Fixes, best first (fits at max, then nodes until the first subnet runs out ÷ max nodes, then cost)');
  for (const a of fixes) {
    const h = a.headroom;
    out.push('', `${a.rank}. ${a.title}  [${a.id}]`);
    out.push(
      `   ${h.fitsAtMax ? 'FITS' : 'does not fit'} at max; first exhaustion ${h.firstExhaustionNodes === null ? 'none up to 2× max' : `at ${n(h.firstExhaustionNodes)} nodes`}` +
        ` (${h.exhaustionRatio.toFixed(2)}× max); min free at max ${n(h.minFreeAtMax)}; ${n(h.addressesAtMax)} addresses at max; warm share ${pct(h.warmShareAtDesired)}; cost score ${a.costScore}`,
    );
    out.push(`   ${a.summary}`);
    for (const c of a.cost) out.push(`   - ${c}`);
  }
  return out.join('\n') + '\n';
}
