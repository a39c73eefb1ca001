/** Validation messages about a node group as a whole (paths no field shown on the card shows). */
import { useIssuesUnder } from '../../state/store-context';

/** Fields every card shows; the others are listed in `shown` when the card shows them. */
const ALWAYS = [
  'name',
  'instanceType',
  'minNodes',
  'desiredNodes',
  'maxNodes',
  'podsPerNode',
  'maxPods',
  'subnets',
  'podSubnets',
  'kind',
];
const cache = new Map<string, RegExp>();

export function GroupIssues({ index, shown = {} }: { index: number; shown?: Record<string, boolean> }) {
  const fields = [...ALWAYS, ...Object.keys(shown).filter((k) => shown[k])];
  const key = fields.join('|');
  let skip = cache.get(key);
  if (!skip) cache.set(key, (skip = new RegExp(`^\\.(${key})(\\[|\\.|$)`)));
  const text = useIssuesUnder(`nodeGroups[${index}]`, skip);
  return text ? <p className="field-error">{text}</p> : null;
}
