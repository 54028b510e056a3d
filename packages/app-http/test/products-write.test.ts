import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { registerCustomer, signInAs, type SignedIn } from './support/accounts.js';
import { createProduct, productBody } from './support/catalog.js';
import { detailFields, expectError } from './support/expect-error.js';
import { customerWithAddress, placedOrder, storedOrder } from './support/orders.js';
import { productsNamed } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('products: create, update, delete (%s)', (engine) => {
  let server: TestServer;
  let manager: SignedIn;
  let admin: SignedIn;
  let customer: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await signInAs(server, 'manager');
    admin = await signInAs(server, 'admin');
    customer = await registerCustomer(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (body: object, token = manager.token) => server.request('POST', '/api/products', { token, body });
  // Stored state through the repository (every engine).
  const rowNamed = async (name: string) => (await productsNamed(server, name))[0];
  const countNamed = async (name: string) => (await productsNamed(server, name)).length;
  const stored = (id: number) => server.storage.products.findById(id);
  /** An order for one unit of `productId`, placed through the API by a new customer; answers its id. */
  const orderOf = async (productId: number): Promise<number> =>
    (await placedOrder(server, await customerWithAddress(server), [{ product_id: productId, quantity: 1 }])).id;

  it('a manager creates a product: 201, the presented product and the row', async () => {
    const body = productBody({
      name: 'Radeon RX 6800 16GB',
      specifications: { vram_gb: 16, bus: 'PCIe 4.0' },
      image_urls: ['https://cdn.example.com/rx6800.jpg', '/images/rx6800-back.jpg'],
      rentable: true,
      rental_rates: { 12: 5000 },
      is_featured: true,
    });
    const response = await post(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { product } = response.body;
    expect(product).toMatchObject({
      id: expect.any(Number),
      name: 'Radeon RX 6800 16GB',
      slug: expect.stringMatching(/^radeon-rx-6800-16gb/),
      category: 'GPUs',
      brand: 'NVIDIA',
      condition: 'Good',
      price: 44_900,
      currency: 'usd',
      stock: 3,
      rentable: true,
      is_featured: true,
      status: 'active',
      specifications: { vram_gb: 16, bus: 'PCIe 4.0' },
      image_urls: body.image_urls,
      primary_image: 'https://cdn.example.com/rx6800.jpg',
    });
    const row = await rowNamed('Radeon RX 6800 16GB');
    expect(row).toMatchObject({
      id: product.id,
      slug: product.slug,
      category: 'GPUs',
      stock: 3,
      status: 'active',
      price: 44_900,
      rentable: true,
    });

    const detail = await server.request('GET', `/api/products/${product.id}`);
    const twelve = detail.body.product.rental_quotes.find((q: { total_months: number }) => q.total_months === 12);
    expect(twelve).toEqual({
      total_months: 12,
      term_months: 12,
      monthly_rate: 5000,
      total_amount: 60_000,
      currency: 'usd',
    });
  });

  it('a customer gets 403 and anonymous 401; nothing is stored', async () => {
    const name = 'Forbidden Product';
    const asCustomer = await post(productBody({ name }), customer.token);
    expectError(asCustomer, 403, 'forbidden');
    const anonymous = await server.request('POST', '/api/products', { body: productBody({ name }) });
    expectError(anonymous, 401);
    expect(anonymous.body.error).toMatch(/token/i);
    expect(await countNamed(name)).toBe(0);
  });

  it.each([0, -1, 12.5, '100', null])('refuses price %j with 400 naming price', async (price) => {
    const name = `Bad price ${String(price)}`;
    const response = await post(productBody({ name, price }));
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toContain('price');
    expect(await countNamed(name)).toBe(0);
  });

  it.each([-1, 1.5, '3'])('refuses stock %j with 400 naming stock', async (stock) => {
    const name = `Bad stock ${String(stock)}`;
    const response = await post(productBody({ name, stock }));
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toContain('stock');
    expect(await countNamed(name)).toBe(0);
  });

  it('accepts stock 0', async () => {
    expect((await post(productBody({ name: 'Sold out', stock: 0 }))).status).toBe(201);
  });

  it.each([
    'http://cdn.example.com/a.jpg',
    '//evil.example.com/a.jpg',
    'javascript:alert(1)',
    'images/a.jpg',
    'https://',
  ])('refuses image URL %j with 400 naming image_urls', async (url) => {
    const name = `Bad image ${url}`.slice(0, 200);
    const response = await post(productBody({ name, image_urls: ['https://ok.example.com/x.jpg', url] }));
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toContain('image_urls');
    expect(await countNamed(name)).toBe(0);
  });

  it('refuses an unknown category and condition, naming both', async () => {
    const response = await post(productBody({ name: 'Odd', category: 'Spaceships', condition: 'Like new' }));
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response).sort()).toEqual(['category', 'condition']);
    expect(response.body.error).toMatch(/^(category|condition): /);
    expect(await countNamed('Odd')).toBe(0);
  });

  it('refuses more than 20 images', async () => {
    const response = await post(productBody({ name: 'Many pictures', image_urls: Array(21).fill('/a.jpg') }));
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toEqual(['image_urls']);
    expect(await countNamed('Many pictures')).toBe(0);
  });

  it('names each missing required field', async () => {
    const response = await post({});
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response).sort()).toEqual(['brand', 'category', 'condition', 'name', 'price', 'stock']);
  });

  it('ignores unknown fields next to price: extras are never applied', async () => {
    const response = await post(
      productBody({
        name: 'With extras',
        id: 999_999,
        slug: 'chosen-slug',
        created_at: '2000-01-01T00:00:00Z',
        owner: 'me',
      }),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.product.id).not.toBe(999_999);
    expect(response.body.product.slug).not.toBe('chosen-slug');
    expect(response.body.product.created_at).not.toMatch(/^2000/);
    expect(response.body.product).not.toHaveProperty('owner');
    const { id } = response.body.product;

    const put = await server.request('PUT', `/api/products/${id}`, {
      token: manager.token,
      body: { price: 12_345, id: 1, status_note: 'x', currency: 'eur' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.product).toMatchObject({ id, price: 12_345, currency: 'usd' });
    expect((await stored(id))?.price).toBe(12_345);
  });

  it('a manager updates the fields given; the rest stays', async () => {
    const product = await createProduct(server, manager.token, { name: 'To update', stock: 2 });
    const response = await server.request('PUT', `/api/products/${product.id}`, {
      token: manager.token,
      body: { price: 39_900, stock: 7 },
    });
    expect(response.status).toBe(200);
    expect(response.body.product).toMatchObject({
      id: product.id,
      name: 'To update',
      price: 39_900,
      stock: 7,
      brand: product.brand,
    });
    expect(await stored(product.id)).toMatchObject({ stock: 7, name: 'To update', price: 39_900 });

    const bad = await server.request('PUT', `/api/products/${product.id}`, {
      token: manager.token,
      body: { price: 0 },
    });
    expectError(bad, 400, 'validation_failed');
    expect((await stored(product.id))?.price).toBe(39_900);
    expectError(
      await server.request('PUT', `/api/products/${product.id}`, { token: customer.token, body: { price: 1 } }),
      403,
      'forbidden',
    );
    expectError(
      await server.request('PUT', '/api/products/987654', { token: manager.token, body: { price: 1 } }),
      404,
      'not_found',
    );
  });

  it('archiving (admin only) hides a product from the list but keeps it readable', async () => {
    const product = await createProduct(server, manager.token, { name: 'Soon archived', category: 'Peripherals' });
    const listed = async () =>
      (await server.request('GET', '/api/products?category=Peripherals&per_page=100')).body.products.map(
        (p: { id: number }) => p.id,
      );
    expect(await listed()).toContain(product.id);
    expectError(
      await server.request('PUT', `/api/products/${product.id}`, {
        token: manager.token,
        body: { status: 'archived' },
      }),
      403,
      'forbidden',
    );
    expect((await stored(product.id))?.status).toBe('active');
    const put = await server.request('PUT', `/api/products/${product.id}`, {
      token: admin.token,
      body: { status: 'archived' },
    });
    expect(put.body.product.status).toBe('archived');
    expect((await stored(product.id))?.status).toBe('archived');
    expect(await listed()).not.toContain(product.id);
    const detail = await server.request('GET', `/api/products/${product.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.product.status).toBe('archived');
  });

  it('delete: a manager gets 403; an admin hard-deletes an unreferenced product', async () => {
    const product = await createProduct(server, manager.token, { name: 'To delete' });
    expectError(
      await server.request('DELETE', `/api/products/${product.id}`, { token: manager.token }),
      403,
      'forbidden',
    );
    expectError(
      await server.request('DELETE', `/api/products/${product.id}`, { token: customer.token }),
      403,
      'forbidden',
    );
    expect(await stored(product.id)).not.toBeNull();

    const response = await server.request('DELETE', `/api/products/${product.id}`, { token: admin.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.message).toEqual(expect.any(String));
    expect(await stored(product.id)).toBeNull();
    expectError(await server.request('GET', `/api/products/${product.id}`), 404, 'not_found');
    expectError(
      await server.request('DELETE', `/api/products/${product.id}`, { token: admin.token }),
      404,
      'not_found',
    );
  });

  it('delete: a product on an order is archived, not deleted', async () => {
    const product = await createProduct(server, manager.token, { name: 'Ordered once' });
    await orderOf(product.id);

    const response = await server.request('DELETE', `/api/products/${product.id}`, { token: admin.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.message).toMatch(/archived/i);
    expect((await stored(product.id))?.status).toBe('archived');
    expect((await server.request('GET', `/api/products/${product.id}`)).body.product.status).toBe('archived');
  });

  it('delete: an order line appearing after the look for references archives the product, 409 (not 500)', async () => {
    const product = await createProduct(server, manager.token, { name: 'Ordered meanwhile' });
    const orderId = await orderOf(product.id);
    // The look for references misses the order line, as it would if the line were inserted
    // right after it: the delete then meets the foreign key.
    const products = resolve(server.container, TOKENS.ProductRepository);
    const isReferenced = products.isReferenced.bind(products);
    products.isReferenced = async () => false;
    try {
      const response = await server.request('DELETE', `/api/products/${product.id}`, { token: admin.token });
      expectError(response, 409, 'conflict');
      expect(response.body.error).toMatch(/archived/);
    } finally {
      products.isReferenced = isReferenced;
    }
    expect(await stored(product.id)).toMatchObject({ status: 'archived' });
    expect((await storedOrder(server, orderId)).items.map((item) => item.productId)).toEqual([product.id]);
  });
});
