/** CNI settings for max-pods figures in the editor, re-rendering only when those settings change. */
import { DEFAULT_CNI, type CniSettings } from '../../model/plan';
import { toNumber } from '../../state/draft';
import { selectPodCniKey } from '../../state/selectors';
import { usePlan } from '../../state/store-context';

const cache = new Map<string, CniSettings>();

/** The settings behind a selectPodCniKey string (warm targets at their defaults: they do not move max pods). */
export function podCniFromKey(key: string): CniSettings {
  let hit = cache.get(key);
  if (!hit) {
    const maxEni = toNumber(key.slice(4), null);
    hit = {
      ...DEFAULT_CNI,
      prefixDelegation: key[0] === '1',
      customNetworking: key[1] === '1',
      podEni: key[2] === '1',
      maxEni: typeof maxEni === 'number' && Number.isInteger(maxEni) && maxEni >= 1 ? maxEni : null,
    };
    cache.set(key, hit);
  }
  return hit;
}

export function usePodCni(): CniSettings {
  return podCniFromKey(usePlan(selectPodCniKey));
}
