import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { cli, cliProcess } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'cli-test-'));
const file = (name: string, content: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

describe('max-pods', () => {
  it('prints the number alone: m5.large 29, m5.16xlarge 250 (capped)', async () => {
    expect((await cli(['max-pods', '--instance-type', 'm5.large'])).out).toBe('29\n');
    expect((await cli(['max-pods', '--instance-type', 'm5.16xlarge'])).out).toBe('250\n');
    expect((await cli(['max-pods', '--instance-type', 'm5.16xlarge', '--show-max-allowed'])).out).toBe('737\n');
  });
  it('--all --show-max-allowed reproduces eni-max-pods.txt line for line', async () => {
    const truth = readFileSync(new URL('../../data/aws/eni-max-pods.vpc-cni.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .sort();
    const r = await cli(['max-pods', '--all', '--show-max-allowed']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual(truth);
  });
  it('accepts --cni-version and rejects bad input with exit 2 naming the option', async () => {
    expect((await cli(['max-pods', '--instance-type', 'm5.8xlarge', '--cni-version', '1.11.2'])).out).toBe('234\n');
    // like the script, --cni-max-eni is not range-checked: 0 ENIs give 2, a negative count goes below
    expect((await cli(['max-pods', '--instance-type', 'm5.large', '--cni-max-eni', '0'])).out).toBe('2\n');
    expect((await cli(['max-pods', '--instance-type', 'm5.large', '--cni-max-eni', '-1'])).out).toBe('-7\n');
    const bad = await cli(['max-pods', '--instance-type', 'm5.lage']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--instance-type.*unknown instance type "m5.lage".*m5.large/);
    const flag = await cli(['max-pods', '--instance-type', 'm5.large', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/unknown option --bogus/);
    expect((await cli(['max-pods'])).code).toBe(2);
  });
});

describe('node', () => {
  it('m5.8xlarge with 10 pods: the contract JSON', async () => {
    const r = await cli(['node', '--instance-type', 'm5.8xlarge', '--pods', '10', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      instanceType: 'm5.8xlarge',
      pods: 10,
      maxPods: 234,
      enis: 2,
      ips: 58,
      prefixes: 0,
      nodeSubnetIps: 60,
      podSubnetIps: 0,
      podsWithoutIp: 0,
    });
  });
  it('names the option at fault', async () => {
    const r = await cli(['node', '--instance-type', 'm5.large', '--pods', 'ten']);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/--pods must be a whole number, got "ten"/);
    expect((await cli(['node', '--pods', '3'])).err).toMatch(/--instance-type is required/);
    expect((await cli(['node', '--instance-type', 'm5.large', '--pods', '3', '--warm-ip-target=-1'])).err).toMatch(
      /--warm-ip-target must be from 0/,
    );
    expect((await cli(['node', '--instance-type', 'm5.large', '--pods', '3', '--warm-ip-target', '-1'])).err).toMatch(
      /--warm-ip-target must be from 0/,
    );
    expect(
      (await cli(['node', '--instance-type', 'm5.large', '--pods', '3', '--warm-ip-target', '--json'])).err,
    ).toMatch(/--warm-ip-target needs a value/);
  });
});

describe('evaluate', () => {
  it('exits 1 for a valid plan that does not fit, 0 for one that does', async () => {
    const small = await cli(['evaluate', file('small.json', SMALL_ROUTABLE_VPC), '--json']);
    expect(small.code).toBe(1);
    const j = JSON.parse(small.out);
    expect(j.fits).toBe(false);
    expect(j.subnets[0]).toMatchObject({
      name: 'nodes-a',
      cidr: '10.0.0.0/24',
      size: 256,
      usable: 251,
      used: { min: 108, desired: 108, max: 308 },
    });
    expect(j.nodeGroups[0]).toMatchObject({
      name: 'general',
      maxPods: 737,
      maxNodesThatFit: 6,
      perNode: { nodeSubnetIps: 100 },
    });
    expect(
      j.warnings.some(
        (w: { code: string; path: string }) => w.code === 'subnet-exhausted' && w.path === 'vpc.subnets[0]',
      ),
    ).toBe(true);
    expect((await cli(['evaluate', file('expanded.json', EXPANDED_VPC)])).code).toBe(0);
  });
  it('reads standard input and share links', async () => {
    expect((await cli(['evaluate', '-', '--json'], JSON.stringify(EXPANDED_VPC))).code).toBe(0);
    const link = (
      await cli(['link', file('l.json', SMALL_ROUTABLE_VPC), '--base', 'https://planner.example/'])
    ).out.trim();
    expect(link).toMatch(/^https:\/\/planner\.example\/#1\./);
    const back = await cli(['evaluate', link, '--json']);
    expect(back.code).toBe(1);
    expect(JSON.parse(back.out).subnets.map((s: { used: { max: number } }) => s.used.max)).toEqual([308, 308, 308]);
  });
  it('exits 2 with the field path on invalid plans, never a stack trace', async () => {
    const bad = structuredClone(SMALL_ROUTABLE_VPC) as unknown as Record<string, any>;
    bad.nodeGroups[0].maxNodes = 1;
    bad.nodeGroups[0].instanceTyp = 'x';
    const r = await cli(['evaluate', file('bad.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown field "instanceTyp" \(did you mean "instanceType"\?\)/);
    const r2 = await cli([
      'evaluate',
      file('bad2.json', { ...SMALL_ROUTABLE_VPC, vpc: { ...SMALL_ROUTABLE_VPC.vpc, cidrs: ['10.0.0.1/24'] } }),
    ]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/vpc\.cidrs\[0\].*did you mean 10\.0\.0\.0\/24/);
    const r3 = await cli(['evaluate', file('garbage.json', '{ not json')]);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/not valid JSON/);
    expect(r3.err).not.toMatch(/at .*\.ts:\d+/);
    expect((await cli(['evaluate', join(tmp, 'missing.json')])).err).toMatch(/no such file/);
    expect((await cli(['evaluate', 'https://x/#1.garbage!!'])).code).toBe(2);
  });
});

describe('the real entry point (npm run --silent cli)', () => {
  it('prints the node JSON and exits 0', () => {
    const r = cliProcess(['node', '--instance-type', 'm5.16xlarge', '--pods', '10', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ enis: 2, ips: 98, nodeSubnetIps: 100 });
  });
  it('exits 1 when the plan does not fit and 2 on usage errors', () => {
    expect(cliProcess(['evaluate', file('p.json', SMALL_ROUTABLE_VPC)]).code).toBe(1);
    const u = cliProcess(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/unknown command "frobnicate"/);
  });
});
