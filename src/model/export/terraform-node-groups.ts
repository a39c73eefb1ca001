/**
 * The managed node groups of the Terraform export (terraform.ts): each group's `eks_managed_node_groups`
 * entry with its `ami_type`, max pods (AL2023 `NodeConfig`, or AL2 `bootstrap_extra_args` with a custom
 * AMI) and EFA switches, and the comments that stand for a node pool (Karpenter, EKS Auto Mode). The same
 * in module v20 and v21.
 */
import type { InstanceDataset } from '../instances';
import type { NodeGroup, Plan } from '../plan';
import { subnetIndex } from './common';
import { attr, blank, block, comment, hclList, hclString, type HclItem } from './hcl';
import { managedCapNote, maxPodsSetting, type MaxPodsSetting } from './max-pods-setting';

export type AmiFamily = 'al2023' | 'al2';

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

export function nodeGroupItems(
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

/**
 * A node pool's place in eks_managed_node_groups: none. Karpenter or EKS Auto Mode launch its nodes, choosing the
 * instance type; the subnets it needs are the ones written above.
 */
export function poolComments(plan: Plan, g: NodeGroup): HclItem[] {
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
