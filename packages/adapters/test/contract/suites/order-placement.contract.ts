import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, OrderRepository, ProductRepository } from '@giggatek/domain';
import { cents } from '@giggatek/domain';
import {
  billingSnapshot,
  createProduct,
  createTestUser,
  customer,
  newOrder,
  shippingSnapshot,
  shortageOf,
  stockOf,
  t0,
  type MakeOrderFixture,
  type OrderFixture,
} from './order-fixtures.js';

/** placeWithStock and findDetail: stock taken all or nothing, every field stored. */
export function describeOrderPlacementContract(name: string, makeFixture: MakeOrderFixture): void {
  describe(`OrderRepository placement contract (${name})`, () => {
    let fixture: OrderFixture;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ orders, products } = fixture);
      userId = await createTestUser(fixture.users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('takes stock for every line and stores every field, read back by findDetail', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5, 20_000);
      const cpu = await createProduct(products, 'Ryzen 7', 3, 9_000_000_000);
      const input = newOrder(
        userId,
        [
          { product: gpu, quantity: 2 },
          { product: cpu, quantity: 1 },
        ],
        {
          shippingMethod: 'expedited',
          notes: 'Leave at the door',
        },
      );
      const placed = await orders.placeWithStock(input);

      expect(placed).toEqual({
        id: placed.id,
        userId,
        status: 'pending',
        paymentStatus: 'pending',
        currency: 'usd',
        subtotal: 9_000_040_000,
        shipping: 1999,
        tax: input.tax,
        total: input.total,
        shippingMethod: 'expedited',
        shippingAddress: shippingSnapshot,
        billingAddress: billingSnapshot,
        trackingNumber: null,
        notes: 'Leave at the door',
        items: [
          {
            id: expect.any(Number),
            productId: gpu.id,
            productName: 'RTX 3080',
            quantity: 2,
            unitPrice: 20_000,
            lineTotal: 40_000,
          },
          {
            id: expect.any(Number),
            productId: cpu.id,
            productName: 'Ryzen 7',
            quantity: 1,
            unitPrice: 9_000_000_000,
            lineTotal: 9_000_000_000,
          },
        ],
        createdAt: t0,
        updatedAt: t0,
      });
      expect(await stockOf(products, gpu.id)).toBe(3);
      expect(await stockOf(products, cpu.id)).toBe(2);

      const detail = await orders.findDetail(placed.id);
      expect(detail).toEqual({
        ...placed,
        statusHistory: [
          {
            id: expect.any(Number),
            orderId: placed.id,
            fromStatus: null,
            toStatus: 'pending',
            actorUserId: userId,
            actorLabel: 'customer',
            note: null,
            createdAt: t0,
          },
        ],
        payments: [],
      });
    });

    it('takes exactly the last units', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 2);
      await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 2 }]));
      expect(await stockOf(products, gpu.id)).toBe(0);
    });

    it('takes nothing when any line is short, and names every short line with what is available', async () => {
      const plenty = await createProduct(products, 'Plenty', 10);
      const few = await createProduct(products, 'Few', 1);
      const none = await createProduct(products, 'None', 0);
      const error = await shortageOf(
        orders.placeWithStock(
          newOrder(userId, [
            { product: few, quantity: 3 },
            { product: plenty, quantity: 4 },
            { product: none, quantity: 1 },
          ]),
        ),
      );

      expect(error.message).toContain('Few (1 available, 3 requested)');
      expect(error.message).toContain('None (0 available, 1 requested)');
      expect(error.message).not.toContain('Plenty');
      const shortages = (error.meta?.shortages ?? []) as Array<{ product_id: number }>;
      expect([...shortages].sort((a, b) => a.product_id - b.product_id)).toEqual([
        { productId: few.id, productName: 'Few', requested: 3, available: 1 },
        { productId: none.id, productName: 'None', requested: 1, available: 0 },
      ]);
      expect(await stockOf(products, plenty.id)).toBe(10);
      expect(await stockOf(products, few.id)).toBe(1);
      expect((await orders.listForUser(userId, { page: 1, perPage: 10 })).total).toBe(0);
    });

    it('treats an archived product as unavailable, whatever its stock', async () => {
      const active = await createProduct(products, 'Active', 5);
      const archived = await createProduct(products, 'Archived', 7);
      await products.update(archived.id, { status: 'archived' }, t0);
      const error = await shortageOf(
        orders.placeWithStock(
          newOrder(userId, [
            { product: active, quantity: 1 },
            { product: archived, quantity: 1 },
          ]),
        ),
      );
      expect(error.meta?.shortages).toEqual([
        { productId: archived.id, productName: 'Archived', requested: 1, available: 0 },
      ]);
      expect(await stockOf(products, archived.id)).toBe(7);
      expect(await stockOf(products, active.id)).toBe(5);
    });

    // A real race on MySQL only: memory and SQLite serialise the orders, and there the outcome is what is checked.
    it('gives orders sent at once for the last units to exactly as many as there are units', async () => {
      const gpu = await createProduct(products, 'Last GPUs', 3);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 1 }]))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const rejected of results.filter((r) => r.status === 'rejected')) {
        expect(rejected.reason).toMatchObject({ code: 'insufficient_stock' });
      }
      expect(await stockOf(products, gpu.id)).toBe(0);
    });

    it('finds no detail for an unknown order', async () => {
      expect(await orders.findDetail(987_654)).toBeNull();
    });

    it('shows history and ledger rows in the detail, oldest first', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const placed = await orders.placeWithStock(newOrder(userId, [{ product: gpu, quantity: 1 }]));
      const paidAt = new Date(t0.getTime() + 60_000);
      await orders.changeStatus(placed.id, {
        from: 'pending',
        to: 'processing',
        actor: { kind: 'user', userId, role: 'manager' },
        note: 'paid at the counter',
        now: paidAt,
        restock: false,
        paymentStatus: 'paid',
        payment: {
          userId,
          orderId: placed.id,
          rentalId: null,
          installmentNo: null,
          kind: 'order',
          amount: placed.total,
          lateFee: cents(0),
          currency: 'usd',
          status: 'succeeded',
          gateway: 'offline',
          gatewayRef: 'cash-0001',
        },
      });
      const detail = await orders.findDetail(placed.id);
      expect(detail?.statusHistory.map((h) => [h.fromStatus, h.toStatus, h.actorLabel, h.note])).toEqual([
        [null, 'pending', 'customer', null],
        ['pending', 'processing', 'manager', 'paid at the counter'],
      ]);
      expect(detail?.payments).toEqual([
        {
          id: expect.any(Number),
          userId,
          orderId: placed.id,
          rentalId: null,
          installmentNo: null,
          kind: 'order',
          amount: placed.total,
          lateFee: 0,
          currency: 'usd',
          status: 'succeeded',
          gateway: 'offline',
          gatewayRef: 'cash-0001',
          createdAt: paidAt,
          updatedAt: paidAt,
        },
      ]);
      expect(detail).toMatchObject({ status: 'processing', paymentStatus: 'paid', updatedAt: paidAt });
    });

    it('records a system actor without a user', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 5);
      const placed = await orders.placeWithStock({
        ...newOrder(userId, [{ product: gpu, quantity: 1 }]),
        actor: customer(userId),
      });
      await orders.changeStatus(placed.id, {
        from: 'pending',
        to: 'cancelled',
        actor: { kind: 'system', name: 'order-expiry' },
        note: null,
        now: t0,
        restock: 'order_expiry',
      });
      const history = (await orders.findDetail(placed.id))?.statusHistory ?? [];
      expect(history[1]).toMatchObject({ actorUserId: null, actorLabel: 'system:order-expiry' });
    });
  });
}
