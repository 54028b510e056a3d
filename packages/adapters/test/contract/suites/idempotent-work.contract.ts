import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CatalogService,
  DomainError,
  FixedClock,
  OrderingService,
  StoreSettings,
  type Id,
  type IdempotencyStore,
  type OrderRepository,
  type Product,
  type ProductRepository,
  type UnitOfWork,
} from '@giggatek/domain';
import { MemoryNotifier } from '../../../src/memory/index.js';
import type { Engine } from './fixture.js';
import { concurrently } from './fixture.js';
import { createProduct, createTestUser, newOrder, stockOf, t0 } from './order-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
const LEASE = 120_000;
const after = (ms: number): Date => new Date(t0.getTime() + ms);

/**
 * The idempotency facility's storage half: the store and the unit of work together, as
 * the HTTP facility uses them (claim on its own; then the work and complete in one run).
 * Also the unit of work's other users: the atomic staff update and delete-or-archive.
 */
export function describeIdempotentWorkContract(name: string, makeEngine: () => Promise<Engine>): void {
  describe(`Idempotent work: IdempotencyStore + UnitOfWork contract (${name})`, () => {
    let engine: Engine;
    let store: IdempotencyStore;
    let unitOfWork: UnitOfWork;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    let gpu: Product;
    beforeEach(async () => {
      engine = await makeEngine();
      ({ idempotency: store, unitOfWork, orders, products } = engine);
      userId = await createTestUser(engine.users);
      gpu = await createProduct(products, 'RTX 3080', 10);
    });
    afterEach(async () => {
      await engine.dispose();
    });

    const ordersOf = async (): Promise<number> => (await orders.listForUser(userId, { page: 1, perPage: 50 })).total;
    const placeTwo = () => orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 2 }]));
    /** Phase 2 as the facility runs it: the work, then the answer, in one unit of work. */
    const workAndAnswer = (claimedAt: Date, answerStore: IdempotencyStore = store) =>
      unitOfWork.run(async () => {
        const order = await placeTwo();
        if (!(await answerStore.complete(userId, 'key', claimedAt, 201, JSON.stringify({ id: order.id })))) {
          throw new Error('claim lost');
        }
        return order;
      });

    it('commits the work and its answer together', async () => {
      expect(await store.claim(userId, 'key', 'hash', t0, DAY, LEASE)).toEqual({ claimed: true, claimedAt: t0 });
      const order = await workAndAnswer(t0);
      expect(await store.claim(userId, 'key', 'hash', after(1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: 201, responseBody: JSON.stringify({ id: order.id }) },
      });
      expect(await ordersOf()).toBe(1);
      expect(await stockOf(products, gpu.id)).toBe(8);
    });

    it('leaves nothing of a request that crashed before its answer; a retry after the lease runs once', async () => {
      await store.claim(userId, 'key', 'hash', t0, DAY, LEASE);
      // The answer's write fails after the order was placed in the same unit of work.
      const crashing: IdempotencyStore = {
        claim: (...args) => store.claim(...args),
        release: (...args) => store.release(...args),
        complete: async () => {
          throw new Error('the process died before the answer was stored');
        },
      };
      await expect(workAndAnswer(t0, crashing)).rejects.toThrow('the process died');
      expect(await ordersOf()).toBe(0);
      expect(await stockOf(products, gpu.id)).toBe(10);

      // Within the lease the claim is still "in progress"; after it, a retry takes it over.
      expect(await store.claim(userId, 'key', 'hash', after(LEASE - 1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: null, createdAt: t0 },
      });
      expect(await store.claim(userId, 'key', 'hash', after(LEASE), DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: after(LEASE),
      });
      await workAndAnswer(after(LEASE));
      expect(await ordersOf()).toBe(1);
      expect(await stockOf(products, gpu.id)).toBe(8);
      expect(await store.claim(userId, 'key', 'hash', after(LEASE + 1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: 201 },
      });
    });

    it('rolls back the work of a claimer that was taken over; its complete and release do nothing', async () => {
      await store.claim(userId, 'key', 'hash', t0, DAY, LEASE);
      await store.claim(userId, 'key', 'hash', after(LEASE), DAY, LEASE); // the successor
      await expect(workAndAnswer(t0)).rejects.toThrow('claim lost');
      await store.release(userId, 'key', t0);
      expect(await ordersOf()).toBe(0);
      expect(await stockOf(products, gpu.id)).toBe(10);
      expect(await store.claim(userId, 'key', 'hash', after(LEASE + 1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: null, createdAt: after(LEASE) },
      });
      await workAndAnswer(after(LEASE));
      expect(await ordersOf()).toBe(1);
    });

    it('gives a key to exactly one of two concurrent claims, and its work runs once', async () => {
      const claims = await concurrently(2, () => store.claim(userId, 'key', 'hash', t0, DAY, LEASE));
      expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
      await workAndAnswer(t0);
      expect(await ordersOf()).toBe(1);
    });

    it('rolls every repository call of a failed run back, and runs after-commit hooks only on commit', async () => {
      const sent: string[] = [];
      await expect(
        unitOfWork.run(async () => {
          await placeTwo();
          await products.update(gpu.id, { name: 'Renamed' }, after(1));
          unitOfWork.afterCommit(async () => {
            sent.push('rolled back');
          });
          throw new Error('fails after two writes');
        }),
      ).rejects.toThrow('fails after two writes');
      expect(await products.findById(gpu.id)).toMatchObject({ name: 'RTX 3080', stock: 10 });
      expect(await ordersOf()).toBe(0);
      await unitOfWork.run(async () => {
        await placeTwo();
        unitOfWork.afterCommit(async () => {
          sent.push('committed');
        });
        expect(sent).toEqual([]);
      });
      expect(sent).toEqual(['committed']);
    });

    it('keeps a staff update that fails at its second step exactly as the order was', async () => {
      const clock = new FixedClock(t0);
      const staff = await engine.users.create({
        email: `staff-${Date.now()}@example.com`,
        passwordHash: 'x',
        firstName: 'S',
        lastName: 'T',
        phone: null,
        role: 'manager',
        createdAt: t0,
      });
      // The second repository call of the update (the tracking number) fails.
      const failingSecondStep: OrderRepository = Object.assign(Object.create(orders) as OrderRepository, {
        changeTrackingNumber: async () => {
          throw new Error('the second step failed');
        },
      });
      const service = (repository: OrderRepository) =>
        new OrderingService({
          orders: repository,
          products,
          addresses: engine.addresses,
          settings: new StoreSettings(engine.settings),
          notifier: new MemoryNotifier(),
          clock,
          unitOfWork,
        });
      const order = await placeTwo();
      const before = await orders.findDetail(order.id);
      const manager = { userId: staff.id, role: 'manager' as const };
      const update = { paymentStatus: 'paid' as const, trackingNumber: '1Z999AA10123456784' };
      await expect(service(failingSecondStep).updateOrder(manager, order.id, update)).rejects.toThrow(
        'the second step failed',
      );
      expect(await orders.findDetail(order.id)).toEqual(before);
      expect(before).toMatchObject({ status: 'pending', paymentStatus: 'pending', trackingNumber: null, payments: [] });

      // Without the failure both steps apply.
      expect(await service(orders).updateOrder(manager, order.id, update)).toMatchObject({
        status: 'processing',
        paymentStatus: 'paid',
        trackingNumber: '1Z999AA10123456784',
      });
    });

    it('archives a product that an order line refers to by the time of the delete, and says so (409)', async () => {
      const catalog = (repository: ProductRepository) =>
        new CatalogService({ products: repository, clock: new FixedClock(t0), unitOfWork });
      // The order line appears after the look for references (the look is made to miss it).
      const missesTheOrderLine: ProductRepository = Object.assign(Object.create(products) as ProductRepository, {
        isReferenced: async () => false,
      });
      const admin = { userId, role: 'admin' as const };
      await placeTwo();
      const refusal = await catalog(missesTheOrderLine)
        .deleteProduct(admin, gpu.id)
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'conflict', message: expect.stringMatching(/archived/) });
      expect(await products.findById(gpu.id)).toMatchObject({ status: 'archived', stock: 8 });

      const unordered = await createProduct(products, 'Ryzen 7', 3);
      expect(await catalog(products).deleteProduct(admin, unordered.id)).toEqual({ outcome: 'deleted' });
      expect(await products.findById(unordered.id)).toBeNull();
    });
  });
}
