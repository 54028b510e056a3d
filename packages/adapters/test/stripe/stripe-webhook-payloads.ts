import Stripe from 'stripe';

/**
 * Webhook bodies shaped as Stripe sends them, signed with the SDK's own test helper: what
 * a test posts to a gateway's parseWebhook (or, later, to the webhook route).
 */

let serial = 0;

export function stripeEventJson(type: string, object: Record<string, unknown>, created: Date): string {
  serial += 1;
  return JSON.stringify({
    id: `evt_test_${serial}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(created.getTime() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

export function paymentIntentObject(fields: {
  id: string;
  amount: number;
  status: string;
  metadata?: Record<string, string>;
  lastError?: string;
}): Record<string, unknown> {
  return {
    id: fields.id,
    object: 'payment_intent',
    amount: fields.amount,
    currency: 'usd',
    status: fields.status,
    client_secret: `${fields.id}_secret_test`,
    metadata: fields.metadata ?? {},
    last_payment_error: fields.lastError ? { type: 'card_error', message: fields.lastError } : null,
  };
}

export function chargeObject(fields: {
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
}): Record<string, unknown> {
  return {
    id: `ch_${fields.paymentIntent}`,
    object: 'charge',
    amount: fields.amount,
    amount_refunded: fields.amountRefunded,
    refunded: fields.amount === fields.amountRefunded,
    payment_intent: fields.paymentIntent,
    currency: 'usd',
  };
}

/** The Stripe-Signature header for `payload`, as signed at `at`. */
export function signatureFor(payload: string, secret: string, at: Date): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(at.getTime() / 1000) });
}
