import type { GatewayIntent, OrderIntent, PaymentEntry } from '@giggatek/domain';
import { presentPayment } from './order.js';
import { presentRentalPayment } from './rental.js';

/** The answer to create-intent (SPEC §6). */
export function presentOrderIntent(intent: OrderIntent) {
  return {
    client_secret: intent.clientSecret,
    payment_intent_id: intent.paymentIntentId,
    amount: intent.amount,
    currency: intent.currency,
  };
}

/** A row of the history as SPEC §9 spells a payment: a rental's carries its late fee, as everywhere. */
export function presentHistoryPayment(entry: PaymentEntry) {
  return entry.rentalId !== null ? presentRentalPayment(entry) : presentPayment(entry);
}

// The seed's PHP handler (payment/stripe_handler.php), answer for answer.

export function presentHandlerCreated(intent: OrderIntent) {
  return { success: true, client_secret: intent.clientSecret, payment_intent_id: intent.paymentIntentId };
}

export function presentHandlerConfirmed(intent: GatewayIntent) {
  return {
    success: true,
    status: intent.status,
    payment_intent_id: intent.id,
    requires_action: intent.status === 'requires_action',
    client_secret: intent.clientSecret,
  };
}

export function presentHandlerRetrieved(intent: GatewayIntent) {
  return {
    success: true,
    status: intent.status,
    amount: intent.amount,
    currency: intent.currency,
    payment_intent_id: intent.id,
  };
}
