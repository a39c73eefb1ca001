/** `max-pods`: an offline drop-in for AWS's max-pods-calculator.sh (amazon-eks-ami @ 0ab84280
 * `templates/al2/runtime/max-pods-calculator.sh`). */
import type { InstanceDataset } from '../model/instances';
import { recommendedMaxPods, type CalculatorOptions } from '../model/max-pods';
import { numberField } from '../model/number-text';
import { strictParse, type Parsed } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { findType } from './node-command';

export const MAX_PODS_USAGE = `Usage: eks-ip-planner max-pods --instance-type TYPE | --all
       [--cni-custom-networking-enabled] [--cni-prefix-delegation-enabled]
       [--cni-max-eni N] [--show-max-allowed] [--cni-version X.Y[.Z]]`;

export interface MaxPodsArgs {
  instanceType: string | null;
  all: boolean;
  options: CalculatorOptions;
}

const OPTIONS = {
  'instance-type': { type: 'string' },
  all: { type: 'boolean' },
  'cni-custom-networking-enabled': { type: 'boolean' },
  'cni-prefix-delegation-enabled': { type: 'boolean' },
  'cni-max-eni': { type: 'string' },
  'show-max-allowed': { type: 'boolean' },
  'cni-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseMaxPodsArgs(args: string[]): Parsed<MaxPodsArgs> & { help?: boolean } {
  const p = strictParse(args, OPTIONS);
  if (!p.ok) return p;
  const v = p.values as Record<string, string | boolean | undefined>;
  if (v.help) return { ok: false, error: MAX_PODS_USAGE, help: true };
  const type = (v['instance-type'] as string | undefined)?.trim() ?? null;
  const all = Boolean(v.all);
  if (!type && !all) return { ok: false, error: 'give --instance-type TYPE or --all' };
  if (type && all) return { ok: false, error: '--instance-type and --all exclude each other' };
  let maxEni: number | null = null;
  if (v['cni-max-eni'] !== undefined) {
    const raw = String(v['cni-max-eni']).trim();
    // like the script, not range-checked: 0 gives 0 ENIs
    const n = numberField('--cni-max-eni', raw, { integer: true, signed: true });
    if (!n.ok) return n;
    maxEni = n.value;
  }
  let cniVersion: CalculatorOptions['cniVersion'];
  if (v['cni-version'] !== undefined) {
    // As the AWS script reads it: the first two dot-separated fields (`cut -d. -f1`, `-f2`), so the EKS user
    // guide's `--cni-version 1.9.0-eksbuild.1` is 1.9; whatever follows the second dot is not read.
    const m = /^(\d+)\.(\d+)(?:\.\S*)?$/.exec(String(v['cni-version']).trim());
    if (!m)
      return {
        ok: false,
        error: `--cni-version must look like 1.18.0 or 1.9.0-eksbuild.1 (major.minor…), got "${v['cni-version']}"`,
      };
    cniVersion = { major: Number(m[1]), minor: Number(m[2]) };
  }
  return {
    ok: true,
    value: {
      instanceType: type,
      all,
      options: {
        customNetworking: Boolean(v['cni-custom-networking-enabled']),
        prefixDelegation: Boolean(v['cni-prefix-delegation-enabled']),
        maxEni,
        showMaxAllowed: Boolean(v['show-max-allowed']),
        cniVersion,
      },
    },
  };
}

/** The lines the command prints: the number alone, or `TYPE N` for every type sorted by name. */
export function runMaxPods(dataset: InstanceDataset, a: MaxPodsArgs): string[] {
  if (a.all) {
    const names = dataset.types.map((t) => t.name).sort();
    return names.map((n) => `${n} ${recommendedMaxPods(dataset.byName.get(n)!, a.options)}`);
  }
  const t = findType(dataset, a.instanceType!);
  if (!t.ok) throw new Error(t.error);
  return [String(recommendedMaxPods(t.value, a.options))];
}

export async function runMaxPodsCommand(args: string[], io: CliIo, dataset: InstanceDataset): Promise<number> {
  const p = parseMaxPodsArgs(args);
  if (!p.ok) {
    if (p.help) {
      io.out(MAX_PODS_USAGE + '\n');
      return EXIT_OK;
    }
    io.err(`max-pods: ${p.error}\n`);
    return EXIT_USAGE;
  }
  if (p.value.instanceType) {
    const t = findType(dataset, p.value.instanceType);
    if (!t.ok) {
      io.err(`max-pods: --instance-type: ${t.error}\n`);
      return EXIT_USAGE;
    }
  }
  io.out(runMaxPods(dataset, p.value).join('\n') + '\n');
  return EXIT_OK;
}
