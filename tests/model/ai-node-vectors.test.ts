import { describe, expect, it } from 'vitest';
import vectors from '../vectors/ai-nodes.json';
import { dataset } from '../../src/data/dataset';
import { parseNodeArgs, runNode } from '../../src/cli/node-command';
import { DEFAULT_CNI } from '../../src/model/plan';
import { maxPodsInForce } from '../../src/model/max-pods';
import { launchLayout } from '../../src/model/efa-layout';
import { nodeAccounting } from '../../src/model/warm-pool';
import type { EfaLayout } from '../../src/model/plan';

const type = (n: string) => dataset.byName.get(n)!;

// Every vector of shared/vectors/ai-nodes.json, through the parser the CLI uses.
describe('AI node vectors (shared/vectors/ai-nodes.json)', () => {
  for (const v of vectors) {
    it(`${v.case}: ${v.args.join(' ')}`, () => {
      const parsed = parseNodeArgs(v.args);
      if (!parsed.ok) throw new Error(parsed.error);
      const out = runNode(dataset, parsed.value);
      for (const [k, want] of Object.entries(v.expect)) expect(out[k as keyof typeof out], k).toBe(want);
    });
  }
});

// The EFA layouts worked by hand (eksctl @ 99984adb `pkg/cfn/builder/network_interfaces.go`, terraform-aws-eks @ bef29c4d `modules/eks-managed-node-group/main.tf`; WARM_ENI_TARGET=1, 10 pods, secondary IPs, no custom networking).
const TABLE: [string, Record<EfaLayout, number>, number][] = [
  ['p5.48xlarge', { none: 100, efa: 131, 'efa-only': 100, 'ena-efa-only': 50 }, 51],
  ['p4d.24xlarge', { none: 100, efa: 103, 'efa-only': 100, 'ena-efa-only': 100 }, 688],
  ['p5en.48xlarge', { none: 100, efa: 115, 'efa-only': 100, 'ena-efa-only': 100 }, 149],
  ['p6-b300.48xlarge', { none: 100, efa: 116, 'efa-only': 100, 'ena-efa-only': 100 }, 198],
  ['trn2.48xlarge', { none: 100, efa: 115, 'efa-only': 100, 'ena-efa-only': 50 }, 51],
];

describe('EFA layouts worked table', () => {
  for (const [name, byLayout, karpenter] of TABLE) {
    for (const [layout, want] of Object.entries(byLayout) as [EfaLayout, number][]) {
      it(`${name} ${layout}: ${want} addresses from the node subnet`, () => {
        expect(nodeAccounting(type(name), DEFAULT_CNI, { pods: 10, efaLayout: layout }).nodeSubnetIps).toBe(want);
      });
    }
    it(`${name}: Karpenter's ENI-limited max pods with ena-efa-only is ${karpenter}`, () => {
      const l = launchLayout(type(name), 'ena-efa-only');
      expect(maxPodsInForce(type(name), 'karpenter', null, { efaOnlyOnCard0: l.efaOnlyOnCard0 }).value).toBe(karpenter);
      expect(
        nodeAccounting(type(name), DEFAULT_CNI, { pods: 10, efaLayout: 'ena-efa-only', kind: 'karpenter' }).maxPods,
      ).toBe(karpenter);
    });
  }
  it('p6-b300.48xlarge: card 0 is ENA only, EFA on cards 1–16', () => {
    const l = launchLayout(type('p6-b300.48xlarge'), 'efa');
    expect(l.card0EnaOnly).toBe(true);
    expect(l.cards[0]!.interfaces).toEqual(['ena']);
    expect(l.cards.slice(1).every((c) => c.interfaces[0] === 'efa')).toBe(true);
  });
});

describe('max pods by node group kind (EKS user guide choosing-instance-type.adoc, Karpenter types.go)', () => {
  it('a managed m5.16xlarge runs 250 pods (EKS cap over the ENI-limited 737)', () => {
    expect(maxPodsInForce(type('m5.16xlarge'), 'managed', null)).toEqual({
      value: 250,
      source: 'eks-managed-cap',
      uncapped: 737,
    });
  });
  it('a managed m5.large (2 vCPUs) keeps its ENI-limited 29, under the 110 cap', () => {
    expect(maxPodsInForce(type('m5.large'), 'managed', null)).toEqual({
      value: 29,
      source: 'ami-default',
      uncapped: 29,
    });
  });
  it('the EKS cap overrides an explicit max pods of a managed group', () => {
    expect(maxPodsInForce(type('m5.xlarge'), 'managed', 200).value).toBe(110);
  });
  it('Auto Mode caps at 110', () => {
    expect(maxPodsInForce(type('m5.16xlarge'), 'auto-mode', null).value).toBe(110);
  });
  it('self-managed keeps the AMI default (eni-max-pods.txt)', () => {
    expect(maxPodsInForce(type('m5.16xlarge'), 'self-managed', null).value).toBe(737);
  });
});
