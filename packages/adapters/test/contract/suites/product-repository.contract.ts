import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cents, DomainError } from '@giggatek/domain';
import type { Id, ProductFilter, ProductRepository } from '@giggatek/domain';
import type { ContractFixture } from './fixture.js';
import { listFilter, productData, seedCatalog } from './product-fixtures.js';

const now = new Date('2026-01-15T12:00:00.123Z');
const later = new Date('2026-01-20T18:45:10.987Z');

/** Products as a repository fixture; `markReferenced` exists where the engine can fake an order line. */
export interface ProductFixture extends ContractFixture<ProductRepository> {
  markReferenced?: (productId: Id) => Promise<void>;
}

/**
 * The "referenced" case runs only for fixtures with `markReferenced` (every engine now:
 * SQL writes an order line), so `canMarkReferenced` says so up front.
 */
export function describeProductRepositoryContract(
  name: string,
  makeRepo: () => Promise<ProductFixture>,
  options: { canMarkReferenced?: boolean } = {},
): void {
  describe(`ProductRepository contract (${name})`, () => {
    let fixture: ProductFixture;
    let products: ProductRepository;
    beforeEach(async () => {
      fixture = await makeRepo();
      products = fixture.repo;
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('creates a product and reads every field back', async () => {
      const data = productData({
        slug: 'ryzen-9-7950x',
        specifications: { cores: 16, socket: 'AM5', 'boost clock': '5.7 GHz' },
        price: cents(9_000_000_000), // beyond 32 bits
        rentalRates: { 6: cents(12000), 24: cents(4000) },
        isFeatured: true,
        rentable: false,
        stock: 0,
        condition: 'Open Box',
      });
      const created = await products.create(data, now);
      expect(created.id).toBeGreaterThan(0);
      expect(created).toEqual({ ...data, id: created.id, createdAt: now, updatedAt: now });
      expect(await products.findById(created.id)).toEqual(created);
    });

    it('keeps empty specifications, images and rental rates empty', async () => {
      const created = await products.create(productData({ specifications: {}, imageUrls: [], rentalRates: {} }), now);
      expect(await products.findById(created.id)).toMatchObject({ specifications: {}, imageUrls: [], rentalRates: {} });
    });

    it('refuses a taken slug and reports which slugs exist', async () => {
      await products.create(productData({ slug: 'taken' }), now);
      const attempt = products.create(productData({ slug: 'taken' }), now);
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({ code: 'already_exists' });
      expect(await products.slugExists('taken')).toBe(true);
      expect(await products.slugExists('free')).toBe(false);
    });

    it('updates only the given fields and the update time', async () => {
      const created = await products.create(productData(), now);
      const updated = await products.update(
        created.id,
        { price: cents(45000), rentalRates: {}, imageUrls: ['/images/new.png'], isFeatured: true },
        later,
      );
      expect(updated).toEqual({
        ...created,
        price: 45000,
        rentalRates: {},
        imageUrls: ['/images/new.png'],
        isFeatured: true,
        updatedAt: later,
      });
      expect(await products.findById(created.id)).toEqual(updated);
      expect(await products.update(created.id + 1000, { price: cents(1) }, later)).toBeNull();
    });

    it('changes a slug, refusing one another product has', async () => {
      const product = await products.create(productData({ slug: 'old-name' }), now);
      await products.create(productData({ slug: 'other' }), now);
      expect(await products.changeSlug(product.id, 'new-name', later)).toBe(true);
      expect(await products.findById(product.id)).toMatchObject({ slug: 'new-name', updatedAt: later });
      expect(await products.slugExists('old-name')).toBe(false);
      await expect(products.changeSlug(product.id, 'other', later)).rejects.toMatchObject({ code: 'already_exists' });
      expect((await products.findById(product.id))?.slug).toBe('new-name');
      expect(await products.changeSlug(product.id + 1000, 'ghost', later)).toBe(false);
    });

    it('hides archived products from the list but still finds them by id', async () => {
      const active = await products.create(productData(), now);
      const archived = await products.create(productData(), now);
      await products.update(archived.id, { status: 'archived' }, later);
      const page = await products.list(listFilter());
      expect(page.items.map((p) => p.id)).toEqual([active.id]);
      expect(page.total).toBe(1);
      expect(await products.findById(archived.id)).toMatchObject({ id: archived.id, status: 'archived' });
    });

    it('finds several products by id in one call, archived too, skipping unknown ids', async () => {
      const first = await products.create(productData(), now);
      const archived = await products.create(productData(), now);
      await products.create(productData(), now);
      await products.update(archived.id, { status: 'archived' }, later);
      const found = await products.findByIds([archived.id, first.id + 1000, first.id]);
      expect([...found].sort((a, b) => a.id - b.id)).toEqual([
        await products.findById(first.id),
        await products.findById(archived.id),
      ]);
      expect(found.find((p) => p.id === archived.id)?.status).toBe('archived');
      expect(await products.findByIds([first.id + 1000])).toEqual([]);
    });

    it('finds nothing, without an error, for no ids', async () => {
      await products.create(productData(), now);
      expect(await products.findByIds([])).toEqual([]);
    });

    it('hard-deletes a product once', async () => {
      const created = await products.create(productData({ slug: 'to-delete' }), now);
      expect(await products.delete(created.id)).toBe(true);
      expect(await products.findById(created.id)).toBeNull();
      expect(await products.slugExists('to-delete')).toBe(false);
      expect(await products.delete(created.id)).toBe(false);
    });

    it('says a product without orders or rentals is not referenced', async () => {
      const created = await products.create(productData(), now);
      expect(await products.isReferenced(created.id)).toBe(false);
    });

    if (options.canMarkReferenced) {
      it('says a product is referenced once an order or rental refers to it', async () => {
        const markReferenced = fixture.markReferenced;
        if (!markReferenced) throw new Error('this fixture cannot mark a product referenced');
        const referenced = await products.create(productData(), now);
        const other = await products.create(productData(), now);
        await markReferenced(referenced.id);
        expect(await products.isReferenced(referenced.id)).toBe(true);
        expect(await products.isReferenced(other.id)).toBe(false);
      });
    }

    describe('list', () => {
      let ids: Record<string, Id>;
      beforeEach(async () => {
        ids = await seedCatalog(products);
      });

      const keysOf = (found: { id: Id }[]): string[] =>
        found.map((p) => Object.keys(ids).find((key) => ids[key] === p.id) ?? `?${p.id}`);
      const matching = async (filter: Partial<ProductFilter>): Promise<string[]> => {
        const page = await products.list(listFilter(filter));
        expect(page.total).toBe(page.items.length);
        return keysOf(page.items).sort();
      };

      it('lists active products only, with the total', async () => {
        const page = await products.list(listFilter());
        expect(keysOf(page.items).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(page).toMatchObject({ total: 5, page: 1, perPage: 50 });
      });

      it('filters by one or several categories and conditions', async () => {
        expect(await matching({ categories: ['GPUs'] })).toEqual(['a', 'b']);
        expect(await matching({ categories: ['GPUs', 'Laptops'] })).toEqual(['a', 'b', 'e']);
        expect(await matching({ categories: ['Monitors'] })).toEqual([]);
        expect(await matching({ conditions: ['Excellent'] })).toEqual(['a', 'c']);
        expect(await matching({ conditions: ['Fair', 'Refurbished'] })).toEqual(['d', 'e']);
        expect(await matching({ categories: ['CPUs'], conditions: ['Excellent'] })).toEqual(['c']);
      });

      it('filters by brand, ignoring letter case', async () => {
        expect(await matching({ brand: 'AMD' })).toEqual(['b', 'c']);
        expect(await matching({ brand: 'amd' })).toEqual(['b', 'c']);
        expect(await matching({ brand: 'Dell' })).toEqual([]);
      });

      it('filters by an inclusive price range', async () => {
        expect(await matching({ priceMin: 54999, priceMax: 89999 })).toEqual(['b', 'c', 'd']);
        expect(await matching({ priceMin: 55000 })).toEqual(['a', 'b', 'e']);
        expect(await matching({ priceMax: 54999 })).toEqual(['c', 'd']);
        expect(await matching({ priceMin: 90000, priceMax: 100000 })).toEqual([]);
      });

      it('filters by rentable and by stock', async () => {
        expect(await matching({ rentable: true })).toEqual(['a', 'b', 'e']);
        expect(await matching({ rentable: false })).toEqual(['c', 'd']);
        expect(await matching({ inStock: true })).toEqual(['a', 'c', 'd', 'e']);
        expect(await matching({ categories: ['GPUs'], inStock: true, rentable: true })).toEqual(['a']);
      });

      it('searches name, brand and description as case-insensitive text, wildcards taken literally', async () => {
        expect(await matching({ q: 'gpu' })).toEqual(['b']);
        expect(await matching({ q: 'RYZEN' })).toEqual(['c']);
        expect(await matching({ q: 'amd' })).toEqual(['b', 'c']);
        expect(await matching({ q: 'cores' })).toEqual(['c']);
        expect(await matching({ q: '100%' })).toEqual(['b']);
        expect(await matching({ q: '%' })).toEqual(['b']);
        expect(await matching({ q: '_' })).toEqual([]);
        expect(await matching({ q: 'laptop', categories: ['GPUs'] })).toEqual([]);
      });

      const sorted = async (sort: ProductFilter['sort']): Promise<string[]> =>
        keysOf((await products.list(listFilter({ sort }))).items);

      it('sorts featured first, then newest, ties by id', async () => {
        expect(await sorted('featured')).toEqual(['c', 'a', 'd', 'b', 'e']);
      });

      it('sorts newest first, ties by id', async () => {
        expect(await sorted('newest')).toEqual(['c', 'd', 'b', 'a', 'e']);
      });

      it('sorts by price both ways, ties by id in the same direction', async () => {
        expect(await sorted('price_asc')).toEqual(['c', 'd', 'b', 'e', 'a']);
        expect(await sorted('price_desc')).toEqual(['a', 'e', 'b', 'd', 'c']);
      });

      it('sorts by name ignoring letter case', async () => {
        expect(await sorted('name')).toEqual(['d', 'b', 'a', 'c', 'e']);
      });

      it('pages through the sorted list with the total on every page', async () => {
        const page = async (n: number, extra: Partial<ProductFilter> = {}) =>
          products.list(listFilter({ sort: 'newest', perPage: 2, page: n, ...extra }));
        const pages = await Promise.all([1, 2, 3, 4].map((n) => page(n)));
        expect(pages.map((p) => keysOf(p.items))).toEqual([['c', 'd'], ['b', 'a'], ['e'], []]);
        for (const [index, p] of pages.entries()) expect(p).toMatchObject({ total: 5, page: index + 1, perPage: 2 });

        const gpus = await page(2, { categories: ['GPUs'], perPage: 1, sort: 'price_asc' });
        expect(keysOf(gpus.items)).toEqual(['a']);
        expect(gpus.total).toBe(2);
      });
    });
  });
}
