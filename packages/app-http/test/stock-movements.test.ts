import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from './support/accounts.js';
import { expectError } from './support/expect-error.js';
import { customerWithAddress, manager, placedOrder, productWith, stockOf } from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §4 and §9: every stock change is a row of the stock ledger; staff read a product's.
describe.each(ENGINES)('GET /api/admin/products/:id/stock-movements (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await manager(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const movements = (id: number, query = '', token = staff.token) =>
    server.request('GET', `/api/admin/products/${id}/stock-movements${query}`, { token });

  /** Every stored movement of the product, newest first, read through the storage (any engine). */
  async function storedMovements(productId: number) {
    return (await server.storage.products.listStockMovements(productId, { page: 1, perPage: 100 })).items;
  }

  /** stock = Σ delta, checked in what is stored. */
  async function expectLedgerAddsUp(productId: number): Promise<void> {
    const total = (await storedMovements(productId)).reduce((sum, movement) => sum + movement.delta, 0);
    expect(total).toBe(await stockOf(server, productId));
  }

  it(`shows an order and its cancel after the initial stock, newest first (${engine})`, async () => {
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 5 });
    const buyer = await customerWithAddress(server);
    const order = await placedOrder(server, buyer, [{ product_id: productId, quantity: 2 }]);
    expect(await stockOf(server, productId)).toBe(3);
    await expectLedgerAddsUp(productId);
    const cancelled = await server.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

    const response = await movements(productId);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.pagination).toEqual({ page: 1, per_page: 20, total: 3, total_pages: 1 });
    expect(response.body.stock_movements).toEqual([
      {
        id: expect.any(Number),
        product_id: productId,
        delta: 2,
        reason: 'order_cancel',
        order_id: order.id,
        rental_id: null,
        actor: 'customer',
        note: null,
        created_at: expect.any(String),
      },
      expect.objectContaining({ delta: -2, reason: 'order', order_id: order.id, actor: 'customer' }),
      expect.objectContaining({
        delta: 5,
        reason: 'adjustment',
        order_id: null,
        actor: 'manager',
        note: 'initial stock',
      }),
    ]);
    expect(await stockOf(server, productId)).toBe(5);
    await expectLedgerAddsUp(productId);
  });

  it(`records a staff stock edit (PUT /api/products/:id) as an adjustment of the difference (${engine})`, async () => {
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 5 });
    const buyer = await customerWithAddress(server);
    await placedOrder(server, buyer, [{ product_id: productId, quantity: 1 }]);
    const admin = await signInAs(server, 'admin');
    const edited = await server.request('PUT', `/api/products/${productId}`, {
      token: admin.token,
      body: { stock: 12, price: 11_000 },
    });
    expect(edited.body.product, JSON.stringify(edited.body)).toMatchObject({ stock: 12, price: 11_000 });
    const [latest] = (await movements(productId)).body.stock_movements;
    expect(latest).toMatchObject({ delta: 8, reason: 'adjustment', actor: 'admin' });
    const [stored] = await storedMovements(productId);
    expect(stored).toMatchObject({ delta: 8, reason: 'adjustment', actorUserId: admin.userId, actorLabel: 'admin' });
    // A PUT that leaves the stock alone writes no movement.
    await server.request('PUT', `/api/products/${productId}`, {
      token: staff.token,
      body: { stock: 12, name: 'Renamed part' },
    });
    expect((await movements(productId)).body.pagination.total).toBe(3);
    await expectLedgerAddsUp(productId);
  });

  it(`pages the ledger (${engine})`, async () => {
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 20 });
    const buyer = await customerWithAddress(server);
    for (const quantity of [1, 2, 3]) await placedOrder(server, buyer, [{ product_id: productId, quantity }]);
    const second = await movements(productId, '?per_page=2&page=2');
    expect(second.status).toBe(200);
    expect(second.body.pagination).toEqual({ page: 2, per_page: 2, total: 4, total_pages: 2 });
    expect(second.body.stock_movements.map((m: { delta: number }) => m.delta)).toEqual([-1, 20]);
    expectError(await movements(productId, '?per_page=101'), 400, 'validation_failed');
  });

  it(`is for managers and admins only, and 404 for an unknown product (${engine})`, async () => {
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 2 });
    const buyer = await customerWithAddress(server);
    expectError(await movements(productId, '', buyer.token), 403, 'forbidden');
    expect((await server.request('GET', `/api/admin/products/${productId}/stock-movements`)).status).toBe(401);
    expectError(await movements(productId + 10_000), 404, 'not_found');
    const admin = await signInAs(server, 'admin');
    expect((await movements(productId, '', admin.token)).status).toBe(200);
  });
});
