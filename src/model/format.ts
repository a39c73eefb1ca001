/**
 * Numbers in text for people, the one place they are formatted: the model's messages and reports, the CLI
 * and the page (src/ui/common/format.ts re-exports these). en-US: thousands separators "1,234", half rounded up.
 */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A whole number with thousands separators (rounded as Math.round does).
 * @example fmt(12345.4) === '12,345'
 */
export const fmt = (n: number): string => whole.format(Math.round(n));

/**
 * Up to two decimals, with thousands separators (API call rates, cross-AZ gigabytes).
 * @example decimal(1234.5678) === '1,234.57'; decimal(3) === '3'
 */
export const decimal = (n: number): string => twoDecimals.format(n);

/**
 * A fraction as a whole percent; `spaced` writes "33 %" (the advisor's and the comparison's style).
 * @example percent(0.334) === '33%'; percent(0.334, { spaced: true }) === '33 %'
 */
export const percent = (fraction: number, o: { spaced?: boolean } = {}): string =>
  `${Math.round(fraction * 100)}${o.spaced ? ' %' : '%'}`;

/**
 * A part of a whole as a whole percent; a part of nothing is 0%.
 * @example pct(1, 3) === '33%'
 */
export const pct = (part: number, of: number): string => (of > 0 ? percent(part / of) : '0%');

/**
 * Bytes as megabytes (MiB) with one decimal, for size limits.
 * @example megabytes(5 * 1048576) === '5.0 MB'
 */
export const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
