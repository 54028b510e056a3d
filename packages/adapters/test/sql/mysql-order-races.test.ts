import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { Order } from '@giggatek/domain';
import { createDatabase, SqlIdempotencyStore, SqlOrderRepository } from '../../src/sql/index.js';
import { newOrder, t0 } from '../contract/suites/order-fixtures.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { emptyTables } from '../support/sql-engine.js';
import { countRows, createProduct, expectSoldOut, raceForLastUnits, raceSetup } from '../support/order-races.js';

const baseUrl = process.env.MYSQL_URL;

/** The pool as far as these tests look at it. */
interface Pool {
  max: number;
  numUsed(): number;
}

// Real concurrency: every Promise.all below runs its transactions on separate pooled
// connections at once, and the tests check that they did overlap.
describe.skipIf(!baseUrl)('order races (mysql)', () => {
  let database: FreshMysqlDatabase;
  let knex: Knex;
  let busiest = 0;
  beforeAll(async () => {
    database = await createFreshMysqlDatabase(baseUrl as string);
    knex = database.knex;
    const pool = (knex.client as { pool: Pool }).pool;
    expect(pool.max).toBeGreaterThanOrEqual(10);
    knex.on('query', () => {
      busiest = Math.max(busiest, pool.numUsed());
    });
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await emptyTables(knex);
    busiest = 0;
  });

  it('gives the last 5 units to exactly 5 of 20 parallel orders', async () => {
    const { products, orders, userId } = await raceSetup(knex);
    const product = await createProduct(products, 'Last GPUs', 5);
    const { placed, refused } = await raceForLastUnits(orders, userId, product, 20);
    expect(busiest).toBeGreaterThan(1);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expectSoldOut(refused, product);
    expect((await products.findById(product.id))?.stock).toBe(0);
    expect(await countRows(knex, 'orders')).toBe(5);
    expect(await countRows(knex, 'order_items')).toBe(5);
    expect(await countRows(knex, 'order_status_history')).toBe(5);
  });

  it('serves orders for [A, B] and [B, A] at once without a deadlock escaping', async () => {
    const { products, orders, userId } = await raceSetup(knex);
    const a = await createProduct(products, 'Product A', 10);
    const b = await createProduct(products, 'Product B', 10);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const lines =
          i % 2 === 0
            ? [
                { product: a, quantity: 1 },
                { product: b, quantity: 1 },
              ]
            : [
                { product: b, quantity: 1 },
                { product: a, quantity: 1 },
              ];
        return orders.placeWithStock(newOrder(userId, lines));
      }),
    );
    expect(busiest).toBeGreaterThan(1);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
    for (const error of refused) expect(error).toMatchObject({ code: 'insufficient_stock' });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect((await products.findById(a.id))?.stock).toBe(0);
    expect((await products.findById(b.id))?.stock).toBe(0);
    expect(await countRows(knex, 'order_items')).toBe(20);
  });

  it('lets one of two parallel cancels of an order win and returns its stock once', async () => {
    const { products, orders, userId } = await raceSetup(knex);
    const product = await createProduct(products, 'GPU', 20);
    const placed: Order[] = [];
    for (let i = 0; i < 5; i += 1)
      placed.push(await orders.placeWithStock(newOrder(userId, [{ product, quantity: 2 }])));
    const cancel = (order: Order) =>
      orders.changeStatus(order.id, {
        from: 'pending',
        to: 'cancelled',
        actor: { kind: 'user', userId, role: 'customer' },
        note: null,
        now: t0,
        restock: 'order_cancel',
        requirePaymentStatusIn: ['pending', 'failed'],
      });
    const results = await Promise.all(placed.flatMap((order) => [cancel(order), cancel(order)]));
    expect(results.filter((r) => r !== null)).toHaveLength(5);
    expect((await products.findById(product.id))?.stock).toBe(20);
    expect(await countRows(knex, 'order_status_history', { to_status: 'cancelled' })).toBe(5);
  });

  it('cancels each expired order once when two server instances run the job at once', async () => {
    const { products, orders, userId } = await raceSetup(knex);
    const product = await createProduct(products, 'GPU', 30);
    for (let i = 0; i < 12; i += 1) await orders.placeWithStock(newOrder(userId, [{ product, quantity: 2 }]));
    expect((await products.findById(product.id))?.stock).toBe(6);

    const secondServer = createDatabase(database.url);
    try {
      const expire = (repository: SqlOrderRepository) =>
        repository.cancelExpired(new Date(t0.getTime() + 60_000), 100, new Date(t0.getTime() + 61_000), {
          kind: 'system',
          name: 'order-expiry',
        });
      const [first, second] = await Promise.all([expire(orders), expire(new SqlOrderRepository(secondServer))]);
      const cancelledIds = [...first, ...second].map((order) => order.id);
      expect(cancelledIds).toHaveLength(12);
      expect(new Set(cancelledIds).size).toBe(12);
    } finally {
      await secondServer.destroy();
    }
    expect((await products.findById(product.id))?.stock).toBe(30);
    expect(await countRows(knex, 'order_status_history', { to_status: 'cancelled' })).toBe(12);
  });

  it('gives an idempotency key to exactly one of 20 parallel claims', async () => {
    const { userId } = await raceSetup(knex);
    const store = new SqlIdempotencyStore(knex);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.claim(userId, 'same-key', `hash-${i}`, t0, 86_400_000, 120_000)),
    );
    expect(busiest).toBeGreaterThan(1);
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(await countRows(knex, 'idempotency_keys')).toBe(1);
  });
});
