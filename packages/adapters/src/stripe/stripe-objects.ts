import type Stripe from 'stripe';
import { cents, INTENT_STATUSES } from '@giggatek/domain';
import type { GatewayEvent, GatewayIntent, IntentStatus } from '@giggatek/domain';

/**
 * Stripe's objects as the domain reads them, for both gateways: the Stripe one reads the
 * SDK's answers, the offline one the Stripe-shaped webhooks that tests and tools sign.
 */

/** The part of an event this module reads; a Stripe.Event is one. */
export interface StripeEventShape {
  id: string;
  type: string;
  created: number;
  data: { object: unknown };
}

export function intentOf(pi: Stripe.PaymentIntent): GatewayIntent {
  return {
    id: pi.id,
    clientSecret: pi.client_secret,
    status: statusOf(pi.status),
    amount: cents(pi.amount),
    currency: pi.currency,
    metadata: { ...pi.metadata },
    lastError: pi.last_payment_error ? (pi.last_payment_error.message ?? 'the payment failed') : null,
  };
}

function statusOf(status: Stripe.PaymentIntent.Status): IntentStatus {
  // Manual capture is never asked for, so an authorised-not-captured intent is still in flight.
  if (status === 'requires_capture') return 'processing';
  if ((INTENT_STATUSES as readonly string[]).includes(status)) return status as IntentStatus;
  throw new Error(`unknown payment intent status ${status}`);
}

export function eventOf(event: StripeEventShape): GatewayEvent {
  const base = { id: event.id, type: event.type, createdAt: new Date(event.created * 1000) };
  const object = event.data.object;
  if (event.type.startsWith('payment_intent.') && isObject<Stripe.PaymentIntent>(object, 'payment_intent')) {
    return { ...base, intent: intentOf(object) };
  }
  if (event.type === 'charge.refunded' && isObject<Stripe.Charge>(object, 'charge')) {
    const paymentRef = typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id;
    // A charge made without a payment intent is none of ours.
    if (paymentRef) return { ...base, refund: { paymentRef, amountRefunded: cents(object.amount_refunded) } };
  }
  return base;
}

/**
 * Reads a verified webhook body. The signature vouches for the sender, so the shape is
 * only checked as far as this module reads it.
 */
export function stripeEventFromJson(text: string): StripeEventShape {
  const value: unknown = JSON.parse(text);
  if (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'type' in value &&
    typeof value.type === 'string' &&
    'created' in value &&
    typeof value.created === 'number' &&
    'data' in value &&
    typeof value.data === 'object' &&
    value.data !== null &&
    'object' in value.data
  ) {
    return { id: value.id, type: value.type, created: value.created, data: { object: value.data.object } };
  }
  throw new Error('the webhook body is not a Stripe event');
}

/** Stripe names every object's kind in its `object` field. */
function isObject<T>(value: unknown, kind: string): value is T {
  return typeof value === 'object' && value !== null && 'object' in value && value.object === kind;
}
