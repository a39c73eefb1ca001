/**
 * An eksctl `ClusterConfig` (eksctl.io/v1alpha5) for the plan: the existing VPC and its node subnets
 * (found by CIDR), the vpc-cni add-on with the plan's settings, managed node groups with `maxPodsPerNode`.
 * eksctl cannot add secondary CIDR blocks or pod subnets, so the VPC must exist first (see the Terraform
 * export); pod subnets are not listed, or eksctl would also place control-plane ENIs in them.
 */
import type { InstanceDataset } from '../instances';
import type { Plan, Subnet } from '../plan';
import { cniEnvObject } from './aws-node';
import { clusterName, commentSafe, GENERATED_BY, groupSubnets, isSubnetId, nodeSubnets, planRegion } from './common';
import { maxPodsSetting } from './max-pods-setting';
import { toYaml, yamlComments, type YamlMap } from './yaml';

/** Placeholder for the VPC ID, which a plan does not hold. */
export const VPC_ID_PLACEHOLDER = 'vpc-REPLACE-ME';

/**
 * A managed node group name (letters, digits, `-`, `_`; starts with a letter or digit; ≤ 63), unique.
 * @example nodeGroupName('GPU pool', new Set()) === 'GPU-pool'
 */
export function nodeGroupName(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 60) || 'nodes';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}-${i}`;
  taken.add(n);
  return n;
}

function subnetSpec(s: Subnet): YamlMap {
  return { id: isSubnetId(s.name) ? s.name : undefined, az: s.az, cidr: s.cidr };
}

/** The ClusterConfig as data (tests compare it field by field). */
export function eksctlConfig(plan: Plan, dataset: InstanceDataset): YamlMap {
  const env = cniEnvObject(plan.cni);
  const subnets = nodeSubnets(plan);
  const taken = new Set<string>();
  return {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: clusterName(plan), region: planRegion(plan) ?? 'REPLACE-ME-region' },
    vpc: {
      id: VPC_ID_PLACEHOLDER,
      cidr: plan.vpc.cidrs[0],
      subnets: subnets.length ? { private: Object.fromEntries(subnets.map((s) => [s.name, subnetSpec(s)])) } : undefined,
    },
    addons: [
      {
        name: 'vpc-cni',
        configurationValues: Object.keys(env).length ? JSON.stringify({ env }) : undefined,
      },
    ],
    managedNodeGroups: plan.nodeGroups.map((g) => {
      const setting = maxPodsSetting(g, plan.cni, dataset);
      return {
        name: nodeGroupName(g.name, taken),
        instanceType: g.instanceType,
        amiFamily: 'AmazonLinux2023',
        minSize: g.minNodes,
        desiredCapacity: g.desiredNodes,
        maxSize: g.maxNodes,
        subnets: groupSubnets(plan, g).map((s) => s.name),
        privateNetworking: true,
        maxPodsPerNode: setting.value ?? undefined,
      };
    }),
  };
}

/** The ClusterConfig as YAML with comments: what to replace, the order of steps, max pods per group. */
export function toEksctl(plan: Plan, dataset: InstanceDataset): string {
  const lines = [
    GENERATED_BY,
    `eksctl ClusterConfig for plan "${commentSafe(plan.name)}".`,
    `Replace vpc.id (${VPC_ID_PLACEHOLDER}) with the VPC's ID. The VPC, its secondary CIDRs and its subnets must exist`,
    'already (eksctl cannot add CIDR blocks): eksctl finds the node subnets by CIDR.',
  ];
  if (plan.vpc.cidrs.length > 1) lines.push(`Secondary CIDRs the VPC must have: ${plan.vpc.cidrs.slice(1).join(', ')}.`);
  if (plan.cni.customNetworking) {
    lines.push(
      'Custom networking: create the cluster with --without-nodegroup, apply the ENIConfigs,',
      'then eksctl create nodegroup -f this file (nodes started before the ENIConfigs exist keep pods on the node subnet).',
    );
  }
  plan.nodeGroups.forEach((g) => lines.push(`Node group ${g.name} (${g.instanceType}): ${maxPodsSetting(g, plan.cni, dataset).reason}.`));
  return yamlComments(lines) + toYaml(eksctlConfig(plan, dataset));
}
