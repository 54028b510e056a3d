import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { cents, FixedClock } from '@giggatek/domain';
import { StripePaymentGateway, type StripePaymentGatewayOptions } from '../../src/stripe/stripe-payment-gateway.js';
import { CONTRACT_START, codeOf, installmentCharge, orderIntent } from './payment-gateway.contract.js';
import { startStripeStub, STUB_SECRET_KEY, type StripeStub } from './stripe-stub-server.js';
import { paymentIntentObject, signatureFor, stripeEventJson } from './stripe-webhook-payloads.js';

// What the Stripe gateway sends over the wire, beyond what the contract can see.
describe('StripePaymentGateway on the wire', () => {
  let stub: StripeStub;
  let clock: FixedClock;
  const gatewayWith = (options: Partial<StripePaymentGatewayOptions> = {}) =>
    new StripePaymentGateway({
      secretKey: STUB_SECRET_KEY,
      webhookSecret: 'whsec_wire_test',
      clock,
      host: '127.0.0.1',
      port: stub.port,
      protocol: 'http',
      ...options,
    });
  beforeEach(async () => {
    clock = new FixedClock(CONTRACT_START);
    stub = await startStripeStub(clock);
  });
  afterEach(() => stub.close());

  it('sends the caller’s idempotency key with every write, never one of its own', async () => {
    const gateway = gatewayWith();
    const intent = await gateway.createIntent(orderIntent({ idempotencyKey: 'order-42-intent' }));
    await gateway.confirmIntent(intent.id, 'pm_test_visa', 'order-42-confirm-1');
    await gateway.chargeOffSession(
      installmentCharge('pm_fail_visa', { idempotencyKey: 'rental-7-installment-2-attempt-1' }),
    );
    await gateway.refund({ paymentRef: intent.id, amount: cents(100), idempotencyKey: 'refund-42-1', metadata: {} });
    const writes = stub.requests.filter((request) => request.method === 'POST');
    expect(writes.map((request) => [request.path, request.idempotencyKey])).toEqual([
      ['/v1/payment_intents', 'order-42-intent'],
      [`/v1/payment_intents/${intent.id}/confirm`, 'order-42-confirm-1'],
      ['/v1/payment_intents', 'rental-7-installment-2-attempt-1'],
      ['/v1/refunds', 'refund-42-1'],
    ]);
  });

  it('charges off-session as one confirmed, off-session card payment with the saved method', async () => {
    await gatewayWith().chargeOffSession(installmentCharge('pm_test_visa'));
    const [charge] = stub.requests;
    expect(charge?.form).toEqual({
      amount: '4500',
      currency: 'usd',
      payment_method: 'pm_test_visa',
      allowed_payment_method_types: { 0: 'card' },
      confirm: 'true',
      off_session: 'true',
      description: 'GigGatek rental #7, installment 2 of 12',
      metadata: { rental_id: '7', installment_no: '2' },
    });
  });

  it('follows the event list across pages', async () => {
    const gateway = gatewayWith();
    const since = clock.now();
    for (let i = 0; i < 105; i += 1) await gateway.createIntent(orderIntent({ metadata: { order_id: String(i) } }));
    const events = await gateway.listEventsSince(since);
    expect(events.map((event) => event.intent?.metadata.order_id)).toEqual(
      Array.from({ length: 105 }, (_, i) => String(i)),
    );
    expect(stub.requests.filter((request) => request.path === '/v1/events')).toHaveLength(2);
  });

  it('throws what Stripe refuses for itself (a bad key) instead of calling it a decline', async () => {
    const gateway = gatewayWith({ secretKey: 'sk_test_not_ours' });
    await expect(gateway.chargeOffSession(installmentCharge('pm_test_visa'))).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('refuses every webhook when no signing secret is configured', async () => {
    const gateway = gatewayWith({ webhookSecret: null });
    const body = stripeEventJson(
      'payment_intent.succeeded',
      paymentIntentObject({ id: 'pi_1', amount: 100, status: 'succeeded' }),
      clock.now(),
    );
    const header = signatureFor(body, 'whsec_anything', clock.now());
    expect(await codeOf(Promise.resolve().then(() => gateway.parseWebhook(body, header)))).toBe('invalid_signature');
  });
});
