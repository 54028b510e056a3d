import { describe, expect, it } from 'vitest';
import { DEFAULT_RENTAL_POLICY, type RentalPolicy } from '../../src/renting/rental-policy.js';
import { maxTotalOfPayments, monthlyRate, quoteTerm, rentalQuotes } from '../../src/renting/rental-quote.js';
import { cents, type Cents } from '../../src/shared/money.js';

const policy = DEFAULT_RENTAL_POLICY;
const product = (price: number, rentalRates: Record<number, Cents> = {}) => ({
  price: cents(price),
  rentalRates,
  rentable: true,
});

describe('monthly rate and total (SPEC §5)', () => {
  it('P = 39 999 over 12 months: ceil(39 999 × 11 500 / 120 000) = 3 834 a month, 46 008 in all', () => {
    expect(monthlyRate(cents(39_999), 12, policy)).toBe(3_834);
    expect(quoteTerm(product(39_999), 12, policy)).toEqual({
      quote: { termMonths: 12, monthlyRate: 3_834, totalAmount: 46_008 },
    });
  });

  it('quotes every default term, rounding each rate up to a whole cent', () => {
    // 3: 13 999.65 → 14 000; 6: 7 333.15 → 7 334; 12: 3 833.24 → 3 834; 24: 1 999.95 → 2 000.
    expect(rentalQuotes(product(39_999), policy)).toEqual([
      { termMonths: 3, monthlyRate: 14_000, totalAmount: 42_000 },
      { termMonths: 6, monthlyRate: 7_334, totalAmount: 44_004 },
      { termMonths: 12, monthlyRate: 3_834, totalAmount: 46_008 },
      { termMonths: 24, monthlyRate: 2_000, totalAmount: 48_000 },
    ]);
  });

  it('does not round an exact rate: 120 000 over 12 months at 15% is 11 500', () => {
    expect(monthlyRate(cents(120_000), 12, policy)).toBe(11_500);
  });

  it('uses the markups of the policy it is given, and none for a term without one', () => {
    const custom: RentalPolicy = { ...policy, terms: [10], markupBp: { 10: 2_000 } };
    expect(monthlyRate(cents(10_000), 10, custom)).toBe(1_200);
    expect(monthlyRate(cents(10_000), 10, { ...custom, markupBp: {} })).toBe(1_000);
  });

  it('offers nothing for a product that is not rentable', () => {
    expect(rentalQuotes({ ...product(39_999), rentable: false }, policy)).toEqual([]);
  });
});

describe('overrides (rental_rates)', () => {
  it('take the place of the formula for their term only', () => {
    const quotes = rentalQuotes(product(39_999, { 12: cents(3_500) }), policy);
    expect(quotes.find((q) => q.termMonths === 12)).toEqual({
      termMonths: 12,
      monthlyRate: 3_500,
      totalAmount: 42_000,
    });
    expect(quotes.find((q) => q.termMonths === 6)?.monthlyRate).toBe(7_334);
  });

  it('may bring the total down to exactly the cash price, not below', () => {
    expect(quoteTerm(product(36_000, { 12: cents(3_000) }), 12, policy)).toEqual({
      quote: { termMonths: 12, monthlyRate: 3_000, totalAmount: 36_000 },
    });
    const below = quoteTerm(product(36_001, { 12: cents(3_000) }), 12, policy);
    expect(below).toEqual({ refusal: 'the 12-month rate × 12 is below the cash price' });
  });

  it('may bring the total up to exactly the cap, not above', () => {
    // P = 40 000: the cap is 90 000 = 12 × 7 500.
    expect(quoteTerm(product(40_000, { 12: cents(7_500) }), 12, policy)).toMatchObject({
      quote: { totalAmount: 90_000 },
    });
    expect(quoteTerm(product(40_000, { 12: cents(7_501) }), 12, policy)).toEqual({
      refusal: 'the 12-month total of payments (90012) would exceed 225% of the cash price (90000)',
    });
  });

  it('a refused override drops that term from the quotes, not the others', () => {
    const quotes = rentalQuotes(product(39_999, { 12: cents(9_000) }), policy);
    expect(quotes.map((q) => q.termMonths)).toEqual([3, 6, 24]);
  });
});

describe('quoteTerm refusals', () => {
  it('refuses a term the policy does not offer, naming the offered ones', () => {
    expect(quoteTerm(product(39_999), 18, policy)).toEqual({
      refusal: 'must be one of the offered terms: 3, 6, 12, 24 months',
    });
  });

  it('refuses a tiny price whose rate, rounded up to a cent, breaks the cap', () => {
    // P = 1: every rate rounds up to 1 cent, so 3 months cost 3 > floor(2.25) = 2.
    expect(quoteTerm(product(1), 3, policy)).toEqual({
      refusal: 'the 3-month total of payments (3) would exceed 225% of the cash price (2)',
    });
    expect(rentalQuotes(product(1), policy)).toEqual([]);
    // P = 10: 24 × 1 cent = 24 > 22, but the shorter terms fit.
    expect(rentalQuotes(product(10), policy).map((q) => q.termMonths)).toEqual([3, 6, 12]);
  });
});

describe('maxTotalOfPayments', () => {
  it('is P × max_total_bp / 10 000 rounded down', () => {
    expect(maxTotalOfPayments(cents(39_999), policy)).toBe(89_997); // 89 997.75
    expect(maxTotalOfPayments(cents(40_000), { maxTotalBp: 15_000 })).toBe(60_000);
  });
});
