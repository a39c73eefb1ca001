/** `node`: one node's addresses after the VPC CNI has settled (docs/contract.md §2). */
import type { InstanceDataset } from '../model/instances';
import { suggestInstanceTypes } from '../model/instances';
import { DEFAULT_CNI, type CniSettings } from '../model/plan';
import { nodeAccounting, type NodeAccounting } from '../model/warm-pool';
import { intOption, strictParse, type Parsed } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';

export const NODE_USAGE = `Usage: eks-ip-planner node --instance-type TYPE --pods N
       [--warm-eni-target N] [--warm-ip-target N] [--minimum-ip-target N] [--warm-prefix-target N]
       [--max-eni N] [--max-pods N] [--branch-pods N] [--prefix-delegation] [--custom-networking]
       [--pod-eni] [--json]`;

export interface NodeArgs {
  instanceType: string;
  pods: number;
  branchPods: number;
  maxPods: number | null;
  cni: CniSettings;
  json: boolean;
}

const OPTIONS = {
  'instance-type': { type: 'string' },
  pods: { type: 'string' },
  'warm-eni-target': { type: 'string' },
  'warm-ip-target': { type: 'string' },
  'minimum-ip-target': { type: 'string' },
  'warm-prefix-target': { type: 'string' },
  'max-eni': { type: 'string' },
  'max-pods': { type: 'string' },
  'branch-pods': { type: 'string' },
  'prefix-delegation': { type: 'boolean' },
  'custom-networking': { type: 'boolean' },
  'pod-eni': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseNodeArgs(args: string[]): Parsed<NodeArgs> & { help?: boolean } {
  const p = strictParse(args, OPTIONS);
  if (!p.ok) return p;
  const v = p.values as Record<string, string | boolean | undefined>;
  if (v.help) return { ok: false, error: NODE_USAGE, help: true };
  const type = v['instance-type'] as string | undefined;
  if (!type) return { ok: false, error: '--instance-type is required (e.g. --instance-type m5.large)' };
  if (v.pods === undefined) return { ok: false, error: '--pods is required: the non-hostNetwork pods on the node' };
  const ints: [string, number, number][] = [
    ['pods', 0, 10000], ['warm-eni-target', 0, 100], ['warm-ip-target', 0, 10000], ['minimum-ip-target', 0, 10000],
    ['warm-prefix-target', 0, 1000], ['max-eni', 0, 100], ['max-pods', 1, 100000], ['branch-pods', 0, 10000],
  ];
  const n: Record<string, number | undefined> = {};
  for (const [name, min, max] of ints) {
    const r = intOption(`--${name}`, v[name] as string | undefined, min, max);
    if (!r.ok) return r;
    n[name] = r.value;
  }
  return {
    ok: true,
    value: {
      instanceType: type.trim(),
      pods: n.pods!,
      branchPods: n['branch-pods'] ?? 0,
      maxPods: n['max-pods'] ?? null,
      json: Boolean(v.json),
      cni: {
        ...DEFAULT_CNI,
        warmEniTarget: n['warm-eni-target'] ?? DEFAULT_CNI.warmEniTarget,
        warmIpTarget: n['warm-ip-target'] || null,
        minimumIpTarget: n['minimum-ip-target'] || null,
        warmPrefixTarget: n['warm-prefix-target'] ?? DEFAULT_CNI.warmPrefixTarget,
        maxEni: n['max-eni'] ?? null,
        prefixDelegation: Boolean(v['prefix-delegation']),
        customNetworking: Boolean(v['custom-networking']),
        podEni: Boolean(v['pod-eni']),
      },
    },
  };
}

/** The instance type, or an error with the closest names. */
export function findType(dataset: InstanceDataset, name: string) {
  const t = dataset.byName.get(name) ?? dataset.byName.get(name.toLowerCase());
  if (t) return { ok: true as const, value: t };
  const near = suggestInstanceTypes(dataset, name);
  return { ok: false as const, error: `unknown instance type "${name}"; did you mean ${near.join(', ')}?` };
}

export function runNode(dataset: InstanceDataset, a: NodeArgs): NodeAccounting {
  const t = findType(dataset, a.instanceType);
  if (!t.ok) throw new Error(t.error);
  return nodeAccounting(t.value, a.cni, { pods: a.pods, branchPods: a.branchPods, maxPods: a.maxPods });
}

export function formatNode(r: NodeAccounting): string {
  const lines = [
    `${r.instanceType}: ${r.pods} pods, max pods ${r.maxPods} (effective ${r.effectiveMaxPods})`,
    `  mode              ${r.mode}${r.prefixFallback ? ' (prefix delegation not supported: secondary IPs)' : ''}`,
    `  ENIs              ${r.enis}`,
    `  pod addresses     ${r.ips}${r.prefixes ? ` (${r.prefixes} /28 prefixes)` : ''}, ${r.warmIps} warm`,
    `  node subnet       ${r.nodeSubnetIps}`,
    `  pod subnet        ${r.podSubnetIps}`,
    `  pods without IP   ${r.podsWithoutIp}`,
  ];
  return lines.join('\n') + '\n';
}

export async function runNodeCommand(args: string[], io: CliIo, dataset: InstanceDataset): Promise<number> {
  const p = parseNodeArgs(args);
  if (!p.ok) {
    if (p.help) {
      io.out(NODE_USAGE + '\n');
      return EXIT_OK;
    }
    io.err(`node: ${p.error}\n`);
    return EXIT_USAGE;
  }
  const t = findType(dataset, p.value.instanceType);
  if (!t.ok) {
    io.err(`node: --instance-type: ${t.error}\n`);
    return EXIT_USAGE;
  }
  const r = runNode(dataset, p.value);
  io.out(p.value.json ? JSON.stringify(r, null, 2) + '\n' : formatNode(r));
  return EXIT_OK;
}
