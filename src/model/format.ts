/**
 * Numbers in text for people, the one place they are formatted: the model's messages and reports, the CLI
 * and the page (src/ui/common/format.ts re-exports these). en-US: thousands separators "1,234", half rounded up.
 */

/*
 * Written out rather than with Intl.NumberFormat: constructing the first Intl formatter loads ICU's locale
 * data, ~20 ms on this project's machine, all of it before the page's first paint (the model formats its
 * messages at load). The output is Intl's for en-US, digit for digit (tests/model/format.test.ts checks it
 * against Intl with fast-check): the shortest decimal that reads back as the number, rounded half away from
 * zero, grouped by three, "-0" kept. Numbers String() writes with an exponent go to Intl, created on first use.
 */
let intlWhole: Intl.NumberFormat | undefined;
let intlTwo: Intl.NumberFormat | undefined;

/** Thousands separators on a run of digits. */
const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** Adds one to a run of decimal digits ("199" -> "200", "99" -> "100"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** `n` with at most `places` decimals, as Intl.NumberFormat('en-US', { maximumFractionDigits: places }). */
function formatTo(n: number, places: number, intl: () => Intl.NumberFormat): string {
  if (!Number.isFinite(n)) return intl().format(n);
  const text = String(Math.abs(n));
  if (text.includes('e')) return intl().format(n);
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > places) {
    const up = frac.charCodeAt(places) >= 53; // '5'
    frac = frac.slice(0, places);
    if (up) {
      const bumped = increment(int + frac);
      int = bumped.slice(0, bumped.length - places);
      frac = bumped.slice(bumped.length - places);
    }
  }
  frac = frac.replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${group(int)}${frac ? `.${frac}` : ''}`;
}

/**
 * A whole number with thousands separators (rounded as Math.round does).
 * @example fmt(12345.4) === '12,345'
 */
export const fmt = (n: number): string =>
  formatTo(Math.round(n), 0, () => (intlWhole ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })));

/**
 * Up to two decimals, with thousands separators (API call rates, cross-AZ gigabytes).
 * @example decimal(1234.5678) === '1,234.57'; decimal(3) === '3'
 */
export const decimal = (n: number): string =>
  formatTo(n, 2, () => (intlTwo ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })));

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
