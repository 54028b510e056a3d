import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppScheduler,
  createContainer,
  disposeContainer,
  ORDER_EXPIRY_JOB,
  orderExpiryJob,
  resolve,
  Scheduler,
  TOKENS,
} from '@giggatek/adapters';
import { MINUTE_MS } from '@giggatek/domain';
import type { SignedIn } from './support/accounts.js';
import {
  changesTo,
  customerWithAddress,
  customersWithAddresses,
  manager,
  placedOrder,
  productWith,
  signInAgain,
  stockOf,
  storedOrder,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';
import { schedulerServices } from '../src/services.js';

describe.each(ENGINES)('scheduler: expiry of unpaid orders (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let scheduler: Scheduler;
  const errors: unknown[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await manager(server);
    scheduler = createAppScheduler(schedulerServices(server.container), {
      onError: (_job, error) => errors.push(error),
    });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await server?.stop();
  });

  it(`cancels unpaid orders past order_expiry_minutes and restocks; paid and young ones stay (${engine})`, async () => {
    const productId = await productWith(server, staff.token, { price: 1_000, stock: 10 });
    const customer = await customerWithAddress(server);
    const stale = await placedOrder(server, customer, [{ product_id: productId, quantity: 3 }]);
    const paid = await placedOrder(server, customer, [{ product_id: productId, quantity: 2 }]);
    expect(
      (
        await server.request('PUT', `/api/admin/orders/${paid.id}`, {
          token: staff.token,
          body: { payment_status: 'paid' },
        })
      ).status,
    ).toBe(200);
    server.clock.advance(30 * MINUTE_MS);
    customer.token = await signInAgain(server, customer);
    const young = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }]);
    expect(await stockOf(server, productId)).toBe(4);

    // 59 minutes after the first order: nothing is old enough yet.
    server.clock.advance(29 * MINUTE_MS);
    await scheduler.runOnce(ORDER_EXPIRY_JOB);
    expect(await stockOf(server, productId)).toBe(4);

    server.clock.advance(2 * MINUTE_MS);
    await scheduler.runOnce(ORDER_EXPIRY_JOB);
    expect(errors).toEqual([]);
    const statuses = Object.fromEntries(
      await Promise.all([stale, paid, young].map(async (o) => [o.id, (await storedOrder(server, o.id)).status])),
    );
    expect(statuses).toEqual({ [stale.id]: 'cancelled', [paid.id]: 'processing', [young.id]: 'pending' });
    expect(await stockOf(server, productId)).toBe(7);

    // Running again changes nothing: the stock came back once.
    await scheduler.runOnce(ORDER_EXPIRY_JOB);
    expect(await stockOf(server, productId)).toBe(7);

    customer.token = await signInAgain(server, customer);
    const read = await server.request('GET', `/api/orders/${stale.id}`, { token: customer.token });
    expect(read.body.order.status).toBe('cancelled');
    expect(read.body.order.status_history.at(-1)).toMatchObject({
      from: 'pending',
      to: 'cancelled',
      actor: 'system:order-expiry',
    });
    const rows = await changesTo(server, stale.id, 'cancelled');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorUserId).toBeNull();

    // The young order expires in its turn.
    server.clock.advance(31 * MINUTE_MS);
    await scheduler.runOnce(ORDER_EXPIRY_JOB);
    expect((await storedOrder(server, young.id)).status).toBe('cancelled');
    expect(await stockOf(server, productId)).toBe(8);
    staff.token = await signInAgain(server, staff);
  });

  it(`honours a stored order_expiry_minutes setting (${engine})`, async () => {
    const settings = resolve(server.container, TOKENS.StoreSettings);
    await settings.set('order_expiry_minutes', 5, server.clock.now());
    try {
      staff.token = await signInAgain(server, staff);
      const productId = await productWith(server, staff.token, { price: 1_000, stock: 2 });
      const customer = await customerWithAddress(server);
      const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 2 }]);
      server.clock.advance(6 * MINUTE_MS);
      await scheduler.runOnce(ORDER_EXPIRY_JOB);
      expect((await storedOrder(server, order.id)).status).toBe('cancelled');
      expect(await stockOf(server, productId)).toBe(2);
    } finally {
      await settings.set('order_expiry_minutes', 60, server.clock.now());
    }
  });
});

describe.skipIf(!process.env.MYSQL_URL)('scheduler: two instances on one mysql database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('mysql');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two schedulers over one MySQL database expire and restock each order once (mysql)', async () => {
    const staff = await manager(server);
    const products = await Promise.all(
      [0, 1, 2].map(() => productWith(server, staff.token, { price: 1_000, stock: 100 })),
    );
    const customers = await customersWithAddresses(server, 10);
    const orders: number[] = [];
    for (const [i, customer] of customers.entries()) {
      for (const [j, productId] of products.entries()) {
        const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 + ((i + j) % 3) }]);
        orders.push(order.id);
      }
    }
    const sold = await Promise.all(products.map((id) => stockOf(server, id)));
    expect(sold.every((stock) => stock < 100)).toBe(true);
    server.clock.advance(61 * MINUTE_MS);

    // A second process: its own container, its own connection pool, the same database and clock.
    const second = createContainer(resolve(server.container, TOKENS.Config), { clock: server.clock });
    const counts: number[] = [];
    const errors: unknown[] = [];
    const schedulerFor = (container: typeof second) =>
      new Scheduler({ onError: (_job, error) => errors.push(error) }).add(
        orderExpiryJob(resolve(container, TOKENS.OrderingUseCases), (count) => counts.push(count)),
      );
    const a = schedulerFor(server.container);
    const b = schedulerFor(second);
    try {
      await Promise.all([a.runOnce(ORDER_EXPIRY_JOB), b.runOnce(ORDER_EXPIRY_JOB), a.runOnce(ORDER_EXPIRY_JOB)]);
      await Promise.all([a.runOnce(ORDER_EXPIRY_JOB), b.runOnce(ORDER_EXPIRY_JOB)]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await disposeContainer(second);
    }

    expect(errors).toEqual([]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(orders.length);
    expect(await Promise.all(products.map((id) => stockOf(server, id)))).toEqual([100, 100, 100]);
    const cancelled = await server
      .db('order_status_history')
      .whereIn('order_id', orders)
      .andWhere({ to_status: 'cancelled' });
    expect(cancelled).toHaveLength(orders.length);
    expect(new Set(cancelled.map((row) => row.order_id)).size).toBe(orders.length);
    expect(await server.db('orders').whereIn('id', orders).andWhereNot({ status: 'cancelled' })).toEqual([]);
  });
});
