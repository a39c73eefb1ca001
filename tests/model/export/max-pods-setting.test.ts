import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { managedCapNote, maxPodsSetting, maxPodsToWrite } from '../../../src/model/export/max-pods-setting';
import { DEFAULT_CNI, type EfaLayout, type NodeGroup } from '../../../src/model/plan';

const group = (instanceType: string, maxPods: number | null = null): NodeGroup => ({
  name: 'g',
  instanceType,
  subnets: ['a'],
  minNodes: 0,
  desiredNodes: 1,
  maxNodes: 1,
  podsPerNode: 10,
  maxPods,
});

describe('max pods to write', () => {
  it('default CNI: nothing (m5.large keeps the AMI default 29)', () => {
    expect(maxPodsSetting(group('m5.large'), DEFAULT_CNI, dataset)).toMatchObject({
      value: null,
      source: 'ami-default',
      amiDefault: 29,
    });
  });

  it('custom networking: m5.large 20 ((3 − 1) × 9 + 2), m5.16xlarge 250 (688 capped)', () => {
    const cni = { ...DEFAULT_CNI, customNetworking: true };
    expect(maxPodsSetting(group('m5.large'), cni, dataset)).toMatchObject({
      value: 20,
      source: 'calculator',
      amiDefault: 29,
    });
    expect(maxPodsSetting(group('m5.16xlarge'), cni, dataset).value).toBe(250);
  });

  it('prefix delegation: m5.large 110 (3 × 9 × 16 + 2 = 434, capped at 110 for 2 vCPUs)', () => {
    expect(maxPodsSetting(group('m5.large'), { ...DEFAULT_CNI, prefixDelegation: true }, dataset).value).toBe(110);
  });

  it('MAX_ENI=1: m5.16xlarge 51 (1 × 49 + 2)', () => {
    const s = maxPodsSetting(group('m5.16xlarge'), { ...DEFAULT_CNI, maxEni: 1 }, dataset);
    expect(s.value).toBe(51);
    expect(s.reason).toBe(
      'max pods 51: max-pods-calculator.sh with MAX_ENI=1; the AMI default (737) does not account for it',
    );
  });

  it("the plan's maxPods wins over everything", () => {
    expect(maxPodsSetting(group('m5.large', 17), { ...DEFAULT_CNI, customNetworking: true }, dataset)).toMatchObject({
      value: 17,
      source: 'plan',
    });
    expect(maxPodsToWrite({ maxPods: 17 }, DEFAULT_CNI, 99)).toBe(17);
  });

  it('unknown instance type: nothing, and says so', () => {
    expect(maxPodsSetting(group('zz9.huge'), { ...DEFAULT_CNI, customNetworking: true }, dataset)).toMatchObject({
      value: null,
      source: 'unknown-type',
      amiDefault: null,
    });
  });

  it('maxPodsToWrite: the same rule from the calculator value alone', () => {
    expect(maxPodsToWrite({ maxPods: null }, DEFAULT_CNI, 44)).toBeNull();
    expect(maxPodsToWrite({ maxPods: null }, { ...DEFAULT_CNI, customNetworking: true }, 44)).toBe(44);
  });

  // Karpenter's max pods with ena-efa-only (karpenter-provider-aws @ 1d927085 `pkg/providers/instancetype/types.go` ENILimitedPods): p5.48xlarge 51, trn2.48xlarge 51, p5en.48xlarge 149;
  // p6-b300.48xlarge has no EFA-only interface on card 0 (card 0 is ENA only), so its AMI default (198) stands.
  it.each([
    ['p5.48xlarge', 51],
    ['trn2.48xlarge', 51],
    ['p5en.48xlarge', 149],
    ['p6-b300.48xlarge', null],
  ] as const)('ENA + EFA-only on %s: the EFA-only interface on card 0 takes an ENI slot, max pods %s', (type, want) => {
    const g = { ...group(type), efaLayout: 'ena-efa-only' as EfaLayout };
    const s = maxPodsSetting(g, DEFAULT_CNI, dataset);
    expect(s.value).toBe(want);
    if (want !== null) expect(s.reason).toContain('1 EFA-only interface on card 0');
  });

  it('efa and efa-only keep every card-0 slot: nothing to write (p5.48xlarge keeps 100)', () => {
    for (const efaLayout of ['efa', 'efa-only'] as const) {
      expect(maxPodsSetting({ ...group('p5.48xlarge'), efaLayout }, DEFAULT_CNI, dataset)).toMatchObject({
        value: null,
        amiDefault: 100,
      });
    }
  });
});

describe("EKS's managed node group cap in the exports", () => {
  // EKS user guide, "How maxPods is determined": 110 up to 30 vCPUs, 250 above, over every other setting.
  it('m5.16xlarge (64 vCPUs): the AMI default 737 and an explicit 300 are capped at 250', () => {
    expect(managedCapNote(group('m5.16xlarge'), DEFAULT_CNI, dataset)).toMatch(
      /at 250 on m5\.16xlarge.*the AMI default \(737\) is not honoured/,
    );
    expect(managedCapNote({ ...group('m5.16xlarge', 300), kind: 'managed' }, DEFAULT_CNI, dataset)).toMatch(
      /the 300 written here is not honoured, nodes run at most 250 pods$/,
    );
  });

  it('m5.xlarge (4 vCPUs) with 120 set: capped at 110; a value under the cap: no note', () => {
    expect(managedCapNote(group('m5.xlarge', 120), DEFAULT_CNI, dataset)).toMatch(/at 110 on m5\.xlarge/);
    expect(managedCapNote(group('m5.xlarge', 100), DEFAULT_CNI, dataset)).toBeNull();
    expect(managedCapNote(group('m5.large'), DEFAULT_CNI, dataset)).toBeNull(); // 29
  });

  it('a group the plan does not count as managed says what the plan assumed', () => {
    expect(managedCapNote(group('m5.16xlarge'), DEFAULT_CNI, dataset)).toContain(
      'the plan counts this group as self-managed (max pods 737)',
    );
  });
});
