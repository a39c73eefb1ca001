import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { maxPodsSetting, maxPodsToWrite } from '../../../src/model/export/max-pods-setting';
import { DEFAULT_CNI, type NodeGroup } from '../../../src/model/plan';

const group = (instanceType: string, maxPods: number | null = null): NodeGroup => ({
  name: 'g', instanceType, subnets: ['a'], minNodes: 0, desiredNodes: 1, maxNodes: 1, podsPerNode: 10, maxPods,
});

describe('max pods to write', () => {
  it('default CNI: nothing (m5.large keeps the AMI default 29)', () => {
    expect(maxPodsSetting(group('m5.large'), DEFAULT_CNI, dataset)).toMatchObject({ value: null, source: 'ami-default', amiDefault: 29 });
  });

  it('custom networking: m5.large 20 ((3 − 1) × 9 + 2), m5.16xlarge 250 (688 capped)', () => {
    const cni = { ...DEFAULT_CNI, customNetworking: true };
    expect(maxPodsSetting(group('m5.large'), cni, dataset)).toMatchObject({ value: 20, source: 'calculator', amiDefault: 29 });
    expect(maxPodsSetting(group('m5.16xlarge'), cni, dataset).value).toBe(250);
  });

  it('prefix delegation: m5.large 110 (3 × 9 × 16 + 2 = 434, capped at 110 for 2 vCPUs)', () => {
    expect(maxPodsSetting(group('m5.large'), { ...DEFAULT_CNI, prefixDelegation: true }, dataset).value).toBe(110);
  });

  it('MAX_ENI=1: m5.16xlarge 51 (1 × 49 + 2)', () => {
    const s = maxPodsSetting(group('m5.16xlarge'), { ...DEFAULT_CNI, maxEni: 1 }, dataset);
    expect(s.value).toBe(51);
    expect(s.reason).toBe('max pods 51: max-pods-calculator.sh with MAX_ENI=1; the AMI default (737) does not account for it');
  });

  it("the plan's maxPods wins over everything", () => {
    expect(maxPodsSetting(group('m5.large', 17), { ...DEFAULT_CNI, customNetworking: true }, dataset)).toMatchObject({ value: 17, source: 'plan' });
    expect(maxPodsToWrite({ maxPods: 17 }, DEFAULT_CNI, 99)).toBe(17);
  });

  it('unknown instance type: nothing, and says so', () => {
    expect(maxPodsSetting(group('zz9.huge'), { ...DEFAULT_CNI, customNetworking: true }, dataset)).toMatchObject({ value: null, source: 'unknown-type', amiDefault: null });
  });

  it('maxPodsToWrite: the same rule from the calculator value alone', () => {
    expect(maxPodsToWrite({ maxPods: null }, DEFAULT_CNI, 44)).toBeNull();
    expect(maxPodsToWrite({ maxPods: null }, { ...DEFAULT_CNI, customNetworking: true }, 44)).toBe(44);
  });
});
