/**
 * Karpenter v1 manifests: an EC2NodeClass (with `kubelet.maxPods`, and `networkInterfaces` for the ENA +
 * EFA-only layout) and a NodePool per node group. Karpenter computes pod density itself (`ENILimitedPods`,
 * `docs/max-pods.md` §d), which has no notion of custom networking or prefix delegation: hence
 * `kubelet.maxPods`, and `RESERVED_ENIS=1` with custom networking. Field names, enums and the
 * networkInterfaces rules follow the CRDs (aws/karpenter-provider-aws pkg/apis/crds, checked by the tests).
 */
import { launchLayout } from '../efa-layout';
import type { InstanceDataset, InstanceType } from '../instances';
import { karpenterEniLimitedPods } from '../max-pods';
import type { NodeGroup, Plan } from '../plan';
import { clusterName, commentSafe, GENERATED_BY, groupSubnets, knownSubnetId } from './common';
import { maxPodsSetting } from './max-pods-setting';
import { yamlStream, type YamlMap, type YamlValue } from './yaml';

/**
 * The AMI alias: pinned to a release, never `@latest` (a new AMI would drift and replace every node). The
 * version is the one thing the plan cannot know: the header comment says where to find it.
 */
export const AMI_ALIAS = 'al2023@vYYYYMMDD';

/**
 * A Kubernetes object name (DNS-1123 subdomain) from a free-text name, unique among `taken`.
 * @example k8sName('GPU Pool', new Set()) === 'gpu-pool'
 */
export function k8sName(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
      .slice(0, 60) || 'nodes';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}-${i}`;
  taken.add(n);
  return n;
}

/**
 * The EC2NodeClass `networkInterfaces` of the ENA + EFA-only layout, card by card from the model's launch
 * layout: the ENA primary (`interface`) at card 0 device 0, an `efa-only` interface on each EFA card after it.
 * @example karpenterNetworkInterfaces(p5.48xlarge).length === 33 // card 0: interface + efa-only; cards 1-31: efa-only
 */
export function karpenterNetworkInterfaces(t: InstanceType): YamlMap[] {
  return launchLayout(t, 'ena-efa-only').cards.flatMap(({ card, interfaces }) =>
    interfaces.map((i, device) => ({
      networkCardIndex: card,
      deviceIndex: device,
      interfaceType: i === 'efa-only' ? 'efa-only' : 'interface',
    })),
  );
}

function nodeClass(
  plan: Plan,
  g: NodeGroup,
  name: string,
  maxPods: number | null,
  t: InstanceType | undefined,
): YamlMap {
  const cluster = clusterName(plan);
  const subnetTerms: YamlValue[] = groupSubnets(plan, g).map((s) => {
    const id = knownSubnetId(s);
    return id ? { id } : { tags: { Name: s.name } };
  });
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name },
    spec: {
      role: `KarpenterNodeRole-${cluster}`,
      amiSelectorTerms: [{ alias: AMI_ALIAS }],
      subnetSelectorTerms: subnetTerms,
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': cluster } }],
      kubelet: maxPods === null ? undefined : { maxPods },
      networkInterfaces: g.efaLayout === 'ena-efa-only' && t ? karpenterNetworkInterfaces(t) : undefined,
    },
  };
}

function nodePool(g: NodeGroup, name: string, vcpus: number | null): YamlMap {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name },
          requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: [g.instanceType] }],
        },
      },
      limits: vcpus === null ? undefined : { cpu: g.maxNodes * vcpus },
    },
  };
}

/** The groups this export writes: those of kind karpenter when the plan names any, else every group. */
export function karpenterGroups(plan: Plan): NodeGroup[] {
  const own = plan.nodeGroups.filter((g) => g.kind === 'karpenter');
  return own.length ? own : plan.nodeGroups;
}

/** The header comment lines: what to replace, and the controller setting custom networking needs. */
function header(plan: Plan): string[] {
  const lines = [
    GENERATED_BY,
    `Karpenter v1 EC2NodeClass and NodePool for each node group of plan "${commentSafe(plan.name)}".`,
    `Replace spec.role with your Karpenter node role; security groups are found by the tag karpenter.sh/discovery=${clusterName(plan)}.`,
    'Subnets are selected by their Name tag (the Terraform export sets it) or their ID.',
    `The AMI is pinned: replace vYYYYMMDD in ${AMI_ALIAS} with the EKS AMI release you tested (a tag of`,
    'github.com/awslabs/amazon-eks-ami, e.g. v20240807); @latest would replace every node on each new AMI.',
  ];
  if (plan.cni.customNetworking) {
    lines.push(
      'Custom networking is on: run the Karpenter controller with RESERVED_ENIS=1',
      '(Helm: --set settings.reservedENIs=1) so it leaves the primary ENI out of its pod density.',
    );
  }
  const skipped = plan.nodeGroups.filter((g) => !karpenterGroups(plan).includes(g));
  if (skipped.length)
    lines.push(
      `Not launched by Karpenter in the plan, so not written here: ${skipped.map((g) => commentSafe(g.name)).join(', ')}.`,
    );
  return lines;
}

/** What Karpenter does with the group's EFA layout, as comment lines. */
function layoutNotes(plan: Plan, g: NodeGroup, t: InstanceType | undefined): string[] {
  const layout = g.efaLayout ?? 'none';
  if (!t || layout === 'none') return [];
  const efa = launchLayout(t, 'efa');
  const reserved = plan.cni.customNetworking ? 1 : 0;
  if (layout === 'efa') {
    return [
      "EFA (efa layout): Karpenter's default. With no networkInterfaces here, a node launched for pods that request",
      `vpc.amazonaws.com/efa gets one EFA (with ENA) per EFA card, ${efa.efaInterfaces} interfaces: ${efa.extraNodeIps} more`,
      'node-subnet addresses per node. The pods must request vpc.amazonaws.com/efa (the EFA device plugin advertises it).',
    ];
  }
  if (layout === 'ena-efa-only') {
    const pods = karpenterEniLimitedPods(t, reserved, launchLayout(t, 'ena-efa-only').efaOnlyOnCard0);
    return [
      'EFA (ENA + EFA-only layout, Karpenter v1.11 or newer): networkInterfaces lists the ENA primary and an EFA-only',
      `interface on each EFA card; EFA-only interfaces take no address. Karpenter then counts ${pods} pods per node.`,
    ];
  }
  const enaEfaOnly = karpenterEniLimitedPods(t, reserved, launchLayout(t, 'ena-efa-only').efaOnlyOnCard0);
  return [
    'EFA (efa-only layout): Karpenter cannot make it: its networkInterfaces take the types interface and efa-only only,',
    'and the primary must be interface. No EFA is configured here. Nearest: the ENA + EFA-only layout (networkInterfaces,',
    `the same node-subnet addresses, but card 0 gives one ENI slot to EFA: ${enaEfaOnly} pods per node), or the efa layout`,
    `(pods request vpc.amazonaws.com/efa, no networkInterfaces: ${efa.extraNodeIps} more node-subnet addresses per node).`,
  ];
}

/** All manifests as one YAML stream (NodeClass then NodePool per group), for `kubectl apply -f`. */
export function toKarpenter(plan: Plan, dataset: InstanceDataset): string {
  const groups = karpenterGroups(plan);
  if (groups.length === 0)
    return (
      header(plan)
        .concat('The plan has no node groups: nothing to write.')
        .map((l) => `# ${l}`)
        .join('\n') + '\n'
    );
  const taken = new Set<string>();
  const docs: { comments: string[]; value: YamlValue }[] = [];
  groups.forEach((g, i) => {
    const name = k8sName(g.name, taken);
    const setting = maxPodsSetting(g, plan.cni, dataset);
    const t = dataset.byName.get(g.instanceType);
    const vcpus = t?.vcpus ?? null;
    const classComments = i === 0 ? [...header(plan), ''] : [];
    classComments.push(`Node group ${g.name} (${g.instanceType}): ${setting.reason}.`, ...layoutNotes(plan, g, t));
    docs.push({ comments: classComments, value: nodeClass(plan, g, name, setting.value, t) });
    const poolComments: string[] = [];
    if (vcpus !== null)
      poolComments.push(`limits.cpu ${g.maxNodes * vcpus} = maxNodes ${g.maxNodes} × ${vcpus} vCPUs.`);
    else
      poolComments.push(`vCPUs of ${g.instanceType} are unknown: set limits.cpu for maxNodes ${g.maxNodes} by hand.`);
    if (g.minNodes > 0) poolComments.push(`Karpenter keeps no minimum: minNodes ${g.minNodes} is not enforced here.`);
    docs.push({ comments: poolComments, value: nodePool(g, name, vcpus) });
  });
  return yamlStream(docs);
}
