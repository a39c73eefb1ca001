import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { importAwsVpc, MAX_IMPORT_CHARS, type AwsImportResult } from '../../src/model/import-aws';
import { decodeLink, documentLink } from '../../src/model/share-link';
import { validatePlan } from '../../src/model/validate-plan';
import { draftToJson, planToDraft } from '../../src/state/draft';
import { expectGolden } from './export/helpers';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/aws/${name}`, import.meta.url), 'utf8');
const vpcs = fixture('describe-vpcs.json');
const subnets = fixture('describe-subnets.json');
const enis = fixture('describe-network-interfaces.json');
const vpcsTwo = fixture('describe-vpcs-two.json');

function ok(r: AwsImportResult) {
  if (!r.ok) throw new Error(`import failed: ${r.errors.join('; ')}`);
  return r;
}
function errors(r: AwsImportResult): string[] {
  if (r.ok) throw new Error('import should have failed');
  return r.errors;
}
/** The subnets document with one subnet (by index in the file) changed. */
function editSubnet(i: number, edit: (s: Record<string, unknown>) => void): string {
  const doc = JSON.parse(subnets);
  edit(doc.Subnets[i]);
  return JSON.stringify(doc);
}

describe('import from describe-vpcs + describe-subnets', () => {
  const r = ok(importAwsVpc({ vpcs, subnets }));

  it('matches the golden plan and summary', () => {
    expectGolden('import-reference.plan.json', JSON.stringify(r.plan, null, 2) + '\n');
    expectGolden('import-reference.summary.txt', r.summary.join('\n') + '\n');
  });

  it('is a valid plan: version 1, default CNI, no node groups, named after the VPC Name tag', () => {
    const v = validatePlan(r.plan, dataset);
    expect(v.ok).toBe(true);
    expect(r.plan).toMatchObject({ version: 1, name: 'prod-eks', nodeGroups: [] });
    expect(r.plan.cni).toEqual({
      warmEniTarget: 1,
      warmIpTarget: null,
      minimumIpTarget: null,
      warmPrefixTarget: 1,
      maxEni: null,
      prefixDelegation: false,
      customNetworking: false,
      podEni: false,
    });
  });

  it('takes the primary CIDR first and the associated secondaries, skipping the disassociated 100.67.0.0/16', () => {
    expect(r.plan.vpc.cidrs).toEqual(['10.0.0.0/20', '100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16']);
    expect(r.summary).toContain('Skipped CIDR blocks not associated: 100.67.0.0/16 (disassociated).');
  });

  it('imports the VPC subnets in address order, names them by Name tag or ID, skips the other VPC', () => {
    expect(r.plan.vpc.subnets.map((s) => [s.name, s.az, s.cidr])).toEqual([
      ['nodes-a', 'us-east-1a', '10.0.0.0/22'],
      ['nodes-b', 'us-east-1b', '10.0.4.0/22'],
      ['subnet-0b2c3d4e5f6071803', 'us-east-1c', '10.0.8.0/22'],
      ['pods-a', 'us-east-1a', '100.64.0.0/16'],
      ['pods-b', 'us-east-1b', '100.65.0.0/16'],
      ['pods-c', 'us-east-1c', '100.66.0.0/16'],
    ]);
    expect(r.summary).toContain('Skipped 1 subnet of other VPCs: subnet-0fedcba9876543201 (vpc-0fedcba9876543210).');
  });

  it('saves addresses in use (usable − AvailableIpAddressCount) as reservedIps: nodes-a 1019 − 1007 = 12', () => {
    expect(r.plan.vpc.subnets.map((s) => s.reservedIps ?? 0)).toEqual([12, 8, 0, 0, 31, 0]);
    expect(
      r.summary.some((l) =>
        l.startsWith("Addresses in use (usable − AvailableIpAddressCount) are saved as each subnet's reservedIps"),
      ),
    ).toBe(true);
  });
});

describe('the IDs of what exists travel with the plan (issue 11 point 17)', () => {
  const r = ok(importAwsVpc({ vpcs, subnets }));
  const doc = JSON.parse(subnets) as { Subnets: { SubnetId: string; CidrBlock: string; VpcId: string }[] };

  it("keeps the VPC's ID, each subnet's SubnetId (matched by CIDR in the AWS output) and the associated secondary CIDRs", () => {
    expect(r.plan.vpc.vpcId).toBe('vpc-0a1b2c3d4e5f60718');
    for (const s of r.plan.vpc.subnets) {
      const aws = doc.Subnets.find((x) => x.CidrBlock === s.cidr && x.VpcId === 'vpc-0a1b2c3d4e5f60718')!;
      expect(s.id).toBe(aws.SubnetId);
    }
    // describe-vpcs: 100.64-66 associated; 100.67.0.0/16 disassociated, so neither a CIDR of the plan nor associated
    expect(r.plan.vpc.associatedCidrs).toEqual(['100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16']);
    expect(r.summary).toContain(
      'The VPC and subnet IDs are kept in the plan: the exports refer to these subnets and CIDR blocks instead of creating them.',
    );
  });

  it('a share link (format 1 and 2) and the editor draft carry them back unchanged', () => {
    const back = (fragment: string) => {
      const d = decodeLink(fragment);
      if (!d.ok) throw new Error(d.error);
      const json = d.json as { scenarios?: unknown[] };
      const v = validatePlan(json.scenarios ? json.scenarios[0] : json, dataset);
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      return v.plan;
    };
    expect(back(documentLink(r.plan, '').slice(1))).toEqual(r.plan);
    expect(back(documentLink({ version: 2, active: 0, scenarios: [r.plan, r.plan] } as never, '').slice(1))).toEqual(
      r.plan,
    );
    const fromDraft = validatePlan(draftToJson(planToDraft(r.plan)), dataset);
    expect(fromDraft.ok && fromDraft.plan).toEqual(r.plan);
  });

  it('a plan without them links exactly as before (the added fields take no room)', () => {
    const plain = structuredClone(r.plan);
    delete plain.vpc.vpcId;
    delete plain.vpc.associatedCidrs;
    plain.vpc.subnets.forEach((s) => delete s.id);
    const d = decodeLink(documentLink(plain, '').slice(1));
    expect(d.ok && JSON.stringify(d.json)).not.toMatch(/vpcId|associatedCidrs|"id"/);
  });

  it('the schema names a malformed ID and how to fix it', () => {
    const bad = structuredClone(r.plan) as unknown as { vpc: { vpcId: string; subnets: { id: string }[] } };
    bad.vpc.vpcId = 'vpc-xyz';
    bad.vpc.subnets[1]!.id = 'sn-123';
    const v = validatePlan(bad, dataset);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues).toEqual(
        expect.arrayContaining([
          {
            path: 'vpc.vpcId',
            message:
              'vpc.vpcId: must be a VPC ID such as vpc-0a1b2c3d4e5f60718 (from aws ec2 describe-vpcs), or leave it out',
          },
          {
            path: 'vpc.subnets[1].id',
            message:
              'vpc.subnets[1].id: must be a subnet ID such as subnet-0a1b2c3d4e5f60718 (from aws ec2 describe-subnets), or leave it out',
          },
        ]),
      );
    }
  });
});

describe('import with describe-network-interfaces', () => {
  it('counts private IPs + 16 per /28 prefix per subnet: nodes-a 10 + 1, pods-b 1 + 2 × 16', () => {
    const r = ok(importAwsVpc({ vpcs, subnets, enis }));
    expectGolden('import-reference-enis.plan.json', JSON.stringify(r.plan, null, 2) + '\n');
    expect(r.plan.vpc.subnets.map((s) => s.reservedIps ?? 0)).toEqual([11, 2, 0, 0, 33, 0]);
    expect(r.summary.some((l) => l.startsWith('Addresses in use, counted from 4 network interfaces'))).toBe(true);
  });

  it('AvailableIpAddressCount is then optional', () => {
    const r = importAwsVpc({ vpcs, subnets: editSubnet(1, (s) => delete s.AvailableIpAddressCount), enis });
    expect(ok(r).plan.vpc.subnets[0]!.reservedIps).toBe(11);
  });

  it('an interface without SubnetId is named', () => {
    const doc = JSON.parse(enis);
    delete doc.NetworkInterfaces[2].SubnetId;
    expect(errors(importAwsVpc({ vpcs, subnets, enis: JSON.stringify(doc) }))).toEqual([
      'describe-network-interfaces: NetworkInterfaces[2].SubnetId is missing',
    ]);
  });
});

describe('choosing the VPC', () => {
  it('several VPCs whose subnets are both present: asks for --vpc-id', () => {
    expect(errors(importAwsVpc({ vpcs: vpcsTwo, subnets }))).toEqual([
      'describe-vpcs holds 2 VPCs (vpc-0fedcba9876543210, vpc-0a1b2c3d4e5f60718) and the subnets belong to vpc-0a1b2c3d4e5f60718, vpc-0fedcba9876543210: choose one with --vpc-id',
    ]);
  });

  it('with vpcId: that VPC, and the other VPC’s subnets skipped', () => {
    const r = ok(importAwsVpc({ vpcs: vpcsTwo, subnets, vpcId: 'vpc-0a1b2c3d4e5f60718' }));
    expect(r.plan).toEqual(ok(importAwsVpc({ vpcs, subnets })).plan);
    const other = ok(importAwsVpc({ vpcs: vpcsTwo, subnets, vpcId: 'vpc-0fedcba9876543210' }));
    expect(other.plan.vpc).toEqual({
      vpcId: 'vpc-0fedcba9876543210',
      cidrs: ['172.31.0.0/16'],
      subnets: [
        { name: 'default-a', id: 'subnet-0fedcba9876543201', az: 'us-east-1a', cidr: '172.31.0.0/20', reservedIps: 5 },
      ],
    });
    expect(other.plan.name).toBe('vpc-0fedcba9876543210');
  });

  it('several VPCs, the subnets of one only: that one', () => {
    const doc = JSON.parse(subnets);
    doc.Subnets = doc.Subnets.filter((s: { VpcId: string }) => s.VpcId === 'vpc-0a1b2c3d4e5f60718');
    expect(ok(importAwsVpc({ vpcs: vpcsTwo, subnets: JSON.stringify(doc) })).plan.name).toBe('prod-eks');
  });

  it('an unknown vpcId is named', () => {
    expect(errors(importAwsVpc({ vpcs, subnets, vpcId: 'vpc-0000000000000000' }))).toEqual([
      'describe-vpcs: no VPC vpc-0000000000000000 in it (it holds vpc-0a1b2c3d4e5f60718)',
    ]);
  });
});

describe('other shapes that still import', () => {
  it('bare lists and single objects (aws ... --query Vpcs[0])', () => {
    const v = JSON.parse(vpcs).Vpcs[0];
    const s = JSON.parse(subnets).Subnets;
    expect(ok(importAwsVpc({ vpcs: JSON.stringify(v), subnets: JSON.stringify(s) })).plan).toEqual(
      ok(importAwsVpc({ vpcs, subnets })).plan,
    );
  });

  it('a byte-order mark, no Tags at all, an IPv6-only subnet, duplicate Name tags', () => {
    const doc = JSON.parse(subnets);
    doc.Subnets[3].Tags = undefined;
    doc.Subnets[5].Tags = [{ Key: 'Name', Value: 'pods-b' }];
    doc.Subnets.push({
      SubnetId: 'subnet-0b2c3d4e5f6071899',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      AvailabilityZone: 'us-east-1a',
      Ipv6Native: true,
      AvailableIpAddressCount: 0,
    });
    const r = ok(importAwsVpc({ vpcs: '\uFEFF' + vpcs, subnets: JSON.stringify(doc) }));
    expect(r.plan.vpc.subnets.map((s) => s.name)).toEqual([
      'nodes-a',
      'nodes-b',
      'subnet-0b2c3d4e5f6071803',
      'pods-b (subnet-0b2c3d4e5f6071804)',
      'pods-b (subnet-0b2c3d4e5f6071805)',
      'pods-c',
    ]);
    expect(r.summary).toContain('Skipped IPv6-only subnets (no IPv4 CIDR): subnet-0b2c3d4e5f6071899.');
    expect(validatePlan(r.plan, dataset).ok).toBe(true);
  });
});

describe('bad input: a message naming what is wrong, never a partial plan, never a throw', () => {
  it.each([
    [
      'a subnet without CidrBlock',
      () => importAwsVpc({ vpcs, subnets: editSubnet(3, (s) => delete s.CidrBlock) }),
      ['describe-subnets: Subnets[3].CidrBlock is missing'],
    ],
    [
      'a subnet without AvailabilityZone',
      () => importAwsVpc({ vpcs, subnets: editSubnet(0, (s) => delete s.AvailabilityZone) }),
      ['describe-subnets: Subnets[0].AvailabilityZone is missing'],
    ],
    [
      'AvailableIpAddressCount missing (no ENIs given)',
      () => importAwsVpc({ vpcs, subnets: editSubnet(1, (s) => delete s.AvailableIpAddressCount) }),
      ['describe-subnets: Subnets[1].AvailableIpAddressCount is missing'],
    ],
    [
      'AvailableIpAddressCount as text',
      () => importAwsVpc({ vpcs, subnets: editSubnet(1, (s) => (s.AvailableIpAddressCount = '1007')) }),
      ['describe-subnets: Subnets[1].AvailableIpAddressCount must be a whole number ≥ 0, got "1007"'],
    ],
    [
      'CidrBlock as a number',
      () => importAwsVpc({ vpcs, subnets: editSubnet(2, (s) => (s.CidrBlock = 10)) }),
      ['describe-subnets: Subnets[2].CidrBlock must be a non-empty string, got 10'],
    ],
    [
      'CidrBlock with host bits',
      () => importAwsVpc({ vpcs, subnets: editSubnet(2, (s) => (s.CidrBlock = '10.0.4.1/22')) }),
      [
        'describe-subnets: Subnets[2].CidrBlock "10.0.4.1/22" is not an IPv4 CIDR: 10.0.4.1/22 has host bits set, did you mean 10.0.4.0/22?',
      ],
    ],
    [
      'a subnet without VpcId',
      () => importAwsVpc({ vpcs, subnets: editSubnet(0, (s) => delete s.VpcId) }),
      ['describe-subnets: Subnets[0].VpcId is missing'],
    ],
    [
      'a subnet that is not an object',
      () => importAwsVpc({ vpcs, subnets: '{"Subnets": [42]}' }),
      ['describe-subnets: Subnets[0] must be an object, got number'],
    ],
    [
      'Subnets not a list',
      () => importAwsVpc({ vpcs, subnets: '{"Subnets": "x"}' }),
      ['describe-subnets: Subnets must be a list, got string'],
    ],
    [
      'the two files swapped',
      () => importAwsVpc({ vpcs: subnets, subnets: vpcs }),
      [
        'describe-vpcs: Vpcs is missing: this looks like aws ec2 describe-subnets output',
        'describe-subnets: Subnets is missing: this looks like aws ec2 describe-vpcs output',
      ],
    ],
    ['no VPC at all', () => importAwsVpc({ vpcs: '{"Vpcs": []}', subnets }), ['describe-vpcs: Vpcs is empty']],
    [
      'a VPC without CidrBlock',
      () => {
        const d = JSON.parse(vpcs);
        delete d.Vpcs[0].CidrBlock;
        return importAwsVpc({ vpcs: JSON.stringify(d), subnets });
      },
      ['describe-vpcs: Vpcs[0].CidrBlock is missing'],
    ],
    [
      'an association without state',
      () => {
        const d = JSON.parse(vpcs);
        delete d.Vpcs[0].CidrBlockAssociationSet[1].CidrBlockState;
        return importAwsVpc({ vpcs: JSON.stringify(d), subnets });
      },
      ['describe-vpcs: Vpcs[0].CidrBlockAssociationSet[1].CidrBlockState.State is missing'],
    ],
    [
      'not JSON',
      () => importAwsVpc({ vpcs: 'VPCS\tvpc-0a1b', subnets }),
      [
        expect.stringMatching(
          /^describe-vpcs: not valid JSON \(.+\); paste the output of aws ec2 describe-vpcs --output json$/,
        ),
      ],
    ],
    [
      'empty input',
      () => importAwsVpc({ vpcs: '  \n', subnets }),
      ['describe-vpcs: the input is empty (expected the JSON printed by aws ec2 describe-vpcs)'],
    ],
    ['null', () => importAwsVpc({ vpcs: 'null', subnets }), ['describe-vpcs: Vpcs must be a list, got null']],
    [
      'no input at all',
      () => importAwsVpc({ vpcs: undefined as unknown as string, subnets }),
      ['describe-vpcs: no input (expected the JSON printed by aws ec2 describe-vpcs)'],
    ],
  ])('%s', (_what, run, expected) => {
    const r = run();
    expect(r).not.toHaveProperty('plan');
    expect(errors(r)).toEqual(expected);
  });

  it('input over 5 MB is refused without parsing', () => {
    const huge = `{"Subnets": [${'{"SubnetId": "subnet-0", "x": 1},'.repeat(200_000)}{}]}`;
    expect(huge.length).toBeGreaterThan(MAX_IMPORT_CHARS);
    const t0 = performance.now();
    expect(errors(importAwsVpc({ vpcs, subnets: huge }))[0]).toMatch(
      /^describe-subnets: the input is 6\.\d MB; the limit is 5 MB/,
    );
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('many problems: at most 20 listed, then a count', () => {
    const doc = JSON.parse(subnets);
    doc.Subnets = Array.from({ length: 30 }, () => ({
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      SubnetId: 'subnet-0b2c3d4e5f6071801',
    }));
    const e = errors(importAwsVpc({ vpcs, subnets: JSON.stringify(doc) }));
    expect(e).toHaveLength(21);
    expect(e[20]).toBe('… and 70 more problems');
  });

  it('deep nesting does not throw', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(importAwsVpc({ vpcs: deep, subnets: deep }).ok).toBe(false);
  });

  it('any JSON at all: never throws, never a plan that fails validation', () => {
    fc.assert(
      fc.property(fc.json(), fc.json(), fc.option(fc.json(), { nil: undefined }), (a, b, c) => {
        const r = importAwsVpc({ vpcs: a, subnets: b, enis: c });
        if (r.ok) expect(validatePlan(r.plan, dataset).ok).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('the reference files with any one field removed or replaced: never throws; a plan, if any, is valid', () => {
    const paths: string[][] = [];
    const walk = (v: unknown, p: string[]) => {
      if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          paths.push([...p, k]);
          walk(x, [...p, k]);
        }
    };
    walk(JSON.parse(subnets), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.option(fc.jsonValue(), { nil: undefined }), (path, replacement) => {
        const doc = JSON.parse(subnets);
        let o = doc;
        for (const k of path.slice(0, -1)) o = o[k];
        if (replacement === undefined) delete o[path.at(-1)!];
        else o[path.at(-1)!] = replacement;
        const r = importAwsVpc({ vpcs, subnets: JSON.stringify(doc) });
        if (r.ok) expect(validatePlan(r.plan, dataset).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
