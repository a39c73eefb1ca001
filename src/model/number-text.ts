/**
 * Text → number, the one reader: the editor's number fields (state/draft.ts), the CLI's options
 * (cli/args.ts and the commands), the Karpenter import's --pods and the page's tool fields. Plain decimal
 * digits only: no exponent, hex, "Infinity" or empty string as 0 (what `Number(text)` would take).
 */

export interface NumberTextOptions {
  /** Commas, underscores and spaces as thousands separators ("10,000", "10_000", "10 000"). */
  separators?: boolean;
  /** A leading "-" (the range check, not the reader, then says what is wrong with a negative). */
  signed?: boolean;
  /** Whole numbers only (no "1.5"). */
  integer?: boolean;
}

/**
 * The number the text says, or null. Surrounding spaces are ignored.
 * @example numberIn('10,000', { separators: true }) === 10000; numberIn('10,000') === null
 * @example numberIn('-3', { signed: true, integer: true }) === -3; numberIn('1.5', { integer: true }) === null
 */
export function numberIn(raw: string, o: NumberTextOptions = {}): number | null {
  const s = o.separators ? raw.trim().replace(/[,_\s]/g, '') : raw.trim();
  const grammar = o.integer ? (o.signed ? /^-?\d+$/ : /^\d+$/) : o.signed ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
  return grammar.test(s) ? Number(s) : null;
}

export type NumberField = { ok: true; value: number } | { ok: false; error: string };

/**
 * A number within [min, max] read from the text, or a message naming the field and what it takes.
 * @example numberField('--headroom', '12a', { min: 0, max: 1000, integer: true, signed: true })
 *   // { ok: false, error: '--headroom must be a whole number, got "12a"' }
 */
export function numberField(
  field: string,
  raw: string,
  o: NumberTextOptions & { min?: number; max?: number } = {},
): NumberField {
  const n = numberIn(raw, o);
  if (n === null)
    return { ok: false, error: `${field} must be ${o.integer ? 'a whole number' : 'a number'}, got "${raw}"` };
  const min = o.min ?? -Infinity;
  const max = o.max ?? Infinity;
  if (n < min || n > max) return { ok: false, error: `${field} must be from ${min} to ${max}, got ${n}` };
  return { ok: true, value: n };
}
