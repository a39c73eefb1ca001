/** The one number formatter (model/format.ts): en-US separators, Math.round's rounding, percent styles. */
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
