import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cents, ValidationError } from '@giggatek/domain';
import type { PaymentGateway } from '@giggatek/domain';
import {
  codeOf,
  freshKey,
  installmentCharge,
  orderIntent,
  type MakePaymentGatewayFixture,
  type PaymentGatewayFixture,
} from './payment-gateway.contract.js';
import { chargeObject, paymentIntentObject, signatureFor, stripeEventJson } from './stripe-webhook-payloads.js';

/** Refunds, the events a gateway records, and the webhooks it verifies. */
export function describePaymentGatewayEventsContract(name: string, makeFixture: MakePaymentGatewayFixture): void {
  describe(`PaymentGateway contract: refunds, events and webhooks (${name})`, () => {
    let fixture: PaymentGatewayFixture;
    let gateway: PaymentGateway;
    beforeEach(async () => {
      fixture = await makeFixture();
      gateway = fixture.gateway;
    });
    afterEach(() => fixture.dispose());

    async function paidIntentRef(): Promise<string> {
      const intent = await gateway.createIntent(orderIntent({ amount: cents(10_000) }));
      await gateway.confirmIntent(intent.id, 'pm_test_visa', freshKey('confirm'));
      return intent.id;
    }
    const refund = (paymentRef: string, amount: number, idempotencyKey = freshKey('refund')) =>
      gateway.refund({ paymentRef, amount: cents(amount), idempotencyKey, metadata: { order_id: '42' } });

    it('refunds part, then the rest, and never more than was paid', async () => {
      const paymentRef = await paidIntentRef();
      expect(await codeOf(refund(paymentRef, 10_001))).toBe('validation_failed');
      expect(await refund(paymentRef, 2_500)).toEqual({ refundRef: expect.any(String), status: 'succeeded' });
      const tooMuch = await refund(paymentRef, 7_501).catch((error: unknown) => error);
      expect(tooMuch).toBeInstanceOf(ValidationError);
      expect((tooMuch as ValidationError).details).toEqual([{ field: 'amount', message: expect.any(String) }]);
      expect((await refund(paymentRef, 7_500)).status).toBe('succeeded');
      expect(await codeOf(refund(paymentRef, 1))).toBe('validation_failed');
    });

    it('refunds once per key: a repeat answers the same refund and refunds nothing more', async () => {
      const paymentRef = await paidIntentRef();
      const key = freshKey('refund');
      const first = await refund(paymentRef, 4_000, key);
      expect(await refund(paymentRef, 4_000, key)).toEqual(first);
      expect(await codeOf(refund(paymentRef, 4_001, key))).toBe('idempotency_conflict');
      // 6 000 is left only if the repeat refunded nothing.
      expect((await refund(paymentRef, 6_000)).status).toBe('succeeded');
    });

    it('refuses to refund a payment that did not succeed, or that it does not know', async () => {
      const unpaid = await gateway.createIntent(orderIntent());
      expect(await codeOf(refund(unpaid.id, 100))).toBe('invalid_transition');
      expect(await codeOf(refund('pi_never_created', 100))).toBe('not_found');
    });

    it('lists what happened since a moment, oldest first, with the intents as they were then', async () => {
      await gateway.createIntent(orderIntent());
      fixture.clock.advance(60_000);
      const since = fixture.clock.now();
      const intent = await gateway.createIntent(orderIntent({ amount: cents(10_000) }));
      fixture.clock.advance(1_000);
      await gateway.confirmIntent(intent.id, 'pm_fail_visa', freshKey('confirm'));
      await gateway.confirmIntent(intent.id, 'pm_test_visa', freshKey('confirm'));
      fixture.clock.advance(1_000);
      await refund(intent.id, 3_000);
      await refund(intent.id, 2_000);

      const events = await gateway.listEventsSince(since);
      expect(events.map((event) => event.type)).toEqual([
        'payment_intent.created',
        'payment_intent.payment_failed',
        'payment_intent.succeeded',
        'charge.refunded',
        'charge.refunded',
      ]);
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      expect(events[0]?.createdAt).toEqual(since);
      expect(events.map((event) => event.intent?.status)).toEqual([
        'requires_payment_method',
        'requires_payment_method',
        'succeeded',
        undefined,
        undefined,
      ]);
      expect(events[1]?.intent).toMatchObject({ id: intent.id, metadata: { order_id: '42' } });
      expect(events[1]?.intent?.lastError).toMatch(/declined/i);
      expect(events.slice(3).map((event) => event.refund)).toEqual([
        { paymentRef: intent.id, amountRefunded: 3_000 },
        { paymentRef: intent.id, amountRefunded: 5_000 },
      ]);
    });

    it('records the events of off-session charges too', async () => {
      const since = fixture.clock.now();
      const outcome = await gateway.chargeOffSession(installmentCharge('pm_test_visa'));
      const events = await gateway.listEventsSince(since);
      expect(events.map((event) => [event.type, event.intent?.id])).toEqual([
        ['payment_intent.created', outcome.gatewayRef],
        ['payment_intent.succeeded', outcome.gatewayRef],
      ]);
      expect(events[1]?.intent?.metadata).toEqual({ rental_id: '7', installment_no: '2' });
    });

    describe('webhooks', () => {
      const succeeded = () =>
        stripeEventJson(
          'payment_intent.succeeded',
          paymentIntentObject({ id: 'pi_hook_1', amount: 12_999, status: 'succeeded', metadata: { order_id: '42' } }),
          fixture.clock.now(),
        );

      it('reads a correctly signed event, from a string or the raw bytes', () => {
        const body = succeeded();
        const header = signatureFor(body, fixture.webhookSecret, fixture.clock.now());
        const event = gateway.parseWebhook(Buffer.from(body), header);
        expect(event).toEqual({
          id: JSON.parse(body).id,
          type: 'payment_intent.succeeded',
          createdAt: new Date(Math.floor(fixture.clock.now().getTime() / 1000) * 1000),
          intent: {
            id: 'pi_hook_1',
            clientSecret: 'pi_hook_1_secret_test',
            status: 'succeeded',
            amount: 12_999,
            currency: 'usd',
            metadata: { order_id: '42' },
            lastError: null,
          },
        });
        expect(gateway.parseWebhook(body, header)).toEqual(event);
      });

      it('reads a failure with its reason, and a refund with the refunded total', () => {
        const failed = stripeEventJson(
          'payment_intent.payment_failed',
          paymentIntentObject({
            id: 'pi_hook_2',
            amount: 500,
            status: 'requires_payment_method',
            lastError: 'Your card was declined.',
          }),
          fixture.clock.now(),
        );
        const read = (body: string) =>
          gateway.parseWebhook(body, signatureFor(body, fixture.webhookSecret, fixture.clock.now()));
        expect(read(failed).intent).toMatchObject({
          status: 'requires_payment_method',
          lastError: 'Your card was declined.',
        });
        const refunded = stripeEventJson(
          'charge.refunded',
          chargeObject({ paymentIntent: 'pi_hook_2', amount: 500, amountRefunded: 200 }),
          fixture.clock.now(),
        );
        expect(read(refunded)).toMatchObject({
          type: 'charge.refunded',
          refund: { paymentRef: 'pi_hook_2', amountRefunded: 200 },
        });
      });

      it('keeps an event of another type with its type only, to be acknowledged and ignored', () => {
        const body = stripeEventJson('customer.created', { id: 'cus_1', object: 'customer' }, fixture.clock.now());
        const event = gateway.parseWebhook(body, signatureFor(body, fixture.webhookSecret, fixture.clock.now()));
        expect(event).toEqual({ id: JSON.parse(body).id, type: 'customer.created', createdAt: expect.any(Date) });
      });

      it('refuses a missing signature, a tampered body and another secret', () => {
        const body = succeeded();
        const header = signatureFor(body, fixture.webhookSecret, fixture.clock.now());
        const refusal = (run: () => unknown) => codeOf(Promise.resolve().then(run));
        return Promise.all([
          expect(refusal(() => gateway.parseWebhook(body, undefined))).resolves.toBe('invalid_signature'),
          expect(refusal(() => gateway.parseWebhook(body, ''))).resolves.toBe('invalid_signature'),
          expect(refusal(() => gateway.parseWebhook(body.replace('12999', '1'), header))).resolves.toBe(
            'invalid_signature',
          ),
          expect(
            refusal(() => gateway.parseWebhook(body, signatureFor(body, 'whsec_someone_else', fixture.clock.now()))),
          ).resolves.toBe('invalid_signature'),
          expect(refusal(() => gateway.parseWebhook(body, 't=1,v0=abc'))).resolves.toBe('invalid_signature'),
        ]);
      });

      it('refuses a signature older than 300 seconds (a replay), and takes one just inside', async () => {
        const body = succeeded();
        const now = fixture.clock.now().getTime();
        const stale = signatureFor(body, fixture.webhookSecret, new Date(now - 301_000));
        expect(await codeOf(Promise.resolve().then(() => gateway.parseWebhook(body, stale)))).toBe('invalid_signature');
        const fresh = signatureFor(body, fixture.webhookSecret, new Date(now - 299_000));
        expect(gateway.parseWebhook(body, fresh).type).toBe('payment_intent.succeeded');
      });
    });
  });
}
