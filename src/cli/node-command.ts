/** `node`: one node's addresses after the VPC CNI has settled (README, The command line). */
import type { ParseArgsConfig } from 'node:util';
import { CNI_KEYS, CNI_SETTINGS, type CniSettingSpec } from '../model/cni-settings';
import { efaLayoutProblem } from '../model/efa-layout';
import type { InstanceDataset } from '../model/instances';
import { suggestInstanceTypes } from '../model/instances';
import { DEFAULT_CNI, type CniSettings, type EfaLayout, type NodeGroupKind } from '../model/plan';
import { EFA_LAYOUTS, NODE_GROUP_KINDS } from '../model/plan-schema';
import { nodeAccounting, type NodeAccounting } from '../model/warm-pool';
import { intOption, strictParse, type Parsed } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';

const CNI_FLAGS = CNI_KEYS.map((k) => {
  const spec: CniSettingSpec = CNI_SETTINGS[k];
  return spec.type === 'flag' ? `[--${spec.flag}]` : `[--${spec.flag} N]`;
});

export const NODE_USAGE = `Usage: eks-ip-planner node --instance-type TYPE --pods N
       ${CNI_FLAGS.join(' ')}
       [--max-pods N] [--branch-pods N] [--efa-layout ${EFA_LAYOUTS.join('|')}]
       [--multi-homed-pods N] [--kind ${NODE_GROUP_KINDS.join('|')}] [--json]`;

export interface NodeArgs {
  instanceType: string;
  pods: number;
  branchPods: number;
  maxPods: number | null;
  cni: CniSettings;
  kind: NodeGroupKind;
  efaLayout: EfaLayout;
  multiHomedPods: number;
  json: boolean;
}

const OPTIONS = {
  'instance-type': { type: 'string' },
  pods: { type: 'string' },
  'max-pods': { type: 'string' },
  'branch-pods': { type: 'string' },
  'efa-layout': { type: 'string' },
  'multi-homed-pods': { type: 'string' },
  kind: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(
    CNI_KEYS.map((k) => [CNI_SETTINGS[k].flag, { type: CNI_SETTINGS[k].type === 'flag' ? 'boolean' : 'string' }]),
  ),
} as const satisfies NonNullable<ParseArgsConfig['options']>;

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): Parsed<T> {
  if (raw === undefined) return { ok: true, value: fallback };
  const v = raw.trim() as T;
  return allowed.includes(v)
    ? { ok: true, value: v }
    : { ok: false, error: `${name} must be one of ${allowed.join(', ')}, got "${raw}"` };
}

export function parseNodeArgs(args: string[]): Parsed<NodeArgs> & { help?: boolean } {
  const p = strictParse(args, OPTIONS);
  if (!p.ok) return p;
  const v = p.values as Record<string, string | boolean | undefined>;
  if (v.help) return { ok: false, error: NODE_USAGE, help: true };
  const type = v['instance-type'] as string | undefined;
  if (!type) return { ok: false, error: '--instance-type is required (e.g. --instance-type m5.large)' };
  if (v.pods === undefined) return { ok: false, error: '--pods is required: the non-hostNetwork pods on the node' };
  const n: Record<string, number | undefined> = {};
  const ints: [string, number, number][] = [
    ['pods', 0, 10000],
    ['max-pods', 1, 100000],
    ['branch-pods', 0, 10000],
    ['multi-homed-pods', 0, 10000],
  ];
  for (const [name, min, max] of ints) {
    const r = intOption(`--${name}`, v[name] as string | undefined, min, max);
    if (!r.ok) return r;
    n[name] = r.value;
  }
  const cni: Record<string, unknown> = { ...DEFAULT_CNI };
  for (const k of CNI_KEYS) {
    const spec: CniSettingSpec = CNI_SETTINGS[k];
    if (spec.type === 'flag') {
      if (v[spec.flag] !== undefined || !spec.added) cni[k] = Boolean(v[spec.flag]);
      continue;
    }
    // Optional settings take 0 as "unset", as the CNI reads an unset or zero target.
    const r = intOption(`--${spec.flag}`, v[spec.flag] as string | undefined, spec.optional ? 0 : spec.min, spec.max);
    if (!r.ok) return r;
    if (r.value !== undefined) cni[k] = spec.optional ? r.value || null : r.value;
  }
  const kind = oneOf('--kind', v.kind as string | undefined, NODE_GROUP_KINDS, 'self-managed');
  if (!kind.ok) return kind;
  const efaLayout = oneOf('--efa-layout', v['efa-layout'] as string | undefined, EFA_LAYOUTS, 'none');
  if (!efaLayout.ok) return efaLayout;
  const multiHomedPods = n['multi-homed-pods'] ?? 0;
  if (multiHomedPods > n.pods!)
    return { ok: false, error: `--multi-homed-pods (${multiHomedPods}) must be at most --pods (${n.pods})` };
  if (multiHomedPods > 0 && !cni.multiNic)
    return { ok: false, error: '--multi-homed-pods needs --multi-nic (ENABLE_MULTI_NIC=true)' };
  return {
    ok: true,
    value: {
      instanceType: type.trim(),
      pods: n.pods!,
      branchPods: n['branch-pods'] ?? 0,
      maxPods: n['max-pods'] ?? null,
      json: Boolean(v.json),
      cni: cni as CniSettings,
      kind: kind.value,
      efaLayout: efaLayout.value,
      multiHomedPods,
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
  return nodeAccounting(t.value, a.cni, {
    pods: a.pods,
    branchPods: a.branchPods,
    maxPods: a.maxPods,
    kind: a.kind,
    efaLayout: a.efaLayout,
    multiHomedPods: a.multiHomedPods,
  });
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
  const layoutError = efaLayoutProblem(t.value, p.value.efaLayout);
  if (layoutError) {
    io.err(`node: --efa-layout: ${layoutError}\n`);
    return EXIT_USAGE;
  }
  const r = runNode(dataset, p.value);
  io.out(p.value.json ? JSON.stringify(r, null, 2) + '\n' : formatNode(r));
  return EXIT_OK;
}
