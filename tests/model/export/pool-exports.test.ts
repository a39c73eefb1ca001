/**
 * Exports of node pools (issue 14): the Karpenter NodePool + EC2NodeClass, the EKS Auto Mode NodePool +
 * NodeClass and the Terraform of the two example pools, against golden files and against facts written here
 * by hand (the plan file's requirements, GPU counts and vCPUs of the dataset's types, Karpenter's own label
 * table). The tools' schemas are checked in tool-truth.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { dataset } from '../../../src/data/dataset';
import { autoModeRequirement } from '../../../src/model/export/auto-mode';
import { exportPlan } from '../../../src/model/export/index';
import { karpenterNetworkInterfaces } from '../../../src/model/export/karpenter';
import { matchRequirements } from '../../../src/model/node-pool';
import { expectGolden, gpuPlan, validPlan } from './helpers';
import { hclTree } from './schema-check';
import {
  ALL_FIELDS_REQUIREMENTS,
  allFieldsPool,
  enaEfaOnlyPool,
  generalPool,
  generalPoolAutoMode,
  gpuPool,
  gpuPoolAutoMode,
  planFile,
} from './pool-plans';

const docsOf = (text: string) => {
  const docs = parseAllDocuments(text);
  for (const d of docs) expect(d.errors).toEqual([]);
  return docs.map((d) => d.toJS()).filter((d) => d !== null);
};
const byKind = (text: string, kind: string) => docsOf(text).filter((d) => d.kind === kind);

describe('golden files of the example pools (read through by hand when written)', () => {
  it.each([
    ['gpu-pool', gpuPool, gpuPoolAutoMode],
    ['general-pool', generalPool, generalPoolAutoMode],
  ] as const)('%s: Karpenter, EKS Auto Mode and Terraform', (name, karpenter, autoMode) => {
    expectGolden(`${name}.karpenter.yaml`, exportPlan(karpenter(), dataset, 'karpenter'));
    expectGolden(`${name}.auto-mode.yaml`, exportPlan(autoMode(), dataset, 'auto-mode'));
    expectGolden(`${name}.v21.tf`, exportPlan(karpenter(), dataset, 'terraform'));
    expectGolden(`${name}.auto-mode.v21.tf`, exportPlan(autoMode(), dataset, 'terraform'));
  });
});

describe('Karpenter NodePool of a pool', () => {
  it('requirements exactly as the plan file writes them, nodeClassRef to its EC2NodeClass', () => {
    for (const [file, plan] of [
      ['gpu-pool.json', gpuPool],
      ['general-pool.json', generalPool],
    ] as const) {
      const [np] = byKind(exportPlan(plan(), dataset, 'karpenter'), 'NodePool');
      expect(np.spec.template.spec.requirements).toEqual(planFile(file).nodeGroups[0]!.requirements);
      expect(np.spec.template.spec.nodeClassRef).toEqual({
        group: 'karpenter.k8s.aws',
        kind: 'EC2NodeClass',
        name: np.metadata.name,
      });
    }
    const [all] = byKind(exportPlan(allFieldsPool(), dataset, 'karpenter'), 'NodePool');
    expect(all.spec.template.spec.requirements).toEqual(ALL_FIELDS_REQUIREMENTS);
  });

  it('limits.cpu lets every candidate reach pods.max: GPU pool, 512 pods of 1 GPU, by hand from GPUs and vCPUs', () => {
    // p5.48xlarge and p5en.48xlarge: 8 GPUs, 192 vCPUs: 64 nodes × 192 = 12288; p4d.24xlarge 64 × 96 = 6144;
    // p5.4xlarge: 1 GPU, 16 vCPUs: 512 × 16 = 8192. The largest is 12288.
    for (const [name, gpus, vcpus] of [
      ['p5.48xlarge', 8, 192],
      ['p5en.48xlarge', 8, 192],
      ['p4d.24xlarge', 8, 96],
      ['p5.4xlarge', 1, 16],
    ] as const) {
      expect(dataset.byName.get(name)!.ai!.gpus).toBe(gpus);
      expect(dataset.byName.get(name)!.vcpus).toBe(vcpus);
    }
    const [np] = byKind(exportPlan(gpuPool(), dataset, 'karpenter'), 'NodePool');
    expect(np.spec.limits).toEqual({ cpu: 12288 });
  });

  it('the disruption budget as nodes "3" with the consolidateAfter the CRD then requires; none without one', () => {
    const [np] = byKind(exportPlan(allFieldsPool(), dataset, 'karpenter'), 'NodePool');
    expect(np.spec.disruption).toEqual({
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '0s',
      budgets: [{ nodes: '3' }],
    });
    const [plain] = byKind(exportPlan(gpuPool(), dataset, 'karpenter'), 'NodePool');
    expect(plain.spec).not.toHaveProperty('disruption');
    expect(exportPlan(gpuPool(), dataset, 'karpenter')).toContain(
      'the default budget (10% of the nodes at once) stands',
    );
  });
});

describe('EC2NodeClass of a pool', () => {
  it('kubelet.maxPods only when the plan sets it; RESERVED_ENIS said as a controller setting, never a field', () => {
    const text = exportPlan(allFieldsPool(), dataset, 'karpenter');
    const [cls] = byKind(text, 'EC2NodeClass');
    expect(cls.spec.kubelet).toEqual({ maxPods: 58 });
    expect(text).toContain(
      "# RESERVED_ENIS=1 (the plan's reservedEnis) is a Karpenter controller setting, not an EC2NodeClass",
    );
    expect(text).toContain('--set settings.reservedENIs=1');
    expect(JSON.stringify(cls)).not.toMatch(/reserved/i);
    const [gpu] = byKind(exportPlan(gpuPool(), dataset, 'karpenter'), 'EC2NodeClass');
    expect(gpu.spec).not.toHaveProperty('kubelet');
  });

  it('subnets by Name tag, or by ID where the plan has one (an import)', () => {
    const [cls] = byKind(exportPlan(generalPool(), dataset, 'karpenter'), 'EC2NodeClass');
    expect(cls.spec.subnetSelectorTerms).toEqual(['nodes-a', 'nodes-b', 'nodes-c'].map((Name) => ({ tags: { Name } })));
    const p = planFile('general-pool.json') as unknown as { vpc: { subnets: { id?: string }[] } };
    p.vpc.subnets[1]!.id = 'subnet-0b2c3d4e5f6071803';
    const [imported] = byKind(exportPlan(validPlan(p), dataset, 'karpenter'), 'EC2NodeClass');
    expect(imported.spec.subnetSelectorTerms[1]).toEqual({ id: 'subnet-0b2c3d4e5f6071803' });
  });

  it('ENA + EFA-only: a pool of one type gets the interfaces of a fixed group of that type', () => {
    const [pool] = byKind(exportPlan(enaEfaOnlyPool(['p5.48xlarge']), dataset, 'karpenter'), 'EC2NodeClass');
    const fixed = byKind(exportPlan(gpuPlan(), dataset, 'karpenter'), 'EC2NodeClass').find(
      (d) => d.metadata.name === 'p5-ena-efa-only',
    );
    expect(pool.spec.networkInterfaces).toEqual(fixed.spec.networkInterfaces);
    expect(pool.spec.networkInterfaces).toHaveLength(33); // 32 EFA cards: the ENA primary, 32 EFA-only
  });

  it('ENA + EFA-only over candidates with different cards: no list written, the reason and the ways out said', () => {
    // p5.48xlarge has 32 network cards, p5en.48xlarge 16: no one networkInterfaces list fits both.
    expect(karpenterNetworkInterfaces(dataset.byName.get('p5.48xlarge')!)).not.toEqual(
      karpenterNetworkInterfaces(dataset.byName.get('p5en.48xlarge')!),
    );
    const text = exportPlan(enaEfaOnlyPool(['p5.48xlarge', 'p5en.48xlarge']), dataset, 'karpenter');
    const [cls] = byKind(text, 'EC2NodeClass');
    expect(cls.spec).not.toHaveProperty('networkInterfaces');
    expect(text).toContain('the candidates have different network cards, so no one networkInterfaces list fits');
    expect(text).toContain('split the pool by family, one EC2NodeClass each');
  });

  it('efa: the range of EFA interfaces over the candidates, from the dataset (p5.4xlarge 1, p5.48xlarge 32)', () => {
    const text = exportPlan(gpuPool(), dataset, 'karpenter');
    expect(text).toContain('gets one EFA (with ENA) per EFA card, 1 (p5.4xlarge) to 32 (p5.48xlarge) interfaces;');
    expect(byKind(text, 'EC2NodeClass')[0].spec).not.toHaveProperty('networkInterfaces');
  });
});

describe('EKS Auto Mode NodePool and NodeClass', () => {
  it("requirements under Auto Mode's eks.amazonaws.com/ labels, the same operators and values", () => {
    const [np] = byKind(exportPlan(generalPoolAutoMode(), dataset, 'auto-mode'), 'NodePool');
    expect(np.spec.template.spec.nodeClassRef).toEqual({
      group: 'eks.amazonaws.com',
      kind: 'NodeClass',
      name: 'general',
    });
    expect(np.spec.template.spec.requirements).toEqual([
      { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      {
        key: 'eks.amazonaws.com/instance-size',
        operator: 'In',
        values: ['4xlarge', '8xlarge', '12xlarge', '16xlarge'],
      },
    ]);
  });

  it('NodeClass: ipv4PrefixSize "32" as a string, pod subnets with the pod security groups they need', () => {
    const [gpu] = byKind(exportPlan(gpuPoolAutoMode(), dataset, 'auto-mode'), 'NodeClass');
    expect(gpu.spec.advancedNetworking).toEqual({ ipv4PrefixSize: '32' });
    expect(gpu.spec).not.toHaveProperty('podSubnetSelectorTerms');
    const [general] = byKind(exportPlan(generalPoolAutoMode(), dataset, 'auto-mode'), 'NodeClass');
    expect(general.spec.advancedNetworking).toEqual({ ipv4PrefixSize: 'Auto' });
    expect(general.spec.podSubnetSelectorTerms).toEqual(
      ['pods-a', 'pods-b', 'pods-c'].map((Name) => ({ tags: { Name } })),
    );
    expect(general.spec.podSecurityGroupSelectorTerms).toEqual(general.spec.securityGroupSelectorTerms);
  });

  it('what has no Auto Mode equivalent is said: max pods, the EFA layout; the VPC CNI settings do not apply', () => {
    const text = exportPlan(allFieldsPool('auto-mode'), dataset, 'auto-mode');
    expect(text).toContain(
      "# No Auto Mode equivalent: max pods 58 (the plan's maxPods). The NodeClass has no kubelet setting;",
    );
    expect(text).toContain("# The plan's VPC CNI settings do not apply to Auto Mode nodes");
    expect(byKind(text, 'NodeClass')[0].spec).not.toHaveProperty('kubelet');
    const gpu = exportPlan(gpuPoolAutoMode(), dataset, 'auto-mode');
    expect(gpu).toContain('# No Auto Mode equivalent written: the EFA layout efa');
    expect(gpu).toContain('EKS Auto Mode does not publish its warm pool');
  });

  it("a requirement without an Auto Mode label pins the candidates by name: the set Karpenter's own table selects", () => {
    const karpenter = JSON.parse(
      readFileSync(new URL('../../../data/aws/instance-karpenter.json', import.meta.url), 'utf8'),
    ) as Record<string, { labels: Record<string, string | number> }>;
    const neuron = Object.entries(karpenter)
      .filter(([, k]) => k.labels['karpenter.k8s.aws/instance-accelerator-manufacturer'] === 'aws')
      .map(([name]) => name)
      .sort();
    expect(neuron.length).toBeGreaterThan(5);
    const p = planFile('general-pool.json');
    Object.assign(p.nodeGroups[0]!, {
      kind: 'auto-mode',
      requirements: [
        { key: 'karpenter.k8s.aws/instance-accelerator-manufacturer', operator: 'In', values: ['aws'] },
        { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      ],
      podRequests: { cpu: '1', memory: '1Gi', 'aws.amazon.com/neuron': 1 },
    });
    const text = exportPlan(validPlan(p), dataset, 'auto-mode');
    const [np] = byKind(text, 'NodePool');
    expect(np.spec.template.spec.requirements).toEqual([
      { key: 'node.kubernetes.io/instance-type', operator: 'In', values: neuron },
    ]);
    expect(text).toContain('# Left out: karpenter.k8s.aws/instance-accelerator-manufacturer has no Auto Mode label');
    expect(text).toContain('# Left out: kubernetes.io/os: Auto Mode runs Linux only');
    expect(
      autoModeRequirement({ key: 'karpenter.k8s.aws/instance-gpu-count', operator: 'Gt', values: ['0'] }).value,
    ).toEqual({ key: 'eks.amazonaws.com/instance-gpu-count', operator: 'Gt', values: ['0'] });
  });

  it('a plan without Auto Mode groups: a comment only, naming the groups it leaves out', () => {
    const text = exportPlan(gpuPool(), dataset, 'auto-mode');
    expect(docsOf(text)).toEqual([]);
    expect(text).toContain('# Not EKS Auto Mode in the plan, so not written here: training.');
    expect(text).toMatch(/# The plan has no node group of kind auto-mode: nothing to write.\n$/);
  });

  it('the Karpenter export leaves Auto Mode groups to it, and says so', () => {
    const text = exportPlan(gpuPoolAutoMode(), dataset, 'karpenter');
    expect(docsOf(text)).toEqual([]);
    expect(text).toContain('# No node group to write here.');
  });
});

describe('Terraform of a pool', () => {
  const moduleOf = (text: string) => hclTree(text).find((n) => n.key === 'module "eks"')!.children!;

  it('writes the subnets the pool needs and no managed node group; says who launches the nodes', () => {
    const text = exportPlan(generalPoolAutoMode(), dataset, 'terraform');
    const subnets = hclTree(text)
      .filter((n) => n.key.startsWith('resource "aws_subnet"'))
      .map((n) => n.key);
    expect(subnets).toEqual(
      ['nodes_a', 'nodes_b', 'nodes_c', 'pods_a', 'pods_b', 'pods_c'].map((s) => `resource "aws_subnet" "${s}"`),
    );
    expect(moduleOf(text).find((n) => n.key === 'eks_managed_node_groups')!.children).toEqual([]);
    expect(text).toContain('# general is a node pool, not a managed node group.');
    expect(text).toContain(
      '# EKS Auto Mode launches its nodes (the auto-mode export writes its NodeClass and NodePool),',
    );
    expect(exportPlan(gpuPool(), dataset, 'terraform')).toContain(
      '# Karpenter launches its nodes (the Karpenter export writes',
    );
  });

  it("enables Auto Mode (compute_config) only for a plan with Auto Mode groups, under each version's name", () => {
    const on = (v: 20 | 21) => moduleOf(exportPlan(gpuPoolAutoMode(), dataset, 'terraform', { moduleVersion: v }));
    expect(on(21).find((n) => n.key === 'compute_config')!.children).toEqual([{ key: 'enabled', value: 'true' }]);
    expect(on(20).find((n) => n.key === 'cluster_compute_config')!.children).toEqual([
      { key: 'enabled', value: 'true' },
    ]);
    expect(moduleOf(exportPlan(gpuPool(), dataset, 'terraform')).some((n) => /compute_config/.test(n.key))).toBe(false);
  });

  it('the pool is sized for its worst candidate, as the model resolves it', () => {
    const plan = gpuPool();
    const types = matchRequirements(dataset, plan.nodeGroups[0]!.requirements!)
      .map((t) => t.name)
      .sort();
    expect(types).toEqual(['p4d.24xlarge', 'p5.48xlarge', 'p5.4xlarge', 'p5en.48xlarge']);
    expect(exportPlan(plan, dataset, 'terraform')).toContain(
      `are above, sized for the worst candidate (${plan.nodeGroups[0]!.instanceType}).`,
    );
  });
});
