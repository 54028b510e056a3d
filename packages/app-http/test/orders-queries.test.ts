import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerWithAddress, manager, placedOrder, productWith, type Customer } from './support/orders.js';
import { SQL_ENGINES, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Query budget through HTTP: reading an order or a page of orders, and placing an order,
 * cost the same number of SQL queries however many items or lines there are (no N+1).
 */
// SQL only: it counts the SQL statements a request sends.
describe.each(SQL_ENGINES)('orders: a fixed number of SQL queries (%s)', (engine) => {
  let server: TestServer;
  let customer: Customer;
  let small: number;
  let large: number;
  let products: number[];
  beforeAll(async () => {
    server = await startTestServer(engine);
    const staff = await manager(server);
    products = [];
    for (let i = 0; i < 20; i += 1)
      products.push(await productWith(server, staff.token, { price: 1_000 + i, stock: 10 }));
    customer = await customerWithAddress(server);
    small = (await placedOrder(server, customer, [{ product_id: products[0] as number, quantity: 1 }])).id;
    large = (
      await placedOrder(
        server,
        customer,
        products.map((id) => ({ product_id: id, quantity: 2 })),
      )
    ).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function queriesFor(path: string, method = 'GET', body?: unknown): Promise<number> {
    let count = 0;
    const onQuery = (): void => {
      count += 1;
    };
    server.db.on('query', onQuery);
    try {
      const response = await server.request(method, path, { token: customer.token, body });
      expect(response.status, JSON.stringify(response.body)).toBe(method === 'POST' ? 201 : 200);
    } finally {
      server.db.removeListener('query', onQuery);
    }
    return count;
  }

  it(`GET /api/orders/:id: the same count for 1 item and 20 items (${engine})`, async () => {
    const one = await queriesFor(`/api/orders/${small}`);
    const twenty = await queriesFor(`/api/orders/${large}`);
    expect(one).toBeGreaterThan(0);
    expect(twenty).toBe(one);
    expect(one).toBeLessThanOrEqual(8);
  });

  it(`GET /api/orders: the same count for a page of 1 order and of 2 orders with 21 items (${engine})`, async () => {
    const onePage = await queriesFor('/api/orders?per_page=1&page=2');
    const twoOrders = await queriesFor('/api/orders');
    expect(twoOrders).toBe(onePage);
    expect(onePage).toBeLessThanOrEqual(8);
  });

  // Last: it adds orders to the customer's list the tests above page through.
  it(`POST /api/orders: the same count for 1 line and 20 lines (${engine})`, async () => {
    const order = (lines: number[]) => ({
      items: lines.map((id) => ({ product_id: id, quantity: 1 })),
      shipping_address_id: customer.addressId,
      shipping_method: 'standard',
    });
    const one = await queriesFor('/api/orders', 'POST', order(products.slice(0, 1)));
    const twenty = await queriesFor('/api/orders', 'POST', order(products));
    expect(twenty).toBe(one);
    expect(one).toBeLessThanOrEqual(25);
  });
});
