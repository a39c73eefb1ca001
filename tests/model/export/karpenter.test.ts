import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { dataset } from '../../../src/data/dataset';
import { AMI_ALIAS, k8sName, karpenterNetworkInterfaces, toKarpenter } from '../../../src/model/export/karpenter';
import { DEFAULT_CNI } from '../../../src/model/plan';
import { expectGolden, gpuPlan, referencePlan } from './helpers';

const docsOf = (text: string) => {
  const docs = parseAllDocuments(text);
  for (const d of docs) expect(d.errors).toEqual([]);
  return docs.map((d) => d.toJS());
};

describe('Karpenter v1 manifests of the reference plan', () => {
  const text = toKarpenter(referencePlan(), dataset);
  const docs = docsOf(text);

  it('matches the golden file', () => expectGolden('reference-plan.karpenter.yaml', text));

  it('has an EC2NodeClass and a NodePool per node group, in plan order', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata.name}`)).toEqual([
      'karpenter.k8s.aws/v1 EC2NodeClass general',
      'karpenter.sh/v1 NodePool general',
      'karpenter.k8s.aws/v1 EC2NodeClass batch',
      'karpenter.sh/v1 NodePool batch',
    ]);
  });

  it('sets kubelet.maxPods 44 and 250 (custom networking), selects the node subnets by Name tag', () => {
    const [general, , batch] = docs;
    expect(general.spec.kubelet).toEqual({ maxPods: 44 });
    expect(batch.spec.kubelet).toEqual({ maxPods: 250 });
    expect(general.spec.subnetSelectorTerms).toEqual([
      { tags: { Name: 'nodes-a' } },
      { tags: { Name: 'nodes-b' } },
      { tags: { Name: 'nodes-c' } },
    ]);
    // Pinned, never @latest (issue 11 point 18): the release is left for the user to fill in, and the header says how.
    expect(general.spec.amiSelectorTerms).toEqual([{ alias: 'al2023@vYYYYMMDD' }]);
    expect(text).not.toContain("@latest'");
    expect(general.spec.securityGroupSelectorTerms).toEqual([{ tags: { 'karpenter.sh/discovery': 'expanded-vpc' } }]);
  });

  it('NodePools pin the instance type, reference their node class and cap cpu at maxNodes × vCPUs', () => {
    const [, general, , batch] = docs;
    expect(general.spec.template.spec.nodeClassRef).toEqual({
      group: 'karpenter.k8s.aws',
      kind: 'EC2NodeClass',
      name: 'general',
    });
    expect(general.spec.template.spec.requirements).toEqual([
      { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.xlarge'] },
    ]);
    expect(general.spec.limits).toEqual({ cpu: 120 }); // 30 × 4
    expect(batch.spec.limits).toEqual({ cpu: 2560 }); // 40 × 64
  });

  it('says to run the controller with RESERVED_ENIS=1 under custom networking', () => {
    expect(text).toContain('# Custom networking is on: run the Karpenter controller with RESERVED_ENIS=1');
    expect(text).toContain('--set settings.reservedENIs=1');
  });
});

describe('Karpenter manifests of other plans', () => {
  it('defaults: no kubelet block, no RESERVED_ENIS', () => {
    const plan = referencePlan();
    plan.cni = { ...DEFAULT_CNI };
    const text = toKarpenter(plan, dataset);
    expect(text).not.toContain('RESERVED_ENIS');
    for (const d of docsOf(text)) if (d.kind === 'EC2NodeClass') expect(d.spec).not.toHaveProperty('kubelet');
  });

  it('no node groups: a comment only', () => {
    const plan = referencePlan();
    plan.nodeGroups = [];
    expect(toKarpenter(plan, dataset)).toMatch(/# The plan has no node groups: nothing to write.\n$/);
  });

  it('k8sName makes DNS-1123 names, unique', () => {
    const taken = new Set<string>();
    expect(k8sName('GPU Pool', taken)).toBe('gpu-pool');
    expect(k8sName('gpu_pool', taken)).toBe('gpu-pool-2');
    expect(k8sName('--', taken)).toBe('nodes');
  });
});

describe('Karpenter manifests of GPU node groups', () => {
  const text = toKarpenter(gpuPlan(), dataset);
  const docs = docsOf(text);
  const cls = (name: string) => docs.find((d) => d.kind === 'EC2NodeClass' && d.metadata.name === name);

  it('matches the golden file', () => expectGolden('gpu-plan.karpenter.yaml', text));

  it('writes only the groups the plan launches with Karpenter, and names the others', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.name}`)).toEqual([
      'EC2NodeClass p5-ena-efa-only',
      'NodePool p5-ena-efa-only',
      'EC2NodeClass trn2-efa',
      'NodePool trn2-efa',
    ]);
    expect(text).toContain(
      '# Not launched by Karpenter in the plan, so not written here: p5-efa, p5-efa-only, b300, system.',
    );
  });

  it('ENA + EFA-only on p5.48xlarge (32 cards, 32 EFA): the ENA primary and 32 EFA-only interfaces, one per card', () => {
    const ni = cls('p5-ena-efa-only').spec.networkInterfaces as {
      networkCardIndex: number;
      deviceIndex: number;
      interfaceType: string;
    }[];
    expect(ni[0]).toEqual({ networkCardIndex: 0, deviceIndex: 0, interfaceType: 'interface' });
    expect(ni[1]).toEqual({ networkCardIndex: 0, deviceIndex: 1, interfaceType: 'efa-only' });
    expect(ni.filter((x) => x.interfaceType === 'efa-only').map((x) => x.networkCardIndex)).toEqual(
      Array.from({ length: 32 }, (_, i) => i),
    );
    // Karpenter's own count with one EFA-only interface on card 0 (types.go ENILimitedPods @ 1d927085: 51), and the kubelet value agrees
    expect(cls('p5-ena-efa-only').spec.kubelet).toEqual({ maxPods: 51 });
    expect(text).toContain('Karpenter then counts 51 pods per node.');
  });

  it('p6-b300.48xlarge (17 cards, card 0 ENA only): EFA-only on cards 1-16 at device 0, nothing more on card 0', () => {
    const ni = karpenterNetworkInterfaces(dataset.byName.get('p6-b300.48xlarge')!);
    expect(ni[0]).toEqual({ networkCardIndex: 0, deviceIndex: 0, interfaceType: 'interface' });
    expect(ni.slice(1)).toEqual(
      Array.from({ length: 16 }, (_, i) => ({ networkCardIndex: i + 1, deviceIndex: 0, interfaceType: 'efa-only' })),
    );
  });

  it("efa: no networkInterfaces (Karpenter's default when pods request vpc.amazonaws.com/efa), said in a comment", () => {
    expect(cls('trn2-efa').spec).not.toHaveProperty('networkInterfaces');
    expect(text).toContain(
      "# EFA (efa layout): Karpenter's default. With no networkInterfaces here, a node launched for pods that request",
    );
    // trn2.48xlarge: 16 EFA cards, 15 more addresses (115 against 100)
    expect(text).toContain('gets one EFA (with ENA) per EFA card, 16 interfaces: 15 more');
  });

  it('efa-only, which Karpenter cannot make, is said with both alternatives and no interfaces written', () => {
    const plan = gpuPlan();
    plan.nodeGroups[1]!.kind = 'karpenter';
    const t = toKarpenter(plan, dataset);
    const d = docsOf(t).find((x) => x.metadata.name === 'p5-efa-only');
    expect(d.spec).not.toHaveProperty('networkInterfaces');
    expect(t).toContain('# EFA (efa-only layout): Karpenter cannot make it');
    expect(t).toContain('card 0 gives one ENI slot to EFA: 51 pods per node), or the efa layout');
    expect(t).toContain(
      '(pods request vpc.amazonaws.com/efa, no networkInterfaces: 31 more node-subnet addresses per node).',
    );
  });

  it("the AMI alias stays within the CRD's 30 characters", () => expect(AMI_ALIAS.length).toBeLessThanOrEqual(30));
});
