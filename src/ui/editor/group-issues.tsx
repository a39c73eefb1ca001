/** Validation messages about a node group as a whole (paths no field shown on the card shows). */
import { useIssuesUnder } from '../common/field-issues';

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

/**
 * Repeated findings, grouped: one cluster-wide switch can give every node group the same problem, and
 * forty identical lines hide the one fix. Items with the same key stay together, in the order of each
 * key's first item; a key with fewer than `min` items gives its items one line each.
 * @example groupRepeated(['a', 'b', 'a'], (x) => x, 2) → [['a', 'a'], ['b']]
 */
export function groupRepeated<T>(items: readonly T[], keyOf: (item: T) => string, min = 2): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return [...byKey.values()].flatMap((list) => (list.length >= min ? [list] : list.map((item) => [item])));
}

/** A plan path with its list indexes as [*]: "nodeGroups[3].podSubnets" → "nodeGroups[*].podSubnets". */
export const pathPattern = (path: string): string => path.replace(/\[\d+\]/g, '[*]');

/** What the items of a path's first list are called: "node groups" for nodeGroups[…], and so on. */
export function listNoun(path: string, count: number): string {
  const [one, many] = /^nodeGroups\[/.test(path)
    ? ['node group', 'node groups']
    : /^vpc\.subnets\[/.test(path)
      ? ['subnet', 'subnets']
      : /^vpc\.cidrs\[/.test(path)
        ? ['VPC CIDR', 'VPC CIDRs']
        : ['field', 'fields'];
  return `${count} ${count === 1 ? one : many}`;
}

/** The index of the first list a path names: "nodeGroups[3].maxPods" → 3 (null for "cni"). */
export const listIndex = (path: string): number | null => {
  const m = /^[A-Za-z.]+\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
};

/**
 * The message as said once for many: a leading "<name>: " of its own subject is dropped, and when the
 * rest is the same for every item it stands alone, else it is the first item's, named as an example.
 * @example commonMessage([['a', 'a: no room'], ['b', 'b: no room']]) === { text: 'no room', example: null }
 */
export function commonMessage(items: readonly (readonly [subject: string, message: string])[]): {
  text: string;
  example: string | null;
} {
  const strip = ([subject, message]: readonly [string, string]) =>
    subject && message.startsWith(`${subject}: `) ? message.slice(subject.length + 2) : message;
  const texts = items.map(strip);
  const first = texts[0] ?? '';
  return texts.every((t) => t === first)
    ? { text: first, example: null }
    : { text: first, example: items[0]?.[0] ?? null };
}
