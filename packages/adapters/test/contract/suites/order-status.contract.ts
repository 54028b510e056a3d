import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ChangeActor,
  Id,
  Order,
  OrderRepository,
  Product,
  ProductRepository,
  StatusChangeRequest,
} from '@giggatek/domain';
import {
  createProduct,
  createTestUser,
  customer,
  minutesAfter,
  newOrder,
  stockOf,
  t0,
  type MakeOrderFixture,
  type OrderFixture,
} from './order-fixtures.js';

const expiryJob: ChangeActor = { kind: 'system', name: 'order-expiry' };

/** changeStatus, changeTrackingNumber and cancelExpired: conditional, exactly once, stock returned once. */
export function describeOrderStatusContract(name: string, makeFixture: MakeOrderFixture): void {
  describe(`OrderRepository status contract (${name})`, () => {
    let fixture: OrderFixture;
    let orders: OrderRepository;
    let products: ProductRepository;
    let userId: Id;
    let gpu: Product;
    let cpu: Product;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ orders, products } = fixture);
      userId = await createTestUser(fixture.users);
      gpu = await createProduct(products, 'RTX 3080', 10);
      cpu = await createProduct(products, 'Ryzen 7', 15);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const place = (createdAt: Date = t0): Promise<Order> =>
      orders.placeWithStock(
        newOrder(
          userId,
          [
            { product: gpu, quantity: 2 },
            { product: cpu, quantity: 3 },
          ],
          { createdAt },
        ),
      );
    /** A payment status change that leaves the status (a conditional change like any other). */
    const setPaymentStatus = (id: Id, paymentStatus: 'paid' | 'failed', now: Date) =>
      orders.changeStatus(id, {
        from: 'pending',
        to: 'pending',
        actor: customer(userId),
        note: null,
        now,
        restock: false,
        paymentStatus,
        requirePaymentStatusIn: ['pending'],
      });
    const cancel = (overrides: Partial<StatusChangeRequest> = {}): StatusChangeRequest => ({
      from: 'pending',
      to: 'cancelled',
      actor: customer(userId),
      note: 'changed my mind',
      now: minutesAfter(5),
      restock: 'order_cancel',
      requirePaymentStatusIn: ['pending', 'failed'],
      ...overrides,
    });

    it('changes the status, writes history and returns the stock', async () => {
      const order = await place();
      const cancelled = await orders.changeStatus(order.id, cancel());
      expect(cancelled).toEqual({ ...order, status: 'cancelled', updatedAt: minutesAfter(5) });
      expect(await stockOf(products, gpu.id)).toBe(10);
      expect(await stockOf(products, cpu.id)).toBe(15);
      const history = (await orders.findDetail(order.id))?.statusHistory ?? [];
      expect(history.at(-1)).toEqual({
        id: expect.any(Number),
        orderId: order.id,
        fromStatus: 'pending',
        toStatus: 'cancelled',
        actorUserId: userId,
        actorLabel: 'customer',
        note: 'changed my mind',
        createdAt: minutesAfter(5),
      });
    });

    it('changes nothing when the order is not in the expected status', async () => {
      const order = await place();
      expect(await orders.changeStatus(order.id, cancel({ from: 'processing' }))).toBeNull();
      const detail = await orders.findDetail(order.id);
      expect(detail).toMatchObject({ status: 'pending', updatedAt: t0 });
      expect(detail?.statusHistory).toHaveLength(1);
      expect(await stockOf(products, gpu.id)).toBe(8);
      expect(await orders.changeStatus(424_242, cancel())).toBeNull();
    });

    it('changes nothing when the payment status is not one of those required', async () => {
      const order = await place();
      await setPaymentStatus(order.id, 'paid', minutesAfter(1));
      expect(await orders.changeStatus(order.id, cancel())).toBeNull();
      expect(await orders.findDetail(order.id)).toMatchObject({ status: 'pending', paymentStatus: 'paid' });
      expect(await stockOf(products, cpu.id)).toBe(12);
    });

    it('keeps the stock when not asked to return it, and sets the payment status when given', async () => {
      const order = await place();
      const refunded = await orders.changeStatus(
        order.id,
        cancel({ restock: false, paymentStatus: 'refunded', requirePaymentStatusIn: undefined }),
      );
      expect(refunded).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' });
      expect(await stockOf(products, gpu.id)).toBe(8);
    });

    it('lets exactly one of two racing cancels win, returning the stock once', async () => {
      const order = await place();
      const results = await Promise.all([
        orders.changeStatus(order.id, cancel()),
        orders.changeStatus(order.id, cancel()),
      ]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await stockOf(products, gpu.id)).toBe(10);
      expect((await orders.findDetail(order.id))?.statusHistory).toHaveLength(2);
    });

    it('sets the tracking number only while the order is in the planned status and payment status', async () => {
      const order = await place();
      const change = {
        from: 'pending' as const,
        paymentStatus: 'pending' as const,
        trackingNumber: '1Z999AA10123456784',
        now: minutesAfter(7),
      };
      const updated = await orders.changeTrackingNumber(order.id, change);
      expect(updated).toEqual({ ...order, trackingNumber: '1Z999AA10123456784', updatedAt: minutesAfter(7) });
      const detail = await orders.findDetail(order.id);
      expect(detail?.statusHistory).toHaveLength(1);
      expect(detail?.payments).toEqual([]);
      // Planned from a state the order is no longer in: nothing changes.
      expect(
        await orders.changeTrackingNumber(order.id, { ...change, from: 'processing', trackingNumber: null }),
      ).toBeNull();
      expect(
        await orders.changeTrackingNumber(order.id, { ...change, paymentStatus: 'paid', trackingNumber: null }),
      ).toBeNull();
      expect(await orders.findDetail(order.id)).toMatchObject({
        trackingNumber: '1Z999AA10123456784',
        updatedAt: minutesAfter(7),
      });
      expect(await orders.changeTrackingNumber(order.id, { ...change, trackingNumber: null })).toMatchObject({
        trackingNumber: null,
      });
      expect(await orders.changeTrackingNumber(424_242, change)).toBeNull();
    });

    describe('cancelExpired', () => {
      const cutoff = minutesAfter(60);
      const now = minutesAfter(61);

      it('cancels pending unpaid orders created before the cutoff and returns their stock', async () => {
        const unpaid = await place(t0);
        const failed = await place(minutesAfter(30));
        await setPaymentStatus(failed.id, 'failed', minutesAfter(31));
        const paid = await place(t0);
        await setPaymentStatus(paid.id, 'paid', minutesAfter(1));
        const processing = await place(t0);
        await orders.changeStatus(processing.id, {
          ...cancel(),
          to: 'processing',
          restock: false,
          requirePaymentStatusIn: undefined,
        });
        const atCutoff = await place(cutoff);
        expect(await stockOf(products, gpu.id)).toBe(0);
        expect(await stockOf(products, cpu.id)).toBe(0);

        const cancelled = await orders.cancelExpired(cutoff, 100, now, expiryJob);
        expect(cancelled.map((order) => order.id).sort((a, b) => a - b)).toEqual([unpaid.id, failed.id]);
        expect(
          cancelled.every((order) => order.status === 'cancelled' && order.updatedAt.getTime() === now.getTime()),
        ).toBe(true);
        expect(await stockOf(products, gpu.id)).toBe(4);
        expect(await stockOf(products, cpu.id)).toBe(6);
        for (const kept of [paid, processing, atCutoff]) {
          expect((await orders.findDetail(kept.id))?.status).not.toBe('cancelled');
        }
        expect((await orders.findDetail(unpaid.id))?.statusHistory.at(-1)).toMatchObject({
          fromStatus: 'pending',
          toStatus: 'cancelled',
          actorUserId: null,
          actorLabel: 'system:order-expiry',
          createdAt: now,
        });
        expect(await orders.cancelExpired(cutoff, 100, now, expiryJob)).toEqual([]);
        expect(await stockOf(products, gpu.id)).toBe(4);
      });

      it('cancels at most `limit` orders per run', async () => {
        for (let i = 0; i < 3; i += 1) await place(minutesAfter(i));
        expect(await orders.cancelExpired(cutoff, 2, now, expiryJob)).toHaveLength(2);
        expect(await orders.cancelExpired(cutoff, 2, now, expiryJob)).toHaveLength(1);
        expect(await stockOf(products, gpu.id)).toBe(10);
      });
    });
  });
}
