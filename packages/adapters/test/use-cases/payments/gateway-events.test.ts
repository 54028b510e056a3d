import { describe, expect, it } from 'vitest';
import { cents } from '@giggatek/domain';
import { OFFLINE_WEBHOOK_SECRET } from '../../../src/stripe/index.js';
import { paymentIntentObject, signatureFor, stripeEventJson } from '../../stripe/stripe-webhook-payloads.js';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, paymentsHarness } from './harness.js';

/** A pending order with its intent, paid at the gateway (the browser's confirmation); no event applied yet. */
async function paidAtGateway() {
  const h = paymentsHarness();
  const { actor, order } = await h.pendingOrder();
  const intent = await h.service.createOrderIntent(actor, order.id);
  await h.gateway.confirmIntent(intent.paymentIntentId, PAY, 'browser-confirm');
  const succeeded = await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded');
  return { h, actor, order, intent, succeeded };
}

describe('PaymentsService.applyEvent', () => {
  it('applies payment_intent.succeeded once: the order is paid with one history row, a duplicate changes nothing', async () => {
    const { h, order, succeeded } = await paidAtGateway();
    expect(await h.service.applyEvent(succeeded)).toBe('applied');
    const after = await h.orderDetail(order.id);
    expect(after).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(after.payments.map((p) => p.status)).toEqual(['succeeded']);
    expect(after.statusHistory.map((s) => [s.fromStatus, s.toStatus, s.actorLabel])).toEqual([
      [null, 'pending', 'customer'],
      ['pending', 'processing', 'system:payment-gateway'],
    ]);

    expect(await h.service.applyEvent(succeeded)).toBe('duplicate');
    expect(await h.orderDetail(order.id)).toEqual(after);
    await h.expectBalancesFromLedger({ orderIds: [order.id] });
  });

  it('keeps a success when a failure event arrives after it', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    await h.gateway.confirmIntent(intent.paymentIntentId, DECLINE, 'browser-1');
    await h.gateway.confirmIntent(intent.paymentIntentId, PAY, 'browser-2');
    const failed = await h.eventOf(intent.paymentIntentId, 'payment_intent.payment_failed');
    const succeeded = await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded');

    expect(await h.service.applyEvent(succeeded)).toBe('applied');
    expect(await h.service.applyEvent(failed)).toBe('applied');
    const detail = await h.orderDetail(order.id);
    expect(detail).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(detail.payments.map((p) => p.status)).toEqual(['succeeded']);
  });

  it('in order, a failure marks the pending row and the order’s payment failed, and a later success still pays', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    await h.gateway.confirmIntent(intent.paymentIntentId, DECLINE, 'browser-1');
    expect(await h.service.applyEvent(await h.eventOf(intent.paymentIntentId, 'payment_intent.payment_failed'))).toBe(
      'applied',
    );
    expect(await h.orderDetail(order.id)).toMatchObject({ status: 'pending', paymentStatus: 'failed' });
    expect((await h.ledger.listForOrder(order.id)).map((p) => p.status)).toEqual(['failed']);

    await h.gateway.confirmIntent(intent.paymentIntentId, PAY, 'browser-2');
    await h.service.applyEvent(await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded'));
    expect(await h.orderDetail(order.id)).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
  });

  it('changes nothing for a succeeded event after a synchronous confirmation', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    await h.service.confirmIntent(actor, intent.paymentIntentId, PAY);
    const before = await h.orderDetail(order.id);
    expect(before).toMatchObject({ status: 'processing', paymentStatus: 'paid' });

    h.clock.advance(60_000);
    const event = await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded');
    expect(await h.service.applyEvent(event)).toBe('applied');
    expect(await h.orderDetail(order.id)).toEqual(before);
  });

  it('acknowledges an event of an unknown intent once, and ignores other types', async () => {
    const h = paymentsHarness();
    const stray = await h.gateway.createIntent({
      amount: cents(500),
      currency: 'usd',
      idempotencyKey: 'not-ours',
      metadata: {},
      description: 'made elsewhere',
    });
    await h.gateway.confirmIntent(stray.id, PAY, 'elsewhere');
    const event = await h.eventOf(stray.id, 'payment_intent.succeeded');
    expect(await h.service.applyEvent(event)).toBe('unknown_intent');
    expect(await h.service.applyEvent(event)).toBe('duplicate');
    const created = await h.eventOf(stray.id, 'payment_intent.created');
    expect(await h.service.applyEvent(created)).toBe('ignored');
    expect(await h.service.applyEvent(created)).toBe('duplicate');
  });

  it('keeps the payment succeeded and the order cancelled when the order was cancelled before the success arrived', async () => {
    const h = paymentsHarness();
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    await h.ordering.cancelOrder(actor, order.id);
    await h.gateway.confirmIntent(intent.paymentIntentId, PAY, 'late-browser');
    expect(await h.service.applyEvent(await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded'))).toBe(
      'applied',
    );
    const detail = await h.orderDetail(order.id);
    expect(detail.status).toBe('cancelled');
    expect(detail.payments.map((p) => p.status)).toEqual(['succeeded']);
  });
});

describe('PaymentsService.handleWebhook', () => {
  it('verifies the signature, then applies the event once', async () => {
    const { h, order, intent } = await paidAtGateway();
    const body = stripeEventJson(
      'payment_intent.succeeded',
      paymentIntentObject({ id: intent.paymentIntentId, amount: order.total, status: 'succeeded' }),
      h.clock.now(),
    );
    expect((await rejectionOf(h.service.handleWebhook(body, 'bogus'))).code).toBe('invalid_signature');
    expect((await rejectionOf(h.service.handleWebhook(body, undefined))).code).toBe('invalid_signature');
    expect((await h.orderDetail(order.id)).paymentStatus).toBe('pending');

    const signature = signatureFor(body, OFFLINE_WEBHOOK_SECRET, h.clock.now());
    expect(await h.service.handleWebhook(body, signature)).toBe('applied');
    expect(await h.service.handleWebhook(Buffer.from(body), signature)).toBe('duplicate');
    expect((await h.orderDetail(order.id)).paymentStatus).toBe('paid');
  });
});

describe('PaymentsService.reconcile', () => {
  it('applies what no webhook delivered, and nothing twice', async () => {
    const { h, order } = await paidAtGateway();
    // The webhook was dropped on the floor: the order still waits.
    expect((await h.orderDetail(order.id)).paymentStatus).toBe('pending');
    const since = new Date(h.clock.now().getTime() - 3 * 24 * 3_600_000);
    // The intent's created event is recorded too; only the success changes anything.
    expect(await h.service.reconcile(since)).toBe(1);
    expect(await h.orderDetail(order.id)).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    expect(await h.service.reconcile(since)).toBe(0);
    await h.expectBalancesFromLedger({ orderIds: [order.id] });
  });
});
