/**
 * Terraform for the plan, in the shape people use with `terraform-aws-modules/eks`: v21 inputs (`name`,
 * `addons`, …; the default) or v20 inputs (`cluster_name`, `cluster_addons`, …). An
 * `aws_vpc_ipv4_cidr_block_association` per secondary CIDR the VPC does not have yet, an `aws_subnet` per
 * new subnet (Name tag = the plan's name) and a `data "aws_subnet"` per subnet that exists (an AWS import),
 * and `module "eks"` with the vpc-cni add-on's `configuration_values` and managed node groups carrying max
 * pods (AL2023 `NodeConfig`, or AL2 `bootstrap_extra_args` with a custom AMI) and the EFA layout
 * (`enable_efa_support`, `enable_efa_only`, `efa_indices`). Variable names are checked by the tests against
 * the module's variables (tests/fixtures/schemas/terraform-aws-eks.yaml).
 */
import type { InstanceDataset } from '../instances';
import { isPool } from '../node-pool';
import type { NodeGroup, Plan, Subnet } from '../plan';
import { cniEnvironment, cniVersionNotes } from './aws-node';
import {
  clusterName,
  commentSafe,
  GENERATED_BY,
  isAssociated,
  knownSubnetId,
  nodeSubnets,
  podSubnetsByAz,
  subnetIndex,
  vpcCidrIndexOf,
} from './common';
import { nodeGroupName } from './eksctl';
import { exportedSubnetTags } from '../subnet-discovery-tags';
import { attr, blank, block, comment, hclIdentifier, hclKey, hclList, hclString, renderHcl, type HclItem } from './hcl';
import { managedCapNote, maxPodsSetting, type MaxPodsSetting } from './max-pods-setting';

export type AmiFamily = 'al2023' | 'al2';
/** The major version of terraform-aws-modules/eks the configuration is written for. */
export type ModuleVersion = 20 | 21;
export const MODULE_VERSIONS: readonly ModuleVersion[] = [21, 20];
export const DEFAULT_MODULE_VERSION: ModuleVersion = 21;

export interface TerraformOptions {
  /** How max pods reaches the kubelet: AL2023 `NodeConfig` (default) or AL2 `bootstrap.sh` flags. */
  amiFamily?: AmiFamily;
  /** terraform-aws-modules/eks major version (default 21). */
  moduleVersion?: ModuleVersion;
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
  const doc = [
    '---',
    'apiVersion: node.eks.aws/v1alpha1',
    'kind: NodeConfig',
    'spec:',
    '  kubelet:',
    '    config:',
    `      maxPods: ${maxPods}`,
  ];
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
      comment(
        "bootstrap.sh takes these flags only with a custom AMI (ami_id); on EKS's own AL2 AMIs, EKS sets max pods itself.",
      ),
      attr('ami_id', 'var.al2_ami_id'),
      attr('enable_bootstrap_user_data', 'true'),
      attr('bootstrap_extra_args', hclString(al2BootstrapArgs(setting.value))),
    ];
  }
  return [
    blank,
    block(
      'cloudinit_pre_nodeadm = [',
      [
        block('{', [
          attr('content_type', hclString('application/node.eks.aws')),
          attr('content', nodeConfigHeredoc(setting.value)),
        ]),
      ],
      ']',
    ),
  ];
}

/**
 * The module's EFA switches for the group's layout (the node group sub-module's `enable_efa_support`,
 * `enable_efa_only`, `efa_indices`: cards in [0] + efa_indices get EFA with ENA, the other EFA cards EFA-only
 * when enable_efa_only is true, every EFA card EFA with ENA when false).
 */
function efaItems(plan: Plan, g: NodeGroup): HclItem[] {
  const layout = g.efaLayout ?? 'none';
  if (layout === 'none') return [];
  const azs = new Set(g.subnets.map((n) => subnetIndex(plan).get(n)?.az).filter((az) => az !== undefined));
  const oneAz =
    azs.size > 1
      ? [
          comment(
            `WARNING: EFA traffic does not cross AZs and the module puts EFA nodes in a cluster placement group: give subnet_ids of one AZ (these span ${azs.size}).`,
          ),
        ]
      : [];
  if (layout === 'ena-efa-only') {
    return [
      blank,
      comment(
        "The ENA + EFA-only layout is not one of the module's EFA switches (enable_efa_support always makes card 0's primary",
      ),
      comment(
        'an EFA with ENA). Written instead: the nearest, efa-only (card 0 EFA with ENA, EFA-only on the other EFA cards): the same',
      ),
      comment(
        'node-subnet addresses, and card 0 keeps all its ENI slots. For ENA + EFA-only exactly, describe the interfaces in network_interfaces.',
      ),
      ...oneAz,
      attr('enable_efa_support', 'true'),
      attr('enable_efa_only', 'true'),
      attr('efa_indices', hclList(['0'])),
    ];
  }
  const only = layout === 'efa-only';
  return [
    blank,
    comment(
      only
        ? 'EFA, efa-only layout: EFA with ENA on card 0, EFA-only (no address) on the other EFA cards.'
        : 'EFA, efa layout: EFA with ENA on every EFA card, each taking a node-subnet address.',
    ),
    ...oneAz,
    attr('enable_efa_support', 'true'),
    attr('enable_efa_only', only ? 'true' : 'false'),
    ...(only ? [attr('efa_indices', hclList(['0']))] : []),
  ];
}

function nodeGroupItems(
  plan: Plan,
  dataset: InstanceDataset,
  g: NodeGroup,
  refs: Map<string, string>,
  family: AmiFamily,
): HclItem[] {
  const setting = maxPodsSetting(g, plan.cni, dataset);
  const subnetIds = g.subnets.filter((n) => refs.has(n)).map((n) => refs.get(n)!);
  const notes: HclItem[] = [];
  if (g.kind === 'self-managed') {
    notes.push(
      comment(
        'The plan launches this group self-managed; written here as an EKS managed node group (self_managed_node_groups takes instance_type instead).',
      ),
    );
  }
  const cap = managedCapNote(g, plan.cni, dataset);
  if (cap) notes.push(comment(`${cap}.`));
  return [
    comment(`${g.name}: ${g.podsPerNode} pods per node; ${setting.reason}.`),
    ...notes,
    attr('instance_types', hclList([hclString(g.instanceType)])),
    attr('ami_type', hclString(amiType(g.instanceType, family))),
    attr('min_size', String(g.minNodes)),
    attr('max_size', String(g.maxNodes)),
    attr('desired_size', String(g.desiredNodes)),
    attr('subnet_ids', hclList(subnetIds)),
    ...efaItems(plan, g),
    ...maxPodsItems(setting, family),
  ];
}

/** A subnet that exists (its ID is known): read it, and check it is the subnet the plan describes. */
function existingSubnetBlock(s: Subnet, id: string, subnetId: string): HclItem[] {
  return [
    comment(
      s.name === subnetId
        ? `${s.name} exists: read, not created.`
        : `${s.name} exists (${subnetId}): read, not created.`,
    ),
    block(`data "aws_subnet" "${id}" {`, [
      attr('id', hclString(subnetId)),
      blank,
      block('lifecycle {', [
        block('postcondition {', [
          attr('condition', `self.cidr_block == ${hclString(s.cidr)} && self.availability_zone == ${hclString(s.az)}`),
          attr(
            'error_message',
            hclString(
              `${subnetId} is not ${s.cidr} in ${s.az} as the plan says: import the VPC again or fix the plan.`,
            ),
          ),
        ]),
      ]),
    ]),
    blank,
  ];
}

function subnetBlock(plan: Plan, s: Subnet, id: string, assoc: Map<number, string>): HclItem[] {
  const idx = vpcCidrIndexOf(plan, s.cidr);
  const out: HclItem[] = [];
  const body: HclItem[] = [];
  const created = idx > 0 && assoc.has(idx);
  if (created) {
    body.push(
      comment(
        `In the secondary CIDR ${plan.vpc.cidrs[idx]}: taking vpc_id from its association makes Terraform create that first.`,
      ),
    );
  } else if (idx < 0) body.push(comment("Not inside any of the plan's VPC CIDRs."));
  const vpcRef = created ? `aws_vpc_ipv4_cidr_block_association.${assoc.get(idx)}.vpc_id` : 'var.vpc_id';
  body.push(
    attr('vpc_id', vpcRef),
    attr('cidr_block', hclString(s.cidr)),
    attr('availability_zone', hclString(s.az)),
    blank,
    block(
      'tags = {',
      exportedSubnetTags(s).map(([k, v]) => attr(hclKey(k), hclString(v))),
    ),
  );
  out.push(block(`resource "aws_subnet" "${id}" {`, body), blank);
  return out;
}

function prefixReservationBlock(s: Subnet, id: string, ref: string): HclItem[] {
  if (!s.prefixReservation) return [];
  return [
    comment(`Only /28 prefixes (prefix delegation) come from ${s.prefixReservation}.`),
    block(`resource "aws_ec2_subnet_cidr_reservation" "${id}_prefixes" {`, [
      attr('subnet_id', ref),
      attr('cidr_block', hclString(s.prefixReservation)),
      attr('reservation_type', hclString('prefix')),
    ]),
    blank,
  ];
}

/** The inputs v21 leaves to the user on purpose: variables without a default, so `terraform plan` asks. */
function decisionVariables(): HclItem[] {
  return [
    block('variable "kubernetes_version" {', [
      attr('description', hclString('Kubernetes version of the cluster, e.g. "1.33"; the node AMIs follow it')),
      attr('type', 'string'),
    ]),
    blank,
    block('variable "endpoint_public_access" {', [
      attr(
        'description',
        hclString(
          'Reach the Kubernetes API from outside the VPC? false (the module default) keeps it private: kubectl and terraform must then run inside the VPC or over a VPN',
        ),
      ),
      attr('type', 'bool'),
    ]),
    blank,
    block('variable "enable_cluster_creator_admin_permissions" {', [
      attr(
        'description',
        hclString(
          'Make the identity running terraform a cluster admin (an access entry)? With false, list your admins in access_entries, or nobody can use kubectl',
        ),
      ),
      attr('type', 'bool'),
    ]),
    blank,
  ];
}

/**
 * The Terraform configuration (one file). The VPC is taken as existing (`var.vpc_id`, defaulting to the
 * imported ID); with AL2 and a max pods to set, a custom AMI is needed too (`var.al2_ami_id`).
 */
export function toTerraform(plan: Plan, dataset: InstanceDataset, options: TerraformOptions = {}): string {
  const family = options.amiFamily ?? 'al2023';
  const version = options.moduleVersion ?? DEFAULT_MODULE_VERSION;
  const items: HclItem[] = [
    comment(GENERATED_BY),
    comment(
      `Terraform for plan "${commentSafe(plan.name)}": the VPC's secondary CIDRs and subnets, and an EKS cluster`,
    ),
    comment(
      version === 20
        ? "(terraform-aws-modules/eks, v20 inputs) with the plan's VPC CNI settings and node groups."
        : "(terraform-aws-modules/eks, v21 inputs: name, addons, …) with the plan's VPC CNI settings and node groups.",
    ),
    comment(
      plan.vpc.vpcId
        ? `The VPC exists (${plan.vpc.vpcId}, from the import): var.vpc_id defaults to it; existing subnets and CIDRs are read, not created.`
        : 'The VPC itself exists already: set var.vpc_id.',
    ),
  ];
  if (version === 21) {
    items.push(
      comment('Decide before applying: var.kubernetes_version, var.endpoint_public_access and'),
      comment('var.enable_cluster_creator_admin_permissions have no default on purpose (their descriptions say why).'),
      comment(
        'The node AMI follows the latest release for kubernetes_version; set ami_release_version in a group to pin it.',
      ),
    );
  }
  for (const note of cniVersionNotes(plan.cni)) items.push(comment(`${note} (the vpc-cni add-on version).`));
  items.push(
    blank,
    block('variable "vpc_id" {', [
      attr('description', hclString(`ID of the existing VPC (primary CIDR ${plan.vpc.cidrs[0] ?? 'unknown'})`)),
      attr('type', 'string'),
      ...(plan.vpc.vpcId ? [attr('default', hclString(plan.vpc.vpcId))] : []),
    ]),
    blank,
  );
  if (version === 21) items.push(...decisionVariables());
  const needsAmi = family === 'al2' && plan.nodeGroups.some((g) => maxPodsSetting(g, plan.cni, dataset).value !== null);
  if (needsAmi) {
    items.push(
      block('variable "al2_ami_id" {', [
        attr('description', hclString('A custom EKS-optimized AL2 AMI: bootstrap.sh takes --max-pods only with one')),
        attr('type', 'string'),
      ]),
      blank,
    );
  }
  const assoc = new Map<number, string>();
  plan.vpc.cidrs.forEach((c, i) => {
    if (i === 0) return;
    if (isAssociated(plan, c)) {
      items.push(comment(`${c} is associated with the VPC already (from the import): not associated again.`), blank);
      return;
    }
    assoc.set(i, `secondary_${i}`);
    items.push(
      block(`resource "aws_vpc_ipv4_cidr_block_association" "secondary_${i}" {`, [
        attr('vpc_id', 'var.vpc_id'),
        attr('cidr_block', hclString(c)),
      ]),
      blank,
    );
  });
  const taken = new Set<string>();
  const refs = new Map<string, string>();
  for (const s of plan.vpc.subnets) {
    const id = hclIdentifier(s.name, taken, 'subnet');
    const existing = knownSubnetId(s);
    const ref = existing ? `data.aws_subnet.${id}.id` : `aws_subnet.${id}.id`;
    refs.set(s.name, ref);
    items.push(...(existing ? existingSubnetBlock(s, id, existing) : subnetBlock(plan, s, id, assoc)));
    items.push(...prefixReservationBlock(s, id, ref));
  }
  items.push(moduleBlock(plan, dataset, refs, family, version));
  return `${renderHcl(items).join('\n')}\n`;
}

function clusterSubnets(plan: Plan): Subnet[] {
  const nodes = nodeSubnets(plan);
  if (nodes.length) return nodes;
  const pods = new Set(podSubnetsByAz(plan).map((c) => c.subnet.name));
  return plan.vpc.subnets.filter((s) => !pods.has(s.name));
}

function moduleBlock(
  plan: Plan,
  dataset: InstanceDataset,
  refs: Map<string, string>,
  family: AmiFamily,
  version: ModuleVersion,
): HclItem {
  const env = cniEnvironment(plan.cni);
  const byName = subnetIndex(plan);
  const clusterSubnetIds = clusterSubnets(plan)
    .filter((s) => byName.has(s.name))
    .map((s) => refs.get(s.name)!);
  const vpcCni: HclItem[] = [
    comment('Installed before the node groups, so that the first nodes start with these settings.'),
    attr('before_compute', 'true'),
  ];
  if (plan.cni.customNetworking) {
    vpcCni.push(
      comment('Custom networking: apply the ENIConfigs (ENIConfig export) before nodes start; a node that finds'),
      comment('no ENIConfig for its AZ does not become ready. E.g. create the node groups at size 0, then scale.'),
    );
  }
  if (env.length) {
    vpcCni.push(
      block(
        'configuration_values = jsonencode({',
        [
          block(
            'env = {',
            env.map(([k, v]) => attr(hclKey(k), hclString(v))),
          ),
        ],
        '})',
      ),
    );
  }
  const taken = new Set<string>();
  const groups: HclItem[] = [];
  plan.nodeGroups.forEach((g) => {
    if (groups.length) groups.push(blank);
    if (isPool(g)) {
      groups.push(...poolComments(plan, g));
      return;
    }
    if (g.kind === 'karpenter' || g.kind === 'auto-mode') {
      groups.push(
        comment(
          g.kind === 'karpenter'
            ? `${g.name} is launched by Karpenter: not a managed node group (see the Karpenter export; the module's karpenter sub-module makes its IAM and queue).`
            : `${g.name} is an EKS Auto Mode pool: not a managed node group (compute_config enables Auto Mode and its own pools).`,
        ),
      );
      return;
    }
    groups.push(block(`${hclKey(nodeGroupName(g.name, taken))} = {`, nodeGroupItems(plan, dataset, g, refs, family)));
  });
  const autoMode = plan.nodeGroups.some((g) => g.kind === 'auto-mode') ? autoModeItems(version) : [];
  const anyEfa = plan.nodeGroups.some(
    (g) => g.efaLayout !== undefined && g.efaLayout !== 'none' && g.kind !== 'karpenter' && g.kind !== 'auto-mode',
  );
  if (version === 20) {
    return block('module "eks" {', [
      attr('source', hclString('terraform-aws-modules/eks/aws')),
      attr('version', hclString('~> 20.0')),
      blank,
      attr('cluster_name', hclString(clusterName(plan))),
      attr('vpc_id', 'var.vpc_id'),
      attr('subnet_ids', hclList(clusterSubnetIds)),
      ...(anyEfa
        ? [
            blank,
            comment('EFA node groups: the security group rules EFA needs (v20 sets them at the module level).'),
            attr('enable_efa_support', 'true'),
          ]
        : []),
      ...autoMode,
      blank,
      block('cluster_addons = {', [block('vpc-cni = {', vpcCni)]),
      blank,
      block('eks_managed_node_groups = {', groups),
    ]);
  }
  return block('module "eks" {', [
    attr('source', hclString('terraform-aws-modules/eks/aws')),
    attr('version', hclString('~> 21.0')),
    blank,
    attr('name', hclString(clusterName(plan))),
    attr('kubernetes_version', 'var.kubernetes_version'),
    attr('vpc_id', 'var.vpc_id'),
    attr('subnet_ids', hclList(clusterSubnetIds)),
    blank,
    attr('endpoint_public_access', 'var.endpoint_public_access'),
    attr('enable_cluster_creator_admin_permissions', 'var.enable_cluster_creator_admin_permissions'),
    blank,
    comment('The Karpenter export finds the node security group by this tag.'),
    block('node_security_group_tags = {', [attr(hclKey('karpenter.sh/discovery'), hclString(clusterName(plan)))]),
    ...autoMode,
    blank,
    block('addons = {', [block('vpc-cni = {', vpcCni)]),
    blank,
    block('eks_managed_node_groups = {', groups),
  ]);
}

/**
 * A node pool's place in eks_managed_node_groups: none. Karpenter or EKS Auto Mode launch its nodes, choosing the
 * instance type; the subnets it needs are the ones written above.
 */
function poolComments(plan: Plan, g: NodeGroup): HclItem[] {
  const who =
    g.kind === 'auto-mode'
      ? ['EKS Auto Mode launches its nodes (the auto-mode export writes its NodeClass and NodePool),']
      : [
          'Karpenter launches its nodes (the Karpenter export writes its EC2NodeClass and NodePool;',
          "the module's karpenter sub-module makes its IAM and queue),",
        ];
  const subnets = [...g.subnets, ...(g.podSubnets ?? [])].filter((n) => subnetIndex(plan).has(n));
  return [
    comment(`${g.name} is a node pool, not a managed node group.`),
    ...who.map((l) => comment(l)),
    comment('choosing among the instance types its requirements select.'),
    comment(`Its subnets (${subnets.join(', ')}) are above, sized for the worst candidate (${g.instanceType}).`),
  ];
}

/** The module's switch for EKS Auto Mode: on, without the built-in node pools (the plan's pools are custom ones). */
function autoModeItems(version: ModuleVersion): HclItem[] {
  return [
    blank,
    comment('EKS Auto Mode, for the auto-mode node groups: custom NodeClass and NodePool only (the auto-mode export).'),
    comment('Their NodeClass names a node role: create it (in v21, create_auto_mode_iam_resources = true makes one)'),
    comment('and an access entry of type EC2 for it.'),
    block(`${version === 20 ? 'cluster_compute_config' : 'compute_config'} = {`, [attr('enabled', 'true')]),
  ];
}
