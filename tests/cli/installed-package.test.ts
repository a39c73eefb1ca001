/**
 * The package as a user gets it: `npm pack` (which builds the one-file CLI through prepack), then the
 * tarball installed into an empty folder with `--omit=dev --offline` (it must need nothing from a registry),
 * then the installed bin run through npm's symlink as a real process. Truth is AWS's eni-max-pods.txt, plain
 * address arithmetic and the in-process CLI over the TypeScript sources (the bundle must say the same,
 * once). No timing here: bench:cli measures speed.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { cli } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLOW = 300_000; // npm and a Vite build on a shared 2-core machine: generous, and no assertion on time
const tmp = mkdtempSync(join(tmpdir(), 'eks-ip-planner-pkg-'));
let tarball = '';
let bin = '';
let globalBin = '';
let installDir = '';

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

function run(cmd: string, args: string[], stdin = '') {
  const r = spawnSync(cmd, args, { input: stdin, encoding: 'utf8', cwd: tmp, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const installed = (args: string[], stdin = '') => run(bin, args, stdin);

const oracle = readFileSync(join(ROOT, 'data/aws/eni-max-pods.vpc-cni.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
const oracleMaxPods = (type: string) => oracle.find((l) => l.startsWith(`${type} `))!.split(' ')[1];

beforeAll(() => {
  const packDir = join(tmp, 'pack');
  mkdirSync(packDir);
  npm(['pack', '--pack-destination', packDir], ROOT);
  const tgz = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  expect(tgz).toHaveLength(1);
  tarball = join(packDir, tgz[0]!);

  installDir = join(tmp, 'project');
  mkdirSync(installDir);
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'uses-the-cli', private: true }));
  const flags = ['--omit=dev', '--offline', '--no-audit', '--no-fund', '--no-package-lock'];
  npm(['install', ...flags, tarball], installDir);
  bin = join(installDir, 'node_modules', '.bin', 'eks-ip-planner');

  const prefix = join(tmp, 'global');
  npm(['install', '--global', '--prefix', prefix, ...flags, tarball], tmp);
  globalBin = join(prefix, 'bin', 'eks-ip-planner');
}, SLOW);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the bundled CLI, the README and package.json only', () => {
    const r = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual([
      'package/README.md',
      'package/dist-cli/eks-ip-planner.mjs',
      'package/package.json',
    ]);
  });
  it('installs with --omit=dev and nothing else: no runtime dependency, no React', () => {
    const pkg = JSON.parse(readFileSync(join(installDir, 'node_modules/eks-ip-planner/package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(installDir, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['eks-ip-planner']);
  });
});

describe('the installed bin (node_modules/.bin/eks-ip-planner)', () => {
  it(
    'max-pods --instance-type m5.large prints 29 once and exits 0, as eni-max-pods.txt says',
    () => {
      expect(oracleMaxPods('m5.large')).toBe('29');
      const r = installed(['max-pods', '--instance-type', 'm5.large']);
      expect(r).toEqual({ code: 0, out: '29\n', err: '' });
    },
    SLOW,
  );

  it(
    'max-pods --all --show-max-allowed is eni-max-pods.txt line for line',
    () => {
      const r = installed(['max-pods', '--all', '--show-max-allowed']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out.trim().split('\n').sort()).toEqual([...oracle].sort());
    },
    SLOW,
  );

  it(
    'info prints the dataset line once: as many types as eni-max-pods.txt has lines',
    () => {
      const r = installed(['info']);
      expect(r.code).toBe(0);
      const lines = r.out.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^${oracle.length} instance types, data of \\d{4}-\\d\\d-\\d\\d$`));
      expect(lines.filter((l) => l.includes('instance types'))).toHaveLength(1);
      expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    },
    SLOW,
  );

  it(
    'evaluate - reads a plan from standard input and prints the report once, as the sources do',
    async () => {
      const plan = readFileSync(join(ROOT, 'tests/fixtures/reference-plan.json'), 'utf8');
      const r = installed(['evaluate', '-'], plan);
      const source = await cli(['evaluate', '-'], plan);
      expect([0, 1]).toContain(r.code);
      expect(r.err).toBe('');
      expect(r.out.match(/^Verdict: /gm)).toHaveLength(1);
      expect(r).toEqual({ code: source.code, out: source.out, err: source.err });
    },
    SLOW,
  );

  it(
    'evaluate exits 1 for a plan that cannot fit: 20 nodes in a /28 of 11 usable addresses',
    () => {
      // A /28 is 16 addresses, AWS reserves 5: 11 usable, and every node takes at least its own address.
      const plan = {
        version: 1,
        name: 'too-small',
        vpc: { cidrs: ['10.0.0.0/24'], subnets: [{ name: 'tiny', az: 'us-east-1a', cidr: '10.0.0.0/28' }] },
        nodeGroups: [
          {
            name: 'web',
            instanceType: 'm5.large',
            subnets: ['tiny'],
            minNodes: 1,
            desiredNodes: 2,
            maxNodes: 20,
            podsPerNode: 1,
          },
        ],
      };
      const r = installed(['evaluate', '-'], JSON.stringify(plan));
      expect(r.code).toBe(1);
      expect(r.out.match(/^Verdict: /gm)).toHaveLength(1);
      expect(installed(['evaluate', '-'], JSON.stringify(SMALL_ROUTABLE_VPC)).code).toBe(1);
    },
    SLOW,
  );

  it(
    'bad usage exits 2 with a message on standard error and nothing on standard output',
    () => {
      const unknown = installed(['frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.out).toBe('');
      expect(unknown.err).toMatch(/unknown command "frobnicate"/);

      const noType = installed(['max-pods']);
      expect(noType.code).toBe(2);
      expect(noType.err).toMatch(/--instance-type/);

      const notJson = installed(['evaluate', '-'], '{ not json');
      expect(notJson.code).toBe(2);
      expect(notJson.out).toBe('');
      expect(notJson.err).toMatch(/standard input/);
    },
    SLOW,
  );

  it(
    'a reader that stops early (| head) ends it quietly, with its own exit code',
    async () => {
      const stopped = (args: string[], stdin: string) =>
        new Promise<{ code: number | null; err: string }>((done) => {
          const c = spawn(bin, args, { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] });
          let err = '';
          c.stderr.on('data', (d) => (err += d));
          // The reading end of its standard output closes before it writes: every write meets EPIPE.
          c.stdout.destroy();
          c.stdin.end(stdin);
          c.on('close', (code) => done({ code, err }));
        });
      expect(await stopped(['info'], '')).toEqual({ code: 0, err: '' });
      // A plan that does not fit at max (as above): still exit 1, not a crash (2, or killed by a signal).
      expect(await stopped(['evaluate', '-'], JSON.stringify(SMALL_ROUTABLE_VPC))).toEqual({ code: 1, err: '' });
    },
    SLOW,
  );

  it(
    'the same bin installed globally (npm i -g) runs once',
    () => {
      expect(run(globalBin, ['max-pods', '--instance-type', 'm5.large'])).toEqual({ code: 0, out: '29\n', err: '' });
    },
    SLOW,
  );

  it(
    'npx finds it in the project that installed it',
    () => {
      const r = spawnSync('npx', ['--no-install', 'eks-ip-planner', 'max-pods', '--instance-type', 'm5.large'], {
        cwd: installDir,
        encoding: 'utf8',
      });
      expect({ code: r.status, out: r.stdout }).toEqual({ code: 0, out: '29\n' });
    },
    SLOW,
  );
});
