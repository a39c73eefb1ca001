/**
 * Terraform for the plan, in the shape people use with `terraform-aws-modules/eks` (v20 inputs):
 * an `aws_vpc_ipv4_cidr_block_association` per secondary CIDR, an `aws_subnet` per subnet (Name tag =
 * the plan's name), and `module "eks"` with the vpc-cni add-on's `configuration_values` and managed node
 * groups carrying max pods (AL2023 `NodeConfig`, or AL2 `bootstrap_extra_args` with a custom AMI).
 */
import type { InstanceDataset } from '../instances';
import type { NodeGroup, Plan, Subnet } from '../plan';
import { cniEnvironment } from './aws-node';
import { clusterName, commentSafe, GENERATED_BY, nodeSubnets, podSubnetsByAz, subnetIndex, vpcCidrIndexOf } from './common';
import { nodeGroupName } from './eksctl';
import { attr, blank, block, comment, hclIdentifier, hclKey, hclList, hclString, renderHcl, type HclItem } from './hcl';
import { maxPodsSetting, type MaxPodsSetting } from './max-pods-setting';

export type AmiFamily = 'al2023' | 'al2';

export interface TerraformOptions {
  /** How max pods reaches the kubelet: AL2023 `NodeConfig` (default) or AL2 `bootstrap.sh` flags. */
  amiFamily?: AmiFamily;
}

/**
 * The managed node group `ami_type` for an instance type, guessed from its family name: Graviton
 * (a1, or a `g` after the generation digit: m7g, c6gn, x2gd), NVIDIA GPUs (p*, g<digit>* but g4ad),
 * Neuron (inf*, trn*).
 * @example amiType('m5.16xlarge', 'al2023') === 'AL2023_x86_64_STANDARD'; amiType('g5g.xlarge', 'al2023') === 'AL2023_ARM_64_NVIDIA'
 */
export function amiType(instanceType: string, family: AmiFamily): string {
  const fam = instanceType.split('.')[0] ?? '';
  const arm = fam === 'a1' || /^[a-z]+\d+[a-z]*g[a-z]*$/.test(fam);
  const nvidia = (/^p\d/.test(fam) || /^gr?\d/.test(fam)) && fam !== 'g4ad';
  const neuron = /^(inf|trn)\d/.test(fam);
  if (family === 'al2') return arm ? 'AL2_ARM_64' : nvidia || neuron ? 'AL2_x86_64_GPU' : 'AL2_x86_64';
  if (nvidia) return arm ? 'AL2023_ARM_64_NVIDIA' : 'AL2023_x86_64_NVIDIA';
  if (neuron) return 'AL2023_x86_64_NEURON';
  return arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD';
}

/** The AL2023 nodeadm document that sets the kubelet's maxPods, as a heredoc value. */
function nodeConfigHeredoc(maxPods: number): string {
  const doc = ['---', 'apiVersion: node.eks.aws/v1alpha1', 'kind: NodeConfig', 'spec:', '  kubelet:', '    config:', `      maxPods: ${maxPods}`];
  return ['<<-EOT', ...doc.map((l) => `  ${l}`), 'EOT'].join('\n');
}

/** The `bootstrap.sh` arguments that set max pods on AL2. */
export function al2BootstrapArgs(maxPods: number): string {
  return `--use-max-pods false --kubelet-extra-args '--max-pods=${maxPods}'`;
}

function maxPodsItems(setting: MaxPodsSetting, family: AmiFamily): HclItem[] {
  if (setting.value === null) return [];
  if (family === 'al2') {
    return [
      blank,
      comment("bootstrap.sh takes these flags only with a custom AMI (ami_id); on EKS's own AL2 AMIs, EKS sets max pods itself."),
      attr('ami_id', 'var.al2_ami_id'),
      attr('enable_bootstrap_user_data', 'true'),
      attr('bootstrap_extra_args', hclString(al2BootstrapArgs(setting.value))),
    ];
  }
  return [
    blank,
    block('cloudinit_pre_nodeadm = [', [
      block('{', [attr('content_type', hclString('application/node.eks.aws')), attr('content', nodeConfigHeredoc(setting.value))]),
    ], ']'),
  ];
}

function nodeGroupItems(plan: Plan, dataset: InstanceDataset, g: NodeGroup, ids: Map<string, string>, family: AmiFamily): HclItem[] {
  const setting = maxPodsSetting(g, plan.cni, dataset);
  const subnetIds = g.subnets.filter((n) => ids.has(n)).map((n) => `aws_subnet.${ids.get(n)}.id`);
  return [
    comment(`${g.name}: ${g.podsPerNode} pods per node; ${setting.reason}.`),
    attr('instance_types', hclList([hclString(g.instanceType)])),
    attr('ami_type', hclString(amiType(g.instanceType, family))),
    attr('min_size', String(g.minNodes)),
    attr('max_size', String(g.maxNodes)),
    attr('desired_size', String(g.desiredNodes)),
    attr('subnet_ids', hclList(subnetIds)),
    ...maxPodsItems(setting, family),
  ];
}

function subnetBlock(plan: Plan, s: Subnet, id: string, assoc: Map<number, string>): HclItem[] {
  const idx = vpcCidrIndexOf(plan, s.cidr);
  const out: HclItem[] = [];
  const body: HclItem[] = [];
  if (idx > 0) {
    body.push(comment(`In the secondary CIDR ${plan.vpc.cidrs[idx]}: taking vpc_id from its association makes Terraform create that first.`));
  } else if (idx < 0) body.push(comment('Not inside any of the plan\'s VPC CIDRs.'));
  const vpcRef = idx > 0 ? `aws_vpc_ipv4_cidr_block_association.${assoc.get(idx)}.vpc_id` : 'var.vpc_id';
  body.push(
    attr('vpc_id', vpcRef),
    attr('cidr_block', hclString(s.cidr)),
    attr('availability_zone', hclString(s.az)),
    blank,
    block('tags = {', [attr('Name', hclString(s.name))]),
  );
  out.push(block(`resource "aws_subnet" "${id}" {`, body), blank);
  if (s.prefixReservation) {
    out.push(
      comment(`Only /28 prefixes (prefix delegation) come from ${s.prefixReservation}.`),
      block(`resource "aws_ec2_subnet_cidr_reservation" "${id}_prefixes" {`, [
        attr('subnet_id', `aws_subnet.${id}.id`),
        attr('cidr_block', hclString(s.prefixReservation)),
        attr('reservation_type', hclString('prefix')),
      ]),
      blank,
    );
  }
  return out;
}

/**
 * The Terraform configuration (one file). The VPC is taken as existing (`var.vpc_id`); with AL2 and
 * a max pods to set, a custom AMI is needed too (`var.al2_ami_id`).
 */
export function toTerraform(plan: Plan, dataset: InstanceDataset, options: TerraformOptions = {}): string {
  const family = options.amiFamily ?? 'al2023';
  const items: HclItem[] = [
    comment(GENERATED_BY),
    comment(`Terraform for plan "${commentSafe(plan.name)}": the VPC's secondary CIDRs and subnets, and an EKS cluster`),
    comment('(terraform-aws-modules/eks, v20 inputs) with the plan\'s VPC CNI settings and node groups.'),
    comment('The VPC itself exists already: set var.vpc_id.'),
    blank,
    block('variable "vpc_id" {', [
      attr('description', hclString(`ID of the existing VPC (primary CIDR ${plan.vpc.cidrs[0] ?? 'unknown'})`)),
      attr('type', 'string'),
    ]),
    blank,
  ];
  const needsAmi = family === 'al2' && plan.nodeGroups.some((g) => maxPodsSetting(g, plan.cni, dataset).value !== null);
  if (needsAmi) {
    items.push(block('variable "al2_ami_id" {', [
      attr('description', hclString('A custom EKS-optimized AL2 AMI: bootstrap.sh takes --max-pods only with one')),
      attr('type', 'string'),
    ]), blank);
  }
  const assoc = new Map<number, string>();
  plan.vpc.cidrs.forEach((c, i) => {
    if (i === 0) return;
    assoc.set(i, `secondary_${i}`);
    items.push(block(`resource "aws_vpc_ipv4_cidr_block_association" "secondary_${i}" {`, [
      attr('vpc_id', 'var.vpc_id'),
      attr('cidr_block', hclString(c)),
    ]), blank);
  });
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const s of plan.vpc.subnets) {
    const id = hclIdentifier(s.name, taken, 'subnet');
    ids.set(s.name, id);
    items.push(...subnetBlock(plan, s, id, assoc));
  }
  items.push(moduleBlock(plan, dataset, ids, family));
  return `${renderHcl(items).join('\n')}\n`;
}

function clusterSubnets(plan: Plan): Subnet[] {
  const nodes = nodeSubnets(plan);
  if (nodes.length) return nodes;
  const pods = new Set(podSubnetsByAz(plan).map((c) => c.subnet.name));
  return plan.vpc.subnets.filter((s) => !pods.has(s.name));
}

function moduleBlock(plan: Plan, dataset: InstanceDataset, ids: Map<string, string>, family: AmiFamily): HclItem {
  const env = cniEnvironment(plan.cni);
  const byName = subnetIndex(plan);
  const clusterSubnetIds = clusterSubnets(plan).filter((s) => byName.has(s.name)).map((s) => `aws_subnet.${ids.get(s.name)}.id`);
  const vpcCni: HclItem[] = [
    comment('Installed before the node groups, so that the first nodes start with these settings.'),
    attr('before_compute', 'true'),
  ];
  if (plan.cni.customNetworking) {
    vpcCni.push(
      comment('Custom networking: apply the ENIConfigs (ENIConfig export) before nodes start; a node that finds'),
      comment("no ENIConfig for its AZ does not become ready. E.g. create the node groups at size 0, then scale."),
    );
  }
  if (env.length) {
    vpcCni.push(block('configuration_values = jsonencode({', [
      block('env = {', env.map(([k, v]) => attr(hclKey(k), hclString(v)))),
    ], '})'));
  }
  const taken = new Set<string>();
  const groups: HclItem[] = [];
  plan.nodeGroups.forEach((g, i) => {
    if (i > 0) groups.push(blank);
    groups.push(block(`${hclKey(nodeGroupName(g.name, taken))} = {`, nodeGroupItems(plan, dataset, g, ids, family)));
  });
  return block('module "eks" {', [
    attr('source', hclString('terraform-aws-modules/eks/aws')),
    attr('version', hclString('~> 20.0')),
    blank,
    attr('cluster_name', hclString(clusterName(plan))),
    attr('vpc_id', 'var.vpc_id'),
    attr('subnet_ids', hclList(clusterSubnetIds)),
    blank,
    block('cluster_addons = {', [block('vpc-cni = {', vpcCni)]),
    blank,
    block('eks_managed_node_groups = {', groups),
  ]);
}
