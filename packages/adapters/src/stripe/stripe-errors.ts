import Stripe from 'stripe';
import { DomainError, notFound, ValidationError } from '@giggatek/domain';
import { idempotencyConflict } from './idempotent-answers.js';

/**
 * Stripe's refusals that the port names (the same ones the offline gateway throws). Anything
 * else (network, authentication, Stripe's own faults) is thrown as the SDK threw it: the
 * caller's transaction rolls back and a retry with the same idempotency key is safe.
 */

/** Codes of a payment that is in no state for what was asked (confirm a paid one, refund an unpaid one). */
const WRONG_STATE = [
  'payment_intent_unexpected_state',
  'charge_not_refundable',
  'charge_disputed',
  'refund_disputed_payment',
];
/** Codes of a refund amount the payment cannot take. */
const BAD_REFUND_AMOUNT = ['amount_too_large', 'amount_too_small', 'charge_already_refunded'];

export function isMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';
}

/** Whether the payment method named in the request does not exist (or is not usable here). */
export function isUnknownPaymentMethod(error: unknown): error is Stripe.errors.StripeInvalidRequestError {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method';
}

/** The port's error for one of Stripe's refusals, or the error itself. */
export function translated(error: unknown, context: { idempotencyKey: string; what: string }): unknown {
  if (error instanceof Stripe.errors.StripeIdempotencyError) return idempotencyConflict(context.idempotencyKey);
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return error;
  const reason = firstLine(error.message);
  if (error.code === 'resource_missing' && error.param !== 'payment_method') return notFound(context.what);
  if (error.code && WRONG_STATE.includes(error.code)) return new DomainError('invalid_transition', reason);
  if (error.code && BAD_REFUND_AMOUNT.includes(error.code)) {
    return new ValidationError([{ field: 'amount', message: reason }]);
  }
  if (error.param === 'payment_method') return new ValidationError([{ field: 'paymentMethodId', message: reason }]);
  return error;
}

/** Stripe's messages may go on with advice over several lines. */
export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
