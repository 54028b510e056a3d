import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/shared/money-format.js';

describe('formatMoney', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [99, '$0.99'],
    [100, '$1.00'],
    [123_456, '$1,234.56'],
    [44_299, '$442.99'],
    [100_000_000, '$1,000,000.00'],
    [-5, '-$0.05'],
    [-123_456, '-$1,234.56'],
    [Number.MAX_SAFE_INTEGER, '$90,071,992,547,409.91'],
  ])('%i cents → %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('refuses anything but integer cents', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });
});
