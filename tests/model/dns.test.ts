import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  checkDnsInput,
  compareNdots,
  dnsConfigYaml,
  hostSearchDomain,
  planDnsLookup,
  podSearchList,
  resolveSequence,
  type DnsQuery,
} from '../../src/model/dns';

/** A then AAAA for each candidate, all with the same answer. */
const both = (name: string, answer: boolean): DnsQuery[] => [
  { name, type: 'A', answer },
  { name, type: 'AAAA', answer },
];

describe('hostSearchDomain and the Pod search list', () => {
  it('us-east-1 uses ec2.internal, other Regions REGION.compute.internal', () => {
    expect(hostSearchDomain('us-east-1')).toBe('ec2.internal');
    expect(hostSearchDomain('us-east-2')).toBe('us-east-2.compute.internal');
    expect(hostSearchDomain('eu-west-1')).toBe('eu-west-1.compute.internal');
  });
  it('ClusterFirst: namespace services, all services, cluster domain, host domain', () => {
    expect(podSearchList('shop', 'cluster.local', 'us-east-1')).toEqual([
      'shop.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      'ec2.internal',
    ]);
  });
});

describe('resolveSequence follows glibc res_search', () => {
  it('s3.us-east-2.amazonaws.com with ndots:5: 3 dots < 5, four search domains (8 NXDOMAIN) before the name answers', () => {
    const s = resolveSequence({
      name: 's3.us-east-2.amazonaws.com',
      namespace: 'default',
      region: 'us-east-2',
      ndots: 5,
    });
    expect(s.searchList).toEqual([
      'default.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      'us-east-2.compute.internal',
    ]);
    expect(s.queries).toEqual([
      ...both('s3.us-east-2.amazonaws.com.default.svc.cluster.local', false),
      ...both('s3.us-east-2.amazonaws.com.svc.cluster.local', false),
      ...both('s3.us-east-2.amazonaws.com.cluster.local', false),
      ...both('s3.us-east-2.amazonaws.com.us-east-2.compute.internal', false),
      ...both('s3.us-east-2.amazonaws.com', true),
    ]);
    expect(s.nxdomainBeforeAnswer).toBe(8);
    expect(s.answeredBy).toBe('s3.us-east-2.amazonaws.com');
  });

  it('s3.us-east-2.amazonaws.com with ndots:2: 3 dots >= 2, the name first, answered with 0 NXDOMAIN', () => {
    const s = resolveSequence({ name: 's3.us-east-2.amazonaws.com', region: 'us-east-2', ndots: 2 });
    expect(s.queries).toEqual(both('s3.us-east-2.amazonaws.com', true));
    expect(s.nxdomainBeforeAnswer).toBe(0);
  });

  it('servicename.namespace with ndots:2: 1 dot < 2, NXDOMAIN in the own namespace, answered by NAME.NS.svc.cluster.local', () => {
    const s = resolveSequence({ name: 'servicename.namespace', namespace: 'default', ndots: 2 });
    expect(s.queries).toEqual([
      ...both('servicename.namespace.default.svc.cluster.local', false),
      ...both('servicename.namespace.svc.cluster.local', true),
    ]);
    expect(s.nxdomainBeforeAnswer).toBe(2);
    expect(s.answeredBy).toBe('servicename.namespace.svc.cluster.local');
  });

  it('a trailing dot skips the search list: exactly 2 queries', () => {
    const s = resolveSequence({ name: 'servicename.namespace.svc.cluster.local.', ndots: 5 });
    expect(s.queries).toEqual(both('servicename.namespace.svc.cluster.local.', true));
    expect(s.nxdomainBeforeAnswer).toBe(0);
  });

  it('servicename.namespace.svc.cluster.local without the dot, ndots:5: 4 dots < 5, 6 NXDOMAIN first', () => {
    const s = resolveSequence({ name: 'servicename.namespace.svc.cluster.local', region: 'us-east-1' });
    expect(s.queries.map((q) => q.name).filter((_, i) => i % 2 === 0)).toEqual([
      'servicename.namespace.svc.cluster.local.default.svc.cluster.local',
      'servicename.namespace.svc.cluster.local.svc.cluster.local',
      'servicename.namespace.svc.cluster.local.cluster.local',
      'servicename.namespace.svc.cluster.local.ec2.internal',
      'servicename.namespace.svc.cluster.local',
    ]);
    expect(s.nxdomainBeforeAnswer).toBe(8);
  });

  it('a short service name answers in the Pod namespace at once', () => {
    const s = resolveSequence({ name: 'web', namespace: 'shop' });
    expect(s.queries).toEqual(both('web.shop.svc.cluster.local', true));
  });

  it('ndots:0 tries even a single label as given first (a TLD: NXDOMAIN)', () => {
    const s = resolveSequence({ name: 'web', namespace: 'shop', ndots: 0 });
    expect(s.queries).toEqual([...both('web', false), ...both('web.shop.svc.cluster.local', true)]);
    expect(s.nxdomainBeforeAnswer).toBe(2);
  });

  it('a name under the host search domain never answers: 10 NXDOMAIN and no answer', () => {
    const s = resolveSequence({ name: 'ip-10-0-0-1.ec2.internal', region: 'us-east-1' });
    expect(s.queries).toHaveLength(10);
    expect(s.queries.every((q) => !q.answer)).toBe(true);
    expect(s.queries.at(-1)?.name).toBe('ip-10-0-0-1.ec2.internal');
    expect(s.nxdomainBeforeAnswer).toBe(10);
    expect(s.answeredBy).toBeNull();
  });

  it('a custom cluster domain moves the service form with it', () => {
    const s = resolveSequence({ name: 'api.prod', clusterDomain: 'corp.example', ndots: 2 });
    expect(s.answeredBy).toBe('api.prod.svc.corp.example');
  });

  it('compares the chosen ndots with ndots:5', () => {
    const c = compareNdots({ name: 's3.us-east-2.amazonaws.com', region: 'us-east-2', ndots: 2 });
    expect(c.chosen.nxdomainBeforeAnswer).toBe(0);
    expect(c.kubernetesDefault.nxdomainBeforeAnswer).toBe(8);
    expect(c.nxdomainSaved).toBe(8);
  });
});

describe('input validation returns errors, never throws', () => {
  it('accepts the defaults', () => {
    expect(checkDnsInput({ name: 's3.us-east-2.amazonaws.com' })).toEqual([]);
    expect(planDnsLookup({ name: 'web.', ndots: 15 }).ok).toBe(true);
  });
  it.each([16, -1, 1.5, Number.NaN])('rejects ndots %s (glibc caps at 15)', (ndots) => {
    const errors = checkDnsInput({ name: 'a.b', ndots });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ndots must be a whole number from 0 to 15/);
  });
  it.each(['', '.', 'a..b', '.a', '-bad.com', 'bad-.com', 'sp ace.com', `${'x'.repeat(64)}.com`])(
    'rejects the name %j',
    (name) => {
      const r = planDnsLookup({ name });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(/the name/);
    },
  );
  it('rejects a bad namespace, region and cluster domain', () => {
    const errors = checkDnsInput({ name: 'a', namespace: 'Default', region: 'mars', clusterDomain: 'x..y' });
    expect(errors).toHaveLength(3);
  });
});

describe('dnsConfigYaml', () => {
  it('is the Pod spec fragment with the value as a string', () => {
    expect(dnsConfigYaml(2)).toBe('dnsConfig:\n  options:\n    - name: ndots\n      value: "2"\n');
    expect(parse(dnsConfigYaml(2))).toEqual({ dnsConfig: { options: [{ name: 'ndots', value: '2' }] } });
  });
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const name = fc.array(label, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('.'));
const ndots = fc.integer({ min: 0, max: 15 });
const ns = fc.constantFrom('default', 'kube-system', 'shop');
const region = fc.constantFrom('us-east-1', 'us-east-2', 'eu-west-1');

describe('properties of the resolver rules', () => {
  it('a trailing-dot name gives exactly 2 queries (A, AAAA) for the name itself', () => {
    fc.assert(
      fc.property(name, ndots, ns, region, (n, k, namespace, r) => {
        const s = resolveSequence({ name: `${n}.`, ndots: k, namespace, region: r });
        expect(s.queries.map((q) => [q.name, q.type])).toEqual([
          [`${n}.`, 'A'],
          [`${n}.`, 'AAAA'],
        ]);
      }),
    );
  });
  it('with ndots:0 the name as given is always queried first', () => {
    fc.assert(
      fc.property(name, ns, (n, namespace) => {
        expect(resolveSequence({ name: n, ndots: 0, namespace }).queries[0]?.name).toBe(n);
      }),
    );
  });
  it('queries come in A/AAAA pairs for the same name, so the count is even', () => {
    fc.assert(
      fc.property(name, ndots, ns, region, (n, k, namespace, r) => {
        const q = resolveSequence({ name: n, ndots: k, namespace, region: r }).queries;
        expect(q.length % 2).toBe(0);
        for (let i = 0; i < q.length; i += 2) {
          expect([q[i]?.type, q[i + 1]?.type]).toEqual(['A', 'AAAA']);
          expect(q[i + 1]?.name).toBe(q[i]?.name);
        }
      }),
    );
  });
  it('NXDOMAIN count is every query but the answering pair; only the last pair may answer', () => {
    fc.assert(
      fc.property(name, ndots, ns, region, (n, k, namespace, r) => {
        const s = resolveSequence({ name: n, ndots: k, namespace, region: r });
        expect(s.nxdomainBeforeAnswer).toBe(s.queries.length - (s.answeredBy === null ? 0 : 2));
        expect(s.queries.slice(0, s.nxdomainBeforeAnswer).every((q) => !q.answer)).toBe(true);
        expect(s.queries.length).toBeLessThanOrEqual(10);
      }),
    );
  });
  it('fewer dots than ndots: the name as given is the last candidate; otherwise the first', () => {
    fc.assert(
      fc.property(name, ndots, (n, k) => {
        const s = resolveSequence({ name: n, ndots: k, region: 'us-east-1' });
        const dots = n.split('.').length - 1;
        if (dots >= k) expect(s.queries[0]?.name).toBe(n);
        else if (s.answeredBy === null) expect(s.queries.at(-1)?.name).toBe(n);
        else expect(s.queries[0]?.name).toBe(`${n}.default.svc.cluster.local`);
      }),
    );
  });
});
