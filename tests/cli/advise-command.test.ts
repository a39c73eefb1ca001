import { describe, expect, it } from 'vitest';
import { runAdvise } from '../../src/cli/advise-command';
import { runEvaluate } from '../../src/cli/evaluate-command';
import { runWithFiles } from './run-cli';
import { HIGH_CHURN_WEB, SMALL_ROUTABLE_VPC } from '../../src/model/presets';

const files: Record<string, string> = {
  'small.json': JSON.stringify(SMALL_ROUTABLE_VPC),
  'churn.json': JSON.stringify(HIGH_CHURN_WEB),
  'bad.json': JSON.stringify({
    ...SMALL_ROUTABLE_VPC,
    nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0], maxNodes: -1 }],
  }),
};

const run = (runner: typeof runAdvise, args: string[], stdin = '') => runWithFiles(runner, files, args, stdin);

describe('eks-ip-planner advise --json', () => {
  it('prints the ranked fixes of the small routable VPC as { id, title, plan, evaluation, … }, exit 0', async () => {
    const r = await run(runAdvise, ['small.json', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const list = JSON.parse(r.out) as {
      id: string;
      title: string;
      rank: number;
      plan: unknown;
      evaluation: { fits: boolean };
      cost: string[];
    }[];
    expect(list.map((a) => a.id)).toEqual(['warm-ip-targets', 'secondary-cidr', 'tagged-subnet', 'max-eni']);
    expect(list.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    expect(Object.keys(list[0]!).slice(0, 4)).toEqual(['id', 'title', 'plan', 'evaluation']);
    expect(list.every((a) => a.evaluation.fits)).toBe(true);
  });

  it("each fix's evaluation holds the addresses worked out by hand from AWS's figures", async () => {
    // m5.16xlarge: 15 ENIs of 50 IPv4 each (eni-max-pods.txt: 737 = 15 × 49 + 2), so 49 secondaries per ENI.
    // Each subnet is a /24: 256 − 5 = 251 usable, 8 reserved; 9 nodes at max over 3 subnets = 3 per subnet;
    // 20 pods per node. Every ENI also takes its own primary address.
    type Sub = { name: string; usable: number; used: { max: number }; fitsAtMax: boolean };
    const list = JSON.parse((await run(runAdvise, ['small.json', '--json'])).out) as {
      id: string;
      evaluation: { subnets: Sub[] };
    }[];
    const usedAtMax = (id: string) =>
      Object.fromEntries(list.find((a) => a.id === id)!.evaluation.subnets.map((s) => [s.name, s.used.max]));
    // Before: WARM_ENI_TARGET 1 holds 2 full ENIs = 98 + 2 primaries = 100 per node: 3 × 100 + 8 = 308 > 251.
    const now = JSON.parse((await run(runEvaluate, ['small.json', '--json'])).out) as { subnets: Sub[] };
    expect(now.subnets.map((s) => [s.usable, s.used.max, s.fitsAtMax])).toEqual([
      [251, 308, false],
      [251, 308, false],
      [251, 308, false],
    ]);
    // MINIMUM_IP_TARGET 25, WARM_IP_TARGET 5: max(20 + 5, 25) = 25 on one ENI + 1 primary = 26; 3 × 26 + 8 = 86.
    expect(usedAtMax('warm-ip-targets')).toEqual({ 'nodes-a': 86, 'nodes-b': 86, 'nodes-c': 86 });
    // Custom networking: the node subnet keeps 1 address a node (3 + 8 = 11); each AZ's /16 pod subnet holds
    // the 2 pod ENIs a node (98 + 2 = 100): 3 × 100 = 300.
    expect(usedAtMax('secondary-cidr')).toMatchObject({ 'nodes-a': 11, 'nodes-b': 11, 'nodes-c': 11, 'pods-a': 300 });
    // Tagged subnets (subnet discovery): the primary ENI (node IP + 49 secondaries) stays, 3 × 50 + 8 = 158; the
    // warm ENI (1 + 49) goes to the most free subnet of the AZ, the new /16: 3 × 50 = 150.
    expect(usedAtMax('tagged-subnet')).toMatchObject({ 'nodes-a': 158, 'nodes-b': 158, 'nodes-c': 158, 'pods-a': 150 });
    // MAX_ENI 1: one ENI of 49 + 1 primary = 50 a node, 3 × 50 + 8 = 158; max pods 1 × 49 + 2 = 51.
    expect(usedAtMax('max-eni')).toEqual({ 'nodes-a': 158, 'nodes-b': 158, 'nodes-c': 158 });
  });

  it('a plan that fits without waste: an empty list, exit 0; --all lists options anyway', async () => {
    expect(await run(runAdvise, ['churn.json', '--json'])).toEqual({ code: 0, out: '[]\n', err: '' });
    const all = JSON.parse((await run(runAdvise, ['churn.json', '--json', '--all'])).out) as { id: string }[];
    expect(all.length).toBeGreaterThan(0);
  });

  it('reads standard input with -', async () => {
    const r = await run(runAdvise, ['-', '--json'], JSON.stringify(SMALL_ROUTABLE_VPC));
    expect(JSON.parse(r.out)).toHaveLength(4);
  });
});

describe('eks-ip-planner advise (readable)', () => {
  it('prints the plan now, then each fix with its headroom and costs', async () => {
    const r = await run(runAdvise, ['small.json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Now: does NOT fit at max (9 nodes); nodes-a runs out at 7 nodes');
    expect(r.out).toContain('1. MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5  [warm-ip-targets]');
    expect(r.out).toContain(
      '2. Secondary CIDRs 100.64.0.0/16, 100.65.0.0/16, 100.66.0.0/16 with custom networking  [secondary-cidr]',
    );
    expect(r.out).toContain(
      '3. Tagged subnets from 100.64.0.0/16, 100.65.0.0/16, 100.66.0.0/16 (subnet discovery)  [tagged-subnet]',
    );
    expect(r.out).toContain('4. MAX_ENI=1 with general --max-pods=51  [max-eni]');
    expect(r.out).toContain('- non-routable pod IPs');
  });

  it('says when there is nothing to fix', async () => {
    expect((await run(runAdvise, ['churn.json'])).out).toContain('Nothing to fix');
  });
});

describe('eks-ip-planner advise: errors', () => {
  it('an invalid plan exits 2 and names the field', async () => {
    const r = await run(runAdvise, ['bad.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nodeGroups[0].maxNodes');
  });

  it('a missing file, a missing PLAN, an unknown option and a bad --headroom exit 2', async () => {
    expect((await run(runAdvise, ['nope.json'])).err).toContain('nope.json: no such file');
    expect((await run(runAdvise, [])).code).toBe(2);
    const unknown = await run(runAdvise, ['small.json', '--jsn']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--jsn');
    const bad = await run(runAdvise, ['small.json', '--headroom', 'lots']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--headroom must be a whole number') });
  });

  it('--help prints the usage, exit 0', async () => {
    const r = await run(runAdvise, ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: eks-ip-planner advise PLAN');
  });
});
