import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, RecordedRefusal } from '@giggatek/domain';
import type { Id, IdempotencyStore, OrderRepository, Product, ProductRepository, UnitOfWork } from '@giggatek/domain';
import type { Engine } from './fixture.js';
import { createProduct, createTestUser, newOrder, stockOf, t0 } from './order-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
const LEASE = 120_000;

/**
 * A RecordedRefusal (a declined charge) is an answer whose record must outlive it: the
 * unit of work commits what the work wrote before it, runs the after-commit hooks, then
 * rethrows it. Any other error, a DomainError of the same code included, rolls back.
 */
export function describeRecordedRefusalWorkContract(name: string, makeEngine: () => Promise<Engine>): void {
  describe(`UnitOfWork and RecordedRefusal contract (${name})`, () => {
    let engine: Engine;
    let unitOfWork: UnitOfWork;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    let gpu: Product;
    beforeEach(async () => {
      engine = await makeEngine();
      ({ unitOfWork, orders, products } = engine);
      userId = await createTestUser(engine.users);
      gpu = await createProduct(products, 'RTX 3080', 10);
    });
    afterEach(async () => {
      await engine.dispose();
    });

    const ordersOf = async (): Promise<number> => (await orders.listForUser(userId, { page: 1, perPage: 50 })).total;
    /** Two writes (an order taking stock, a rename), a hook, then `failure` thrown. */
    const twoWritesThen = (failure: Error, hooks: string[]) =>
      unitOfWork.run(async () => {
        await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 2 }]));
        await products.update(gpu.id, { name: 'Renamed' }, t0);
        unitOfWork.afterCommit(async () => {
          hooks.push('ran');
        });
        throw failure;
      });

    it('commits the writes made before a RecordedRefusal, runs the hooks, then rethrows it', async () => {
      const refusal = new RecordedRefusal('payment_failed', 'the payment was declined', { paymentId: 7 });
      const hooks: string[] = [];
      await expect(twoWritesThen(refusal, hooks)).rejects.toBe(refusal);
      expect(await ordersOf()).toBe(1);
      expect(await products.findById(gpu.id)).toMatchObject({ name: 'Renamed', stock: 8 });
      expect(hooks).toEqual(['ran']);
    });

    it('rolls back for any other error, a DomainError with the same code included', async () => {
      for (const failure of [new DomainError('payment_failed', 'not recorded'), new Error('boom')]) {
        const hooks: string[] = [];
        await expect(twoWritesThen(failure, hooks)).rejects.toBe(failure);
        expect(await ordersOf()).toBe(0);
        expect(await products.findById(gpu.id)).toMatchObject({ name: 'RTX 3080', stock: 10 });
        expect(hooks).toEqual([]);
      }
    });

    it('commits the outer writes when the refusal comes from a nested run', async () => {
      const refusal = new RecordedRefusal('payment_requires_action', 'authenticate', { clientSecret: 'pi_x_secret' });
      await expect(
        unitOfWork.run(async () => {
          await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 1 }]));
          await unitOfWork.run(async () => {
            await products.update(gpu.id, { name: 'Inner' }, t0);
            throw refusal;
          });
        }),
      ).rejects.toBe(refusal);
      expect(await ordersOf()).toBe(1);
      expect(await products.findById(gpu.id)).toMatchObject({ name: 'Inner', stock: 9 });
    });

    it('keeps a 402 answer stored for the key after the refusal committed, beside its writes', async () => {
      const store: IdempotencyStore = engine.idempotency;
      expect(await store.claim(userId, 'pay-1', 'hash', t0, DAY, LEASE)).toEqual({ claimed: true, claimedAt: t0 });
      const refusal = new RecordedRefusal('payment_failed', 'declined');
      await expect(twoWritesThen(refusal, [])).rejects.toBe(refusal);
      // As the HTTP facility does for a stored refusal (its status from the error map).
      expect(await store.complete(userId, 'pay-1', t0, 402, JSON.stringify({ code: 'payment_failed' }))).toBe(true);
      expect(await store.claim(userId, 'pay-1', 'hash', new Date(t0.getTime() + 1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: 402, responseBody: JSON.stringify({ code: 'payment_failed' }) },
      });
      expect(await stockOf(products, gpu.id)).toBe(8);
    });
  });
}
