import { describe, expect, it } from 'vitest';
import { MemoryProductRepository, MemoryUnitOfWork } from '../../../src/memory/index.js';
import { CatalogService, FixedClock, MINUTE_MS, placementMovements } from '@giggatek/domain';
import type { Actor, ProductFilter, ProductInput } from '@giggatek/domain';
import { gpu } from '../support/products.js';

const admin: Actor = { userId: 1, role: 'admin' };
const manager: Actor = { userId: 2, role: 'manager' };
const customer: Actor = { userId: 3, role: 'customer' };

function harness(categories?: readonly string[]) {
  const clock = new FixedClock();
  const products = new MemoryProductRepository();
  const unitOfWork = new MemoryUnitOfWork([products]);
  const catalog = new CatalogService({
    products,
    clock,
    unitOfWork,
    ...(categories ? { categories: async () => categories } : {}),
  });
  return { clock, products, catalog };
}

const page = (overrides: Partial<ProductFilter> = {}): ProductFilter => ({
  page: 1,
  perPage: 20,
  sort: 'newest',
  ...overrides,
});

describe('createProduct', () => {
  it('lets managers and admins create, not customers', async () => {
    const { catalog } = harness();
    await expect(catalog.createProduct(customer, gpu())).rejects.toMatchObject({ code: 'forbidden' });
    const created = await catalog.createProduct(manager, gpu());
    expect(created).toMatchObject({ id: 1, slug: 'rtx-3080-founders-edition', status: 'active', description: '' });
  });

  it('returns copies: changing a result does not change the store', async () => {
    const { catalog } = harness();
    const created = await catalog.createProduct(admin, gpu({ specifications: { vram: '10 GB' } }));
    created.specifications.vram = 'tampered';
    created.stock = 99;
    expect(await catalog.getProduct(created.id)).toMatchObject({ stock: 3, specifications: { vram: '10 GB' } });
  });

  it('gives colliding names -2, -3 … slugs', async () => {
    const { catalog } = harness();
    const slugs = [];
    for (let i = 0; i < 3; i += 1)
      slugs.push((await catalog.createProduct(admin, gpu({ name: 'Ryzen 7 5800X' }))).slug);
    expect(slugs).toEqual(['ryzen-7-5800x', 'ryzen-7-5800x-2', 'ryzen-7-5800x-3']);
  });

  it('validates with the configured categories and names the field', async () => {
    const { catalog } = harness(['Servers']);
    await expect(catalog.createProduct(admin, gpu())).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^category: must be one of: Servers/),
    });
    await expect(catalog.createProduct(admin, gpu({ category: 'Servers' }))).resolves.toMatchObject({
      category: 'Servers',
    });
  });
});

describe('updateProduct', () => {
  it('merges the given fields and validates the whole', async () => {
    const { catalog, clock } = harness();
    const created = await catalog.createProduct(admin, gpu({ rentable: true, rentalRates: { '12': 5_000 } }));
    clock.advance(MINUTE_MS);
    const updated = await catalog.updateProduct(manager, created.id, { stock: 0 });
    expect(updated).toMatchObject({ stock: 0, price: 49_900, rentable: true, slug: created.slug });
    expect(updated.updatedAt.getTime()).toBe(created.createdAt.getTime() + MINUTE_MS);
    // Lowering the price below an existing override's coverage is caught on the merged whole.
    await expect(catalog.updateProduct(manager, created.id, { price: 60_001 })).rejects.toMatchObject({
      details: [{ field: 'rentalRates' }],
    });
    await expect(catalog.updateProduct(customer, created.id, { stock: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(catalog.updateProduct(manager, 999, { stock: 1 })).rejects.toMatchObject({
      code: 'not_found',
      message: 'product not found',
    });
  });

  it('keeps the slug unless the name changes, then finds a free one', async () => {
    const { catalog } = harness();
    const a = await catalog.createProduct(admin, gpu({ name: 'Alpha' }));
    await catalog.createProduct(admin, gpu({ name: 'Beta' }));
    expect((await catalog.updateProduct(admin, a.id, { name: 'alpha!' })).slug).toBe('alpha');
    expect((await catalog.updateProduct(admin, a.id, { name: 'Beta' })).slug).toBe('beta-2');
    expect((await catalog.getProduct(a.id)).name).toBe('Beta');
  });
});

describe('updateProduct writes only what was given', () => {
  it('never puts back a stale stock: orders taken meanwhile stay taken', async () => {
    const { catalog, clock, products } = harness();
    const created = await catalog.createProduct(admin, gpu({ stock: 10 }));
    // An order takes 3 units between the update's read and its write.
    const findById = products.findById.bind(products);
    products.findById = async (id) => {
      const stale = await findById(id);
      products.take(
        placementMovements(1, [{ productId: created.id, quantity: 3 }], {
          actor: { kind: 'user', userId: 3, role: 'customer' },
          now: clock.now(),
        }),
      );
      return stale;
    };
    const updated = await catalog.updateProduct(manager, created.id, { price: 54_900 });
    expect(updated).toMatchObject({ price: 54_900, stock: 7 });
  });

  it('lets only admins archive or restore a product (SPEC §3)', async () => {
    const { catalog } = harness();
    const created = await catalog.createProduct(admin, gpu());
    await expect(catalog.updateProduct(manager, created.id, { status: 'archived' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await catalog.getProduct(created.id)).status).toBe('active');
    await catalog.updateProduct(manager, created.id, { status: 'active', price: 1_000 });
    expect((await catalog.updateProduct(admin, created.id, { status: 'archived' })).status).toBe('archived');
  });
});

describe('deleteProduct', () => {
  it('is for admins only', async () => {
    const { catalog } = harness();
    const created = await catalog.createProduct(admin, gpu());
    await expect(catalog.deleteProduct(manager, created.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('archives a referenced product and hard-deletes the others', async () => {
    const { catalog, products } = harness();
    const sold = await catalog.createProduct(admin, gpu({ name: 'Sold' }));
    const unsold = await catalog.createProduct(admin, gpu({ name: 'Unsold' }));
    products.markReferenced(sold.id);
    expect(await catalog.deleteProduct(admin, sold.id)).toEqual({ outcome: 'archived' });
    expect(await catalog.deleteProduct(admin, unsold.id)).toEqual({ outcome: 'deleted' });
    expect((await catalog.getProduct(sold.id)).status).toBe('archived');
    await expect(catalog.getProduct(unsold.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await catalog.listProducts(page())).items).toEqual([]);
    await expect(catalog.deleteProduct(admin, unsold.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listProducts', () => {
  async function stocked() {
    const h = harness();
    const add = async (input: ProductInput) => {
      h.clock.advance(MINUTE_MS);
      return h.catalog.createProduct(admin, gpu(input));
    };
    const p = {
      cheap: await add({ name: 'GTX 1060', brand: 'NVIDIA', price: 9_900, stock: 0, condition: 'Fair' }),
      ram: await add({
        name: 'Vengeance 32GB',
        brand: 'Corsair',
        category: 'Memory',
        price: 8_900,
        description: 'Fast DDR4 kit',
      }),
      featured: await add({ name: 'RX 6800', brand: 'AMD', price: 39_900, isFeatured: true, rentable: true }),
      pricey: await add({ name: 'rtx 3090', brand: 'nvidia', price: 99_900, rentable: true }),
      archived: await add({ name: 'Old card', price: 5_000, status: 'archived' }),
    };
    return { ...h, p };
  }
  const ids = async (catalog: CatalogService, filter: Partial<ProductFilter>) =>
    (await catalog.listProducts(page(filter))).items.map((item) => item.name);

  it('sorts, active products only, ties broken by id', async () => {
    const { catalog } = await stocked();
    expect(await ids(catalog, { sort: 'newest' })).toEqual(['rtx 3090', 'RX 6800', 'Vengeance 32GB', 'GTX 1060']);
    expect(await ids(catalog, { sort: 'featured' })).toEqual(['RX 6800', 'rtx 3090', 'Vengeance 32GB', 'GTX 1060']);
    expect(await ids(catalog, { sort: 'price_asc' })).toEqual(['Vengeance 32GB', 'GTX 1060', 'RX 6800', 'rtx 3090']);
    expect(await ids(catalog, { sort: 'price_desc' })).toEqual(['rtx 3090', 'RX 6800', 'GTX 1060', 'Vengeance 32GB']);
    expect(await ids(catalog, { sort: 'name' })).toEqual(['GTX 1060', 'rtx 3090', 'RX 6800', 'Vengeance 32GB']);
  });

  it('filters by q, category, condition, brand, price, rentable and stock', async () => {
    const { catalog } = await stocked();
    expect(await ids(catalog, { q: 'ddr4' })).toEqual(['Vengeance 32GB']);
    expect(await ids(catalog, { q: 'RTX' })).toEqual(['rtx 3090']);
    expect(await ids(catalog, { categories: ['memory'] })).toEqual(['Vengeance 32GB']);
    expect(await ids(catalog, { conditions: ['Fair', 'Good'] })).toEqual(['GTX 1060']);
    expect(await ids(catalog, { brand: 'NVIDIA', sort: 'name' })).toEqual(['GTX 1060', 'rtx 3090']);
    expect(await ids(catalog, { priceMin: 8_900, priceMax: 39_900, sort: 'price_asc' })).toEqual([
      'Vengeance 32GB',
      'GTX 1060',
      'RX 6800',
    ]);
    expect(await ids(catalog, { rentable: true, sort: 'name' })).toEqual(['rtx 3090', 'RX 6800']);
    expect(await ids(catalog, { inStock: true })).not.toContain('GTX 1060');
    expect(await ids(catalog, { inStock: false })).toEqual(['GTX 1060']);
  });

  it('pages with a total', async () => {
    const { catalog } = await stocked();
    const second = await catalog.listProducts(page({ sort: 'price_asc', page: 2, perPage: 3 }));
    expect(second).toMatchObject({ total: 4, page: 2, perPage: 3 });
    expect(second.items.map((p) => p.name)).toEqual(['rtx 3090']);
  });

  it('refuses bad paging and an inverted price range', async () => {
    const { catalog } = harness();
    await expect(catalog.listProducts(page({ page: 0 }))).rejects.toMatchObject({ details: [{ field: 'page' }] });
    await expect(catalog.listProducts(page({ perPage: 101 }))).rejects.toMatchObject({
      details: [{ field: 'perPage' }],
    });
    await expect(catalog.listProducts(page({ perPage: 0 }))).rejects.toMatchObject({
      details: [{ field: 'perPage' }],
    });
    await expect(catalog.listProducts(page({ priceMin: 10, priceMax: 9 }))).rejects.toMatchObject({
      details: [{ field: 'priceMin' }],
    });
    await expect(catalog.listProducts(page({ perPage: 100, priceMin: 9, priceMax: 9 }))).resolves.toMatchObject({
      total: 0,
    });
  });
});
