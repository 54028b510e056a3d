import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SHIPPING_METHODS } from '../../src/ordering/order.js';
import { DEFAULT_PRICING, priceOrder, shippingFor } from '../../src/ordering/pricing.js';
import { cents } from '../../src/shared/money.js';

const line = (unitPrice: number, quantity: number, productId = 1) => ({
  productId,
  productName: `P${productId}`,
  unitPrice,
  quantity,
});

describe('priceOrder: SPEC §4 examples', () => {
  it('two units at 20 000 with standard shipping', () => {
    expect(priceOrder([line(20_000, 2)], 'standard', DEFAULT_PRICING)).toMatchObject({
      subtotal: 40_000,
      shipping: 999,
      tax: 3_300,
      total: 44_299,
      lines: [{ productId: 1, unitPrice: 20_000, quantity: 2, lineTotal: 40_000 }],
    });
  });

  it('rounds tax half up: one unit at 200 pays 17 (16.5 → 17)', () => {
    expect(priceOrder([line(200, 1)], 'standard', DEFAULT_PRICING).tax).toBe(17);
    // 2 × 825 / 10000 = 0.165 → 0, just under half.
    expect(priceOrder([line(2, 1)], 'standard', DEFAULT_PRICING).tax).toBe(0);
  });

  it('sums several lines before taxing', () => {
    const priced = priceOrder([line(1_000, 3, 1), line(2_500, 1, 2)], 'expedited', DEFAULT_PRICING);
    expect(priced.lines.map((l) => l.lineTotal)).toEqual([3_000, 2_500]);
    expect(priced).toMatchObject({ subtotal: 5_500, shipping: 1_999, tax: 454, total: 7_953 });
  });
});

describe('shipping', () => {
  it('makes standard shipping free from exactly 50 000', () => {
    expect(shippingFor('standard', cents(49_999), DEFAULT_PRICING)).toBe(999);
    expect(shippingFor('standard', cents(50_000), DEFAULT_PRICING)).toBe(0);
  });

  it('never makes expedited or overnight free', () => {
    expect(shippingFor('expedited', cents(1_000_000), DEFAULT_PRICING)).toBe(1_999);
    expect(shippingFor('overnight', cents(1_000_000), DEFAULT_PRICING)).toBe(3_999);
  });

  it('uses the rates and threshold it is given, not constants', () => {
    const custom = {
      taxBp: 0,
      shippingRates: { standard: cents(500), expedited: cents(700), overnight: cents(900) },
      freeStandardShippingFrom: cents(1_000),
    };
    expect(shippingFor('standard', cents(999), custom)).toBe(500);
    expect(shippingFor('standard', cents(1_000), custom)).toBe(0);
    expect(priceOrder([line(20_000, 2)], 'overnight', { ...custom, taxBp: 1_000 })).toMatchObject({
      shipping: 900,
      tax: 4_000,
      total: 44_900,
    });
  });
});

describe('priceOrder properties', () => {
  const lines = fc
    .array(
      fc.record({ unitPrice: fc.integer({ min: 1, max: 10_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) }),
      { minLength: 1, maxLength: 50 },
    )
    .map((ls) => ls.map((l, i) => line(l.unitPrice, l.quantity, i + 1)));
  const method = fc.constantFrom(...SHIPPING_METHODS);
  const taxBp = fc.integer({ min: 0, max: 5_000 });

  it('adds up, in non-negative integer cents, with tax within half a cent of exact', () => {
    fc.assert(
      fc.property(lines, method, taxBp, (ls, m, bp) => {
        const settings = { ...DEFAULT_PRICING, taxBp: bp };
        const priced = priceOrder(ls, m, settings);
        const subtotal = ls.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
        expect(priced.subtotal).toBe(subtotal);
        expect(priced.total).toBe(priced.subtotal + priced.shipping + priced.tax);
        for (const value of [
          priced.subtotal,
          priced.shipping,
          priced.tax,
          priced.total,
          ...priced.lines.map((l) => l.lineTotal),
        ]) {
          expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
        }
        const exactTax = (subtotal * bp) / 10_000;
        expect(Math.abs(priced.tax - exactTax)).toBeLessThanOrEqual(0.5);
        // Half up: an exact half goes up, never down.
        if ((subtotal * bp) % 10_000 === 5_000) expect(priced.tax).toBe(Math.ceil(exactTax));
      }),
    );
  });
});
