/**
 * Applies a model PlanPatch (the fix a Warning offers) to the draft. Patches speak plan values
 * (numbers, null); the draft keeps text, so values are written back as the text a user would type.
 * The button's label for a patch is the views' (src/ui/results/patch-label.ts).
 */
import type { PlanPatch } from '../model/result';
import type { Draft, DraftCni, DraftGroup } from './draft';

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * @example applyPatch(draft, { kind: 'nodeGroup', index: 0, set: { maxPods: 250 } }).nodeGroups[0].maxPods === '250'
 */
export function applyPatch(draft: Draft, patch: PlanPatch): Draft {
  if (patch.kind === 'cni') {
    const cni: DraftCni = { ...draft.cni };
    for (const [k, v] of Object.entries(patch.set)) {
      if (!(k in cni)) continue;
      const key = k as keyof DraftCni;
      if (typeof cni[key] === 'boolean') (cni as unknown as Record<string, unknown>)[key] = Boolean(v);
      else (cni as unknown as Record<string, unknown>)[key] = asText(v);
    }
    return { ...draft, cni };
  }
  const old = draft.nodeGroups[patch.index];
  if (!old) return draft;
  const g: DraftGroup = { ...old };
  for (const [k, v] of Object.entries(patch.set)) {
    if (k === 'subnets' || k === 'podSubnets')
      (g as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? [...v] : [];
    else if (k in g && k !== 'key') (g as unknown as Record<string, unknown>)[k] = asText(v);
  }
  const nodeGroups = draft.nodeGroups.slice();
  nodeGroups[patch.index] = g;
  return { ...draft, nodeGroups };
}
