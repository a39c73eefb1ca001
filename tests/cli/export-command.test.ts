import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export-command';
import { runWithFiles } from './run-cli';

const golden = (name: string) => readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');
const reference = readFileSync(new URL('../fixtures/reference-plan.json', import.meta.url), 'utf8');
const second = { ...JSON.parse(reference), name: 'expanded-vpc-v20' };
const files: Record<string, string> = {
  'plan.json': reference,
  'bad.json': '{"version": 1, "vpc": {"cidrs": []}}',
  // Two scenarios, the second active.
  'workspace.json': JSON.stringify({ version: 2, active: 1, scenarios: [JSON.parse(reference), second] }),
};

const run = (args: string[], stdin = '') => runWithFiles(runExport, files, args, stdin);

describe('eks-ip-planner export', () => {
  it.each([
    ['terraform', 'reference-plan.v21.tf'],
    ['eksctl', 'reference-plan.eksctl.yaml'],
    ['karpenter', 'reference-plan.karpenter.yaml'],
    ['eniconfig', 'reference-plan.eniconfig.yaml'],
    ['aws-node', 'reference-plan.aws-node.sh'],
    ['csv', 'reference-plan.csv'],
  ])('--format %s prints the golden export, exit 0', async (format, file) => {
    const r = await run(['--format', format, 'plan.json']);
    expect(r).toEqual({ code: 0, out: golden(file), err: '' });
  });

  it('--ami al2 with terraform: bootstrap.sh flags', async () => {
    const r = await run(['--format', 'terraform', '--ami', 'al2', '--module-version', '20', 'plan.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden('reference-plan.al2.tf'));
  });

  it('--module-version 20: the v20 golden file, byte for byte; 21 is the default', async () => {
    expect(await run(['--format', 'terraform', '--module-version', '20', 'plan.json'])).toEqual({
      code: 0,
      out: golden('reference-plan.tf'),
      err: '',
    });
    expect(await run(['--format', 'terraform', '--module-version', '21', 'plan.json'])).toEqual({
      code: 0,
      out: golden('reference-plan.v21.tf'),
      err: '',
    });
  });

  it('a file of several scenarios: the active one by default, said on standard error; --scenario N or NAME picks another', async () => {
    const active = await run(['--format', 'eksctl', 'workspace.json']);
    expect(active.code).toBe(0);
    expect(active.out).toContain('name: expanded-vpc-v20');
    expect(active.err).toBe(
      'export: scenario 2 of 2, "expanded-vpc-v20" (the active one; choose another with --scenario N or NAME)\n',
    );
    const first = await run(['--format', 'eksctl', '--scenario', '1', 'workspace.json']);
    expect(first.out).toBe(golden('reference-plan.eksctl.yaml'));
    expect(first.err).toBe('export: scenario 1 of 2, "expanded-vpc"\n');
    const byName = await run(['--format', 'eksctl', '--scenario', 'expanded-vpc', 'workspace.json']);
    expect(byName.out).toBe(first.out);
  });

  it('--scenario on a one-plan file: that plan, nothing on standard error; an unknown scenario: exit 2, the list', async () => {
    expect(await run(['--format', 'aws-node', '--scenario', '1', 'plan.json'])).toEqual({
      code: 0,
      out: golden('reference-plan.aws-node.sh'),
      err: '',
    });
    const r = await run(['--format', 'csv', '--scenario', '3', 'workspace.json']);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(
      'export: --scenario: no scenario "3"; the document has 1 (expanded-vpc), 2 (expanded-vpc-v20)\n',
    );
  });

  it('reads the plan from standard input with -', async () => {
    const r = await run(['--format', 'aws-node', '-'], files['plan.json']);
    expect(r.out).toBe(golden('reference-plan.aws-node.sh'));
  });

  it.each([
    [[], /^export: --format is required: one of terraform, eksctl, karpenter, auto-mode, eniconfig, aws-node, csv\n/],
    [
      ['--format', 'helm', 'plan.json'],
      /^export: --format must be one of terraform, eksctl, karpenter, auto-mode, eniconfig, aws-node, csv, got "helm"\n/,
    ],
    [['--format', 'csv'], /^export: give exactly one PLAN/],
    [['--format', 'csv', 'a.json', 'b.json'], /^export: give exactly one PLAN/],
    [['--format', 'csv', '--bogus', 'plan.json'], /^export: unknown option --bogus/],
    [['--format'], /^export: option --format needs a value/],
    [['--format', 'eksctl', '--ami', 'al2', 'plan.json'], /^export: --ami applies to --format terraform only/],
    [
      ['--format', 'terraform', '--ami', 'bottlerocket', 'plan.json'],
      /^export: --ami must be al2023 or al2, got "bottlerocket"/,
    ],
    [
      ['--format', 'terraform', '--module-version', '19', 'plan.json'],
      /^export: --module-version must be 21 or 20, got "19"/,
    ],
    [
      ['--format', 'eksctl', '--module-version', '21', 'plan.json'],
      /^export: --module-version applies to --format terraform only/,
    ],
    [['--format', 'csv', '--scenario'], /^export: option --scenario needs a value/],
  ])('usage error %j: exit 2, message names the option', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: eks-ip-planner export --format');
  });

  it('a missing file or an invalid plan: exit 2, nothing on standard output', async () => {
    const missing = await run(['--format', 'csv', 'nope.json']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(/^export: nope\.json: no such file/);
    const bad = await run(['--format', 'terraform', 'bad.json']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toMatch(/^export: bad\.json is not a valid plan/);
  });

  it('--help prints the usage, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Usage: eks-ip-planner export --format terraform\|eksctl\|karpenter\|auto-mode\|eniconfig\|aws-node\|csv PLAN/,
    );
  });
});
