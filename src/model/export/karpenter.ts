/**
 * Karpenter v1 manifests: an EC2NodeClass (with `kubelet.maxPods`, and `networkInterfaces` for the ENA +
 * EFA-only layout) and a NodePool per node group. Karpenter computes pod density itself (`ENILimitedPods`,
 * karpenter-provider-aws @ 1d927085 `pkg/providers/instancetype/types.go`), which has no notion of custom networking or prefix delegation: hence
 * `kubelet.maxPods`, and `RESERVED_ENIS=1` with custom networking. Field names, enums and the
 * networkInterfaces rules follow the CRDs (aws/karpenter-provider-aws pkg/apis/crds, checked by the tests).
 */
import { launchLayout } from '../efa-layout';
import type { InstanceDataset, InstanceType } from '../instances';
import { karpenterEniLimitedPods } from '../max-pods';
import { isPool, type PoolEvaluation } from '../node-pool';
import type { NodeGroup, Plan } from '../plan';
import { clusterName, commentSafe, GENERATED_BY, groupSubnets, knownSubnetId } from './common';
import { maxPodsSetting } from './max-pods-setting';
import {
  candidatesNote,
  cpuLimitNote,
  disruptionNote,
  poolCpuLimit,
  poolDisruption,
  poolOf,
  poolRequirements,
} from './pool-export';
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

/** Selector terms for subnets: by ID where the plan knows it (an AWS import), else by the Name tag. */
export function subnetTerms(plan: Plan, names: readonly string[]): YamlValue[] {
  return groupSubnets(plan, { subnets: [...names] } as NodeGroup).map((s) => {
    const id = knownSubnetId(s);
    return id ? { id } : { tags: { Name: s.name } };
  });
}

function nodeClass(
  plan: Plan,
  g: NodeGroup,
  name: string,
  maxPods: number | null,
  t: InstanceType | undefined,
  interfaces?: YamlMap[],
): YamlMap {
  const cluster = clusterName(plan);
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name },
    spec: {
      role: `KarpenterNodeRole-${cluster}`,
      amiSelectorTerms: [{ alias: AMI_ALIAS }],
      subnetSelectorTerms: subnetTerms(plan, g.subnets),
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': cluster } }],
      kubelet: maxPods === null ? undefined : { maxPods },
      networkInterfaces:
        interfaces ?? (g.efaLayout === 'ena-efa-only' && t ? karpenterNetworkInterfaces(t) : undefined),
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

/**
 * The groups this export writes: those of kind karpenter when the plan names any, else every group but the
 * EKS Auto Mode ones (the auto-mode export writes those).
 */
export function karpenterGroups(plan: Plan): NodeGroup[] {
  const own = plan.nodeGroups.filter((g) => g.kind === 'karpenter');
  return own.length ? own : plan.nodeGroups.filter((g) => g.kind !== 'auto-mode');
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
  if (skipped.some((g) => g.kind === 'auto-mode'))
    lines.push('The EKS Auto Mode groups are in the auto-mode export (NodeClass and NodePool of eks.amazonaws.com).');
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
        .concat(
          plan.nodeGroups.length ? 'No node group to write here.' : 'The plan has no node groups: nothing to write.',
        )
        .map((l) => `# ${l}`)
        .join('\n') + '\n'
    );
  const taken = new Set<string>();
  const docs: { comments: string[]; value: YamlValue }[] = [];
  groups.forEach((g, i) => {
    const name = k8sName(g.name, taken);
    const pool = isPool(g) ? poolOf(g, plan.cni, dataset) : null;
    if (pool) {
      const [cls, np] = poolDocs(plan, dataset, g, name, pool);
      if (i === 0) cls.comments.unshift(...header(plan), '');
      docs.push(cls, np);
      return;
    }
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

/** What Karpenter does with a pool's EFA layout: comment lines, and the networkInterfaces when one list fits all. */
function poolLayout(
  plan: Plan,
  g: NodeGroup,
  pool: PoolEvaluation,
  dataset: InstanceDataset,
): {
  notes: string[];
  interfaces?: YamlMap[];
} {
  const layout = g.efaLayout ?? 'none';
  if (layout === 'none') return { notes: [] };
  const types = pool.list.map((c) => dataset.byName.get(c.instanceType)).filter((t): t is InstanceType => !!t);
  if (layout === 'efa') {
    const counts = types
      .map((t) => [t.name, launchLayout(t, 'efa').efaInterfaces] as const)
      .sort((a, b) => a[1] - b[1]);
    const [lo, hi] = [counts[0]!, counts[counts.length - 1]!];
    const range = lo[1] === hi[1] ? `${lo[1]} interfaces` : `${lo[1]} (${lo[0]}) to ${hi[1]} (${hi[0]}) interfaces`;
    return {
      notes: [
        "EFA (efa layout): Karpenter's default. With no networkInterfaces here, a node launched for pods that request",
        `vpc.amazonaws.com/efa gets one EFA (with ENA) per EFA card, ${range};`,
        'each past the primary takes one more node-subnet address. The pods must request vpc.amazonaws.com/efa',
        '(the EFA device plugin advertises it).',
      ],
    };
  }
  if (layout === 'ena-efa-only') {
    const lists = types.map((t) => karpenterNetworkInterfaces(t));
    const same = lists.every((l) => JSON.stringify(l) === JSON.stringify(lists[0]));
    if (same && lists.length) {
      const reserved = g.reservedEnis ?? (plan.cni.customNetworking ? 1 : 0);
      const t = types[0]!;
      const pods = karpenterEniLimitedPods(t, reserved, launchLayout(t, 'ena-efa-only').efaOnlyOnCard0);
      return {
        interfaces: lists[0],
        notes: [
          'EFA (ENA + EFA-only layout, Karpenter v1.11 or newer): every candidate has the same network cards, so one',
          `networkInterfaces list fits them all: the ENA primary and an EFA-only interface on each EFA card (${t.name}: ${pods} pods).`,
        ],
      };
    }
    const cards = types.map((t) => `${t.name} ${t.networkCards}`).join(', ');
    return {
      notes: [
        'EFA (ENA + EFA-only layout): the candidates have different network cards, so no one networkInterfaces list fits',
        `them all (cards: ${cards}). No EFA is configured here: split the pool by family, one EC2NodeClass each,`,
        'or use the efa layout (no networkInterfaces; pods request vpc.amazonaws.com/efa).',
      ],
    };
  }
  return {
    notes: [
      'EFA (efa-only layout): Karpenter cannot make it: its networkInterfaces take the types interface and efa-only only,',
      'and the primary must be interface. No EFA is configured here. Nearest: the ENA + EFA-only layout, or the efa layout',
      '(pods request vpc.amazonaws.com/efa, no networkInterfaces).',
    ],
  };
}

/**
 * The EC2NodeClass and NodePool of a node pool: its requirements as written, kubelet.maxPods only when the plan
 * sets it (one value for every candidate), networkInterfaces for the EFA layout where one list fits every
 * candidate, the disruption budget, and RESERVED_ENIS said (a controller setting, not a NodeClass field).
 */
function poolDocs(
  plan: Plan,
  dataset: InstanceDataset,
  g: NodeGroup,
  name: string,
  pool: PoolEvaluation,
): [{ comments: string[]; value: YamlValue }, { comments: string[]; value: YamlValue }] {
  const layout = poolLayout(plan, g, pool, dataset);
  const classComments = [`Node pool ${g.name} (Karpenter):`, ...candidatesNote(pool, g)];
  classComments.push(
    g.maxPods !== null && g.maxPods !== undefined
      ? `kubelet.maxPods ${g.maxPods}: set in the plan, for every candidate.`
      : "No kubelet.maxPods: Karpenter computes each candidate's max pods itself (ENI-limited, minus RESERVED_ENIS).",
  );
  if (g.reservedEnis !== undefined) {
    classComments.push(
      `RESERVED_ENIS=${g.reservedEnis} (the plan's reservedEnis) is a Karpenter controller setting, not an EC2NodeClass`,
      `field: run the controller with it (Helm: --set settings.reservedENIs=${g.reservedEnis}); it holds for every NodePool.`,
    );
  }
  classComments.push(...layout.notes);
  const limit = poolCpuLimit(pool, g, dataset);
  const poolComments = [cpuLimitNote(limit, g), ...disruptionNote(g)];
  if (g.pods!.min > 0)
    poolComments.push(`Karpenter keeps no minimum: pods.min ${g.pods!.min} is the pods' to ask for.`);
  const np: YamlMap = {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name },
          requirements: poolRequirements(g),
        },
      },
      disruption: poolDisruption(g),
      limits: limit ? { cpu: limit.cpu } : undefined,
    },
  };
  const cls = nodeClass(plan, g, name, g.maxPods ?? null, undefined, layout.interfaces);
  return [
    { comments: classComments, value: cls },
    { comments: poolComments, value: np },
  ];
}
