import type { Cents } from '../shared/money.js';

/**
 * A charge of a saved payment method without the customer at the keyboard (SPEC §6:
 * rental installments and buyouts). `idempotencyKey` makes a repeat of the same request
 * (a retried transaction, a crash before the answer was recorded) return the first
 * outcome instead of charging again.
 */
export interface OffSessionCharge {
  amount: Cents;
  currency: 'usd';
  paymentMethodId: string;
  idempotencyKey: string;
  description: string;
  /** Sent to the gateway as is: `{rental_id, installment_no}` for an installment. */
  metadata: Record<string, string>;
}

/** What a charge came to. A decline and an authentication need are answers, not errors. */
export type ChargeOutcome =
  | { status: 'succeeded'; gatewayRef: string }
  | { status: 'requires_action'; gatewayRef: string; clientSecret: string }
  | { status: 'declined'; gatewayRef: string | null; reason: string };

/**
 * The payment processor (SPEC §6). Network and processor faults are thrown; the caller's
 * transaction then rolls back and a retry with the same idempotency key is safe.
 */
export interface PaymentGateway {
  /** Stored on every ledger row it produced: 'stripe' | 'offline'. */
  readonly name: string;
  chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome>;
}
