/**
 * Every export against the tool's own truth, not against the code's own output: the Karpenter CRDs
 * (EC2NodeClass, NodePool), eksctl's ClusterConfig schema, the ENIConfig type of the VPC CNI and
 * terraform-aws-eks's input variables, vendored in tests/fixtures/schemas/ with their sources.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { dataset } from '../../../src/data/dataset';
import { exportPlan } from '../../../src/model/export/index';
import { MODULE_VERSIONS, type ModuleVersion } from '../../../src/model/export/terraform';
import { importAwsVpc } from '../../../src/model/import-aws';
import { EFA_LAYOUTS, NODE_GROUP_KINDS } from '../../../src/model/plan-schema';
import type { Plan } from '../../../src/model/plan';
import { gpuPlan, referencePlan, validPlan } from './helpers';
import {
  allFieldsPool,
  enaEfaOnlyPool,
  generalPool,
  generalPoolAutoMode,
  gpuPool,
  gpuPoolAutoMode,
} from './pool-plans';
import {
  checkManifest,
  checkSchema,
  hclTree,
  hclValueFits,
  loadFixture,
  type CrdFixture,
  type HclNode,
  type Schema,
} from './schema-check';

const ec2NodeClass = loadFixture<CrdFixture>('karpenter-ec2nodeclass.yaml');
const nodePool = loadFixture<CrdFixture>('karpenter-nodepool.yaml');
const eniConfig = loadFixture<CrdFixture>('eniconfig.yaml');
const eksctl = loadFixture<{
  definitions: Record<string, Schema & { managedOnly?: string[]; unmanagedOnly?: string[] }>;
}>('eksctl-clusterconfig.yaml');
for (const [def, extra] of [
  ['ManagedNodeGroup', 'managedOnly'],
  ['NodeGroup', 'unmanagedOnly'],
] as const) {
  const d = eksctl.definitions[def]!;
  d.properties = { ...d.properties, ...Object.fromEntries((d[extra] ?? []).map((k) => [k, {}])) };
}

interface TfFixture {
  v21: { root: Record<string, string>; addon: Record<string, string>; eks_managed_node_group: Record<string, string> };
  upgrade_21: {
    root_removed: string[];
    root_renamed: Record<string, string>;
    root_added: string[];
    node_group_removed: string[];
    node_group_renamed: Record<string, string>;
    node_group_added: string[];
  };
}
const tf = loadFixture<TfFixture>('terraform-aws-eks.yaml');

/** The module inputs of a major version: v21 as vendored, v20 derived from it through UPGRADE-21.0.md. */
function moduleInputs(version: ModuleVersion) {
  const v21 = tf.v21;
  if (version === 21) return { root: v21.root, addon: v21.addon, group: v21.eks_managed_node_group };
  const u = tf.upgrade_21;
  const back = (vars: Record<string, string>, renamed: Record<string, string>, added: string[], removed: string[]) => {
    const byNew = Object.fromEntries(Object.entries(renamed).map(([old, now]) => [now, old]));
    const out: Record<string, string> = {};
    for (const [k, t] of Object.entries(vars)) if (!added.includes(k)) out[byNew[k] ?? k] = t;
    for (const k of removed) out[k] ??= 'any';
    return out;
  };
  return {
    root: back(v21.root, u.root_renamed, u.root_added, u.root_removed),
    addon: v21.addon,
    group: back(v21.eks_managed_node_group, u.node_group_renamed, u.node_group_added, u.node_group_removed),
  };
}

/** Problems of a Terraform export's module "eks" block against the module's inputs. */
function terraformProblems(text: string, version: ModuleVersion): string[] {
  const inputs = moduleInputs(version);
  const out: string[] = [];
  const module = hclTree(text).find((n) => n.key === 'module "eks"');
  if (!module) return ['no module "eks" block'];
  const fits = (vars: Record<string, string>, node: HclNode, where: string) => {
    const type = vars[node.key];
    if (type === undefined) out.push(`${where}${node.key}: not an input of terraform-aws-eks v${version}`);
    else if (type !== 'any' && !hclValueFits(type, node))
      out.push(`${where}${node.key}: ${node.value ?? '{…}'} is not a ${type}`);
  };
  for (const n of module.children!) {
    if (n.key === 'source' || n.key === 'version') continue;
    fits(inputs.root, n, '');
    if (n.key === 'addons' || n.key === 'cluster_addons') {
      for (const addon of n.children ?? [])
        for (const a of addon.children ?? []) fits(inputs.addon, a, `${n.key}.${addon.key}.`);
    }
    if (n.key === 'eks_managed_node_groups') {
      for (const g of n.children ?? [])
        for (const a of g.children ?? []) fits(inputs.group, a, `eks_managed_node_groups.${g.key}.`);
    }
  }
  const src = module.children!.find((n) => n.key === 'version')?.value;
  if (src !== `"~> ${version}.0"`) out.push(`version ${src} is not "~> ${version}.0"`);
  return out;
}

/** Karpenter manifests → problems against the EC2NodeClass and NodePool CRDs. */
function karpenterProblems(text: string): string[] {
  return parseAllDocuments(text).flatMap((d, i) => {
    const doc = d.toJS();
    if (doc === null) return [];
    const crd = doc.kind === 'EC2NodeClass' ? ec2NodeClass : nodePool;
    return checkManifest(doc, crd).map((p) => `document ${i + 1} (${doc.kind}): ${p}`);
  });
}

/** The ENIConfigs with any placeholder replaced as the user is told to (by a real-looking ID). */
function eniConfigProblems(text: string): string[] {
  const filled = text.replace(/subnet-REPLACE-\S+/g, 'subnet-0123456789abcdef0');
  return parseAllDocuments(filled).flatMap((d) => (d.toJS() === null ? [] : checkManifest(d.toJS(), eniConfig)));
}

const autoMode = loadFixture<{
  nodeClass: CrdFixture & { together: string[][] };
  labels: string[];
  unsupportedLabels: string[];
}>('eks-auto-mode.yaml');

/**
 * EKS Auto Mode manifests → problems: each NodeClass against the EKS guide's specification (fields set together
 * included), each NodePool against Karpenter's CRD, referencing an eks.amazonaws.com NodeClass, with requirement
 * keys among the labels Auto Mode supports.
 */
function autoModeProblems(text: string): string[] {
  return parseAllDocuments(text).flatMap((d, i) => {
    const doc = d.toJS();
    if (doc === null) return [];
    const at = (p: string) => `document ${i + 1} (${doc.kind}): ${p}`;
    if (doc.kind === 'NodeClass') {
      const out = checkManifest(doc, autoMode.nodeClass);
      for (const set of autoMode.nodeClass.together) {
        const given = set.filter((k) => doc.spec?.[k] !== undefined);
        if (given.length && given.length !== set.length) out.push(`spec: ${set.join(' and ')} are set together`);
      }
      return out.map(at);
    }
    const out = checkManifest(doc, nodePool);
    const ref = doc.spec?.template?.spec?.nodeClassRef;
    if (ref?.group !== 'eks.amazonaws.com' || ref?.kind !== 'NodeClass')
      out.push(`nodeClassRef: ${JSON.stringify(ref)} is not an eks.amazonaws.com NodeClass`);
    for (const r of doc.spec?.template?.spec?.requirements ?? []) {
      if (!autoMode.labels.includes(r.key)) out.push(`requirements: ${r.key} is not a label Auto Mode supports`);
    }
    return out.map(at);
  });
}

const eksctlProblems = (text: string) => checkSchema(parse(text), { $ref: '#/definitions/ClusterConfig' }, eksctl);

/** The reference plan imported from AWS (IDs known), with a node group on the imported subnets. */
function importedPlan(): Plan {
  const read = (n: string) => readFileSync(new URL(`../../fixtures/aws/${n}`, import.meta.url), 'utf8');
  const r = importAwsVpc({ vpcs: read('describe-vpcs.json'), subnets: read('describe-subnets.json') });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const plan = r.plan;
  plan.cni.customNetworking = true;
  plan.nodeGroups.push({
    name: 'general',
    instanceType: 'm5.xlarge',
    subnets: ['nodes-a', 'nodes-b', 'subnet-0b2c3d4e5f6071803'],
    podSubnets: ['pods-a', 'pods-b', 'pods-c'],
    minNodes: 3,
    desiredNodes: 6,
    maxNodes: 30,
    podsPerNode: 20,
    maxPods: null,
  });
  return validPlan(plan);
}

const plans: [string, () => Plan][] = [
  ['the reference plan', referencePlan],
  ['the GPU plan', gpuPlan],
  ['an imported plan', importedPlan],
  ['the GPU pool', gpuPool],
  ['the general pool', generalPool],
  ['the GPU pool in Auto Mode', gpuPoolAutoMode],
  ['the general pool in Auto Mode (pod subnets)', generalPoolAutoMode],
  ['a Karpenter pool with every field', () => allFieldsPool('karpenter')],
  ['an Auto Mode pool with every field', () => allFieldsPool('auto-mode')],
  ['an ENA + EFA-only pool of one type', () => enaEfaOnlyPool(['p5.48xlarge'])],
];

describe.each(plans)("exports of %s against each tool's schema", (_, make) => {
  it('Karpenter: every EC2NodeClass and NodePool conforms to the CRDs, CEL rules included', () => {
    expect(karpenterProblems(exportPlan(make(), dataset, 'karpenter'))).toEqual([]);
  });
  it("EKS Auto Mode: each NodeClass after the EKS guide, each NodePool to the CRD and Auto Mode's labels", () => {
    expect(autoModeProblems(exportPlan(make(), dataset, 'auto-mode'))).toEqual([]);
  });
  it('eksctl: the ClusterConfig conforms to schema.json (no unknown field, enums, required)', () => {
    expect(eksctlProblems(exportPlan(make(), dataset, 'eksctl'))).toEqual([]);
  });
  it('ENIConfig: kind, group, version and spec fields of the VPC CNI type', () => {
    expect(eniConfigProblems(exportPlan(make(), dataset, 'eniconfig'))).toEqual([]);
  });
  it.each(MODULE_VERSIONS)(
    'Terraform v%s: every input written is a variable of that module version, of its type',
    (v) => {
      for (const amiFamily of ['al2023', 'al2'] as const) {
        expect(terraformProblems(exportPlan(make(), dataset, 'terraform', { moduleVersion: v, amiFamily }), v)).toEqual(
          [],
        );
      }
    },
  );
});

describe('the checks catch what each tool would reject', () => {
  const karpenter = exportPlan(gpuPlan(), dataset, 'karpenter');
  it('an efa interfaceType (not in the v1.11 enum), a second primary, an unknown field', () => {
    expect(karpenterProblems(karpenter.replace('interfaceType: efa-only', 'interfaceType: efa'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/interfaceType: "efa" is not one of interface, efa-only/)]),
    );
    expect(
      karpenterProblems(
        karpenter.replace(/deviceIndex: 1\n(\s+)interfaceType: efa-only/, 'deviceIndex: 0\n$1interfaceType: efa-only'),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/fails the rule self\.all\(x, self\.filter/)]));
    expect(karpenterProblems(karpenter.replace('  kubelet:', '  kubeletConfig:'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/spec\.kubeletConfig: unknown field/)]),
    );
    expect(karpenterProblems(karpenter.replace("'al2023@vYYYYMMDD'", "'al2023'"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/alias: fails the rule self\.matches/)]),
    );
  });
  it('pools: a disruption without consolidateAfter, a budget that is no count, a karpenter.k8s.aws label not in the CRD', () => {
    const text = exportPlan(allFieldsPool('karpenter'), dataset, 'karpenter');
    expect(karpenterProblems(text)).toEqual([]);
    expect(karpenterProblems(text.replace(/ {4}consolidateAfter: \S+\n/, ''))).toEqual([
      'document 2 (NodePool): spec.disruption: required field consolidateAfter is missing',
    ]);
    expect(karpenterProblems(text.replace("nodes: '3'", "nodes: '3 nodes'"))).toEqual([
      expect.stringMatching(/budgets\[0\]\.nodes: "3 nodes" does not match/),
    ]);
    expect(
      karpenterProblems(text.replace('karpenter.k8s.aws/instance-cpu', 'karpenter.k8s.aws/instance-vcpu')),
    ).toEqual([
      expect.stringMatching(/requirements\[1\]\.key: fails the rule self in \["karpenter.k8s.aws\/ec2nodeclass"/),
    ]);
    expect(karpenterProblems(text.replace('key: karpenter.sh/capacity-type', 'key: karpenter.sh/nodepool'))).toEqual([
      expect.stringMatching(/requirements\[5\]\.key: fails the rule self != "karpenter.sh\/nodepool"/),
    ]);
  });
  it('Auto Mode: a Karpenter label, ipv4PrefixSize as a number, pod subnets without pod security groups', () => {
    const text = exportPlan(gpuPoolAutoMode(), dataset, 'auto-mode');
    expect(autoModeProblems(text)).toEqual([]);
    expect(
      autoModeProblems(text.replace('eks.amazonaws.com/instance-family', 'karpenter.k8s.aws/instance-family')),
    ).toEqual([
      'document 2 (NodePool): requirements: karpenter.k8s.aws/instance-family is not a label Auto Mode supports',
    ]);
    expect(autoModeProblems(text.replace("ipv4PrefixSize: '32'", 'ipv4PrefixSize: 32'))).toEqual([
      'document 1 (NodeClass): spec.advancedNetworking.ipv4PrefixSize: must be string, got 32',
    ]);
    const pods = exportPlan(generalPoolAutoMode(), dataset, 'auto-mode');
    expect(autoModeProblems(pods)).toEqual([]);
    expect(autoModeProblems(pods.replace('podSecurityGroupSelectorTerms:', 'podSecurityGroups:'))).toEqual([
      'document 1 (NodeClass): spec.podSecurityGroups: unknown field (not in the schema)',
      'document 1 (NodeClass): spec: podSubnetSelectorTerms and podSecurityGroupSelectorTerms are set together',
    ]);
  });
  it('eksctl: a misspelt node group field or amiFamily', () => {
    const text = exportPlan(gpuPlan(), dataset, 'eksctl');
    expect(eksctlProblems(text.replace('efaEnabled: true', 'efa: true'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.efa: unknown field/)]),
    );
    expect(eksctlProblems(text.replace('amiFamily: AmazonLinux2023', 'amiFamily: AL2023'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/amiFamily: "AL2023" is not one of/)]),
    );
  });
  it('Terraform: a v20 name in a v21 file and the reverse, a string where a bool goes', () => {
    const v21 = exportPlan(gpuPlan(), dataset, 'terraform', { moduleVersion: 21 });
    expect(terraformProblems(v21.replace('  addons = {', '  cluster_addons = {'), 21)).toEqual([
      'cluster_addons: not an input of terraform-aws-eks v21',
    ]);
    expect(terraformProblems(v21.replace('enable_efa_only    = true', 'enable_efa_only    = "true"'), 21)).toEqual([
      'eks_managed_node_groups.p5-efa-only.enable_efa_only: "true" is not a bool',
    ]);
    const v20 = exportPlan(gpuPlan(), dataset, 'terraform', { moduleVersion: 20 });
    expect(terraformProblems(v20.replace('  cluster_name', '  name        '), 20)).toEqual([
      'name: not an input of terraform-aws-eks v20',
    ]);
  });
});

const layoutArb = fc.constantFrom(...EFA_LAYOUTS);
const kindArb = fc.option(fc.constantFrom(...NODE_GROUP_KINDS), { nil: undefined });
const efaTypeArb = fc.constantFrom(
  'p5.48xlarge',
  'p5en.48xlarge',
  'p4d.24xlarge',
  'p6-b300.48xlarge',
  'trn2.48xlarge',
  'm5.16xlarge',
);

describe("for any layout, kind and CNI switches, every export stays within its tool's schema", () => {
  it('property', () => {
    fc.assert(
      fc.property(
        efaTypeArb,
        layoutArb,
        kindArb,
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
        (type, layout, kind, cn, multiNic, maxPods) => {
          const plan = referencePlan();
          const efa = dataset.byName.get(type)!;
          const g = plan.nodeGroups[1]!;
          g.instanceType = type;
          g.maxPods = maxPods;
          if (kind) g.kind = kind;
          // A layout other than none only where the type has EFA (validatePlan refuses it otherwise).
          if (layout !== 'none' && type !== 'm5.16xlarge') g.efaLayout = layout;
          plan.cni = { ...plan.cni, customNetworking: cn, multiNic };
          if (!cn) plan.nodeGroups.forEach((x) => delete x.podSubnets);
          expect(efa).toBeDefined();
          const p = validPlan(plan);
          expect(karpenterProblems(exportPlan(p, dataset, 'karpenter'))).toEqual([]);
          expect(eksctlProblems(exportPlan(p, dataset, 'eksctl'))).toEqual([]);
          expect(eniConfigProblems(exportPlan(p, dataset, 'eniconfig'))).toEqual([]);
          for (const v of MODULE_VERSIONS)
            expect(terraformProblems(exportPlan(p, dataset, 'terraform', { moduleVersion: v }), v)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
