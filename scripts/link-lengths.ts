/**
 * Share-link lengths: every preset, and a realistic production plan of 10 node groups over 12 subnets
 * (3 AZs × nodes, system, data and pod subnets; custom networking, so every group names its pod
 * subnets too). Run with `npx tsx scripts/link-lengths.ts [BASE_URL]`. The bound the issue states,
 * "a plan with 10 node groups and 12 subnets gives a link under 1,500 characters", is asserted by
 * tests/ui/library/link-length.test.ts on tenGroupPlan().
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_CNI, type NodeGroup, type Plan, type Subnet } from '../src/model/plan';
import { PRESETS } from '../src/model/presets';
import { documentLink } from '../src/model/share-link';
import type { Workspace } from '../src/model/workspace';

export const LINK_BASE = 'https://eks-ip-planner.example.com/';
export const LINK_BOUND = 1500;

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

/** 12 subnets: per AZ a /20 for nodes, a /24 for system nodes, a /22 for data nodes, and a /18 for pods (100.64/16). */
function subnets(): Subnet[] {
  return AZS.flatMap((az, i): Subnet[] => [
    { name: `prod-nodes-${az}`, az, cidr: `10.42.${i * 16}.0/20`, reservedIps: 24 },
    { name: `prod-system-${az}`, az, cidr: `10.42.${48 + i}.0/24`, reservedIps: 8 },
    { name: `prod-data-${az}`, az, cidr: `10.42.${64 + i * 4}.0/22`, reservedIps: 16 },
    { name: `prod-pods-${az}`, az, cidr: `100.64.${i * 64}.0/18` },
  ]);
}

const tier = (t: string) => AZS.map((az) => `prod-${t}-${az}`);

/** [name, instance type, subnet tier, min, desired, max, pods per node, max pods]. */
const GROUPS: [string, string, string, number, number, number, number, number | null][] = [
  ['system-critical', 'm5.xlarge', 'system', 3, 3, 6, 25, null],
  ['general-purpose', 'm5.2xlarge', 'nodes', 6, 24, 90, 40, 110],
  ['general-purpose-large', 'm5.4xlarge', 'nodes', 3, 12, 45, 80, 110],
  ['compute-batch', 'c5.4xlarge', 'nodes', 0, 10, 120, 30, null],
  ['memory-cache', 'r5.2xlarge', 'data', 3, 6, 18, 20, null],
  ['data-ingest', 'm5.4xlarge', 'data', 3, 9, 30, 35, null],
  ['gpu-inference', 'g5.12xlarge', 'nodes', 0, 4, 16, 12, null],
  ['ci-runners', 'c5.2xlarge', 'nodes', 0, 8, 60, 20, null],
  ['monitoring', 'm5.2xlarge', 'system', 3, 3, 6, 30, null],
  ['spot-workers', 'm5.2xlarge', 'nodes', 0, 30, 150, 45, 110],
];

/** A fresh copy of the 10-group, 12-subnet plan. */
export function tenGroupPlan(): Plan {
  const groups = GROUPS.map(
    ([name, instanceType, t, minNodes, desiredNodes, maxNodes, podsPerNode, maxPods]): NodeGroup => ({
      name,
      instanceType,
      subnets: tier(t),
      podSubnets: tier('pods'),
      minNodes,
      desiredNodes,
      maxNodes,
      podsPerNode,
      maxPods,
    }),
  );
  return {
    version: 1,
    name: 'Production (10 node groups, 12 subnets)',
    vpc: { cidrs: ['10.42.0.0/16', '100.64.0.0/16'], subnets: subnets() },
    cni: { ...DEFAULT_CNI, customNetworking: true, warmIpTarget: 5, minimumIpTarget: 30 },
    nodeGroups: groups,
  };
}

/** [label, link length] for each preset, the 10-group plan, and that plan as one of two scenarios. */
export function linkLengths(base = LINK_BASE): [string, number][] {
  const ws = (...scenarios: Plan[]): Workspace => ({ version: 2, active: 0, scenarios });
  const big = tenGroupPlan();
  return [
    ...PRESETS.map((p): [string, number] => [`preset: ${p.name}`, documentLink(ws(p), base).length]),
    ['10 node groups, 12 subnets', documentLink(ws(big), base).length],
    [
      '10 node groups, 12 subnets, two scenarios',
      documentLink(
        ws(big, { ...big, name: 'Production, prefix delegation', cni: { ...big.cni, prefixDelegation: true } }),
        base,
      ).length,
    ],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.argv[2] ?? LINK_BASE;
  const rows = linkLengths(base);
  const width = Math.max(...rows.map(([l]) => l.length));
  console.log(`Share-link lengths (characters, whole link with base ${base}):`);
  for (const [label, n] of rows) console.log(`  ${label.padEnd(width)}  ${n.toLocaleString('en-US').padStart(6)}`);
  const big = rows.find(([l]) => l === '10 node groups, 12 subnets')![1];
  console.log(
    `A plan with 10 node groups and 12 subnets gives a link of ${big.toLocaleString('en-US')} characters (${big < LINK_BOUND ? 'under' : 'OVER'} ${LINK_BOUND.toLocaleString('en-US')}).`,
  );
}
