/** Number formatting for the page: the model's formats (model/format.ts), plural and field ids. */
import { fmt } from '../../model/format';

export { decimal, fmt, megabytes, pct, percent } from '../../model/format';

/** "1 node", "3 nodes". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmt(n)} ${n === 1 ? one : many}`;

/** An id-safe form of a plan path: "nodeGroups[0].maxNodes" → "f-nodeGroups-0-maxNodes". */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
