/** Number formatting for the page: thousands separators, whole numbers, percentages. */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** @example fmt(12345.4) === '12,345' */
export const fmt = (n: number): string => whole.format(n);

/** @example pct(1, 3) === '33%'; a part of nothing is 0% */
export const pct = (part: number, whole: number): string => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;

/** "1 node", "3 nodes". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmt(n)} ${n === 1 ? one : many}`;

/** An id-safe form of a plan path: "nodeGroups[0].maxNodes" → "f-nodeGroups-0-maxNodes". */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
