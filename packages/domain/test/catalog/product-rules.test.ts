import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateNewProduct, validateProductUpdate } from '../../src/catalog/product-rules.js';
import type { ProductInput } from '../../src/catalog/catalog-service.js';
import { DEFAULT_CATEGORIES } from '../../src/catalog/product.js';
import type { ValidationError } from '../../src/shared/errors.js';
import { gpu } from '../support/products.js';

function problems(input: ProductInput): Array<{ field: string; message: string }> {
  try {
    validateNewProduct(input, DEFAULT_CATEGORIES);
    return [];
  } catch (error) {
    return [...((error as ValidationError).details ?? [])];
  }
}

function fieldsOf(input: ProductInput): string[] {
  return problems(input).map((p) => p.field);
}

describe('product rules (SPEC §2)', () => {
  it('fills defaults for the optional fields', () => {
    expect(validateNewProduct(gpu({ condition: 'open box', category: 'gpus' }), DEFAULT_CATEGORIES)).toEqual({
      name: 'RTX 3080 Founders Edition',
      description: '',
      category: 'GPUs',
      brand: 'NVIDIA',
      condition: 'Open Box',
      specifications: {},
      imageUrls: [],
      price: 49_900,
      rentalRates: {},
      rentable: false,
      stock: 3,
      isFeatured: false,
      status: 'active',
    });
  });

  it('requires name, category, brand, condition, price and stock', () => {
    expect(fieldsOf({})).toEqual(['name', 'category', 'brand', 'condition', 'price', 'stock']);
    expect(problems({ ...gpu(), stock: undefined })).toEqual([{ field: 'stock', message: 'is required' }]);
  });

  it('checks lengths at their boundaries', () => {
    expect(fieldsOf(gpu({ name: 'n'.repeat(200), description: 'd'.repeat(10_000), brand: 'b'.repeat(100) }))).toEqual(
      [],
    );
    expect(fieldsOf(gpu({ name: 'n'.repeat(201) }))).toEqual(['name']);
    expect(fieldsOf(gpu({ name: '   ' }))).toEqual(['name']);
    expect(fieldsOf(gpu({ description: 'd'.repeat(10_001) }))).toEqual(['description']);
    expect(fieldsOf(gpu({ brand: 'b'.repeat(101) }))).toEqual(['brand']);
  });

  it('accepts only listed categories, conditions and statuses', () => {
    expect(fieldsOf(gpu({ category: 'Toasters' }))).toEqual(['category']);
    expect(problems(gpu({ condition: 'Broken' }))[0]?.message).toMatch(/Excellent, Good, Fair, Refurbished, Open Box/);
    expect(fieldsOf(gpu({ status: 'deleted' }))).toEqual(['status']);
    expect(validateNewProduct(gpu({ category: 'Toasters' }), ['Toasters']).category).toBe('Toasters');
  });

  it('wants a positive integer price and a non-negative integer stock', () => {
    for (const price of [0, -1, 10.5, Number.NaN, 2 ** 53])
      expect(fieldsOf(gpu({ price })), String(price)).toEqual(['price']);
    for (const stock of [-1, 1.5]) expect(fieldsOf(gpu({ stock }))).toEqual(['stock']);
    expect(fieldsOf(gpu({ stock: 0, price: 1 }))).toEqual([]);
  });

  it('allows up to 20 images, each https:// or a path starting with /', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `/images/${i}.jpg`);
    expect(fieldsOf(gpu({ imageUrls: twenty }))).toEqual([]);
    expect(fieldsOf(gpu({ imageUrls: [...twenty, '/one-more.jpg'] }))).toEqual(['imageUrls']);
    for (const bad of [
      'http://example.com/a.jpg',
      '//evil.example/a.jpg',
      'javascript:alert(1)',
      'images/a.jpg',
      'https://',
      '',
    ]) {
      expect(fieldsOf(gpu({ imageUrls: [bad] })), bad).toEqual(['imageUrls']);
    }
    expect(fieldsOf(gpu({ imageUrls: ['https://cdn.example.com/a.jpg', '/a.jpg'] }))).toEqual([]);
  });

  it('accepts specifications of strings and numbers, at most 50', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(fieldsOf(gpu({ specifications: fifty }))).toEqual([]);
    expect(fieldsOf(gpu({ specifications: { ...fifty, extra: 'x' } }))).toEqual(['specifications']);
    expect(fieldsOf(gpu({ specifications: { nested: { a: 1 } } as unknown as Record<string, string> }))).toEqual([
      'specifications',
    ]);
    expect(fieldsOf(gpu({ specifications: [] as unknown as Record<string, string> }))).toEqual(['specifications']);
  });

  it('takes rental rate overrides only when rate × term covers the price (SPEC §5)', () => {
    expect(
      validateNewProduct(gpu({ price: 1_200, rentalRates: { '12': 100 } }), DEFAULT_CATEGORIES).rentalRates,
    ).toEqual({ 12: 100 });
    expect(problems(gpu({ price: 1_200, rentalRates: { '12': 99 } }))[0]).toMatchObject({ field: 'rentalRates' });
    expect(fieldsOf(gpu({ rentalRates: { '0': 100_000 } }))).toEqual(['rentalRates']);
    expect(fieldsOf(gpu({ rentalRates: { '1.5': 100_000 } }))).toEqual(['rentalRates']);
    expect(fieldsOf(gpu({ rentalRates: { '6': 10_000.5 } }))).toEqual(['rentalRates']);
  });

  it('refuses an override whose total of payments exceeds 2.25 × the price, saying why', () => {
    // $1,200 for 12 months: at most $2,700 in all, $225.00 a month.
    expect(
      validateNewProduct(gpu({ price: 120_000, rentalRates: { '12': 22_500 } }), DEFAULT_CATEGORIES),
    ).toMatchObject({ rentalRates: { 12: 22_500 } });
    expect(problems(gpu({ price: 120_000, rentalRates: { '12': 22_501 } }))).toEqual([
      {
        field: 'rentalRates',
        message:
          "the rate for 12 months × 12 must be at most 225% of the price (270000): the most a rental's payments may total",
      },
    ]);
    // The cap rounds down: 2.25 × 101 = 227.25, so 3 × 76 = 228 is over it.
    expect(fieldsOf(gpu({ price: 101, rentalRates: { '3': 75 } }))).toEqual([]);
    expect(fieldsOf(gpu({ price: 101, rentalRates: { '3': 76 } }))).toEqual(['rentalRates']);
  });

  it('checks an override against the price it is saved with', () => {
    const current = validateNewProduct(gpu({ price: 120_000, rentalRates: { '12': 20_000 } }), DEFAULT_CATEGORIES);
    const product = { ...current, id: 1, slug: 'x', createdAt: new Date(0), updatedAt: new Date(0) };
    // Halving the price puts the stored override over the cap: refused with the price.
    expect(() => validateProductUpdate(product, { price: 60_000 }, DEFAULT_CATEGORIES)).toThrow(/rentalRates/);
    expect(validateProductUpdate(product, { price: 60_000, rentalRates: {} }, DEFAULT_CATEGORIES)).toEqual({
      price: 60_000,
      rentalRates: {},
    });
  });

  it('accepts a rate exactly when price ≤ rate × term ≤ floor(price × 2.25)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 100_000 }),
        (price, term, rate) => {
          const accepted = fieldsOf(gpu({ price, rentalRates: { [String(term)]: rate } })).length === 0;
          expect(accepted).toBe(rate * term >= price && rate * term * 4 <= price * 9);
        },
      ),
    );
  });

  it('wants booleans for rentable and is_featured', () => {
    expect(fieldsOf(gpu({ rentable: 'yes' as unknown as boolean, isFeatured: 1 as unknown as boolean }))).toEqual([
      'rentable',
      'isFeatured',
    ]);
  });
});
