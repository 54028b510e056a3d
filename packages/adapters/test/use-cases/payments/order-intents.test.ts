import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, paymentsHarness } from './harness.js';

describe('PaymentsService.createOrderIntent', () => {
  it('creates the order’s intent for its total, with a pending ledger row, and returns it again while unpaid', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    expect(intent).toEqual({
      orderId: order.id,
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: expect.any(String),
      amount: order.total,
      currency: 'usd',
    });
    const atGateway = await h.gateway.retrieveIntent(intent.paymentIntentId);
    expect(atGateway?.metadata).toEqual({ order_id: String(order.id) });
    expect(await h.ledger.listForOrder(order.id)).toEqual([
      expect.objectContaining({
        kind: 'order',
        status: 'pending',
        amount: order.total,
        gatewayRef: intent.paymentIntentId,
        userId: actor.userId,
      }),
    ]);

    expect(await h.service.createOrderIntent(actor, order.id)).toEqual(intent);
    // A declined attempt leaves the intent usable: still the same one.
    await h.gateway.confirmIntent(intent.paymentIntentId, DECLINE, 'browser-1');
    expect(await h.service.createOrderIntent(actor, order.id)).toEqual(intent);
    expect(await h.ledger.listForOrder(order.id)).toHaveLength(1);
  });

  it('replaces a canceled intent with a new one, and fails the old row', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const first = await h.service.createOrderIntent(actor, order.id);
    // The processor canceled it (the offline gateway has no cancel call: its state is changed in place).
    const canceledView = await h.gateway.retrieveIntent(first.paymentIntentId);
    if (!canceledView) throw new Error('the intent is gone');
    const retrieve = h.gateway.retrieveIntent.bind(h.gateway);
    h.gateway.retrieveIntent = async (id) => {
      const found = await retrieve(id);
      return found && id === first.paymentIntentId ? { ...found, status: 'canceled' } : found;
    };
    const second = await h.service.createOrderIntent(actor, order.id);
    expect(second.paymentIntentId).not.toBe(first.paymentIntentId);
    expect((await h.ledger.listForOrder(order.id)).map((p) => [p.gatewayRef, p.status])).toEqual([
      [first.paymentIntentId, 'failed'],
      [second.paymentIntentId, 'pending'],
    ]);
  });

  it('answers 404 for another customer’s order and for none', async () => {
    const h = paymentsHarness();
    const { order } = await h.pendingOrder();
    const stranger = await h.person();
    expect((await rejectionOf(h.service.createOrderIntent(stranger.actor, order.id))).code).toBe('not_found');
    expect((await rejectionOf(h.service.createOrderIntent(stranger.actor, order.id + 100))).code).toBe('not_found');
    expect(await h.ledger.listForOrder(order.id)).toEqual([]);
  });

  it('answers 409 for a paid order and for a cancelled one', async () => {
    const h = paymentsHarness();
    const paid = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(paid.actor, paid.order.id);
    await h.service.confirmIntent(paid.actor, intent.paymentIntentId, PAY);
    expect((await h.orderDetail(paid.order.id)).paymentStatus).toBe('paid');
    expect((await rejectionOf(h.service.createOrderIntent(paid.actor, paid.order.id))).code).toBe('conflict');

    const cancelled = await h.pendingOrder();
    await h.ordering.cancelOrder(cancelled.actor, cancelled.order.id);
    expect((await rejectionOf(h.service.createOrderIntent(cancelled.actor, cancelled.order.id))).code).toBe('conflict');
  });
});

describe('PaymentsService.confirmIntent / retrieveIntent / history', () => {
  it('confirms the caller’s own intent and records the success once; another’s is 404', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    const stranger = await h.person();
    expect((await rejectionOf(h.service.confirmIntent(stranger.actor, intent.paymentIntentId, PAY))).code).toBe(
      'not_found',
    );
    expect((await rejectionOf(h.service.retrieveIntent(stranger.actor, intent.paymentIntentId))).code).toBe(
      'not_found',
    );
    expect((await h.gateway.retrieveIntent(intent.paymentIntentId))?.status).toBe('requires_payment_method');

    const confirmed = await h.service.confirmIntent(actor, intent.paymentIntentId, PAY);
    expect(confirmed.status).toBe('succeeded');
    const detail = await h.orderDetail(order.id);
    expect(detail).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(detail.payments.map((p) => [p.kind, p.status])).toEqual([['order', 'succeeded']]);
    expect((await h.service.retrieveIntent(actor, intent.paymentIntentId)).status).toBe('succeeded');

    const history = await h.service.history(actor, { page: 1, perPage: 10 });
    expect(history.items.map((p) => p.gatewayRef)).toEqual([intent.paymentIntentId]);
    expect((await h.service.history(stranger.actor, { page: 1, perPage: 10 })).items).toEqual([]);
    expect((await rejectionOf(h.service.history(actor, { page: 0, perPage: 10 }))).code).toBe('validation_failed');
    await h.expectBalancesFromLedger({ orderIds: [order.id] });
  });
});
