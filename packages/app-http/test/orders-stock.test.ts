import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import {
  changesTo,
  customerWithAddress,
  customersWithAddresses,
  manager,
  orderCount,
  placedOrder,
  placeOrder,
  productWith,
  stockOf,
  storedOrder,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('orders: stock and cancelling (%s)', (engine) => {
  // Requests sent at once race on MySQL; SQLite serialises their transactions (the outcome only).
  const together = engine === 'mysql' ? 'racing' : 'serialised by SQLite';
  let server: TestServer;
  let staffToken: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staffToken = (await manager(server)).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`20 orders for the last 5 units (${together}): 5 succeed, 15 get 409 naming the product, stock 0`, async () => {
    const productId = await productWith(server, staffToken, { price: 9_900, stock: 5, name: 'Ryzen 9 5950X' });
    const customers = await customersWithAddresses(server, 20);
    const before = await orderCount(server);

    const responses = await Promise.all(
      customers.map((customer) => placeOrder(server, customer, [{ product_id: productId, quantity: 1 }])),
    );

    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const response of refused) {
      expectError(response, 409, 'insufficient_stock');
      expect(response.body.shortages).toEqual([
        { product_id: productId, product_name: 'Ryzen 9 5950X', requested: 1, available: 0 },
      ]);
    }
    expect(await stockOf(server, productId)).toBe(0);
    expect(await orderCount(server)).toBe(before + 5);
    const stored = await Promise.all(created.map((r) => storedOrder(server, r.body.order.id)));
    expect(stored.flatMap((order) => order.items).filter((item) => item.productId === productId)).toHaveLength(5);
  });

  it(`a short order names every short product with its available count and takes nothing (${engine})`, async () => {
    const plenty = await productWith(server, staffToken, { price: 1_000, stock: 10 });
    const few = await productWith(server, staffToken, { price: 1_000, stock: 2, name: 'Few left' });
    const none = await productWith(server, staffToken, { price: 1_000, stock: 0, name: 'Sold out' });
    const customer = await customerWithAddress(server);
    const response = await placeOrder(server, customer, [
      { product_id: plenty, quantity: 3 },
      { product_id: few, quantity: 3 },
      { product_id: none, quantity: 1 },
    ]);
    expectError(response, 409, 'insufficient_stock');
    expect(response.body.error).toMatch(/Few left/);
    expect(response.body.shortages).toEqual(
      expect.arrayContaining([
        { product_id: few, product_name: 'Few left', requested: 3, available: 2 },
        { product_id: none, product_name: 'Sold out', requested: 1, available: 0 },
      ]),
    );
    expect(response.body.shortages).toHaveLength(2);
    expect([await stockOf(server, plenty), await stockOf(server, few), await stockOf(server, none)]).toEqual([
      10, 2, 0,
    ]);
    expect(await orderCount(server, customer.userId)).toBe(0);
  });

  it(`a customer cancels a pending unpaid order: stock comes back once, history records it (${engine})`, async () => {
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const customer = await customerWithAddress(server);
    const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 3 }]);
    expect(await stockOf(server, productId)).toBe(2);

    const cancelled = await server.request('POST', `/api/orders/${order.id}/cancel`, {
      token: customer.token,
      body: { note: 'changed my mind' },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(cancelled.body.order.status_history).toEqual([
      { from: null, to: 'pending', actor: 'customer', note: null, created_at: expect.any(String) },
      { from: 'pending', to: 'cancelled', actor: 'customer', note: 'changed my mind', created_at: expect.any(String) },
    ]);
    expect(await stockOf(server, productId)).toBe(5);

    expectError(await server.request('POST', `/api/orders/${order.id}/cancel`, { token: customer.token }), 409);
    expect(await stockOf(server, productId)).toBe(5);
    const rows = await changesTo(server, order.id, 'cancelled');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fromStatus: 'pending',
      actorUserId: customer.userId,
      actorLabel: 'customer',
      note: 'changed my mind',
    });
  });

  it(`two cancels at once (${together}): one 200, one 409, stock returned once`, async () => {
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 4 });
    const customer = await customerWithAddress(server);
    const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 4 }]);
    expect(await stockOf(server, productId)).toBe(0);
    const responses = await Promise.all(
      [1, 2].map(() => server.request('POST', `/api/orders/${order.id}/cancel`, { token: customer.token })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expectError(responses.find((r) => r.status === 409) as (typeof responses)[number], 409);
    expect(await stockOf(server, productId)).toBe(4);
    expect(await changesTo(server, order.id, 'cancelled')).toHaveLength(1);
  });

  it(`a customer cannot cancel another's order (404) nor a processing one (409) (${engine})`, async () => {
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 10 });
    const owner = await customerWithAddress(server);
    const stranger = await customerWithAddress(server);
    const order = await placedOrder(server, owner, [{ product_id: productId, quantity: 1 }]);
    expectError(
      await server.request('POST', `/api/orders/${order.id}/cancel`, { token: stranger.token }),
      404,
      'not_found',
    );

    const paid = await server.request('PUT', `/api/admin/orders/${order.id}`, {
      token: staffToken,
      body: { payment_status: 'paid' },
    });
    expect(paid.body.order.status).toBe('processing');
    const refused = await server.request('POST', `/api/orders/${order.id}/cancel`, { token: owner.token });
    expectError(refused, 409, 'invalid_transition');
    expect((await storedOrder(server, order.id)).status).toBe('processing');
    expect(await stockOf(server, productId)).toBe(9);
  });
});
