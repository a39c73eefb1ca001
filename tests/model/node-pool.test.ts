import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { evaluatePool, matchRequirements } from '../../src/model/node-pool';
import type { PoolRequirement } from '../../src/model/plan';
import { cpuMillis, memoryMiB, parseQuantity } from '../../src/model/quantity';
import { validatePlan } from '../../src/model/validate-plan';

// Karpenter's own table, read here independently of the dataset builder.
const karpenter = JSON.parse(
  readFileSync(new URL('../../data/aws/instance-karpenter.json', import.meta.url), 'utf8'),
) as Record<string, { labels: Record<string, string | number>; resources: Record<string, string | number> }>;
const K = 'karpenter.k8s.aws/';

const vpc = {
  cidrs: ['10.0.0.0/16'],
  subnets: [
    { name: 'a', az: 'us-east-1a', cidr: '10.0.0.0/20' },
    { name: 'b', az: 'us-east-1b', cidr: '10.0.16.0/20' },
  ],
};
function planOf(groups: object[]) {
  const v = validatePlan({ version: 1, name: 'pool', vpc, nodeGroups: groups }, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
}
const pool = (
  requirements: PoolRequirement[],
  podRequests: Record<string, string | number>,
  max = 512,
  extra = {},
) => ({
  name: 'pool',
  kind: 'karpenter',
  subnets: ['a', 'b'],
  maxPods: null,
  requirements,
  pods: { min: 0, desired: Math.floor(max / 4), max },
  podRequests,
  ...extra,
});

describe('Kubernetes quantities', () => {
  it('reads CPU and memory as the API server writes them', () => {
    expect(cpuMillis('500m')).toBe(500);
    expect(cpuMillis('2')).toBe(2000);
    expect(cpuMillis('0.25')).toBe(250);
    expect(memoryMiB('16Gi')).toBe(16384);
    expect(memoryMiB('512Mi')).toBe(512);
    expect(memoryMiB('1G')).toBe(954); // 10^9 bytes, rounded up to MiB
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('2 cores')).toBeNull();
  });
});

describe('requirements select the candidates Karpenter would (hand-counted from its table)', () => {
  const count = (f: (l: Record<string, string | number>) => boolean) =>
    Object.values(karpenter).filter((k) => f(k.labels)).length;
  const cases: [string, PoolRequirement[], (l: Record<string, string | number>) => boolean][] = [
    [
      'family In p4d, p5, p5en',
      [{ key: `${K}instance-family`, operator: 'In', values: ['p4d', 'p5', 'p5en'] }],
      (l) => ['p4d', 'p5', 'p5en'].includes(String(l[`${K}instance-family`])),
    ],
    [
      'category In c, m, r and cpu Gt 3, Lt 65',
      [
        { key: `${K}instance-category`, operator: 'In', values: ['c', 'm', 'r'] },
        { key: `${K}instance-cpu`, operator: 'Gt', values: ['3'] },
        { key: `${K}instance-cpu`, operator: 'Lt', values: ['65'] },
      ],
      (l) =>
        ['c', 'm', 'r'].includes(String(l[`${K}instance-category`])) &&
        Number(l[`${K}instance-cpu`]) > 3 &&
        Number(l[`${K}instance-cpu`]) < 65,
    ],
    [
      'gpu-count Exists, arch arm64',
      [
        { key: `${K}instance-gpu-count`, operator: 'Exists' },
        { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
      ],
      (l) => l[`${K}instance-gpu-count`] !== undefined && l['kubernetes.io/arch'] === 'arm64',
    ],
    [
      'gpu-manufacturer NotIn nvidia, generation Gt 6',
      [
        { key: `${K}instance-gpu-manufacturer`, operator: 'NotIn', values: ['nvidia'] },
        { key: `${K}instance-generation`, operator: 'Gt', values: ['6'] },
      ],
      (l) => l[`${K}instance-gpu-manufacturer`] !== 'nvidia' && Number(l[`${K}instance-generation`] ?? 0) > 6,
    ],
    [
      'hypervisor NotIn nitro, size In metal, memory Gt 262144',
      [
        { key: `${K}instance-hypervisor`, operator: 'NotIn', values: ['nitro'] },
        { key: `${K}instance-size`, operator: 'In', values: ['metal'] },
        { key: `${K}instance-memory`, operator: 'Gt', values: ['262144'] },
      ],
      (l) =>
        l[`${K}instance-hypervisor`] !== 'nitro' &&
        l[`${K}instance-size`] === 'metal' &&
        Number(l[`${K}instance-memory`]) > 262144,
    ],
  ];
  for (const [name, reqs, f] of cases) {
    it(`${name}: ${count(f)} types`, () => {
      expect(matchRequirements(dataset, reqs).length).toBe(count(f));
      expect(count(f)).toBeGreaterThan(0);
    });
  }
});

describe('a pool against its candidates evaluated one by one', () => {
  it('a pool that selects exactly one type equals a group of that type with the same pods per node', () => {
    const p = evaluate(
      planOf([
        pool(
          [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.4xlarge'] }],
          { cpu: '2', memory: '4Gi' },
          300,
        ),
      ]),
      dataset,
    );
    const g = p.nodeGroups[0]!;
    expect(g.candidates).toBe(1);
    const ppn = g.worst!.podsPerNode;
    // 16 vCPUs, 15,890m allocatable: 7 pods of 2 CPUs (Karpenter's table), 43 nodes for 300 pods
    expect(ppn).toBe(Math.floor(parseInt(String(karpenter['m5.4xlarge']!.resources.cpu)) / 2000));
    const fixed = evaluate(
      planOf([
        {
          name: 'pool',
          kind: 'karpenter',
          instanceType: 'm5.4xlarge',
          subnets: ['a', 'b'],
          minNodes: 0,
          desiredNodes: Math.ceil(75 / ppn),
          maxNodes: Math.ceil(300 / ppn),
          podsPerNode: ppn,
          maxPods: null,
        },
      ]),
      dataset,
    );
    expect(p.subnets.map((s) => s.used)).toEqual(fixed.subnets.map((s) => s.used));
    expect(p.fits).toBe(fixed.fits);
    expect(g.worst!.addresses).toBe(fixed.nodeGroups[0]!.addresses.max);
  });

  it('the worst case of a pool is the maximum of its candidates, each evaluated alone', () => {
    fc.assert(
      fc.property(
        fc.subarray(['c5', 'm5', 'r5', 'c6i', 'm6i', 'm7g', 'c7g', 'r6g', 'm5a', 't3'], { minLength: 1, maxLength: 4 }),
        fc.constantFrom('500m', '1', '2', '4'),
        fc.constantFrom('1Gi', '4Gi', '8Gi'),
        fc.integer({ min: 1, max: 3000 }),
        (families, cpu, mem, pods) => {
          const reqs: PoolRequirement[] = [
            { key: `${K}instance-family`, operator: 'In', values: families },
            { key: `${K}instance-cpu`, operator: 'Lt', values: ['33'] },
          ];
          const e = evaluate(planOf([pool(reqs, { cpu, memory: mem }, pods)]), dataset);
          const one = matchRequirements(dataset, reqs).flatMap((t) => {
            const v = validatePlan(
              {
                version: 1,
                name: 'x',
                vpc,
                nodeGroups: [
                  pool(
                    [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: [t.name] }],
                    { cpu, memory: mem },
                    pods,
                  ),
                ],
              },
              dataset,
            );
            return v.ok ? [evaluate(v.plan, dataset).nodeGroups[0]!.addresses.max] : [];
          });
          expect(e.nodeGroups[0]!.worst!.addresses).toBe(Math.max(...one));
          expect(e.nodeGroups[0]!.best!.addresses).toBe(Math.min(...one));
          expect(e.nodeGroups[0]!.addresses.max).toBe(Math.max(...one));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('a pool evaluated again (validatePlan and evaluate share the work)', () => {
  it('gives what a first evaluation gives, for the same pool, an edited copy and the same group edited in place', () => {
    fc.assert(
      fc.property(
        fc.subarray(['c5', 'm5', 'r5', 'c6i', 'm6i', 'm7g', 't3'], { minLength: 1, maxLength: 3 }),
        fc.constantFrom('500m', '1', '2'),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.boolean(),
        (families, cpu, pods, otherPods, prefixDelegation) => {
          const reqs: PoolRequirement[] = [{ key: `${K}instance-family`, operator: 'In', values: families }];
          const plan = planOf([pool(reqs, { cpu, memory: '1Gi' }, pods)]);
          plan.cni.prefixDelegation = prefixDelegation;
          // A dataset object of its own has nothing remembered: the first evaluation, for comparison.
          const first = () => evaluatePool(plan.nodeGroups[0]!, plan.cni, { ...dataset });
          expect(evaluatePool(plan.nodeGroups[0]!, plan.cni, dataset)).toEqual(first());
          expect(evaluatePool(plan.nodeGroups[0]!, plan.cni, dataset)).toEqual(first());
          plan.nodeGroups[0]!.pods = { min: 0, desired: 0, max: otherPods };
          expect(evaluatePool(plan.nodeGroups[0]!, plan.cni, dataset)).toEqual(first());
          plan.cni.prefixDelegation = !prefixDelegation;
          expect(evaluatePool(plan.nodeGroups[0]!, plan.cni, dataset)).toEqual(first());
        },
      ),
      { numRuns: 40 },
    );
  });
  it('hands out results that cannot be changed by mistake', () => {
    const plan = planOf([pool([{ key: `${K}instance-family`, operator: 'In', values: ['m5'] }], { cpu: '1' })]);
    const p = evaluatePool(plan.nodeGroups[0]!, plan.cni, dataset)!;
    expect(() => p.list.sort(() => 0)).toThrow(TypeError);
  });
});

describe('bad pool input names the field and the fix', () => {
  const issues = (g: object) => {
    const v = validatePlan({ version: 1, name: 'x', vpc, nodeGroups: [g] }, dataset);
    return v.ok ? [] : v.issues;
  };
  const fam: PoolRequirement[] = [{ key: `${K}instance-family`, operator: 'In', values: ['m5'] }];
  it('unknown label key', () => {
    expect(
      issues(pool([{ key: 'karpenter.k8s.aws/instance-famly', operator: 'In', values: ['m5'] }], { cpu: '1' }))[0],
    ).toMatchObject({ path: 'nodeGroups[0].requirements[0].key' });
  });
  it('unknown operator', () => {
    expect(
      issues(pool([{ key: `${K}instance-family`, operator: 'Has', values: ['m5'] } as never], { cpu: '1' }))[0]!.path,
    ).toBe('nodeGroups[0].requirements[0].operator');
  });
  it('Gt with a non-number', () => {
    expect(
      issues(pool([{ key: `${K}instance-cpu`, operator: 'Gt', values: ['eight'] }], { cpu: '1' }))[0],
    ).toMatchObject({ path: 'nodeGroups[0].requirements[0].values' });
  });
  it('requirements that select no type', () => {
    expect(
      issues(pool([{ key: `${K}instance-family`, operator: 'In', values: ['zz9'] }], { cpu: '1' }))[0]!.message,
    ).toContain('select no instance type');
  });
  it('a pod that fits no candidate', () => {
    expect(issues(pool(fam, { cpu: '500' }))[0]).toMatchObject({ path: 'nodeGroups[0].podRequests' });
  });
  it('a quantity that does not parse ("2 cores")', () => {
    const i = issues(pool(fam, { cpu: '2 cores' }))[0]!;
    expect(i.path).toBe('nodeGroups[0].podRequests.cpu');
    expect(i.message).toContain('"500m"');
  });
  it('requirements on a self-managed group', () => {
    expect(issues({ ...pool(fam, { cpu: '1' }), kind: 'managed' })[0]!.path).toBe('nodeGroups[0].kind');
  });
});

describe('EKS Auto Mode pools', () => {
  it('caps max pods at 110 and uses /28 prefixes (ipv4PrefixSize Auto): at least 1 + 16 addresses per node', () => {
    const e = evaluate(planOf([pool(fam(), { cpu: '250m', memory: '256Mi' }, 400, { kind: 'auto-mode' })]), dataset);
    const g = e.nodeGroups[0]!;
    expect(g.maxPods).toBeLessThanOrEqual(110);
    expect(g.perNode.prefixes).toBeGreaterThan(0);
    expect(g.perNode.totalIps % 16).toBe(g.perNode.enis % 16); // prefixes of 16 plus one primary per ENI
  });
  it('ipv4PrefixSize "32" takes secondary IPs instead', () => {
    const e = evaluate(
      planOf([pool(fam(), { cpu: '250m' }, 400, { kind: 'auto-mode', ipv4PrefixSize: '32' })]),
      dataset,
    );
    expect(e.nodeGroups[0]!.perNode.prefixes).toBe(0);
  });
  function fam(): PoolRequirement[] {
    return [{ key: `${K}instance-family`, operator: 'In', values: ['m5'] }];
  }
});
