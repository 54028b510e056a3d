import { describe, expect, it } from 'vitest';
import { amountPaid, RecordedRefusal } from '@giggatek/domain';
import { rejectionOf } from '../ordering/harness.js';
import { orderRefundHarness } from './harness.js';

describe('refundOrder', () => {
  it('refunds everything left through the gateway by default: refunded, the status stays processing', async () => {
    const t = await orderRefundHarness();
    const { order, intentId } = await t.paidByCard();
    const refund = await t.refunds.refundOrder(t.manager, order.id, {});

    expect(refund).toMatchObject({
      orderId: order.id,
      rentalId: null,
      userId: order.userId,
      kind: 'refund',
      amount: order.total,
      status: 'succeeded',
      gateway: 'offline',
    });
    expect(refund.gatewayRef).toMatch(/^re_offline_/);
    expect(t.gateway.refunds).toEqual([
      {
        paymentRef: intentId,
        amount: order.total,
        idempotencyKey: `refund-order-${order.id}-0`,
        metadata: { order_id: String(order.id) },
      },
    ]);
    const after = await t.detail(order.id);
    expect(after).toMatchObject({ status: 'processing', paymentStatus: 'refunded' });
    expect(after.payments.map((p) => [p.kind, p.amount])).toEqual([
      ['order', order.total],
      ['refund', order.total],
    ]);
    expect(amountPaid(after)).toBe(0);
    expect(after.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'processing',
      toStatus: 'processing',
      actorLabel: 'manager',
    });
    expect(after.statusHistory.at(-1)?.note).toMatch(/^refunded \$/);
  });

  it('refunds in parts: partially_refunded, then the rest, each with the next key; then nothing is left (409)', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    await t.refunds.refundOrder(t.manager, order.id, { amount: 5_000 });
    expect(await t.detail(order.id)).toMatchObject({ paymentStatus: 'partially_refunded' });
    expect(amountPaid(await t.detail(order.id))).toBe(order.total - 5_000);

    const rest = await t.refunds.refundOrder(t.manager, order.id, {});
    expect(rest.amount).toBe(order.total - 5_000);
    expect(await t.detail(order.id)).toMatchObject({ paymentStatus: 'refunded' });
    expect(t.gateway.refunds.map((r) => r.idempotencyKey)).toEqual([
      `refund-order-${order.id}-0`,
      `refund-order-${order.id}-1`,
    ]);

    const none = await rejectionOf(t.refunds.refundOrder(t.manager, order.id, {}));
    expect(none).toMatchObject({ code: 'conflict', message: 'nothing is left to refund', meta: { amountLeft: 0 } });
    expect(t.gateway.refunds).toHaveLength(2);
  });

  it('refuses more than is left with a 409 naming it, and out-of-range amounts with a 400; nothing is written', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    await t.refunds.refundOrder(t.manager, order.id, { amount: 5_000 });
    const before = await t.detail(order.id);

    const tooMuch = await rejectionOf(t.refunds.refundOrder(t.manager, order.id, { amount: order.total - 4_999 }));
    expect(tooMuch).toMatchObject({ code: 'conflict', meta: { amountLeft: order.total - 5_000 } });
    expect(tooMuch.message).toMatch(/^only \$[\d,.]+ is left to refund/);
    for (const amount of [0, -1, 1.5, order.total + 1]) {
      const bad = await rejectionOf(t.refunds.refundOrder(t.manager, order.id, { amount }));
      expect(bad).toMatchObject({ code: 'validation_failed', details: [{ field: 'amount' }] });
    }
    expect(await t.detail(order.id)).toEqual(before);
    expect(t.gateway.refunds).toHaveLength(1);
  });

  it('refunds an offline payment offline: no gateway call, a row without gateway reference', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidOffline();
    const refund = await t.refunds.refundOrder(t.manager, order.id, { amount: 1_000 });
    expect(refund).toMatchObject({
      kind: 'refund',
      amount: 1_000,
      status: 'succeeded',
      gateway: 'offline',
      gatewayRef: null,
    });
    expect(t.gateway.refunds).toEqual([]);
    expect(await t.detail(order.id)).toMatchObject({ status: 'processing', paymentStatus: 'partially_refunded' });
  });

  it('two refunds at once that together exceed what was paid: one succeeds, the other is a 409', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    const amount = order.total - 1_000;
    const results = await Promise.allSettled([
      t.refunds.refundOrder(t.manager, order.id, { amount }),
      t.refunds.refundOrder(t.manager, order.id, { amount }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'conflict', meta: { amountLeft: 1_000 } });
    const refunds = (await t.detail(order.id)).payments.filter((p) => p.kind === 'refund');
    expect(refunds.map((p) => p.amount)).toEqual([amount]);
  });

  it('keeps a refused refund as a failed row (402), the payment status unchanged; the next try has the next key', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    t.gateway.nextOutcome = 'failed';
    const refused = await rejectionOf(t.refunds.refundOrder(t.manager, order.id, { amount: 1_000 }));
    expect(refused).toBeInstanceOf(RecordedRefusal);
    expect(refused).toMatchObject({ code: 'payment_failed' });
    const after = await t.detail(order.id);
    expect(after.paymentStatus).toBe('paid');
    expect(after.payments.filter((p) => p.kind === 'refund').map((p) => [p.amount, p.status])).toEqual([
      [1_000, 'failed'],
    ]);
    expect(amountPaid(after)).toBe(order.total);

    await t.refunds.refundOrder(t.manager, order.id, { amount: 1_000 });
    expect(t.gateway.refunds.map((r) => r.idempotencyKey)).toEqual([
      `refund-order-${order.id}-0`,
      `refund-order-${order.id}-1`,
    ]);
  });

  it('records a pending gateway refund as succeeded: the processor already counts it refunded', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    t.gateway.nextOutcome = 'pending';
    const refund = await t.refunds.refundOrder(t.manager, order.id, {});
    expect(refund.status).toBe('succeeded');
    expect(await t.detail(order.id)).toMatchObject({ paymentStatus: 'refunded' });
  });

  it('a gateway fault writes nothing, and the retry sends the same key (the gateway answers its first refund again)', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    t.gateway.throwNext = true;
    await expect(t.refunds.refundOrder(t.manager, order.id, {})).rejects.toThrow('connection reset');
    expect((await t.detail(order.id)).payments.filter((p) => p.kind === 'refund')).toEqual([]);

    const retried = await t.refunds.refundOrder(t.manager, order.id, {});
    const [first, second] = t.gateway.refunds;
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(retried.amount).toBe(order.total);
    expect((await t.detail(order.id)).payments.filter((p) => p.kind === 'refund')).toHaveLength(1);
  });

  it('is for refunds:issue only; an unpaid order has nothing to refund; an unknown order is not found', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    expect(await rejectionOf(t.refunds.refundOrder(t.ada.actor, order.id, {}))).toMatchObject({ code: 'forbidden' });
    const unpaid = await t.placeOrder();
    expect(await rejectionOf(t.refunds.refundOrder(t.manager, unpaid.id, {}))).toMatchObject({
      code: 'conflict',
      meta: { amountLeft: 0 },
    });
    expect(await rejectionOf(t.refunds.refundOrder(t.manager, 9_999, {}))).toMatchObject({ code: 'not_found' });
    expect(t.gateway.refunds).toEqual([]);
  });

  it('a cancelled paid order (refunded in full on cancel) has nothing left', async () => {
    const t = await orderRefundHarness();
    const { order } = await t.paidByCard();
    await t.h.service.cancelOrder(t.manager, order.id);
    expect(await rejectionOf(t.refunds.refundOrder(t.manager, order.id, { amount: 1 }))).toMatchObject({
      code: 'conflict',
    });
  });
});
