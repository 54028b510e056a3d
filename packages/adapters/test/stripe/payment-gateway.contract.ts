import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cents, DomainError } from '@giggatek/domain';
import type { FixedClock, NewIntent, OffSessionCharge, PaymentGateway } from '@giggatek/domain';

/** One gateway under test, over a fresh processor account. */
export interface PaymentGatewayFixture {
  gateway: PaymentGateway;
  /** The secret its webhooks are signed with. */
  webhookSecret: string;
  /** The clock the gateway (and its processor) read: events are stamped with it. */
  clock: FixedClock;
  dispose(): Promise<void>;
}

export type MakePaymentGatewayFixture = () => Promise<PaymentGatewayFixture>;

export const CONTRACT_START = '2026-03-02T10:00:00.000Z';

let serial = 0;
/** A key no other test used, so tests never answer each other's requests. */
export function freshKey(what: string): string {
  serial += 1;
  return `contract-${what}-${Date.now().toString(36)}-${serial}`;
}

export function orderIntent(overrides: Partial<NewIntent> = {}): NewIntent {
  return {
    amount: cents(12_999),
    currency: 'usd',
    idempotencyKey: freshKey('order'),
    metadata: { order_id: '42' },
    description: 'GigGatek order #42',
    ...overrides,
  };
}

export function installmentCharge(
  paymentMethodId: string,
  overrides: Partial<OffSessionCharge> = {},
): OffSessionCharge {
  return {
    amount: cents(4_500),
    currency: 'usd',
    paymentMethodId,
    idempotencyKey: freshKey('installment'),
    description: 'GigGatek rental #7, installment 2 of 12',
    metadata: { rental_id: '7', installment_no: '2' },
    ...overrides,
  };
}

/** The DomainError code a promise rejects with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The payments the customer completes in the browser, and the off-session charges. */
export function describePaymentGatewayContract(name: string, makeFixture: MakePaymentGatewayFixture): void {
  describe(`PaymentGateway contract: intents and charges (${name})`, () => {
    let fixture: PaymentGatewayFixture;
    let gateway: PaymentGateway;
    beforeEach(async () => {
      fixture = await makeFixture();
      gateway = fixture.gateway;
    });
    afterEach(() => fixture.dispose());

    it('creates an intent awaiting its payment method, with the metadata as given', async () => {
      const intent = await gateway.createIntent(orderIntent());
      expect(intent).toEqual({
        id: expect.stringMatching(/^pi_/),
        clientSecret: expect.stringContaining(intent.id),
        status: 'requires_payment_method',
        amount: 12_999,
        currency: 'usd',
        metadata: { order_id: '42' },
        lastError: null,
      });
      expect(await gateway.retrieveIntent(intent.id)).toEqual(intent);
      expect(await gateway.retrieveIntent('pi_never_created')).toBeNull();
    });

    it('answers the same key and request with the same intent; another key makes another', async () => {
      const request = orderIntent();
      const first = await gateway.createIntent(request);
      expect(await gateway.createIntent({ ...request, metadata: { order_id: '42' } })).toEqual(first);
      const other = await gateway.createIntent({ ...request, idempotencyKey: freshKey('order') });
      expect(other.id).not.toBe(first.id);
    });

    it('refuses a key reused with other parameters', async () => {
      const request = orderIntent();
      await gateway.createIntent(request);
      expect(await codeOf(gateway.createIntent({ ...request, amount: cents(13_000) }))).toBe('idempotency_conflict');
      expect(await codeOf(gateway.createIntent({ ...request, metadata: { order_id: '43' } }))).toBe(
        'idempotency_conflict',
      );
    });

    it('confirms with a good card: succeeded, and it cannot be confirmed again', async () => {
      const intent = await gateway.createIntent(orderIntent());
      const confirmed = await gateway.confirmIntent(intent.id, 'pm_test_visa', freshKey('confirm'));
      expect(confirmed).toMatchObject({
        id: intent.id,
        status: 'succeeded',
        lastError: null,
        metadata: { order_id: '42' },
      });
      expect((await gateway.retrieveIntent(intent.id))?.status).toBe('succeeded');
      expect(await codeOf(gateway.confirmIntent(intent.id, 'pm_test_visa', freshKey('confirm')))).toBe(
        'invalid_transition',
      );
    });

    it('answers a decline as the intent back at requires_payment_method, with the reason; another card may follow', async () => {
      const intent = await gateway.createIntent(orderIntent());
      const declined = await gateway.confirmIntent(intent.id, 'pm_fail_visa', freshKey('confirm'));
      expect(declined).toMatchObject({ id: intent.id, status: 'requires_payment_method', amount: 12_999 });
      expect(declined.lastError).toMatch(/declined/i);
      const retried = await gateway.confirmIntent(intent.id, 'pm_test_visa', freshKey('confirm'));
      expect(retried).toMatchObject({ status: 'succeeded', lastError: null });
    });

    it('answers requires_action with the client secret when the card needs authentication', async () => {
      const intent = await gateway.createIntent(orderIntent());
      const pending = await gateway.confirmIntent(intent.id, 'pm_3ds_visa', freshKey('confirm'));
      expect(pending).toMatchObject({ id: intent.id, status: 'requires_action', clientSecret: intent.clientSecret });
    });

    it('replays a confirmation under its key, and refuses the key with another payment method', async () => {
      const intent = await gateway.createIntent(orderIntent());
      const key = freshKey('confirm');
      const declined = await gateway.confirmIntent(intent.id, 'pm_fail_visa', key);
      expect(await gateway.confirmIntent(intent.id, 'pm_fail_visa', key)).toEqual(declined);
      expect(await codeOf(gateway.confirmIntent(intent.id, 'pm_test_visa', key))).toBe('idempotency_conflict');
      expect((await gateway.retrieveIntent(intent.id))?.status).toBe('requires_payment_method');
    });

    it('refuses an unknown payment method or intent', async () => {
      const intent = await gateway.createIntent(orderIntent());
      expect(await codeOf(gateway.confirmIntent(intent.id, 'pm_unknown', freshKey('confirm')))).toBe(
        'validation_failed',
      );
      expect(await codeOf(gateway.confirmIntent('pi_never_created', 'pm_test_visa', freshKey('confirm')))).toBe(
        'not_found',
      );
    });

    it('charges off-session: a success leaves a succeeded intent with the metadata as given', async () => {
      const outcome = await gateway.chargeOffSession(installmentCharge('pm_test_visa'));
      expect(outcome).toEqual({ status: 'succeeded', gatewayRef: expect.stringMatching(/^pi_/) });
      expect(await gateway.retrieveIntent(outcome.gatewayRef ?? '')).toMatchObject({
        status: 'succeeded',
        amount: 4_500,
        metadata: { rental_id: '7', installment_no: '2' },
      });
    });

    it('answers an off-session decline with the failed intent and the reason', async () => {
      const outcome = await gateway.chargeOffSession(installmentCharge('pm_fail_visa'));
      expect(outcome).toEqual({
        status: 'declined',
        gatewayRef: expect.stringMatching(/^pi_/),
        reason: expect.any(String),
      });
      const intent = await gateway.retrieveIntent(outcome.gatewayRef ?? '');
      expect(intent).toMatchObject({
        status: 'requires_payment_method',
        lastError: expect.stringMatching(/declined/i),
      });
    });

    it('answers requires_action with the client secret when an off-session charge needs the customer', async () => {
      const outcome = await gateway.chargeOffSession(installmentCharge('pm_3ds_visa'));
      if (outcome.status !== 'requires_action') throw new Error(`expected requires_action, got ${outcome.status}`);
      const intent = await gateway.retrieveIntent(outcome.gatewayRef);
      expect(intent?.clientSecret).toBe(outcome.clientSecret);
      // As at Stripe: the off-session attempt failed; the customer confirms it on-session.
      expect(intent?.status).toBe('requires_payment_method');
    });

    it('declines a payment method that does not exist, without an intent', async () => {
      const outcome = await gateway.chargeOffSession(installmentCharge('pm_unknown'));
      expect(outcome).toEqual({ status: 'declined', gatewayRef: null, reason: expect.any(String) });
    });

    it('charges once per key: a repeat answers the first outcome; other parameters are refused', async () => {
      const charge = installmentCharge('pm_test_visa');
      const since = fixture.clock.now();
      const first = await gateway.chargeOffSession(charge);
      expect(await gateway.chargeOffSession({ ...charge })).toEqual(first);
      const created = (await gateway.listEventsSince(since)).filter((e) => e.type === 'payment_intent.created');
      expect(created).toHaveLength(1);
      expect(await codeOf(gateway.chargeOffSession({ ...charge, amount: cents(4_501) }))).toBe('idempotency_conflict');
    });
  });
}
