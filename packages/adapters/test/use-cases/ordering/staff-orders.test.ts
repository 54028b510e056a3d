import { describe, expect, it } from 'vitest';
import { orderInput, orderingHarness, rejectionOf } from './harness.js';

async function withOrder() {
  const h = orderingHarness();
  const ada = await h.person('customer', 'ada');
  const manager = (await h.person('manager', 'max')).actor;
  const admin = (await h.person('admin', 'ann')).actor;
  const gpu = await h.product({ stock: 10 });
  const order = await h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 2 }]));
  return { h, ada, manager, admin, gpu, order };
}

describe('updateOrder (staff)', () => {
  it('is one transaction: when its second step finds the order moved on, the first is undone too', async () => {
    const { h, manager, order } = await withOrder();
    const before = await h.orders.findDetail(order.id);
    // The order moves on between the first step (paid → processing) and the second (tracking):
    // the tracking step's condition (processing and paid) no longer holds.
    const changeStatus = h.orders.changeStatus.bind(h.orders);
    h.orders.changeStatus = async (id, change) => {
      const changed = await changeStatus(id, change);
      await changeStatus(id, {
        ...change,
        from: 'processing',
        to: 'shipped',
        payment: undefined,
        paymentStatus: undefined,
        requirePaymentStatusIn: undefined,
      });
      return changed;
    };
    const update = { paymentStatus: 'paid' as const, trackingNumber: '1Z999AA10123456784' };
    await expect(h.service.updateOrder(manager, order.id, update)).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.orders.findDetail(order.id)).toEqual(before);
    expect(before).toMatchObject({ status: 'pending', paymentStatus: 'pending', trackingNumber: null, payments: [] });
  });

  it('is for managers and admins only', async () => {
    const { h, ada, order } = await withOrder();
    await expect(h.service.updateOrder(ada.actor, order.id, { status: 'processing' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(h.service.listAllOrders(ada.actor, { page: 1, perPage: 20 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('records an offline payment: pending → processing, paid, one ledger row, one history row', async () => {
    const { h, manager, order } = await withOrder();
    h.clock.advance(5_000);
    const paid = await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid', note: 'paid at the counter' });
    expect(paid).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(paid.payments).toEqual([
      expect.objectContaining({
        userId: order.userId,
        orderId: order.id,
        kind: 'order',
        amount: order.total,
        currency: 'usd',
        status: 'succeeded',
        gateway: 'offline',
      }),
    ]);
    expect(paid.statusHistory.map((c) => [c.fromStatus, c.toStatus, c.actorLabel, c.note])).toEqual([
      [null, 'pending', 'customer', null],
      ['pending', 'processing', 'manager', 'paid at the counter'],
    ]);
    expect(paid.statusHistory[1]?.createdAt).toEqual(h.clock.now());
    // Marking it paid again changes nothing.
    const again = await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    expect(again.payments).toHaveLength(1);
    expect(again.statusHistory).toHaveLength(2);
  });

  it('never moves an unpaid order to processing (nothing ships unpaid); processing + paid is one change', async () => {
    const { h, manager, order } = await withOrder();
    await expect(h.service.updateOrder(manager, order.id, { status: 'processing' })).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringMatching(/payment_status to paid/),
    });
    expect((await h.service.getOrder(manager, order.id)).status).toBe('pending');
    const both = await h.service.updateOrder(manager, order.id, { status: 'processing', paymentStatus: 'paid' });
    expect(both).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(both.payments).toHaveLength(1);
    expect(both.statusHistory.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'processing'],
    ]);
  });

  it('walks the happy path with tracking, and refunds a delivered order', async () => {
    const { h, manager, admin, gpu, order } = await withOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    const shipped = await h.service.updateOrder(manager, order.id, {
      status: 'shipped',
      trackingNumber: ' 1Z999 ',
      note: 'UPS',
    });
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: '1Z999' });
    expect(shipped.statusHistory.at(-1)).toMatchObject({ fromStatus: 'processing', toStatus: 'shipped', note: 'UPS' });
    await h.service.updateOrder(manager, order.id, { status: 'delivered' });
    const refunded = await h.service.updateOrder(admin, order.id, { status: 'refunded', note: 'arrived broken' });
    expect(refunded).toMatchObject({ status: 'refunded', paymentStatus: 'refunded' });
    expect(refunded.payments.at(-1)).toMatchObject({ kind: 'refund', amount: order.total, status: 'succeeded' });
    expect(refunded.statusHistory.map((c) => c.toStatus)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
      'refunded',
    ]);
    expect(refunded.statusHistory.at(-1)).toMatchObject({
      actorLabel: 'admin',
      actorUserId: admin.userId,
      note: 'arrived broken',
    });
    // Delivered goods are not restocked by a refund.
    expect(await h.stockOf(gpu.id)).toBe(8);
  });

  it('keeps a history row for a tracking number or note without a status change', async () => {
    const { h, manager, order } = await withOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    const tracked = await h.service.updateOrder(manager, order.id, { trackingNumber: '1Z1' });
    expect(tracked.trackingNumber).toBe('1Z1');
    expect(tracked.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'processing',
      toStatus: 'processing',
      note: 'tracking number set to 1Z1',
    });
    const noted = await h.service.updateOrder(manager, order.id, { note: 'customer called' });
    expect(noted.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'processing',
      toStatus: 'processing',
      note: 'customer called',
    });
    expect(noted.status).toBe('processing');
  });

  it('refuses invalid combinations with clear messages and changes nothing', async () => {
    const { h, manager, order } = await withOrder();
    const before = await h.service.getOrder(manager, order.id);
    const expectRefused = async (
      update: Parameters<typeof h.service.updateOrder>[2],
      code: string,
      message: RegExp,
    ) => {
      const error = await rejectionOf(h.service.updateOrder(manager, order.id, update));
      expect(error).toMatchObject({ code });
      expect(error.message).toMatch(message);
    };
    await expectRefused({ status: 'shipped' }, 'invalid_transition', /from pending to shipped/);
    await expectRefused({ status: 'refunded' }, 'invalid_transition', /from pending to refunded/);
    await expectRefused({ paymentStatus: 'refunded' }, 'invalid_transition', /cannot be set to refunded directly/);
    await expectRefused({ trackingNumber: '1Z' }, 'conflict', /tracking number can only be set/);
    // Checked before anything is applied: the valid status change is not made either.
    await expectRefused({ status: 'cancelled', paymentStatus: 'paid' }, 'invalid_transition', /as paid/);
    await expectRefused({ trackingNumber: 'x'.repeat(101) }, 'validation_failed', /^trackingNumber/);
    await expectRefused({ status: 'lost' as never }, 'validation_failed', /^status/);
    expect(await h.service.getOrder(manager, order.id)).toEqual(before);
  });

  it('refunds nothing for an unpaid order it cancels', async () => {
    const { h, manager, gpu, order } = await withOrder();
    const cancelled = await h.service.updateOrder(manager, order.id, { status: 'cancelled' });
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'pending', payments: [] });
    expect(await h.stockOf(gpu.id)).toBe(10);
  });

  it('answers 404 for an unknown order', async () => {
    const { h, manager } = await withOrder();
    await expect(h.service.updateOrder(manager, 999, { status: 'processing' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('listAllOrders (staff)', () => {
  it('filters by status, payment status, customer email and date range', async () => {
    const { h, manager, gpu, order } = await withOrder();
    const bob = await h.person('customer', 'bob');
    h.clock.advance(60_000);
    const bobs = await h.service.placeOrder(bob.actor, orderInput(bob.addressId, [{ productId: gpu.id, quantity: 1 }]));
    await h.service.updateOrder(manager, bobs.id, { paymentStatus: 'paid' });
    const ids = async (filter: Record<string, unknown>) =>
      (await h.service.listAllOrders(manager, { page: 1, perPage: 20, ...filter })).items.map((o) => o.id);
    expect(await ids({})).toEqual([bobs.id, order.id]);
    expect(await ids({ status: 'pending' })).toEqual([order.id]);
    expect(await ids({ paymentStatus: 'paid' })).toEqual([bobs.id]);
    expect(await ids({ customerEmail: 'ADA@example.com' })).toEqual([order.id]);
    expect(await ids({ customerEmail: 'nobody@example.com' })).toEqual([]);
    expect(await ids({ createdFrom: bobs.createdAt })).toEqual([bobs.id]);
    expect(await ids({ createdTo: order.createdAt })).toEqual([order.id]);
    await expect(ids({ createdFrom: bobs.createdAt, createdTo: order.createdAt })).rejects.toMatchObject({
      details: [{ field: 'createdFrom' }],
    });
  });
});
