/**
 * An eksctl `ClusterConfig` (eksctl.io/v1alpha5) for the plan: the existing VPC and its node subnets
 * (found by CIDR, or by ID after an AWS import), the vpc-cni add-on with the plan's settings, managed node
 * groups with `maxPodsPerNode` (self-managed ones under `nodeGroups`), `efaEnabled` for the `efa` layout.
 * eksctl cannot add secondary CIDR blocks or pod subnets, so the VPC must exist first (see the Terraform
 * export); pod subnets are not listed, or eksctl would also place control-plane ENIs in them.
 * Field names follow eksctl's schema (pkg/apis/eksctl.io/v1alpha5/assets/schema.json, checked by the tests).
 */
import { launchLayout } from '../efa-layout';
import type { InstanceDataset } from '../instances';
import type { NodeGroup, Plan, Subnet } from '../plan';
import { cniEnvObject, cniVersionNotes } from './aws-node';
import { clusterName, commentSafe, GENERATED_BY, groupSubnets, knownSubnetId, nodeSubnets, planRegion } from './common';
import { managedCapNote, maxPodsSetting } from './max-pods-setting';
import { toYaml, yamlComments, type YamlMap } from './yaml';

/** Placeholder for the VPC ID, when the plan does not hold it (no AWS import). */
export const VPC_ID_PLACEHOLDER = 'vpc-REPLACE-ME';

/**
 * A managed node group name (letters, digits, `-`, `_`; starts with a letter or digit; ≤ 63), unique.
 * @example nodeGroupName('GPU pool', new Set()) === 'GPU-pool'
 */
export function nodeGroupName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '')
      .slice(0, 60) || 'nodes';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}-${i}`;
  taken.add(n);
  return n;
}

function subnetSpec(s: Subnet): YamlMap {
  return { id: knownSubnetId(s) ?? undefined, az: s.az, cidr: s.cidr };
}

/** Where a group goes in the ClusterConfig: `managedNodeGroups`, `nodeGroups` (self-managed), or nowhere. */
export function eksctlPlace(g: NodeGroup): 'managed' | 'self-managed' | 'skipped' {
  if (g.kind === 'karpenter' || g.kind === 'auto-mode') return 'skipped';
  return g.kind === 'self-managed' ? 'self-managed' : 'managed';
}

/** The ClusterConfig as data (tests compare it field by field). */
export function eksctlConfig(plan: Plan, dataset: InstanceDataset): YamlMap {
  const env = cniEnvObject(plan.cni);
  const subnets = nodeSubnets(plan);
  const taken = new Set<string>();
  const spec = (g: NodeGroup): YamlMap => ({
    name: nodeGroupName(g.name, taken),
    instanceType: g.instanceType,
    amiFamily: 'AmazonLinux2023',
    minSize: g.minNodes,
    desiredCapacity: g.desiredNodes,
    maxSize: g.maxNodes,
    subnets: groupSubnets(plan, g).map((s) => s.name),
    privateNetworking: true,
    maxPodsPerNode: maxPodsSetting(g, plan.cni, dataset).value ?? undefined,
    // eksctl's only EFA switch makes the `efa` layout; the others are said in comments, never written as it.
    efaEnabled: g.efaLayout === 'efa' ? true : undefined,
  });
  const selfManaged = plan.nodeGroups.filter((g) => eksctlPlace(g) === 'self-managed').map(spec);
  return {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: clusterName(plan), region: planRegion(plan) ?? 'REPLACE-ME-region' },
    vpc: {
      id: plan.vpc.vpcId ?? VPC_ID_PLACEHOLDER,
      cidr: plan.vpc.cidrs[0],
      subnets: subnets.length
        ? { private: Object.fromEntries(subnets.map((s) => [s.name, subnetSpec(s)])) }
        : undefined,
    },
    addons: [
      {
        name: 'vpc-cni',
        configurationValues: Object.keys(env).length ? JSON.stringify({ env }) : undefined,
      },
    ],
    nodeGroups: selfManaged.length ? selfManaged : undefined,
    managedNodeGroups: plan.nodeGroups.filter((g) => eksctlPlace(g) === 'managed').map(spec),
  };
}

/** What eksctl does (or cannot do) with a group's EFA layout, as comment lines. */
function layoutNotes(g: NodeGroup, dataset: InstanceDataset): string[] {
  const t = dataset.byName.get(g.instanceType);
  const layout = g.efaLayout ?? 'none';
  if (!t || layout === 'none') return [];
  const efa = launchLayout(t, 'efa');
  if (layout === 'efa') {
    const lines = [
      `${g.name}: efaEnabled attaches one EFA (with ENA) per EFA network card, ${efa.efaInterfaces} interfaces: ` +
        `${efa.extraNodeIps} more node-subnet addresses per node than without EFA.`,
    ];
    if (efa.card0EnaOnly) {
      lines.push(
        `WARNING: eksctl's efaEnabled launch fails on ${t.name}: it asks for an EFA on every one of its ${t.networkCards} ` +
          `network cards, but card 0 is ENA only (${efa.efaInterfaces} EFA interfaces, on cards 1-${efa.efaInterfaces}). ` +
          'Launch this group from your own launch template (launchTemplate.id) instead.',
      );
    }
    return lines;
  }
  const made =
    layout === 'efa-only'
      ? 'EFA on card 0, EFA-only on the other EFA cards'
      : 'ENA primary, EFA-only on every EFA card';
  return [
    `${g.name}: eksctl cannot make the ${layout} layout (${made}); efaEnabled makes only the efa layout ` +
      `(${efa.extraNodeIps} more node-subnet addresses per node), so it is not set. Launch this group from your own ` +
      'launch template (launchTemplate.id) with these interfaces, or use the Terraform or Karpenter export.',
  ];
}

/** The ClusterConfig as YAML with comments: what to replace, the order of steps, max pods per group. */
export function toEksctl(plan: Plan, dataset: InstanceDataset): string {
  const lines = [
    GENERATED_BY,
    `eksctl ClusterConfig for plan "${commentSafe(plan.name)}".`,
    plan.vpc.vpcId
      ? `vpc.id is the imported VPC (${plan.vpc.vpcId}). Its secondary CIDRs and subnets must exist already`
      : `Replace vpc.id (${VPC_ID_PLACEHOLDER}) with the VPC's ID. The VPC, its secondary CIDRs and its subnets must exist`,
    'already (eksctl cannot add CIDR blocks): eksctl finds the node subnets by CIDR.',
  ];
  if (plan.vpc.cidrs.length > 1)
    lines.push(`Secondary CIDRs the VPC must have: ${plan.vpc.cidrs.slice(1).join(', ')}.`);
  if (plan.cni.customNetworking) {
    lines.push(
      'Custom networking: create the cluster with --without-nodegroup, apply the ENIConfigs,',
      'then eksctl create nodegroup -f this file (nodes started before the ENIConfigs exist keep pods on the node subnet).',
    );
  }
  for (const note of cniVersionNotes(plan.cni)) lines.push(`${note} (the vpc-cni add-on version).`);
  plan.nodeGroups.forEach((g) => {
    const place = eksctlPlace(g);
    if (place === 'skipped') {
      lines.push(
        g.kind === 'karpenter'
          ? `Node group ${g.name} is launched by Karpenter: not written here (see the Karpenter export).`
          : `Node group ${g.name} is an EKS Auto Mode pool: not written here (eksctl's autoModeConfig makes Auto Mode's own pools).`,
      );
      return;
    }
    lines.push(`Node group ${g.name} (${g.instanceType}): ${maxPodsSetting(g, plan.cni, dataset).reason}.`);
    if (place === 'managed') {
      const cap = managedCapNote(g, plan.cni, dataset);
      if (cap) lines.push(`${cap}.`);
    }
    lines.push(...layoutNotes(g, dataset));
  });
  return yamlComments(lines) + toYaml(eksctlConfig(plan, dataset));
}
