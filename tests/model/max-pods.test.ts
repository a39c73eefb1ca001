import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { eniLimitedMaxPods, karpenterEniLimitedPods, recommendedMaxPods } from '../../src/model/max-pods';
import vectors from '../vectors/max-pods.json';
import { parseMaxPodsArgs, runMaxPods } from '../../src/cli/max-pods-command';

const oracle = (file: string) =>
  new Map(
    readFileSync(new URL(`../../data/aws/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/) as [string, string])
      .map(([k, v]) => [k, Number(v)]),
  );
const t = (name: string) => dataset.byName.get(name)!;

describe('ENI-limited max pods against AWS eni-max-pods.txt', () => {
  it('agrees with the VPC CNI misc/eni-max-pods.txt for 1,391 of 1,391 types', () => {
    const truth = oracle('eni-max-pods.vpc-cni.txt');
    expect(truth.size).toBe(1391);
    expect(dataset.types.length).toBe(1391);
    const wrong = [...truth].filter(([name, n]) => !dataset.byName.has(name) || eniLimitedMaxPods(t(name)) !== n);
    expect(wrong).toEqual([]);
  });
  it('agrees with the last EKS AMI copy (1,197 types) wherever both list a type', () => {
    const truth = oracle('eni-max-pods.txt');
    expect(truth.size).toBe(1197);
    const wrong = [...truth].filter(([name, n]) => dataset.byName.has(name) && eniLimitedMaxPods(t(name)) !== n);
    expect(wrong).toEqual([]);
  });
});

describe('max-pods-calculator.sh (shared/vectors/max-pods.json)', () => {
  for (const v of vectors) {
    it(`${v.case}: ${v.args.join(' ')} → ${v.expect}`, () => {
      const a = parseMaxPodsArgs(v.args);
      if (!a.ok) throw new Error(a.error);
      expect(runMaxPods(dataset, a.value)).toEqual([String(v.expect)]);
    });
  }
});

describe('max-pods-calculator.sh branches (amazon-eks-ami @ 0ab84280)', () => {
  it('caps at 110 for 30 vCPUs or fewer and 250 above, in every mode', () => {
    expect(recommendedMaxPods(t('m5.4xlarge'))).toBe(110); // raw 234, 16 vCPU
    expect(recommendedMaxPods(t('m5.16xlarge'))).toBe(250); // raw 737, 64 vCPU
    expect(recommendedMaxPods(t('m5.large'))).toBe(29);
  });
  it('prefix delegation multiplies the slots by 16 on Nitro only', () => {
    expect(recommendedMaxPods(t('m5.large'), { prefixDelegation: true, showMaxAllowed: true })).toBe(3 * 9 * 16 + 2);
    expect(recommendedMaxPods(t('m4.large'), { prefixDelegation: true, showMaxAllowed: true })).toBe(20);
    // bare metal has no "nitro" hypervisor: the script never applies prefix delegation there
    expect(recommendedMaxPods(t('m5.metal'), { prefixDelegation: true, showMaxAllowed: true })).toBe(
      eniLimitedMaxPods(t('m5.metal')),
    );
  });
  it('custom networking subtracts one ENI after --cni-max-eni', () => {
    expect(
      recommendedMaxPods(t('m5.large'), { customNetworking: true, prefixDelegation: true, showMaxAllowed: true }),
    ).toBe(290);
    expect(recommendedMaxPods(t('m5.large'), { customNetworking: true, maxEni: 1 })).toBe(2);
  });
  it('CNI older than 1.9 ignores prefix delegation', () => {
    expect(recommendedMaxPods(t('m5.8xlarge'), { prefixDelegation: true, cniVersion: { major: 1, minor: 8 } })).toBe(
      234,
    ); // 32 vCPU: 250 cap
    expect(recommendedMaxPods(t('m5.8xlarge'), { prefixDelegation: true, cniVersion: { major: 1, minor: 9 } })).toBe(
      250,
    );
  });
  it('types without a vCPU figure take the 110 cap', () => {
    expect(t('c7i.32xlarge').vcpus).toBeNull();
    expect(recommendedMaxPods(t('c7i.32xlarge'))).toBe(110);
  });
  it('Karpenter ENILimitedPods: reservedENIs subtracts ENIs, and 0 usable gives 0 (not 2)', () => {
    expect(karpenterEniLimitedPods(t('m5.large'))).toBe(29);
    expect(karpenterEniLimitedPods(t('m5.large'), 1)).toBe(20);
    expect(karpenterEniLimitedPods(t('m5.large'), 3)).toBe(0);
  });
  it('p5.48xlarge counts only its default network card: 2 ENIs, 100 pods', () => {
    expect(t('p5.48xlarge')).toMatchObject({ enis: 2, networkCards: 32 });
    expect(eniLimitedMaxPods(t('p5.48xlarge'))).toBe(100);
  });
});
