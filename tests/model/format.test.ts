/** The one number formatter (model/format.ts): en-US separators, Math.round's rounding, percent styles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, fmt, megabytes, pct, percent } from '../../src/model/format';
import * as ui from '../../src/ui/common/format';

describe('number formats', () => {
  it('writes whole numbers with en-US thousands separators, rounding half up', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(999)).toBe('999');
    expect(fmt(1234)).toBe('1,234');
    expect(fmt(12345.4)).toBe('12,345');
    expect(fmt(1234567.5)).toBe('1,234,568');
    expect(fmt(-2)).toBe('-2');
  });

  it('writes up to two decimals', () => {
    expect(decimal(1234.5678)).toBe('1,234.57');
    expect(decimal(0.73)).toBe('0.73');
    expect(decimal(3)).toBe('3');
  });

  // format.ts writes the digits itself (no Intl formatter at load): Intl's en-US output is the reference.
  const intlWhole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const intlTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const numbers = fc.oneof(
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
    // Hundredths and thousandths: the halves where the shortest decimal and the binary value disagree (1.005).
    fc.integer({ min: -1e8, max: 1e8 }).map((i) => i / 1000),
    fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100 + 0.005),
    fc.constantFrom(0, -0, 0.5, -0.5, 2.5, 1.005, 2.675, 9.995, 999.995, 1e20, 1e21, 1e-7, NaN, Infinity, -Infinity),
  );

  it('writes each number as Intl.NumberFormat en-US does, digit for digit', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(fmt(n)).toBe(intlWhole.format(Math.round(n)));
        expect(decimal(n)).toBe(intlTwo.format(n));
      }),
      { numRuns: 20000 },
    );
  });

  it('rounds halves of the shortest decimal away from zero, as Intl does (not as toFixed does)', () => {
    expect(decimal(1.005)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(decimal(-0.005)).toBe('-0.01');
    expect(decimal(999.995)).toBe('1,000');
    expect(fmt(-0.4)).toBe('-0');
  });

  it('writes percentages of a fraction and of a part, a part of nothing as 0%', () => {
    expect(percent(1 / 3)).toBe('33%');
    expect(percent(0.625, { spaced: true })).toBe('63 %');
    expect(pct(2, 3)).toBe('67%');
    expect(pct(5, 0)).toBe('0%');
  });

  it('writes bytes as MB with one decimal', () => {
    expect(megabytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(megabytes(1572864)).toBe('1.5 MB');
  });

  it('is the page formatter too (one implementation)', () => {
    expect(ui.fmt).toBe(fmt);
    expect(ui.pct).toBe(pct);
  });
});
