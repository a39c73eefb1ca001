/**
 * What the requirement editor offers: Karpenter's well-known labels by short name (POOL_LABELS, plus the
 * keys accepted that do not select types), the operators, the devices a pod may request, and each label's
 * values in the dataset (families, sizes, GPU names…), computed once per label on first use.
 */
import { dataset } from '../../../data/dataset';
import type { InstanceDataset } from '../../../model/instances';
import { NON_TYPE_LABELS, POOL_DEVICES, POOL_LABELS } from '../../../model/node-pool';
import { POOL_OPERATORS } from '../../../model/plan-schema';

export interface LabelOption {
  key: string;
  /** "instance-family", "arch": the key without its prefix. */
  short: string;
  /** What the value is, for labels that take numbers: "vCPUs", "MiB". */
  unit?: string;
  /** Accepted and not used to choose types (capacity type, zone, node pool). */
  notAboutType?: boolean;
}

const UNITS: Record<string, string> = {
  'karpenter.k8s.aws/instance-cpu': 'vCPUs',
  'karpenter.k8s.aws/instance-memory': 'MiB',
  'karpenter.k8s.aws/instance-gpu-memory': 'MiB',
  'karpenter.k8s.aws/instance-gpu-count': 'GPUs',
  'karpenter.k8s.aws/instance-accelerator-count': 'accelerators',
  'karpenter.k8s.aws/instance-generation': 'generation',
};

const shortName = (key: string) => key.replace(/^.*\//, '');

/** Every key the editor offers, type labels first in POOL_LABELS's order. */
export const LABEL_OPTIONS: readonly LabelOption[] = [
  ...Object.keys(POOL_LABELS).map((key) => ({
    key,
    short: shortName(key),
    ...(UNITS[key] ? { unit: UNITS[key] } : {}),
  })),
  ...[...NON_TYPE_LABELS].map((key) => ({ key, short: shortName(key), notAboutType: true })),
];

/**
 * The full key for what was typed: a full key as is, a short name ("instance-family") when exactly one
 * key has it; else the text unchanged (the schema names what is wrong with it).
 * @example fullKey('instance-family') === 'karpenter.k8s.aws/instance-family'; fullKey('arch') === 'kubernetes.io/arch'
 */
export function fullKey(typed: string): string {
  const t = typed.trim();
  if (LABEL_OPTIONS.some((o) => o.key === t)) return t;
  const hits = LABEL_OPTIONS.filter((o) => o.short === t);
  return hits.length === 1 ? hits[0]!.key : t;
}

export const labelOption = (key: string): LabelOption | undefined => LABEL_OPTIONS.find((o) => o.key === key);

/** Labels whose values are numbers (Gt / Lt make sense on them). */
export const isNumericLabel = (key: string): boolean => UNITS[key] !== undefined;

export const OPERATOR_OPTIONS: readonly { value: (typeof POOL_OPERATORS)[number]; label: string }[] = [
  { value: 'In', label: 'In' },
  { value: 'NotIn', label: 'NotIn' },
  { value: 'Exists', label: 'Exists' },
  { value: 'DoesNotExist', label: 'DoesNotExist' },
  { value: 'Gt', label: 'Gt (greater than)' },
  { value: 'Lt', label: 'Lt (less than)' },
];

/** Devices a pod may request, with what each is. */
export const DEVICE_OPTIONS: readonly { value: string; label: string }[] = Object.keys(POOL_DEVICES).map((value) => ({
  value,
  label:
    (
      {
        'nvidia.com/gpu': 'nvidia.com/gpu (NVIDIA GPUs)',
        'amd.com/gpu': 'amd.com/gpu (AMD GPUs)',
        'aws.amazon.com/neuron': 'aws.amazon.com/neuron (Inferentia / Trainium devices)',
        'aws.amazon.com/neuroncore': 'aws.amazon.com/neuroncore (NeuronCores)',
        'vpc.amazonaws.com/efa': 'vpc.amazonaws.com/efa (EFA interfaces)',
      } as Record<string, string>
    )[value] ?? value,
}));

const VALUES: Record<string, readonly string[]> = {
  'karpenter.sh/capacity-type': ['on-demand', 'spot', 'reserved'],
  'topology.kubernetes.io/zone': [],
  'karpenter.sh/nodepool': [],
};
const cache = new Map<string, readonly string[]>();

/** SIZE order: nano < micro < … < xlarge < 2xlarge < … < metal. */
const SIZE_RANK = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];
function sizeRank(s: string): number {
  const m = /^(\d+)xlarge$/.exec(s);
  if (m) return 10 + Number(m[1]);
  const i = SIZE_RANK.indexOf(s);
  return i >= 0 ? i : s.startsWith('metal') ? 10_000 : 5_000;
}

/**
 * The values a label has among the types with Karpenter labels, in a reading order (numbers ascending,
 * sizes small to large, names alphabetically).
 * @example labelValues('karpenter.k8s.aws/instance-category') includes 'c', 'm', 'r', 'p'
 */
export function labelValues(key: string, ds: InstanceDataset = dataset): readonly string[] {
  const fixed = VALUES[key];
  if (fixed) return fixed;
  const hit = cache.get(key);
  if (hit && ds === dataset) return hit;
  const read = POOL_LABELS[key];
  if (!read) return [];
  const seen = new Set<string>();
  for (const t of ds.types) {
    if (!t.ai) continue;
    const v = read(t);
    if (v !== undefined && v !== '') seen.add(String(v));
  }
  const list = [...seen];
  if (isNumericLabel(key)) list.sort((a, b) => Number(a) - Number(b));
  else if (key.endsWith('/instance-size')) list.sort((a, b) => sizeRank(a) - sizeRank(b) || (a < b ? -1 : 1));
  else list.sort();
  if (ds === dataset) cache.set(key, list);
  return list;
}
