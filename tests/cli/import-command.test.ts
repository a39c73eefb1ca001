import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import { runWithFiles } from './run-cli';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const files: Record<string, string> = {
  'vpcs.json': read('../fixtures/aws/describe-vpcs.json'),
  'vpcs-two.json': read('../fixtures/aws/describe-vpcs-two.json'),
  'subnets.json': read('../fixtures/aws/describe-subnets.json'),
  'enis.json': read('../fixtures/aws/describe-network-interfaces.json'),
  'garbage.json': 'not json at all',
};

const run = (args: string[], stdin = '') => runWithFiles(runImport, files, args, stdin);

describe('eks-ip-planner import', () => {
  it('--vpcs --subnets: the golden plan on standard output, the summary on standard error', async () => {
    const r = await run(['--vpcs', 'vpcs.json', '--subnets', 'subnets.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(read('../golden/import-reference.plan.json'));
    expect(r.err).toBe(
      read('../golden/import-reference.summary.txt')
        .trimEnd()
        .split('\n')
        .map((l) => `import: ${l}\n`)
        .join(''),
    );
  });

  it('--enis: in-use addresses counted from the network interfaces', async () => {
    const r = await run(['--vpcs', 'vpcs.json', '--subnets', 'subnets.json', '--enis', 'enis.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(read('../golden/import-reference-enis.plan.json'));
  });

  it('--vpc-id picks among several VPCs; without it, exit 2 asking for it', async () => {
    const without = await run(['--vpcs', 'vpcs-two.json', '--subnets', 'subnets.json']);
    expect(without).toMatchObject({ code: 2, out: '' });
    expect(without.err).toMatch(/choose one with --vpc-id\n$/);
    const withId = await run([
      '--vpcs',
      'vpcs-two.json',
      '--subnets',
      'subnets.json',
      '--vpc-id',
      'vpc-0a1b2c3d4e5f60718',
    ]);
    expect(withId.code).toBe(0);
    expect(withId.out).toBe(read('../golden/import-reference.plan.json'));
  });

  it('one file from standard input', async () => {
    const r = await run(['--vpcs', 'vpcs.json', '--subnets', '-'], files['subnets.json']);
    expect(r.out).toBe(read('../golden/import-reference.plan.json'));
  });

  it.each([
    [['--subnets', 'subnets.json'], /^import: --vpcs is required/],
    [['--vpcs', 'vpcs.json'], /^import: --subnets is required/],
    [['--vpcs', '-', '--subnets', '-'], /^import: only one of --vpcs, --subnets can be -/],
    [
      ['--vpcs', 'vpcs.json', '--subnets', 'subnets.json', '--vpc-id', 'prod'],
      /^import: --vpc-id must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "prod"/,
    ],
    [['--vpcs', 'vpcs.json', '--subnets', 'subnets.json', '--region', 'us-east-1'], /^import: unknown option --region/],
    [['--vpcs', 'vpcs.json', '--subnets', 'subnets.json', 'extra'], /^import: unexpected argument extra/],
    [['--vpcs'], /^import: option --vpcs needs a value/],
  ])('usage error %j: exit 2, names the option', async (args, message) => {
    const r = await run(args as string[]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(message);
  });

  it('an unreadable file or bad JSON: exit 2, the file named, no plan printed', async () => {
    const missing = await run(['--vpcs', 'vpcs.json', '--subnets', 'nope.json']);
    expect(missing).toEqual({ code: 2, out: '', err: 'import: --subnets nope.json: no such file\n' });
    const garbage = await run(['--vpcs', 'vpcs.json', '--subnets', 'garbage.json']);
    expect(garbage).toMatchObject({ code: 2, out: '' });
    expect(garbage.err).toMatch(/^import: describe-subnets: not valid JSON/);
  });
});
