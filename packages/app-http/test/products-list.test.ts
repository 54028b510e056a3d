import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './support/accounts.js';
import { createProduct } from './support/catalog.js';
import { detailFields, expectError } from './support/expect-error.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// Created in this order, one second apart, so "newest" is the reverse.
const CATALOG = [
  {
    name: 'RTX 4090 Founders Edition',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Excellent',
    price: 159_900,
    stock: 3,
    rentable: true,
    is_featured: true,
  },
  { name: 'Radeon RX 7900 XT', category: 'GPUs', brand: 'AMD', condition: 'Good', price: 69_900, stock: 0 },
  {
    name: 'Ryzen 9 7950X',
    category: 'CPUs',
    brand: 'AMD',
    condition: 'Refurbished',
    price: 49_900,
    stock: 5,
    rentable: true,
  },
  { name: 'Core i9-13900K', category: 'CPUs', brand: 'Intel', condition: 'Open Box', price: 52_900, stock: 2 },
  {
    name: 'Samsung 990 Pro 2TB',
    category: 'Storage',
    brand: 'Samsung',
    condition: 'Excellent',
    price: 15_900,
    stock: 10,
    description: 'Blazing fast NVMe drive',
  },
  {
    name: 'Dell UltraSharp U2723QE',
    category: 'Monitors',
    brand: 'Dell',
    condition: 'Fair',
    price: 39_900,
    stock: 1,
    rentable: true,
    is_featured: true,
  },
];
const ARCHIVED = {
  name: 'Archived Titan',
  category: 'GPUs',
  brand: 'NVIDIA',
  condition: 'Good',
  price: 10_000,
  stock: 4,
};

describe.each(ENGINES)('products: list and detail (%s)', (engine) => {
  let server: TestServer;
  const idOf = new Map<string, number>();
  const idNamed = (name: string) => ({ id: idOf.get(name) as number });
  beforeAll(async () => {
    server = await startTestServer(engine);
    const manager = await signInAs(server, 'manager');
    for (const product of [...CATALOG, ARCHIVED]) {
      idOf.set(product.name, (await createProduct(server, manager.token, { description: '', ...product })).id);
      server.clock.advance(1000);
    }
    const admin = await signInAs(server, 'admin');
    const put = await server.request('PUT', `/api/products/${idOf.get(ARCHIVED.name)}`, {
      token: admin.token,
      body: { status: 'archived' },
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const list = (query: string) => server.request('GET', `/api/products${query}`);
  const names = async (query: string): Promise<string[]> => {
    const response = await list(query);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.products.map((p: { name: string }) => p.name);
  };
  const sorted = (items: string[]) => [...items].sort();
  const where = (test: (p: (typeof CATALOG)[number]) => boolean) => sorted(CATALOG.filter(test).map((p) => p.name));

  it('lists active products with the default shape and pagination', async () => {
    const response = await list('');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['pagination', 'products']);
    expect(response.body.pagination).toEqual({ page: 1, per_page: 20, total: CATALOG.length, total_pages: 1 });
    const product = response.body.products.find((p: { name: string }) => p.name === 'Ryzen 9 7950X');
    expect(product).toMatchObject({
      id: expect.any(Number),
      slug: expect.any(String),
      category: 'CPUs',
      brand: 'AMD',
      condition: 'Refurbished',
      price: 49_900,
      currency: 'usd',
      stock: 5,
      rentable: true,
      is_featured: false,
      status: 'active',
      image_urls: [],
      primary_image: null,
      specifications: {},
    });
    expect(new Date(product.created_at).toISOString()).toBe(product.created_at);
    expect(response.body.products.map((p: { name: string }) => p.name)).not.toContain(ARCHIVED.name);
  });

  it('pages: page 2 of 3 with per_page 2 continues the order of page 1', async () => {
    const all = await names('?sort=price_asc');
    const response = await list('?sort=price_asc&per_page=2&page=2');
    expect(response.body.pagination).toEqual({ page: 2, per_page: 2, total: 6, total_pages: 3 });
    expect(response.body.products.map((p: { name: string }) => p.name)).toEqual(all.slice(2, 4));
    const beyond = await list('?per_page=2&page=9');
    expect(beyond.body.products).toEqual([]);
    expect(beyond.body.pagination.total).toBe(6);
  });

  it.each([
    ['per_page=101', 'per_page'],
    ['per_page=0', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['sort=cheapest', 'sort'],
    ['price_min=-1', 'price_min'],
    ['price_max=1.5', 'price_max'],
    ['rentable=maybe', 'rentable'],
  ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
    const response = await list(`?${query}`);
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toContain(field);
  });

  it('filters by q over name, brand and description, ignoring case', async () => {
    expect(sorted(await names('?q=nvme'))).toEqual(['Samsung 990 Pro 2TB']);
    expect(sorted(await names('?q=amd'))).toEqual(where((p) => p.brand === 'AMD'));
    expect(sorted(await names('?q=ultrasharp'))).toEqual(['Dell UltraSharp U2723QE']);
    expect(await names('?q=Titan')).toEqual([]);
    expect(await names('?q=%25')).toEqual([]);
  });

  it('filters by repeated category and condition', async () => {
    expect(sorted(await names('?category=GPUs&category=CPUs'))).toEqual(
      where((p) => p.category === 'GPUs' || p.category === 'CPUs'),
    );
    expect(sorted(await names('?category=Storage'))).toEqual(['Samsung 990 Pro 2TB']);
    expect(sorted(await names('?condition=Excellent'))).toEqual(where((p) => p.condition === 'Excellent'));
    expect(sorted(await names('?condition=Excellent&condition=Open%20Box'))).toEqual(
      where((p) => ['Excellent', 'Open Box'].includes(p.condition)),
    );
    expect(sorted(await names('?category=GPUs&condition=Good'))).toEqual(['Radeon RX 7900 XT']);
  });

  it('filters by brand, price range (inclusive), rentable and in_stock', async () => {
    expect(sorted(await names('?brand=AMD'))).toEqual(where((p) => p.brand === 'AMD'));
    expect(sorted(await names('?price_min=49900&price_max=52900'))).toEqual(
      where((p) => p.price >= 49_900 && p.price <= 52_900),
    );
    expect(sorted(await names('?price_min=60000'))).toEqual(where((p) => p.price >= 60_000));
    expect(sorted(await names('?price_max=39900'))).toEqual(where((p) => p.price <= 39_900));
    expect(sorted(await names('?rentable=true'))).toEqual(where((p) => p.rentable === true));
    expect(sorted(await names('?rentable=false'))).toEqual(where((p) => !p.rentable));
    expect(sorted(await names('?in_stock=true'))).toEqual(where((p) => p.stock > 0));
    expect(sorted(await names('?in_stock=false'))).toEqual(where((p) => p.stock === 0));
  });

  it('sorts by price, name, newest and featured', async () => {
    const byPrice = [...CATALOG].sort((a, b) => a.price - b.price).map((p) => p.name);
    expect(await names('?sort=price_asc')).toEqual(byPrice);
    expect(await names('?sort=price_desc')).toEqual([...byPrice].reverse());
    expect(await names('?sort=name')).toEqual(
      CATALOG.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    const newest = CATALOG.map((p) => p.name).reverse();
    expect(await names('?sort=newest')).toEqual(newest);
    const featured = [
      ...newest.filter((n) => CATALOG.find((p) => p.name === n)?.is_featured),
      ...newest.filter((n) => !CATALOG.find((p) => p.name === n)?.is_featured),
    ];
    expect(await names('?sort=featured')).toEqual(featured);
    expect(await names('')).toEqual(featured);
  });

  it('detail: rental quotes per term by the SPEC §5 formula for a rentable product', async () => {
    const { id } = idNamed('RTX 4090 Founders Edition');
    const response = await server.request('GET', `/api/products/${id}`);
    expect(response.status).toBe(200);
    const { product } = response.body;
    expect(product).toMatchObject({ id, name: 'RTX 4090 Founders Edition', price: 159_900 });
    const markups: Record<number, number> = { 3: 500, 6: 1000, 12: 1500, 24: 2000 };
    const expected = Object.entries(markups).map(([term, bp]) => {
      const n = Number(term);
      const monthly = Math.ceil((159_900 * (10_000 + bp)) / (10_000 * n));
      return { total_months: n, term_months: n, monthly_rate: monthly, total_amount: monthly * n, currency: 'usd' };
    });
    expect(product.rental_quotes).toEqual(expected);
    expect(product.rental_quotes.find((q: { total_months: number }) => q.total_months === 12).monthly_rate).toBe(
      15_324,
    );
  });

  it('detail: no quotes for a product that is not rentable; 404 for an unknown id', async () => {
    const { id } = idNamed('Core i9-13900K');
    const response = await server.request('GET', `/api/products/${id}`);
    expect(response.body.product.rental_quotes).toEqual([]);
    expectError(await server.request('GET', '/api/products/987654'), 404, 'not_found');
    expectError(await server.request('GET', '/api/products/0'), 404);
  });

  it('detail: an archived product is still readable by id', async () => {
    const { id } = idNamed(ARCHIVED.name);
    const response = await server.request('GET', `/api/products/${id}`);
    expect(response.status).toBe(200);
    expect(response.body.product).toMatchObject({ id, status: 'archived' });
  });
});
