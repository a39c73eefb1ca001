/**
 * Subnet tags and the IP family through every door: the schema (AWS's tag limits, messages naming the
 * field), the share link, the draft, the AWS import (describe-subnets Tags), the Terraform export, the
 * aws-node environment; and IPv6 clusters' IPv4 count.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { cniEnvironment } from '../../src/model/export/aws-node';
import { toTerraform } from '../../src/model/export/terraform';
import { importAwsVpc } from '../../src/model/import-aws';
import { launchLayout } from '../../src/model/efa-layout';
import { ipv6NodeAccounting } from '../../src/model/ip-family';
import type { Plan } from '../../src/model/plan';
import { decodeLink, documentLink } from '../../src/model/share-link';
import { validatePlan } from '../../src/model/validate-plan';
import { nodeAccounting } from '../../src/model/warm-pool';
import { draftToJson, planToDraft } from '../../src/state/draft';
import { issuePlan } from './discovery-plans';

const ROLE = 'kubernetes.io/role/cni';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/aws/${name}`, import.meta.url), 'utf8');

function messages(input: unknown): string[] {
  const v = validatePlan(input, dataset);
  return v.ok ? [] : v.issues.map((i) => i.message);
}

describe('vpc.subnets[].tags in the schema', () => {
  it('takes AWS tag keys and values', () => {
    const p = issuePlan('1');
    p.vpc.subnets[1]!.tags!['cni.networking.k8s.aws/cluster/discovery-test'] = 'shared';
    expect(messages(p)).toEqual([]);
  });

  it('names the subnet and the fix for too many tags, long keys and values, empty keys and non-text values', () => {
    const many = issuePlan();
    many.vpc.subnets[0]!.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(messages(many)).toEqual(['vpc.subnets[0].tags: has 51 tags; AWS allows at most 50 per subnet: remove some']);
    const long = issuePlan();
    long.vpc.subnets[0]!.tags = { ['k'.repeat(129)]: 'v', ok: 'v'.repeat(257), '': 'x' };
    expect(messages(long).sort()).toEqual(
      [
        `vpc.subnets[0].tags.${'k'.repeat(129)}: the tag key is longer than 128 characters; shorten it`,
        'vpc.subnets[0].tags.ok: the tag value is longer than 256 characters; shorten it',
        'vpc.subnets[0].tags: a tag key is empty; give it a key (e.g. kubernetes.io/role/cni) or remove it',
      ].sort(),
    );
    const typed = JSON.parse(JSON.stringify(issuePlan()));
    typed.vpc.subnets[0].tags = { [ROLE]: 1 };
    expect(messages(typed)).toEqual([`vpc.subnets[0].tags.${ROLE} must be text, got 1`]);
    typed.vpc.subnets[0].tags = [ROLE];
    expect(messages(typed)).toEqual(['vpc.subnets[0].tags must be an object of tag keys and text values, got a list']);
  });

  it('vpc.ipFamily is ipv4 or ipv6', () => {
    const p = JSON.parse(JSON.stringify(issuePlan()));
    p.vpc.ipFamily = 'IPv6';
    expect(messages(p)).toEqual(['vpc.ipFamily must be "ipv4" or "ipv6", got the text "IPv6"']);
  });
});

describe('tags and the IP family travel', () => {
  const plan: Plan = { ...issuePlan('1'), vpc: { ...issuePlan('1').vpc, ipFamily: 'ipv6' } };
  plan.cni.subnetDiscovery = false;

  it('in a share link, and a plan without them makes the same link as before (no added slot)', () => {
    const back = decodeLink(documentLink(plan, '').slice(1));
    expect(back.ok).toBe(true);
    const v = validatePlan((back as { json: unknown }).json, dataset);
    expect(v.ok && v.plan.vpc).toEqual(plan.vpc);
    expect(v.ok && v.plan.cni.subnetDiscovery).toBe(false);
    const plain = issuePlan();
    const compact = JSON.stringify(decodeLink(documentLink(plain, '').slice(1)));
    expect(compact).not.toContain('tags');
  });

  it('through the draft the page edits', () => {
    const v = validatePlan(draftToJson(planToDraft(plan)), dataset);
    expect(v.ok && v.plan.vpc).toEqual(plan.vpc);
    expect(v.ok && v.plan.cni.subnetDiscovery).toBe(false);
  });
});

describe('the AWS import reads subnet discovery tags from describe-subnets', () => {
  const r = importAwsVpc({ vpcs: fixture('describe-vpcs.json'), subnets: fixture('describe-subnets-discovery.json') });

  it('keeps kubernetes.io/role/cni and cni.networking.k8s.aws/cluster/* tags, and no other', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tags = Object.fromEntries(r.plan.vpc.subnets.map((s) => [s.name, s.tags ?? null]));
    expect(tags).toEqual({
      'nodes-a': { [ROLE]: '0' },
      'nodes-b': null,
      'cni-a': { [ROLE]: '1', 'cni.networking.k8s.aws/cluster/prod-eks': 'shared' },
      'cni-b': { [ROLE]: '1' },
    });
    expect(r.summary.join('\n')).toContain('Subnet discovery tags are kept');
    expect(validatePlan(r.plan, dataset).ok).toBe(true);
  });

  it('and the imported plan places pod ENIs by them', () => {
    if (!r.ok) return;
    const plan: Plan = {
      ...r.plan,
      nodeGroups: [
        {
          name: 'g',
          instanceType: 'm5.16xlarge',
          subnets: ['nodes-a', 'nodes-b'],
          minNodes: 2,
          desiredNodes: 2,
          maxNodes: 2,
          podsPerNode: 10,
          maxPods: null,
        },
      ],
    };
    const v = validatePlan(plan, dataset);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const e = evaluate(v.plan, dataset);
    const used = Object.fromEntries(
      e.subnets.map((s) => [
        s.name,
        s.used.max - (v.plan.vpc.subnets.find((x) => x.name === s.name)!.reservedIps ?? 0),
      ]),
    );
    // nodes-a is tagged =0: its node keeps only its IP there, and 2 pod ENIs of 50 go to cni-a (this cluster's);
    // the node in nodes-b keeps its primary ENI (50) and sends its warm ENI (50) to cni-b, which has more room.
    expect(used).toEqual({ 'nodes-a': 1, 'nodes-b': 50, 'cni-a': 100, 'cni-b': 50 });
  });
});

describe('exports', () => {
  it('Terraform writes the plan’s tags on the subnets it creates, kubernetes.io/role/cni = "1" on the pod subnet', () => {
    const p = issuePlan('1');
    p.vpc.subnets[1]!.tags!['aws:cloudformation:stack-name'] = 'x';
    const tf = toTerraform(p, dataset);
    expect(tf).toMatch(/tags = \{\n\s+Name\s*= "pods-a"\n\s+"kubernetes\.io\/role\/cni" = "1"\n\s+\}/);
    expect(tf).not.toContain('aws:cloudformation');
  });

  it('aws-node carries ENABLE_SUBNET_DISCOVERY only where it differs from the default (true)', () => {
    expect(cniEnvironment(issuePlan().cni)).toEqual([]);
    expect(cniEnvironment({ ...issuePlan().cni, subnetDiscovery: true })).toEqual([]);
    expect(cniEnvironment({ ...issuePlan().cni, subnetDiscovery: false })).toEqual([
      ['ENABLE_SUBNET_DISCOVERY', 'false'],
    ]);
  });
});

describe('IPv6 clusters: only node and ENI primaries take IPv4 (amazon-vpc-cni-k8s @ b52188387 (v1.23.1) README ENABLE_IPv6)', () => {
  const cni = issuePlan().cni;
  it('m5.16xlarge with 10 pods: 1 IPv4 (was 100), whatever the warm targets', () => {
    const t = dataset.byName.get('m5.16xlarge')!;
    for (const c of [
      cni,
      { ...cni, warmEniTarget: 3 },
      { ...cni, minimumIpTarget: 60, warmIpTarget: 10 },
      { ...cni, prefixDelegation: true },
    ]) {
      const r = ipv6NodeAccounting(t, c, { pods: 10 });
      expect({
        ipv4: r.nodeSubnetIps,
        ips: r.ips,
        warm: r.warmIps,
        running: r.podsRunning,
        without: r.podsWithoutIp,
      }).toEqual({ ipv4: 1, ips: 0, warm: 0, running: 10, without: 0 });
    }
    expect(nodeAccounting(t, cni, { pods: 10 }).nodeSubnetIps).toBe(100);
  });

  it('p5.48xlarge: the efa layout’s 31 EFA interfaces beyond card 0 each take an IPv4; efa-only ones do not', () => {
    const t = dataset.byName.get('p5.48xlarge')!;
    expect(launchLayout(t, 'efa').extraNodeIps).toBe(31);
    expect(ipv6NodeAccounting(t, cni, { pods: 10, efaLayout: 'efa' }).nodeSubnetIps).toBe(32);
    expect(ipv6NodeAccounting(t, cni, { pods: 10, efaLayout: 'efa-only' }).nodeSubnetIps).toBe(1);
    // ENABLE_MULTI_NIC, no EFA: every one of the 31 other cards gets one ENI of its own (1 IPv4 each).
    expect(ipv6NodeAccounting(t, { ...cni, multiNic: true }, { pods: 10 }).nodeSubnetIps).toBe(32);
    // With the efa layout those cards already have their EFA interface: no more ENIs.
    expect(ipv6NodeAccounting(t, { ...cni, multiNic: true }, { pods: 10, efaLayout: 'efa' }).nodeSubnetIps).toBe(32);
  });

  it('the trunk ENI and each branch ENI (security groups for pods) have an IPv4 primary', () => {
    const t = dataset.byName.get('m5.16xlarge')!;
    expect(ipv6NodeAccounting(t, { ...cni, podEni: true }, { pods: 10, branchPods: 4 }).nodeSubnetIps).toBe(1 + 1 + 4);
  });

  it('the issue’s plan as an IPv6 cluster: 4 IPv4 addresses in the /24, and it fits', () => {
    const p = issuePlan();
    p.vpc.ipFamily = 'ipv6';
    const e = evaluate(p, dataset);
    expect(e.subnets.map((s) => s.used.max)).toEqual([4, 0]);
    expect(e.fits).toBe(true);
    expect(e.totals.warm.max).toBe(0);
  });
});
