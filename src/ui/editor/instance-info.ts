/**
 * Instance-type facts for the editor: search over all types, accelerators, the draft's max pods (pure;
 * reads the draft's text fields leniently). The max-pods numbers are the model's (max-pods.ts maxPodsNumbers).
 */
import type { InstanceDataset, InstanceType } from '../../model/instances';
import { toNumber } from '../../state/draft';

const int = (raw: string, fallback: number | null): number | null => {
  const v = toNumber(raw, fallback);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
};

/** The draft's max pods as a number, or null for the AMI's default (or text that does not parse). */
export const draftMaxPods = (raw: string): number | null => int(raw, null);

/**
 * Types matching the query, best first: exact name, then names starting with it, then the family
 * ("p5" → p5.48xlarge, p5e.48xlarge), then names containing it. Within a rank, by vCPUs.
 * @example searchInstanceTypes(dataset, 'm5.8')[0].name === 'm5.8xlarge'
 */
export function searchInstanceTypes(dataset: InstanceDataset, query: string, limit = 60): InstanceType[] {
  const q = query.trim().toLowerCase();
  const rank = (name: string) =>
    name === q
      ? 0
      : name.startsWith(q)
        ? 1
        : name.split('.')[0]!.startsWith(q.split('.')[0]!) && name.includes(q.split('.')[1] ?? '')
          ? 2
          : name.includes(q)
            ? 3
            : 9;
  const hits: { t: InstanceType; r: number }[] = [];
  for (const t of dataset.types) {
    const r = q ? rank(t.name) : 1;
    if (r < 9) hits.push({ t, r });
  }
  hits.sort(
    (a, b) =>
      a.r - b.r ||
      family(a.t.name).localeCompare(family(b.t.name)) ||
      (a.t.vcpus ?? 0) - (b.t.vcpus ?? 0) ||
      a.t.name.localeCompare(b.t.name),
  );
  return hits.slice(0, limit).map((h) => h.t);
}

const family = (name: string) => name.split('.')[0]!;

/**
 * A type by the name as typed, case-insensitively ("M5.LARGE " → m5.large): EC2 names are lower case.
 * @example findInstanceType(dataset, 'P5.48XLARGE')?.name === 'p5.48xlarge'
 */
export function findInstanceType(dataset: InstanceDataset, text: string): InstanceType | null {
  return dataset.byName.get(text.trim().toLowerCase()) ?? null;
}

/** Karpenter's GPU and accelerator labels as people write them: h100 → H100, radeon-pro-v520 → Radeon Pro V520. */
export function acceleratorLabel(raw: string): string {
  return raw
    .split('-')
    .map((w, i, all) => {
      // h100, a10g, t4g, l40s, ai100; NVIDIA's "RTX PRO" (AMD's "Radeon Pro" stays)
      if (/^[a-z]{0,2}\d+[a-z]?$/.test(w) || w === 'rtx' || (w === 'pro' && all[i - 1] === 'rtx'))
        return w.toUpperCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/**
 * GPUs or accelerators and EFA, short: "8× H100 · 32 EFA", "16× Trainium2 · 16 EFA", "1 EFA", or
 * "EFA unknown" where Karpenter's table has no entry for the type (never 0). '' for a type with none.
 * @example acceleratorSummary(p5.48xlarge) === '8× H100 · 32 EFA'
 */
export function acceleratorSummary(t: InstanceType): string {
  const ai = t.ai;
  if (!ai) return 'EFA unknown';
  const parts: string[] = [];
  if (ai.gpus > 0) parts.push(`${ai.gpus}× ${ai.gpuName ? acceleratorLabel(ai.gpuName) : 'GPU'}`);
  if (ai.accelerators > 0) {
    parts.push(`${ai.accelerators}× ${ai.acceleratorName ? acceleratorLabel(ai.acceleratorName) : 'accelerator'}`);
  }
  if (ai.efa > 0) parts.push(`${ai.efa} EFA`);
  return parts.join(' · ');
}

/** EFA interfaces the type can carry, or null where unknown (no Karpenter entry). */
export const efaOf = (t: InstanceType): number | null => (t.ai ? t.ai.efa : null);
