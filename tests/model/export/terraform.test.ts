import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { toTerraform } from '../../../src/model/export/terraform';
import { amiType } from '../../../src/model/export/terraform-node-groups';
import { importAwsVpc } from '../../../src/model/import-aws';
import { hclString } from '../../../src/model/export/hcl';
import { DEFAULT_CNI } from '../../../src/model/plan';
import { hclProblems, hclStringMap } from './hcl-check';
import { expectGolden, gpuPlan, referencePlan, validPlan } from './helpers';

/** Strings rich in what HCL must escape: quotes, backslashes, template sequences, line breaks. */
const nasty = (minLength: number) =>
  fc.string({
    minLength,
    maxLength: 30,
    unit: fc.oneof(
      fc.constantFrom('$', '{', '}', '%', '"', '\\', '\n', '\r', '#', '=', '[', ' '),
      fc.integer({ min: 0, max: 0x2fff }).map((n) => String.fromCharCode(n)),
    ),
  });

const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

/** `terraform fmt` parses the file and prints it canonically: equal output = valid syntax, fmt-clean. */
function terraformFmt(text: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('terraform', ['fmt', '-'], {
    input: text,
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
  });
  return { ok: r.status === 0, out: r.stdout, err: r.stderr };
}

describe('Terraform export of the reference plan (expanded VPC, custom networking), module v20', () => {
  // The first golden file: the v20 output stays byte-identical under moduleVersion 20.
  const tf = toTerraform(referencePlan(), dataset, { moduleVersion: 20 });

  it('matches the golden file', () => expectGolden('reference-plan.tf', tf));

  it('is well formed: brackets, quotes and heredocs balance, every line has an HCL shape', () => {
    expect(hclProblems(tf)).toEqual([]);
  });

  it.skipIf(!hasTerraform)('parses with terraform fmt and is already formatted', () => {
    const r = terraformFmt(tf);
    expect(r.err).toBe('');
    expect(r.ok).toBe(true);
    expect(r.out).toBe(tf);
  });

  it('sets exactly the non-default VPC CNI env, as strings, in the vpc-cni add-on', () => {
    expect(hclStringMap(tf, 'env = {')).toEqual({
      WARM_IP_TARGET: '5',
      MINIMUM_IP_TARGET: '30',
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
      ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
    });
    expect(tf).toContain('  cluster_addons = {\n    vpc-cni = {\n');
    expect(tf).toContain('      configuration_values = jsonencode({\n');
  });

  it('associates each secondary CIDR once, and never the primary', () => {
    const assoc = [
      ...tf.matchAll(
        /resource "aws_vpc_ipv4_cidr_block_association" "(\w+)" \{\n\s+vpc_id\s+= var.vpc_id\n\s+cidr_block = "([^"]+)"/g,
      ),
    ];
    expect(assoc.map((m) => [m[1], m[2]])).toEqual([
      ['secondary_1', '100.64.0.0/16'],
      ['secondary_2', '100.65.0.0/16'],
      ['secondary_3', '100.66.0.0/16'],
    ]);
  });

  it('has an aws_subnet per subnet with its CIDR, AZ and Name tag; pod subnets wait for their CIDR', () => {
    const subnets = [
      ...tf.matchAll(
        /resource "aws_subnet" "(\w+)" \{\n(?:\s+#.*\n)?\s+vpc_id\s+= (\S+)\n\s+cidr_block\s+= "([^"]+)"\n\s+availability_zone = "([^"]+)"\n\n\s+tags = \{\n\s+Name = "([^"]+)"/g,
      ),
    ];
    expect(subnets.map((m) => m.slice(1))).toEqual([
      ['nodes_a', 'var.vpc_id', '10.0.0.0/22', 'us-east-1a', 'nodes-a'],
      ['nodes_b', 'var.vpc_id', '10.0.4.0/22', 'us-east-1b', 'nodes-b'],
      ['nodes_c', 'var.vpc_id', '10.0.8.0/22', 'us-east-1c', 'nodes-c'],
      ['pods_a', 'aws_vpc_ipv4_cidr_block_association.secondary_1.vpc_id', '100.64.0.0/16', 'us-east-1a', 'pods-a'],
      ['pods_b', 'aws_vpc_ipv4_cidr_block_association.secondary_2.vpc_id', '100.65.0.0/16', 'us-east-1b', 'pods-b'],
      ['pods_c', 'aws_vpc_ipv4_cidr_block_association.secondary_3.vpc_id', '100.66.0.0/16', 'us-east-1c', 'pods-c'],
    ]);
  });

  it('writes max pods 44 (m5.xlarge) and 250 (m5.16xlarge, capped) as AL2023 NodeConfig maxPods', () => {
    const maxPods = [...tf.matchAll(/^ {18}maxPods: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(maxPods).toEqual([44, 250]);
    expect(tf).toContain('content_type = "application/node.eks.aws"');
    expect(tf).toMatch(
      /general = \{\n\s+# general: 20 pods per node; max pods 44: max-pods-calculator.sh with custom networking; the AMI default \(58\)/,
    );
    expect(tf).toMatch(
      /instance_types = \["m5.16xlarge"\]\n\s+ami_type\s+= "AL2023_x86_64_STANDARD"\n\s+min_size\s+= 0\n\s+max_size\s+= 40\n\s+desired_size\s+= 4/,
    );
  });

  it('with --ami al2: bootstrap_extra_args with --use-max-pods false, and a custom AMI variable', () => {
    const al2 = toTerraform(referencePlan(), dataset, { amiFamily: 'al2', moduleVersion: 20 });
    expectGolden('reference-plan.al2.tf', al2);
    expect(hclProblems(al2)).toEqual([]);
    expect(al2).toContain(`bootstrap_extra_args       = "--use-max-pods false --kubelet-extra-args '--max-pods=44'"`);
    expect(al2).toContain(`bootstrap_extra_args       = "--use-max-pods false --kubelet-extra-args '--max-pods=250'"`);
    expect(al2).toContain('variable "al2_ami_id" {');
    expect(al2).not.toContain('cloudinit_pre_nodeadm');
    if (hasTerraform) expect(terraformFmt(al2).out).toBe(al2);
  });
});

describe('Terraform export of other plans', () => {
  it('default CNI settings: no configuration_values, no max pods (the AMI default is right)', () => {
    const plan = referencePlan();
    plan.cni = { ...DEFAULT_CNI };
    plan.nodeGroups.forEach((g) => delete g.podSubnets);
    const tf = toTerraform(plan, dataset);
    expect(hclProblems(tf)).toEqual([]);
    expect(tf).not.toContain('configuration_values');
    expect(tf).not.toContain('cloudinit_pre_nodeadm');
    expect(tf).toContain(
      '# general: 20 pods per node; max pods: the AMI default, ENIs × (IPv4 per ENI − 1) + 2 = 58; nothing to set.',
    );
  });

  it('prefix delegation + MAX_ENI: ENABLE_PREFIX_DELEGATION, WARM_PREFIX_TARGET and MAX_ENI, max pods from the calculator', () => {
    const plan = referencePlan();
    plan.cni = { ...DEFAULT_CNI, prefixDelegation: true, warmPrefixTarget: 1, maxEni: 1 };
    const tf = toTerraform(plan, dataset, { moduleVersion: 20 });
    expect(hclStringMap(tf, 'env = {')).toEqual({
      ENABLE_PREFIX_DELEGATION: 'true',
      WARM_PREFIX_TARGET: '1',
      MAX_ENI: '1',
    });
    // m5.xlarge: 1 ENI × 14 slots × 16 + 2 = 226, capped at 110 (4 vCPUs); m5.16xlarge: 1 × 49 × 16 + 2 = 786 → 250.
    expect([...tf.matchAll(/^ {18}maxPods: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([110, 250]);
  });

  it('a plan max pods wins; a prefix reservation becomes aws_ec2_subnet_cidr_reservation', () => {
    const plan = referencePlan();
    plan.nodeGroups[0]!.maxPods = 35;
    plan.vpc.subnets[0]!.prefixReservation = '10.0.2.0/23';
    const tf = toTerraform(plan, dataset);
    expect(hclProblems(tf)).toEqual([]);
    expect(tf).toMatch(/maxPods: 35\n/);
    expect(tf).toContain(
      'resource "aws_ec2_subnet_cidr_reservation" "nodes_a_prefixes" {\n  subnet_id        = aws_subnet.nodes_a.id\n  cidr_block       = "10.0.2.0/23"\n  reservation_type = "prefix"\n}',
    );
  });

  it('names with quotes, ${}, newlines or odd characters stay well formed', () => {
    fc.assert(
      fc.property(nasty(0), nasty(1), nasty(1), (planName, subnetName, groupName) => {
        const plan = referencePlan();
        plan.name = planName;
        plan.vpc.subnets[0]!.name = subnetName;
        plan.nodeGroups.forEach((g) => (g.subnets = g.subnets.map((s) => (s === 'nodes-a' ? subnetName : s))));
        plan.nodeGroups[0]!.name = groupName;
        const tf = toTerraform(plan, dataset);
        expect(hclProblems(tf)).toEqual([]);
        expect(tf).toContain(`Name = ${hclString(subnetName)}`);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!hasTerraform)('terraform fmt parses exports whose names hold such characters', () => {
    fc.assert(
      fc.property(nasty(0), nasty(1), (planName, subnetName) => {
        const plan = referencePlan();
        plan.name = planName;
        plan.vpc.subnets[3]!.name = subnetName;
        plan.nodeGroups.forEach((g) => (g.podSubnets = g.podSubnets?.map((s) => (s === 'pods-a' ? subnetName : s))));
        const r = terraformFmt(toTerraform(plan, dataset));
        expect(r.err).toBe('');
        expect(r.ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('hclString escapes quotes, backslashes, newlines and template sequences', () => {
    expect(hclString('a "b" \\ ${c} %{d}\n')).toBe('"a \\"b\\" \\\\ $${c} %%{d}\\n"');
  });

  it.each([
    ['m5.16xlarge', 'AL2023_x86_64_STANDARD', 'AL2_x86_64'],
    ['m7g.xlarge', 'AL2023_ARM_64_STANDARD', 'AL2_ARM_64'],
    ['c6gn.large', 'AL2023_ARM_64_STANDARD', 'AL2_ARM_64'],
    ['p5.48xlarge', 'AL2023_x86_64_NVIDIA', 'AL2_x86_64_GPU'],
    ['g5.xlarge', 'AL2023_x86_64_NVIDIA', 'AL2_x86_64_GPU'],
    ['g4dn.xlarge', 'AL2023_x86_64_NVIDIA', 'AL2_x86_64_GPU'],
    ['g5g.xlarge', 'AL2023_ARM_64_NVIDIA', 'AL2_ARM_64'],
    ['g4ad.xlarge', 'AL2023_x86_64_STANDARD', 'AL2_x86_64'],
    ['trn1.32xlarge', 'AL2023_x86_64_NEURON', 'AL2_x86_64_GPU'],
    ['m7i-flex.large', 'AL2023_x86_64_STANDARD', 'AL2_x86_64'],
  ])('ami_type of %s: %s (AL2: %s)', (type, al2023, al2) => {
    expect(amiType(type, 'al2023')).toBe(al2023);
    expect(amiType(type, 'al2')).toBe(al2);
  });
});

/** The AWS import fixture (IDs known) with one new secondary CIDR and subnet, and a node group. */
function importedPlan() {
  const read = (n: string) => readFileSync(new URL(`../../fixtures/aws/${n}`, import.meta.url), 'utf8');
  const r = importAwsVpc({ vpcs: read('describe-vpcs.json'), subnets: read('describe-subnets.json') });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const plan = r.plan;
  plan.vpc.cidrs.push('100.67.0.0/16');
  plan.vpc.subnets.push({ name: 'pods-d', az: 'us-east-1a', cidr: '100.67.0.0/17' });
  plan.nodeGroups.push({
    name: 'general',
    instanceType: 'm5.xlarge',
    subnets: ['nodes-a', 'nodes-b'],
    minNodes: 2,
    desiredNodes: 2,
    maxNodes: 10,
    podsPerNode: 20,
    maxPods: null,
  });
  return validPlan(plan);
}

describe('Terraform for terraform-aws-eks v21 (the default)', () => {
  const tf = toTerraform(referencePlan(), dataset);

  it('matches the golden file, is well formed and fmt-clean', () => {
    expectGolden('reference-plan.v21.tf', tf);
    expect(hclProblems(tf)).toEqual([]);
    if (hasTerraform) expect(terraformFmt(tf).out).toBe(tf);
  });

  it('uses the v21 names (name, kubernetes_version, addons) and pins the module major', () => {
    expect(tf).toContain('  version = "~> 21.0"\n');
    expect(tf).toMatch(/\n {2}name {15}= "expanded-vpc"\n {2}kubernetes_version = var\.kubernetes_version\n/);
    expect(tf).toContain('\n  addons = {\n    vpc-cni = {\n');
    expect(tf).not.toMatch(/cluster_name|cluster_addons/);
  });

  it('leaves endpoint access, the admin access entry and the Kubernetes version to the user: variables without default', () => {
    for (const v of ['kubernetes_version', 'endpoint_public_access', 'enable_cluster_creator_admin_permissions']) {
      const body = new RegExp(`variable "${v}" \\{\\n([^}]*)\\}`).exec(tf)?.[1] ?? '';
      expect(body).toMatch(/description = ".+"/);
      expect(body).not.toMatch(/^\s*default\s*=/m);
      expect(tf).toContain(`= var.${v}\n`);
    }
    expect(tf).toContain('# Decide before applying: var.kubernetes_version, var.endpoint_public_access and');
  });

  it("tags the node security group for the Karpenter export's karpenter.sh/discovery selector", () => {
    expect(tf).toContain('  node_security_group_tags = {\n    "karpenter.sh/discovery" = "expanded-vpc"\n  }\n');
  });
});

describe('Terraform of an imported VPC refers to what exists', () => {
  const plan = importedPlan();
  const tf = toTerraform(plan, dataset);

  it('matches the golden file, is well formed and fmt-clean', () => {
    expectGolden('import-reference.v21.tf', tf);
    expect(hclProblems(tf)).toEqual([]);
    if (hasTerraform) expect(terraformFmt(tf).out).toBe(tf);
  });

  it('var.vpc_id defaults to the imported VPC ID', () => {
    expect(tf).toMatch(/variable "vpc_id" \{\n[^}]*default {5}= "vpc-0a1b2c3d4e5f60718"\n\}/);
  });

  it('associates only the CIDR the import did not find; every imported subnet is a data source, never a resource', () => {
    const assoc = [
      ...tf.matchAll(
        /resource "aws_vpc_ipv4_cidr_block_association" "\w+" \{\n\s+vpc_id\s+= var.vpc_id\n\s+cidr_block = "([^"]+)"/g,
      ),
    ].map((m) => m[1]);
    expect(assoc).toEqual(['100.67.0.0/16']);
    const read = [...tf.matchAll(/data "aws_subnet" "(\w+)" \{\n\s+id = "([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(read).toEqual(plan.vpc.subnets.filter((s) => s.id).map((s) => [expect.any(String), s.id]));
    const created = [...tf.matchAll(/resource "aws_subnet" "(\w+)"/g)].map((m) => m[1]);
    expect(created).toEqual(['pods_d']);
  });

  it('each data source checks the subnet is the one the plan describes (CIDR and AZ)', () => {
    for (const s of plan.vpc.subnets.filter((x) => x.id)) {
      expect(tf).toContain(`condition     = self.cidr_block == "${s.cidr}" && self.availability_zone == "${s.az}"`);
    }
  });

  it('the cluster and node groups take the IDs from the data sources', () => {
    expect(tf).toContain('subnet_ids         = [data.aws_subnet.nodes_a.id, data.aws_subnet.nodes_b.id]');
    expect(tf).toContain('subnet_ids     = [data.aws_subnet.nodes_a.id, data.aws_subnet.nodes_b.id]');
  });
});

describe('Terraform of GPU node groups: EFA layouts, kinds and the EKS cap', () => {
  const v21 = toTerraform(gpuPlan(), dataset);
  const v20 = toTerraform(gpuPlan(), dataset, { moduleVersion: 20 });
  const group = (tf: string, name: string) =>
    new RegExp(`\\n    ${name} = \\{\\n([\\s\\S]*?)\\n    \\}\\n`).exec(tf)?.[1] ?? '';

  it('matches the golden files, well formed and fmt-clean', () => {
    expectGolden('gpu-plan.v21.tf', v21);
    expectGolden('gpu-plan.v20.tf', v20);
    for (const tf of [v21, v20]) {
      expect(hclProblems(tf)).toEqual([]);
      if (hasTerraform) expect(terraformFmt(tf).out).toBe(tf);
    }
  });

  it('efa: enable_efa_support with enable_efa_only false; efa-only: enable_efa_only true, efa_indices [0]', () => {
    expect(group(v21, 'p5-efa')).toMatch(/enable_efa_support = true\n\s+enable_efa_only {4}= false$/);
    expect(group(v21, 'p5-efa')).not.toContain('efa_indices');
    expect(group(v21, 'p5-efa-only')).toMatch(
      /enable_efa_support = true\n\s+enable_efa_only {4}= true\n\s+efa_indices {8}= \[0\]/,
    );
  });

  it('v20 also sets the module-level enable_efa_support (removed in v21); v21 does not', () => {
    expect(v20).toMatch(/\n {2}enable_efa_support = true\n/);
    expect(v21).not.toMatch(/\n {2}enable_efa_support = true\n/);
  });

  it('Karpenter and Auto Mode groups are not managed node groups, and say so', () => {
    expect(v21).not.toMatch(/\n {4}p5-ena-efa-only = \{/);
    expect(v21).toContain(
      '# p5-ena-efa-only is launched by Karpenter: not a managed node group (see the Karpenter export;',
    );
  });

  it("a managed group whose max pods exceeds EKS's cap says the cap (250 on m5.16xlarge) wins", () => {
    expect(group(v21, 'system')).toContain(
      '# EKS caps the max pods of a managed node group at 250 on m5.16xlarge, over every other setting: the 300 written here is not honoured',
    );
  });

  it('the ENA + EFA-only layout, which the module cannot make, is said, and the nearest written', () => {
    const plan = gpuPlan();
    plan.nodeGroups[2]!.kind = 'managed';
    const g = group(toTerraform(plan, dataset), 'p5-ena-efa-only');
    expect(g).toContain("# The ENA + EFA-only layout is not one of the module's EFA switches");
    expect(g).toMatch(/enable_efa_only {4}= true/);
    expect(g).toContain('# WARNING: EFA traffic does not cross AZs');
  });

  it('ENABLE_MULTI_NIC in the add-on env, with the CNI version it needs', () => {
    expect(hclStringMap(v21, 'env = {')).toEqual({ ENABLE_MULTI_NIC: 'true' });
    expect(v21).toContain('# ENABLE_MULTI_NIC needs VPC CNI 1.20.0 or newer');
  });
});
