import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { dataset } from '../../../src/data/dataset';
import { k8sName, toKarpenter } from '../../../src/model/export/karpenter';
import { DEFAULT_CNI } from '../../../src/model/plan';
import { expectGolden, referencePlan } from './helpers';

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
    expect(general.spec.subnetSelectorTerms).toEqual([{ tags: { Name: 'nodes-a' } }, { tags: { Name: 'nodes-b' } }, { tags: { Name: 'nodes-c' } }]);
    expect(general.spec.amiSelectorTerms).toEqual([{ alias: 'al2023@latest' }]);
    expect(general.spec.securityGroupSelectorTerms).toEqual([{ tags: { 'karpenter.sh/discovery': 'expanded-vpc' } }]);
  });

  it('NodePools pin the instance type, reference their node class and cap cpu at maxNodes × vCPUs', () => {
    const [, general, , batch] = docs;
    expect(general.spec.template.spec.nodeClassRef).toEqual({ group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'general' });
    expect(general.spec.template.spec.requirements).toEqual([{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.xlarge'] }]);
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
