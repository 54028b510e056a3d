import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify, uniqueSlug } from '../../src/catalog/slug.js';

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('RTX 3080 Founders Edition')).toBe('rtx-3080-founders-edition');
    expect(slugify('  Crème brûlée — 16GB DDR4!! ')).toBe('creme-brulee-16gb-ddr4');
    expect(slugify('***')).toBe('product');
  });

  it('always yields lower-case words joined by single dashes, at most 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slugify(name).length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3, … until free', async () => {
    const taken = new Set(['gpu', 'gpu-2']);
    expect(await uniqueSlug('gpu', async (s) => taken.has(s))).toBe('gpu-3');
    expect(await uniqueSlug('cpu', async (s) => taken.has(s))).toBe('cpu');
  });
});
