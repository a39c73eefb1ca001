/**
 * Terraform for the plan, in the shape people use with `terraform-aws-modules/eks`: v21 inputs (`name`,
 * `addons`, …; the default) or v20 inputs (`cluster_name`, `cluster_addons`, …). An
 * `aws_vpc_ipv4_cidr_block_association` per secondary CIDR the VPC does not have yet, an `aws_subnet` per
 * new subnet (Name tag = the plan's name) and a `data "aws_subnet"` per subnet that exists (an AWS import),
 * and `module "eks"` with the vpc-cni add-on's `configuration_values` and managed node groups carrying max
 * pods (AL2023 `NodeConfig`, or AL2 `bootstrap_extra_args` with a custom AMI) and the EFA layout
 * (`enable_efa_support`, `enable_efa_only`, `efa_indices`). Variable names are checked by the tests against
 * the module's variables (tests/fixtures/schemas/terraform-aws-eks.yaml).
 *
 * `module "eks"` (v20 or v21 inputs) is written by terraform-module.ts, its managed node groups by
 * terraform-node-groups.ts; this file writes the variables, the CIDR associations and the subnets.
 */
import type { InstanceDataset } from '../instances';
import type { Plan, Subnet } from '../plan';
import { cniVersionNotes } from './aws-node';
import { commentSafe, GENERATED_BY, isAssociated, knownSubnetId, vpcCidrIndexOf } from './common';
import { exportedSubnetTags } from '../subnet-discovery-tags';
import { attr, blank, block, comment, hclIdentifier, hclKey, hclString, renderHcl, type HclItem } from './hcl';
import { maxPodsSetting } from './max-pods-setting';
import { DEFAULT_MODULE_VERSION, decisionVariables, moduleBlock, type ModuleVersion } from './terraform-module';
import type { AmiFamily } from './terraform-node-groups';

// The export's options, imported from here by export/index.ts, the CLI and src/ui/exports/export-panel.tsx.
export { DEFAULT_MODULE_VERSION, MODULE_VERSIONS, type ModuleVersion } from './terraform-module';
export type { AmiFamily } from './terraform-node-groups';

export interface TerraformOptions {
  /** How max pods reaches the kubelet: AL2023 `NodeConfig` (default) or AL2 `bootstrap.sh` flags. */
  amiFamily?: AmiFamily;
  /** terraform-aws-modules/eks major version (default 21). */
  moduleVersion?: ModuleVersion;
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
