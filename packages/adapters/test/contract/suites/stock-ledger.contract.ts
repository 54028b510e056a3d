import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expiryCancellation, ORDER_EXPIRY_ACTOR } from '@giggatek/domain';
import type { ChangeActor, Id, OrderRepository, ProductRepository, StockMovement } from '@giggatek/domain';
import { productData } from './product-fixtures.js';
import {
  createProduct,
  createTestUser,
  minutesAfter,
  newOrder,
  shortageOf,
  stockOf,
  t0,
  type MakeOrderFixture,
  type OrderFixture,
} from './order-fixtures.js';

/** Every movement of a product, newest first, read page by page. */
export async function movementsOf(products: ProductRepository, productId: Id): Promise<StockMovement[]> {
  const all: StockMovement[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await products.listStockMovements(productId, { page, perPage: 100 });
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) return all;
  }
}

export async function sumOfMovements(products: ProductRepository, productId: Id): Promise<number> {
  return (await movementsOf(products, productId)).reduce((sum, m) => sum + m.delta, 0);
}

/**
 * The stock ledger (SPEC §4), as ProductRepository and OrderRepository write it: one row
 * per stock change, in the same transaction, so stock = Σ movements. The same on every engine.
 */
export function describeStockLedgerContract(name: string, makeFixture: MakeOrderFixture): void {
  describe(`stock ledger contract (${name})`, () => {
    let fixture: OrderFixture;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    let staff: ChangeActor;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ orders, products } = fixture);
      userId = await createTestUser(fixture.users);
      staff = { kind: 'user', userId: await createTestUser(fixture.users), role: 'manager' };
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it("records a new product's stock as its first movement, an adjustment by its creator", async () => {
      const gpu = await products.create(productData({ stock: 4 }), t0, staff);
      const empty = await products.create(productData({ stock: 0 }), t0, staff);
      expect(await movementsOf(products, gpu.id)).toEqual([
        {
          id: expect.any(Number),
          productId: gpu.id,
          delta: 4,
          reason: 'adjustment',
          orderId: null,
          rentalId: null,
          actorUserId: staff.kind === 'user' ? staff.userId : null,
          actorLabel: 'manager',
          note: 'initial stock',
          createdAt: t0,
        },
      ]);
      expect(await movementsOf(products, empty.id)).toEqual([]);
    });

    it('writes one order movement per product, taking what the order took', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const cpu = await createProduct(products, 'Ryzen 7', 3);
      const order = await orders.placeWithStock(
        newOrder(userId, [
          { product: gpu, quantity: 2 },
          { product: cpu, quantity: 3 },
        ]),
      );
      const [taken] = await movementsOf(products, gpu.id);
      expect(taken).toMatchObject({
        productId: gpu.id,
        delta: -2,
        reason: 'order',
        orderId: order.id,
        rentalId: null,
        actorUserId: userId,
        actorLabel: 'customer',
        note: null,
        createdAt: t0,
      });
      expect((await movementsOf(products, cpu.id))[0]).toMatchObject({ delta: -3, reason: 'order', orderId: order.id });
      expect(await stockOf(products, gpu.id)).toBe(3);
      expect(await sumOfMovements(products, gpu.id)).toBe(3);
      expect(await sumOfMovements(products, cpu.id)).toBe(0);
    });

    it('writes nothing for a refused order, and counts an archived product as 0 available', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const old = await createProduct(products, 'GTX 970', 2);
      await products.update(old.id, { status: 'archived' }, t0);
      const refused = await shortageOf(
        orders.placeWithStock(
          newOrder(userId, [
            { product: gpu, quantity: 1 },
            { product: old, quantity: 1 },
          ]),
        ),
      );
      expect(refused.meta).toMatchObject({ shortages: [{ productId: old.id, requested: 1, available: 0 }] });
      expect(await movementsOf(products, gpu.id)).toHaveLength(1);
      expect(await stockOf(products, gpu.id)).toBe(5);
    });

    it('puts a cancelled order back with order_cancel movements, once', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const order = await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 2 }]));
      const cancel = {
        from: 'pending',
        to: 'cancelled',
        actor: staff,
        note: null,
        now: minutesAfter(5),
        restock: 'order_cancel',
      } as const;
      expect(await orders.changeStatus(order.id, cancel)).not.toBeNull();
      expect(await orders.changeStatus(order.id, cancel)).toBeNull();
      const [back, ...rest] = await movementsOf(products, gpu.id);
      expect(back).toMatchObject({
        delta: 2,
        reason: 'order_cancel',
        orderId: order.id,
        actorLabel: 'manager',
        createdAt: minutesAfter(5),
      });
      expect(rest.map((m) => m.reason)).toEqual(['order', 'adjustment']);
      expect(await stockOf(products, gpu.id)).toBe(5);
      expect(await sumOfMovements(products, gpu.id)).toBe(5);
    });

    it('puts an expired order back with order_expiry movements by the system', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const order = await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 3 }]));
      expect(await orders.cancelExpired(minutesAfter(61), 10, minutesAfter(61), ORDER_EXPIRY_ACTOR)).toHaveLength(1);
      expect((await movementsOf(products, gpu.id))[0]).toMatchObject({
        delta: 3,
        reason: 'order_expiry',
        orderId: order.id,
        actorUserId: null,
        actorLabel: 'system:order-expiry',
      });
      expect(expiryCancellation(ORDER_EXPIRY_ACTOR, t0).restock).toBe('order_expiry');
      expect(await sumOfMovements(products, gpu.id)).toBe(5);
    });

    it('sets the stock with an adjustment of the difference from the stock it holds then', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 2 }]));
      const set = await products.setStock(gpu.id, 10, { actor: staff, now: minutesAfter(1), note: 'recount' });
      expect(set).toMatchObject({ id: gpu.id, stock: 10, updatedAt: minutesAfter(1) });
      expect((await movementsOf(products, gpu.id))[0]).toMatchObject({
        delta: 7,
        reason: 'adjustment',
        orderId: null,
        actorLabel: 'manager',
        note: 'recount',
        createdAt: minutesAfter(1),
      });
      expect(await products.setStock(gpu.id, 10, { actor: staff, now: minutesAfter(2) })).toMatchObject({ stock: 10 });
      expect(await movementsOf(products, gpu.id)).toHaveLength(3);
      await products.setStock(gpu.id, 0, { actor: staff, now: minutesAfter(3) });
      expect((await movementsOf(products, gpu.id))[0]).toMatchObject({ delta: -10 });
      expect(await sumOfMovements(products, gpu.id)).toBe(0);
      expect(await products.setStock(gpu.id + 1000, 1, { actor: staff, now: t0 })).toBeNull();
    });

    it('lists a product’s movements newest first, paged, and only its own', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 50);
      const other = await createProduct(products, 'Ryzen 7', 50);
      for (let i = 1; i <= 4; i += 1) {
        await orders.placeWithStock(
          newOrder(userId, [
            { product: gpu, quantity: i },
            { product: other, quantity: 1 },
          ]),
        );
      }
      const first = await products.listStockMovements(gpu.id, { page: 1, perPage: 2 });
      expect(first).toMatchObject({ total: 5, page: 1, perPage: 2 });
      expect(first.items.map((m) => m.delta)).toEqual([-4, -3]);
      const last = await products.listStockMovements(gpu.id, { page: 3, perPage: 2 });
      expect(last.items.map((m) => m.delta)).toEqual([50]);
      expect((await products.listStockMovements(gpu.id, { page: 4, perPage: 2 })).items).toEqual([]);
      expect((await movementsOf(products, gpu.id)).every((m) => m.productId === gpu.id)).toBe(true);
      expect((await products.listStockMovements(gpu.id + 1000, { page: 1, perPage: 20 })).total).toBe(0);
    });

    it('hard-deletes a product nothing refers to, with its adjustments', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      await products.setStock(gpu.id, 8, { actor: staff, now: t0 });
      expect(await products.delete(gpu.id)).toBe(true);
      expect((await products.listStockMovements(gpu.id, { page: 1, perPage: 20 })).total).toBe(0);
    });

    it('counts a product with order movements as referenced', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      expect(await products.isReferenced(gpu.id)).toBe(false);
      await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 1 }]));
      expect(await products.isReferenced(gpu.id)).toBe(true);
    });
  });
}
