import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { validatePlan } from '../../src/model/validate-plan';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';

const issuesOf = (mutate: (p: any) => void, base: unknown = SMALL_ROUTABLE_VPC) => {
  const p = structuredClone(base) as any;
  mutate(p);
  const v = validatePlan(p, dataset);
  return v.ok ? [] : v.issues.map((i) => `${i.path} | ${i.message}`);
};

describe('validatePlan: every error names the field path and the fix', () => {
  it('accepts the presets and fills defaults for omitted optional fields', () => {
    expect(issuesOf(() => {})).toEqual([]);
    const p = structuredClone(SMALL_ROUTABLE_VPC) as any;
    delete p.cni;
    delete p.name;
    delete p.nodeGroups[0].maxPods;
    const v = validatePlan(p, dataset);
    expect(v.ok && v.plan.cni.warmEniTarget).toBe(1);
    expect(v.ok && v.plan.nodeGroups[0]!.maxPods).toBeNull();
  });
  it('rejects unknown keys with a did-you-mean', () => {
    expect(issuesOf((p) => (p.cni.warm_eni_target = 2))).toEqual([
      expect.stringMatching(/^cni \| unknown field "warm_eni_target" \(did you mean "warmEniTarget"\?\)/),
    ]);
    expect(issuesOf((p) => (p.nodeGroups[0].podsPerNod = 2))[0]).toMatch(
      /nodeGroups\[0\] \| unknown field "podsPerNod"/,
    );
    expect(issuesOf((p) => (p.extra = 1))[0]).toMatch(/unknown field "extra"/);
  });
  it('names wrong types and ranges', () => {
    expect(issuesOf((p) => (p.nodeGroups[0].maxNodes = '9'))[0]).toMatch(
      /^nodeGroups\[0\]\.maxNodes \| .*must be a whole number, got the text "9"/,
    );
    expect(issuesOf((p) => (p.nodeGroups[0].podsPerNode = 2.5))[0]).toMatch(/podsPerNode must be a whole number/);
    expect(issuesOf((p) => (p.nodeGroups[0].maxNodes = 100_001))[0]).toMatch(/maxNodes must be at most 100,000/);
    expect(issuesOf((p) => (p.cni.warmIpTarget = -1))[0]).toMatch(
      /cni\.warmIpTarget \| .*\(WARM_IP_TARGET\) must be at least 0/,
    );
    expect(issuesOf((p) => (p.name = 'x'.repeat(121)))[0]).toMatch(/^name \| .*longer than 120/);
    expect(issuesOf((p) => delete p.vpc)[0]).toMatch(/^vpc \| vpc is missing/);
  });
  it('checks min ≤ desired ≤ max', () => {
    expect(issuesOf((p) => (p.nodeGroups[0].minNodes = 5))).toEqual([
      expect.stringMatching(/nodeGroups\[0\]\.minNodes \| minNodes \(5\) is above desiredNodes \(3\)/),
    ]);
    expect(issuesOf((p) => (p.nodeGroups[0].maxNodes = 2))).toEqual([
      expect.stringMatching(/nodeGroups\[0\]\.desiredNodes \| desiredNodes \(3\) is above maxNodes \(2\)/),
    ]);
  });
  it('checks references to subnets and instance types', () => {
    expect(issuesOf((p) => (p.nodeGroups[0].subnets[1] = 'nodes-z'))[0]).toMatch(
      /nodeGroups\[0\]\.subnets\[1\] \| no subnet named "nodes-z"; use one of nodes-a, nodes-b, nodes-c/,
    );
    expect(issuesOf((p) => (p.nodeGroups[0].instanceType = 'm5.16xlarg'))[0]).toMatch(
      /unknown instance type "m5.16xlarg"; did you mean m5.16xlarge/,
    );
    expect(issuesOf((p) => (p.vpc.subnets[1].name = 'nodes-a'))[0]).toMatch(
      /vpc\.subnets\[1\]\.name \| subnet name "nodes-a" is used twice/,
    );
  });
  it('applies the AWS VPC rules', () => {
    expect(issuesOf((p) => (p.vpc.cidrs[0] = '10.0.0.0/33'))[0]).toMatch(/vpc\.cidrs\[0\] \| .*prefix length above 32/);
    expect(issuesOf((p) => (p.vpc.subnets[0].cidr = '10.0.0.1/24'))[0]).toMatch(
      /vpc\.subnets\[0\]\.cidr \| .*host bits set, did you mean 10\.0\.0\.0\/24\?/,
    );
    expect(issuesOf((p) => (p.vpc.subnets[2].cidr = '10.9.0.0/24')).join()).toMatch(/vpc\.subnets\[2\]/);
    expect(issuesOf((p) => (p.vpc.subnets[2].cidr = '10.0.0.0/25')).join()).toMatch(/overlap/i);
    expect(issuesOf((p) => p.vpc.cidrs.push('192.168.0.0/16')).join()).toMatch(/vpc\.cidrs\[1\]/);
  });
  it('requires a pod subnet in every node AZ with custom networking', () => {
    expect(issuesOf((p) => (p.nodeGroups[0].podSubnets = ['pods-a', 'pods-b']), EXPANDED_VPC)).toEqual([
      expect.stringMatching(/nodeGroups\[0\]\.podSubnets \| custom networking .* us-east-1c has none/),
    ]);
    expect(issuesOf((p) => (p.nodeGroups[0].podSubnets = []), EXPANDED_VPC)).toEqual([
      expect.stringMatching(/ and us-east-1a, us-east-1b, us-east-1c have none; add a pod subnet in /),
    ]);
  });
  it('refuses non-objects and future versions without throwing', () => {
    for (const x of [null, 42, 'plan', [], {}]) expect(validatePlan(x, dataset).ok).toBe(false);
    const v = validatePlan({ ...SMALL_ROUTABLE_VPC, version: 7 }, dataset);
    expect(!v.ok && v.issues[0]!.message).toMatch(/newer than this planner/);
  });
});
