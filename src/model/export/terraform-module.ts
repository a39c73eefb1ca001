/**
 * `module "eks"` of the Terraform export (terraform.ts), in terraform-aws-modules/eks v21 inputs (`name`,
 * `addons`, `compute_config`, …; the default) or v20 inputs (`cluster_name`, `cluster_addons`,
 * `cluster_compute_config`, …), with the variables v21 leaves to the user. The node groups inside it:
 * terraform-node-groups.ts.
 */
import type { InstanceDataset } from '../instances';
import { isPool } from '../node-pool';
import type { Plan, Subnet } from '../plan';
import { cniEnvironment } from './aws-node';
import { clusterName, nodeSubnets, podSubnetsByAz, subnetIndex } from './common';
import { nodeGroupName } from './eksctl';
import { attr, blank, block, comment, hclKey, hclList, hclString, type HclItem } from './hcl';
import { nodeGroupItems, poolComments, type AmiFamily } from './terraform-node-groups';

/** The major version of terraform-aws-modules/eks the configuration is written for. */
export type ModuleVersion = 20 | 21;
export const MODULE_VERSIONS: readonly ModuleVersion[] = [21, 20];
export const DEFAULT_MODULE_VERSION: ModuleVersion = 21;

/** The inputs v21 leaves to the user on purpose: variables without a default, so `terraform plan` asks. */
export function decisionVariables(): HclItem[] {
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

function clusterSubnets(plan: Plan): Subnet[] {
  const nodes = nodeSubnets(plan);
  if (nodes.length) return nodes;
  const pods = new Set(podSubnetsByAz(plan).map((c) => c.subnet.name));
  return plan.vpc.subnets.filter((s) => !pods.has(s.name));
}

export function moduleBlock(
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
