/** The one text → number reader (model/number-text.ts) and its messages naming the field. */
import { describe, expect, it } from 'vitest';
import { numberField, numberIn } from '../../src/model/number-text';

describe('numberIn', () => {
  it('reads plain decimal digits, spaces around ignored', () => {
    expect(numberIn(' 42 ')).toBe(42);
    expect(numberIn('1.5')).toBe(1.5);
    expect(numberIn('1.5', { integer: true })).toBeNull();
    expect(numberIn('-3')).toBeNull();
    expect(numberIn('-3', { signed: true })).toBe(-3);
  });

  it('refuses what Number() would take but a person does not mean: empty, exponent, hex, Infinity, "1."', () => {
    for (const t of ['', '   ', '1e3', '0x10', 'Infinity', '1.', '.5', '+1', '12a'])
      expect(numberIn(t, { signed: true })).toBeNull();
  });

  it('takes thousands separators only when asked', () => {
    expect(numberIn('10,000')).toBeNull();
    expect(numberIn('10,000', { separators: true })).toBe(10000);
    expect(numberIn('10_000', { separators: true })).toBe(10000);
    expect(numberIn('10 000', { separators: true })).toBe(10000);
  });
});

describe('numberField', () => {
  it('names the field in its messages', () => {
    expect(numberField('--headroom', '12a', { integer: true, min: 0, max: 1000 })).toEqual({
      ok: false,
      error: '--headroom must be a whole number, got "12a"',
    });
    expect(numberField('--headroom', '1001', { integer: true, min: 0, max: 1000 })).toEqual({
      ok: false,
      error: '--headroom must be from 0 to 1000, got 1001',
    });
    expect(numberField('rate', 'x')).toEqual({ ok: false, error: 'rate must be a number, got "x"' });
    expect(numberField('--headroom', '20', { integer: true, min: 0, max: 1000 })).toEqual({ ok: true, value: 20 });
  });
});
