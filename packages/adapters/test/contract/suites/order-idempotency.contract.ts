import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, IDEMPOTENCY_KEY_TTL_MS, isOrderIdempotencyKeyTaken } from '@giggatek/domain';
import type { Id, NewOrder, OrderRepository, Product, ProductRepository } from '@giggatek/domain';
import { concurrently } from './fixture.js';
import {
  createProduct, createTestUser, newOrder, stockOf, t0, type MakeOrderFixture, type OrderFixture,
} from './order-fixtures.js';

/** placeWithStock with an idempotency key and findByIdempotencyKey: the order is the key's recovery point. */
export function describeOrderIdempotencyContract(name: string, makeFixture: MakeOrderFixture): void {
  describe(`OrderRepository idempotency key contract (${name})`, () => {
    let fixture: OrderFixture;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    let gpu: Product;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ orders, products } = fixture);
      userId = await createTestUser(fixture.users);
      gpu = await createProduct(products, 'RTX 3080', 10);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const keyed = (user: Id, key: string | null, createdAt: Date = t0): NewOrder =>
      ({ ...newOrder(user, [{ product: gpu, quantity: 1 }], { createdAt }), idempotencyKey: key });
    const orderCountOf = async (user: Id): Promise<number> => (await orders.listForUser(user, { page: 1, perPage: 50 })).total;
    const conflictOf = async (attempt: Promise<unknown>): Promise<DomainError> => {
      const error = await attempt.then(() => null, (e: unknown) => e);
      if (error instanceof DomainError) return error;
      throw new Error(`expected idempotency_conflict, got ${String(error)}`);
    };

    const hashA = 'a'.repeat(64);

    it('finds the order by its user and key, exactly as findDetail reads it, with its request fingerprint', async () => {
      const placed = await orders.placeWithStock({ ...keyed(userId, 'Key-1'), idempotencyRequestHash: hashA });
      const unhashed = await orders.placeWithStock(keyed(userId, 'no-hash'));
      const otherUser = await createTestUser(fixture.users);
      expect(await orders.findByIdempotencyKey(userId, 'Key-1')).toEqual({ ...await orders.findDetail(placed.id), idempotencyRequestHash: hashA });
      expect(await orders.findByIdempotencyKey(userId, 'no-hash')).toEqual({ ...await orders.findDetail(unhashed.id), idempotencyRequestHash: null });
      expect(await orders.findByIdempotencyKey(userId, 'key-1')).toBeNull(); // byte for byte
      expect(await orders.findByIdempotencyKey(otherUser, 'Key-1')).toBeNull();
      expect(await orders.findByIdempotencyKey(userId, 'Key-2')).toBeNull();
    });

    it('refuses a second order with the same user and key, taking nothing', async () => {
      const first = await orders.placeWithStock(keyed(userId, 'once'));
      const error = await conflictOf(orders.placeWithStock(keyed(userId, 'once', new Date(t0.getTime() + 60_000))));
      expect(error.code).toBe('idempotency_conflict');
      expect(isOrderIdempotencyKeyTaken(error)).toBe(true);
      expect(await stockOf(products, gpu.id)).toBe(9);
      expect(await orderCountOf(userId)).toBe(1);
      expect((await orders.findByIdempotencyKey(userId, 'once'))?.id).toBe(first.id);
    });

    it('looks at the key before the stock: a live key is idempotency_conflict even when stock is now short', async () => {
      await orders.placeWithStock(keyed(userId, 'first'));
      const rest = { ...newOrder(userId, [{ product: gpu, quantity: 9 }]), idempotencyKey: 'rest' };
      await orders.placeWithStock(rest); // stock is now 0
      const error = await conflictOf(orders.placeWithStock(keyed(userId, 'first', new Date(t0.getTime() + 60_000))));
      expect(isOrderIdempotencyKeyTaken(error)).toBe(true);
      expect(await stockOf(products, gpu.id)).toBe(0);
      expect(await orderCountOf(userId)).toBe(2);
    });

    it('lets keys repeat across users, by letter case, and lets any number of orders go without one', async () => {
      const otherUser = await createTestUser(fixture.users);
      await orders.placeWithStock(keyed(userId, 'shared'));
      await orders.placeWithStock(keyed(otherUser, 'shared'));
      await orders.placeWithStock(keyed(userId, 'SHARED'));
      await orders.placeWithStock(keyed(userId, null));
      await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 1 }]));
      expect(await orderCountOf(userId)).toBe(4);
      expect(await stockOf(products, gpu.id)).toBe(5);
    });

    it("hands the key to a new order once the old order is older than the key's life", async () => {
      const old = await orders.placeWithStock(keyed(userId, 'daily'));
      const almost = new Date(t0.getTime() + IDEMPOTENCY_KEY_TTL_MS - 1);
      expect((await conflictOf(orders.placeWithStock(keyed(userId, 'daily', almost)))).code).toBe('idempotency_conflict');
      const renewed = await orders.placeWithStock(keyed(userId, 'daily', new Date(t0.getTime() + IDEMPOTENCY_KEY_TTL_MS)));
      expect(renewed.id).not.toBe(old.id);
      expect((await orders.findByIdempotencyKey(userId, 'daily'))?.id).toBe(renewed.id);
      expect(await orders.findDetail(old.id)).not.toBeNull();
      expect(await orderCountOf(userId)).toBe(2);
    });

    it('places exactly one of several concurrent orders with one key, taking stock once', async () => {
      const results = await concurrently(6, () => orders.placeWithStock(keyed(userId, 'race')).then(
        (order) => order.id,
        (error: unknown) => (error instanceof DomainError ? error.code : error),
      ));
      const placed = results.filter((result) => typeof result === 'number');
      expect(placed).toHaveLength(1);
      expect(results.filter((result) => result === 'idempotency_conflict')).toHaveLength(5);
      expect(await stockOf(products, gpu.id)).toBe(9);
      expect((await orders.findByIdempotencyKey(userId, 'race'))?.id).toBe(placed[0]);
    });
  });
}
