import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export-command';
import { runWithFiles } from './run-cli';

const golden = (name: string) => readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');
const files: Record<string, string> = {
  'plan.json': readFileSync(new URL('../fixtures/reference-plan.json', import.meta.url), 'utf8'),
  'bad.json': '{"version": 1, "vpc": {"cidrs": []}}',
};

const run = (args: string[], stdin = '') => runWithFiles(runExport, files, args, stdin);

describe('eks-ip-planner export', () => {
  it.each([
    ['terraform', 'reference-plan.tf'],
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
    const r = await run(['--format', 'terraform', '--ami', 'al2', 'plan.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden('reference-plan.al2.tf'));
  });

  it('reads the plan from standard input with -', async () => {
    const r = await run(['--format', 'aws-node', '-'], files['plan.json']);
    expect(r.out).toBe(golden('reference-plan.aws-node.sh'));
  });

  it.each([
    [[], /^export: --format is required: one of terraform, eksctl, karpenter, eniconfig, aws-node, csv\n/],
    [['--format', 'helm', 'plan.json'], /^export: --format must be one of terraform, eksctl, karpenter, eniconfig, aws-node, csv, got "helm"\n/],
    [['--format', 'csv'], /^export: give exactly one PLAN/],
    [['--format', 'csv', 'a.json', 'b.json'], /^export: give exactly one PLAN/],
    [['--format', 'csv', '--bogus', 'plan.json'], /^export: unknown option --bogus/],
    [['--format'], /^export: option --format needs a value/],
    [['--format', 'eksctl', '--ami', 'al2', 'plan.json'], /^export: --ami applies to --format terraform only/],
    [['--format', 'terraform', '--ami', 'bottlerocket', 'plan.json'], /^export: --ami must be al2023 or al2, got "bottlerocket"/],
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
    expect(r.out).toMatch(/^Usage: eks-ip-planner export --format terraform\|eksctl\|karpenter\|eniconfig\|aws-node\|csv PLAN/);
  });
});
