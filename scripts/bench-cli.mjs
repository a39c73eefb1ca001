#!/usr/bin/env node
/**
 * npm run bench:cli: what one call of the installed command line costs against starting Node at all.
 *
 * Packs the package (`npm pack`, which builds dist-cli/eks-ip-planner.mjs through prepack), installs the
 * tarball into a temporary folder with --omit=dev --offline as a user would, then times, side by side in
 * one run and interleaved (so a change in the machine's load hits every command alike):
 *   - `node -e 0`, the floor;
 *   - the installed bin: `max-pods --instance-type m5.large`, and `evaluate` of tests/fixtures/reference-plan.json;
 *   - for the record, the development entry `tsx src/cli/main.ts max-pods …` (npm run cli), fewer runs.
 * Each process is spawned and waited for (the same spawn cost in every figure). Prints median and p95 per
 * command, the ratio of each installed median to node's against the target (≤ TARGET× `node -e 0`), and the
 * load average before and after.
 *
 *   node scripts/bench-cli.mjs [--runs N] [--tsx-runs N] [--json] [--strict]
 * --tsx-runs 0 skips the tsx figure; --strict exits 1 when over the target.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGET = 2.5;
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench:cli: ${name} takes a whole number of runs (got "${args[i + 1] ?? ''}")`);
    process.exit(2);
  }
  return n;
};
const runs = option('--runs', 30);
const tsxRuns = option('--tsx-runs', 5);
const asJson = args.includes('--json');
const log = (...a) => void (asJson ? process.stderr.write(`${a.join(' ')}\n`) : console.log(...a));

function sh(cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd} ${cmdArgs.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** One timed call; `ok` checks what it printed so a broken build cannot pass for a fast one. */
function timeOnce(c) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { cwd: c.cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!c.ok(r)) throw new Error(`${c.label} printed something unexpected (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  return ms;
}

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { runs: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

const tmp = mkdtempSync(join(tmpdir(), 'eks-ip-planner-bench-'));
try {
  log('packing and installing the package (npm pack, npm i --omit=dev --offline) …');
  const packDir = join(tmp, 'pack');
  mkdirSync(packDir);
  sh('npm', ['pack', '--pack-destination', packDir], root);
  const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  const project = join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bench-cli', private: true }));
  const flags = ['--omit=dev', '--offline', '--no-audit', '--no-fund', '--no-package-lock'];
  sh('npm', ['install', ...flags, join(packDir, tgz)], project);
  const bin = join(project, 'node_modules', '.bin', 'eks-ip-planner');
  const plan = join(root, 'tests/fixtures/reference-plan.json');

  const node = { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], ok: (r) => r.status === 0 };
  const installed = [
    {
      label: 'installed: max-pods --instance-type m5.large',
      cmd: bin,
      args: ['max-pods', '--instance-type', 'm5.large'],
      ok: (r) => r.status === 0 && r.stdout === '29\n',
    },
    {
      label: 'installed: evaluate reference-plan.json',
      cmd: bin,
      args: ['evaluate', plan],
      ok: (r) => (r.status === 0 || r.status === 1) && (r.stdout.match(/^Verdict: /gm) ?? []).length === 1,
    },
  ];
  const commands = [node, ...installed];
  for (const c of commands) c.cwd = project;

  const loadBefore = loadavg();
  for (const c of commands) for (let i = 0; i < 3; i++) timeOnce(c); // warm the file cache
  const times = new Map(commands.map((c) => [c, []]));
  for (let i = 0; i < runs; i++) for (const c of commands) times.get(c).push(timeOnce(c));

  let tsx = null;
  if (tsxRuns > 0) {
    const dev = {
      label: 'development (npm run cli): tsx src/cli/main.ts max-pods',
      cmd: join(root, 'node_modules', '.bin', 'tsx'),
      args: [join(root, 'src/cli/main.ts'), 'max-pods', '--instance-type', 'm5.large'],
      cwd: root,
      ok: (r) => r.status === 0 && r.stdout === '29\n',
    };
    timeOnce(dev);
    tsx = { label: dev.label, ...stats(Array.from({ length: tsxRuns }, () => timeOnce(dev))) };
  }
  const loadAfter = loadavg();

  const floor = stats(times.get(node));
  const rows = commands.map((c) => {
    const s = stats(times.get(c));
    return { label: c.label, ...s, ratio: c === node ? 1 : s.median / floor.median };
  });
  const over = rows.filter((r) => r.ratio > TARGET);
  const result = {
    runs,
    target: `installed CLI median ≤ ${TARGET}× node -e 0 median`,
    rows,
    tsx,
    loadAverage: { before: loadBefore, after: loadAfter },
    withinTarget: over.length === 0,
  };

  if (asJson) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const f = (ms) => ms.toFixed(1).padStart(7);
    const la = (l) => l.map((x) => x.toFixed(2)).join(', ');
    console.log(`\none call of the command line, ${runs} runs each, interleaved (spawn and wait, ms):`);
    console.log(`  ${'command'.padEnd(62)} median     p95  × node -e 0`);
    for (const r of rows) {
      const ratio = r.label === node.label ? '' : `${r.ratio.toFixed(2)}×`.padStart(9);
      console.log(`  ${r.label.padEnd(62)}${f(r.median)} ${f(r.p95)}  ${ratio}`);
    }
    if (tsx) {
      const ratio = `${(tsx.median / floor.median).toFixed(2)}×`.padStart(9);
      console.log(`  ${`${tsx.label}, ${tsx.runs} runs`.padEnd(62)}${f(tsx.median)} ${f(tsx.p95)}  ${ratio}`);
    }
    console.log(`target: one call of the installed CLI ≤ ${TARGET}× node -e 0 (medians)`);
    console.log(
      over.length ? `OVER TARGET: ${over.map((r) => `${r.label} ${r.ratio.toFixed(2)}×`).join('; ')}` : 'within target',
    );
    console.log(`load average (1, 5, 15 min): before ${la(loadBefore)}; after ${la(loadAfter)}`);
  }
  if (args.includes('--strict') && over.length) process.exitCode = 1;
} catch (e) {
  // Still through finally: the temporary install goes either way.
  console.error(`bench:cli: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
