import { describe, expect, it } from 'vitest';
import { cents, DomainError, FixedClock, type PaymentGateway } from '@giggatek/domain';
import { loadConfig } from '../../src/config/index.js';
import { createContainer, disposeContainer, resolve, TOKENS } from '../../src/container.js';
import { OFFLINE_WEBHOOK_SECRET, OfflinePaymentGateway } from '../../src/stripe/offline-payment-gateway.js';
import { StripePaymentGateway } from '../../src/stripe/stripe-payment-gateway.js';
import { paymentIntentObject, signatureFor, stripeEventJson } from '../stripe/stripe-webhook-payloads.js';

const NOW = '2026-03-02T10:00:00.000Z';

/** The container's payment gateway for an environment (memory storage: no database is opened). */
async function gatewayFor(env: Record<string, string>): Promise<PaymentGateway> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const container = createContainer(config, { storage: 'memory', clock: new FixedClock(NOW) });
  const gateway = resolve(container, TOKENS.PaymentGateway);
  await disposeContainer(container);
  return gateway;
}

/** Whether the gateway takes a webhook signed with `secret` now, by the container's clock. */
function acceptsWebhookSignedWith(gateway: PaymentGateway, secret: string): boolean {
  const body = stripeEventJson(
    'payment_intent.succeeded',
    paymentIntentObject({ id: 'pi_1', amount: 100, status: 'succeeded' }),
    new Date(NOW),
  );
  try {
    gateway.parseWebhook(body, signatureFor(body, secret, new Date(NOW)));
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_signature') return false;
    throw error;
  }
}

describe('the PaymentGateway binding', () => {
  it('is the offline gateway without STRIPE_SECRET_KEY, verifying webhooks with the development secret', async () => {
    const gateway = await gatewayFor({});
    expect(gateway).toBeInstanceOf(OfflinePaymentGateway);
    expect(acceptsWebhookSignedWith(gateway, OFFLINE_WEBHOOK_SECRET)).toBe(true);
  });

  it('takes test payments outside production and declines every charge in production', async () => {
    const charge = {
      amount: cents(11_500),
      currency: 'usd' as const,
      paymentMethodId: 'pm_test_visa',
      idempotencyKey: 'rental-1-installment-1-attempt-1',
      description: 'installment',
      metadata: { rental_id: '1', installment_no: '1' },
    };
    expect(await (await gatewayFor({})).chargeOffSession(charge)).toMatchObject({ status: 'succeeded' });

    const production = await gatewayFor({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(64) });
    expect(production).toBeInstanceOf(OfflinePaymentGateway);
    expect(await production.chargeOffSession(charge)).toEqual({
      status: 'declined',
      gatewayRef: null,
      reason: expect.stringContaining('STRIPE_SECRET_KEY is not set'),
    });
  });

  it('verifies offline webhooks with STRIPE_WEBHOOK_SECRET when it is set', async () => {
    const gateway = await gatewayFor({ STRIPE_WEBHOOK_SECRET: 'whsec_configured' });
    expect(gateway).toBeInstanceOf(OfflinePaymentGateway);
    expect(acceptsWebhookSignedWith(gateway, 'whsec_configured')).toBe(true);
    expect(acceptsWebhookSignedWith(gateway, OFFLINE_WEBHOOK_SECRET)).toBe(false);
  });

  it('is Stripe with STRIPE_SECRET_KEY, verifying webhooks with STRIPE_WEBHOOK_SECRET', async () => {
    const gateway = await gatewayFor({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_configured' });
    expect(gateway).toBeInstanceOf(StripePaymentGateway);
    expect(gateway.name).toBe('stripe');
    expect(acceptsWebhookSignedWith(gateway, 'whsec_configured')).toBe(true);
    expect(acceptsWebhookSignedWith(gateway, OFFLINE_WEBHOOK_SECRET)).toBe(false);
  });
});
