/** The words on the button that applies a finding's fix (a model PlanPatch). */
import { CNI_KEYS, CNI_SETTINGS } from '../../model/cni-settings';
import type { PlanPatch } from '../../model/result';

/** A short label for the button that applies a patch: "Apply: max pods = 250". */
export function describePatch(patch: PlanPatch): string {
  const names: Record<string, string> = {
    ...Object.fromEntries(
      CNI_KEYS.map((k) => [
        k,
        CNI_SETTINGS[k].type === 'flag' ? CNI_SETTINGS[k].label.toLowerCase() : CNI_SETTINGS[k].env,
      ]),
    ),
    maxPods: 'max pods',
    podsPerNode: 'pods per node',
    efaLayout: 'EFA layout',
    kind: 'node group kind',
    multiHomedPodsPerNode: 'multi-homed pods per node',
  };
  const parts = Object.entries(patch.set).map(([k, v]) => {
    const name = names[k] ?? k;
    if (typeof v === 'boolean') return `${v ? 'turn on' : 'turn off'} ${name}`;
    return `${name} ${v === null ? 'unset' : `= ${String(v)}`}`;
  });
  const text = parts.join(', ');
  return `Apply: ${text}`;
}
