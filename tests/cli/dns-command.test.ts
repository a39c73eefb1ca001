import { describe, expect, it } from 'vitest';
import { runDns } from '../../src/cli/dns-command';
import type { CliIo } from '../../src/cli/io';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: () => Promise.reject(new Error('no stdin')),
    readFile: () => Promise.reject(new Error('no files')),
  };
  const code = await runDns(args, io);
  return { code, out, err };
}

describe('eks-ip-planner dns --json', () => {
  it('s3.us-east-2.amazonaws.com at ndots:5 in us-east-2: 10 queries, 8 NXDOMAIN before the answer', async () => {
    const r = await run('s3.us-east-2.amazonaws.com', '--region', 'us-east-2', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.ndots).toBe(5);
    expect(j.nxdomainBeforeAnswer).toBe(8);
    expect(j.queries).toHaveLength(10);
    expect(j.queries[0]).toEqual({
      name: 's3.us-east-2.amazonaws.com.default.svc.cluster.local',
      type: 'A',
      answer: false,
    });
    expect(j.queries[7]).toEqual({
      name: 's3.us-east-2.amazonaws.com.us-east-2.compute.internal',
      type: 'AAAA',
      answer: false,
    });
    expect(j.queries[9]).toEqual({ name: 's3.us-east-2.amazonaws.com', type: 'AAAA', answer: true });
  });

  it('--ndots 2: the name first, 0 NXDOMAIN, against 8 at ndots:5', async () => {
    const r = await run('s3.us-east-2.amazonaws.com', '--ndots', '2', '--region', 'us-east-2', '--json');
    const j = JSON.parse(r.out);
    expect(j.queries).toEqual([
      { name: 's3.us-east-2.amazonaws.com', type: 'A', answer: true },
      { name: 's3.us-east-2.amazonaws.com', type: 'AAAA', answer: true },
    ]);
    expect(j.nxdomainBeforeAnswer).toBe(0);
    expect(j.comparison).toMatchObject({ ndots: 5, nxdomainBeforeAnswer: 8, nxdomainSaved: 8 });
    expect(j.dnsConfig).toContain('value: "2"');
  });

  it('servicename.namespace --ndots 2 --namespace default: 2 NXDOMAIN', async () => {
    const j = JSON.parse((await run('servicename.namespace', '--ndots', '2', '--namespace', 'default', '--json')).out);
    expect(j.nxdomainBeforeAnswer).toBe(2);
    expect(j.answeredBy).toBe('servicename.namespace.svc.cluster.local');
    expect(j.searchList[3]).toBe('ec2.internal');
  });

  it('a trailing dot gives exactly 2 queries', async () => {
    const j = JSON.parse((await run('servicename.namespace.svc.cluster.local.', '--json')).out);
    expect(j.queries).toHaveLength(2);
    expect(j.nxdomainBeforeAnswer).toBe(0);
  });
});

describe('eks-ip-planner dns (readable)', () => {
  it('prints the table, the ndots:5 comparison, the dnsConfig and where it goes', async () => {
    const r = await run('s3.us-east-2.amazonaws.com', '--ndots', '2', '--region', 'us-east-2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 dots >= ndots 2/);
    expect(r.out).toMatch(/s3\.us-east-2\.amazonaws\.com\s+AAAA\s+answer/);
    expect(r.out).toMatch(/ndots:5 \(the Kubernetes default\): 8 NXDOMAIN/);
    expect(r.out).toContain('value: "2"');
    expect(r.out).toMatch(/not in the cluster-wide CoreDNS/);
  });
  it('at the default ndots:5 it shows every NXDOMAIN and what ndots:2 would do', async () => {
    const r = await run('s3.us-east-2.amazonaws.com', '--region', 'us-east-2');
    expect(r.out.match(/NXDOMAIN$/gm)).toHaveLength(8);
    expect(r.out).toMatch(/With ndots:2: 0 NXDOMAIN/);
  });
  it('says when nothing answers', async () => {
    const r = await run('ip-10-0-0-1.ec2.internal');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no candidate answers/);
  });
});

describe('usage errors exit 2 with the message on stderr', () => {
  it.each([
    [[], /missing NAME/],
    [['a.b', 'c.d'], /expected one NAME/],
    [['a.b', '--foo'], /unknown option --foo/],
    [['a.b', '--ndots'], /option --ndots needs a value/],
    [['a.b', '--json=yes'], /option --json takes no value/],
    [['a.b', '--ndots', 'two'], /--ndots needs a whole number/],
    [['a.b', '--ndots', '16'], /ndots must be a whole number from 0 to 15/],
    [['a..b'], /the name "a\.\.b"/],
    [['a.b', '--region', 'moon'], /region "moon"/],
    [['a.b', '--namespace', 'Prod'], /namespace "Prod"/],
  ] as const)('%j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/^dns: /);
  });
  it('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usage: eks-ip-planner dns NAME/);
  });
});
