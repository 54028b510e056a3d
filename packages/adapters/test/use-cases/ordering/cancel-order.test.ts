import { describe, expect, it } from 'vitest';
import type { Actor } from '@giggatek/domain';
import { orderInput, orderingHarness } from './harness.js';

/** A customer with a pending order of 2 units (stock 10 → 8), and a manager. */
async function withOrder() {
  const h = orderingHarness();
  const ada = await h.person('customer', 'ada');
  const manager = (await h.person('manager', 'max')).actor;
  const gpu = await h.product({ stock: 10 });
  const order = await h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 2 }]));
  return { h, ada: ada.actor, manager, gpu, order };
}

describe('reading orders', () => {
  it("hides another customer's order as not found; staff see any", async () => {
    const { h, ada, manager, order } = await withOrder();
    const bob = (await h.person('customer', 'bob')).actor;
    await expect(h.service.getOrder(bob, order.id)).rejects.toMatchObject({
      code: 'not_found',
      message: 'order not found',
    });
    await expect(h.service.getOrder(bob, 999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.service.getOrder(ada, order.id)).resolves.toMatchObject({ id: order.id });
    await expect(h.service.getOrder(manager, order.id)).resolves.toMatchObject({ id: order.id });
  });

  it("lists the caller's own orders, newest first, by status", async () => {
    const { h, ada, gpu, order } = await withOrder();
    const bob = await h.person('customer', 'bob');
    await h.service.placeOrder(bob.actor, orderInput(bob.addressId, [{ productId: gpu.id, quantity: 1 }]));
    h.clock.advance(1_000);
    const second = await h.service.placeOrder(
      ada,
      orderInput((await h.addresses.listForUser(ada.userId))[0]!.id, [{ productId: gpu.id, quantity: 1 }]),
    );
    await h.service.cancelOrder(ada, second.id);
    const all = await h.service.listOrders(ada, { page: 1, perPage: 20 });
    expect(all.items.map((o) => o.id)).toEqual([second.id, order.id]);
    expect(all.items[0]?.items).toHaveLength(1);
    const pending = await h.service.listOrders(ada, { page: 1, perPage: 20, status: 'pending' });
    expect(pending.items.map((o) => o.id)).toEqual([order.id]);
    await expect(h.service.listOrders(ada, { page: 0, perPage: 500 })).rejects.toMatchObject({
      details: [{ field: 'page' }, { field: 'perPage' }],
    });
  });
});

describe('cancelOrder by the customer', () => {
  it('cancels a pending unpaid order, returns its stock and records who did it', async () => {
    const { h, ada, gpu, order } = await withOrder();
    h.clock.advance(60_000);
    const cancelled = await h.service.cancelOrder(ada, order.id, 'changed my mind');
    expect(cancelled.status).toBe('cancelled');
    expect(await h.stockOf(gpu.id)).toBe(10);
    expect(cancelled.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'cancelled',
      actorUserId: ada.userId,
      actorLabel: 'customer',
      note: 'changed my mind',
      createdAt: h.clock.now(),
    });
  });

  it('returns stock exactly once when two cancels race, and the loser gets a 409', async () => {
    const { h, ada, gpu, order } = await withOrder();
    const results = await Promise.allSettled([
      h.service.cancelOrder(ada, order.id),
      h.service.cancelOrder(ada, order.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // Both read the order while pending; the repository's conditional change lets one win.
    expect(loser.reason).toMatchObject({ code: 'conflict', message: 'order can no longer be cancelled' });
    expect(await h.stockOf(gpu.id)).toBe(10);
    await expect(h.service.cancelOrder(ada, order.id)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await h.stockOf(gpu.id)).toBe(10);
  });

  it("refuses paid and processing orders, and hides other customers' orders", async () => {
    const { h, ada, manager, gpu, order } = await withOrder();
    const bob: Actor = (await h.person('customer', 'bob')).actor;
    await expect(h.service.cancelOrder(bob, order.id)).rejects.toMatchObject({ code: 'not_found' });

    // Paid offline: the order moves to processing; the customer may no longer cancel.
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    await expect(h.service.cancelOrder(ada, order.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: 'cannot change an order from processing to cancelled',
    });
    expect(await h.stockOf(gpu.id)).toBe(8);
  });

  it('refuses a pending order that is already paid', async () => {
    const { h, ada, gpu, order } = await withOrder();
    // A payment recorded without the status moving (e.g. a webhook mid-flight).
    await h.orders.changeStatus(order.id, {
      from: 'pending',
      to: 'pending',
      actor: { kind: 'system', name: 'webhook' },
      note: null,
      now: h.clock.now(),
      restock: false,
      paymentStatus: 'paid',
    });
    await expect(h.service.cancelOrder(ada, order.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: /paid order/,
    });
    expect(await h.stockOf(gpu.id)).toBe(8);
  });

  it('lets a customer cancel after a failed payment', async () => {
    const { h, ada, manager, order } = await withOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'failed' });
    await expect(h.service.cancelOrder(ada, order.id)).resolves.toMatchObject({
      status: 'cancelled',
      paymentStatus: 'failed',
    });
  });
});

describe('cancelOrder by staff', () => {
  it('cancels a paid processing order, restocks and refunds what was paid', async () => {
    const { h, manager, gpu, order } = await withOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    const cancelled = await h.service.cancelOrder(manager, order.id, 'out of stock at the warehouse');
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' });
    expect(cancelled.payments.map((p) => [p.kind, p.amount, p.status, p.gateway])).toEqual([
      ['order', order.total, 'succeeded', 'offline'],
      ['refund', order.total, 'succeeded', 'offline'],
    ]);
    expect(cancelled.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'processing',
      toStatus: 'cancelled',
      actorLabel: 'manager',
      note: 'out of stock at the warehouse',
    });
    expect(await h.stockOf(gpu.id)).toBe(10);
  });

  it('cannot cancel a shipped order', async () => {
    const { h, manager, order } = await withOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    await h.service.updateOrder(manager, order.id, { status: 'shipped' });
    await expect(h.service.cancelOrder(manager, order.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: 'cannot change an order from shipped to cancelled',
    });
  });
});
