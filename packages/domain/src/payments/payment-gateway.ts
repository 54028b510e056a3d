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
 * Where a payment intent stands, in the processor's words. `requires_payment_method` is
 * both "not tried yet" and "declined" (then `lastError` says why).
 */
export const INTENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'succeeded',
  'canceled',
] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

/** A payment the customer completes in the browser (an order's checkout). */
export interface NewIntent {
  amount: Cents;
  currency: 'usd';
  idempotencyKey: string;
  /** Sent to the gateway as is: `{order_id}` for an order. */
  metadata: Record<string, string>;
  description: string;
}

/** The processor's payment intent, as the domain reads it. */
export interface GatewayIntent {
  /** The payment's reference at the processor (`pi_…`): the ledger's gateway_ref. */
  id: string;
  /**
   * What the browser confirms the payment with. A secret of the customer's: answered to
   * them, never stored or logged. Null only if the processor withholds it.
   */
  clientSecret: string | null;
  status: IntentStatus;
  amount: Cents;
  currency: string;
  metadata: Record<string, string>;
  /** Why the last attempt failed (a decline), or null. */
  lastError: string | null;
}

/** A refund of (part of) a succeeded payment; the processor refuses more than is left. */
export interface RefundRequest {
  /** The intent id of the payment refunded. */
  paymentRef: string;
  amount: Cents;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface RefundOutcome {
  refundRef: string;
  status: 'succeeded' | 'pending' | 'failed';
}

/**
 * Something that happened at the processor (a webhook, or a row of its event list).
 * `intent` is set for `payment_intent.*` events, `refund` for `charge.refunded`; an event
 * of any other type keeps only its id and type, so the caller can acknowledge and ignore it.
 */
export interface GatewayEvent {
  /** The processor's event id: each is applied at most once. */
  id: string;
  type: string;
  createdAt: Date;
  intent?: GatewayIntent;
  /** `amountRefunded` is the payment's refunded total so far, not this refund's amount. */
  refund?: { paymentRef: string; amountRefunded: Cents };
}

/** How old a webhook's signature may be before it is refused (a replay). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The payment processor (SPEC §6). Network and processor faults are thrown; the caller's
 * transaction then rolls back and a retry with the same idempotency key is safe. Like
 * Stripe, a key answers its first answer again, and a key reused with other parameters
 * throws DomainError('idempotency_conflict').
 */
export interface PaymentGateway {
  /** Stored on every ledger row it produced: 'stripe' | 'offline'. */
  readonly name: string;
  chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome>;
  createIntent(intent: NewIntent): Promise<GatewayIntent>;
  /** Null when the processor knows no such intent. */
  retrieveIntent(id: string): Promise<GatewayIntent | null>;
  /**
   * Tries the payment with a payment method: `succeeded`, `requires_action` (finish with
   * the client secret), or a decline (`requires_payment_method` with `lastError`). An
   * intent that can no longer be confirmed throws DomainError('invalid_transition').
   */
  confirmIntent(id: string, paymentMethodId: string, idempotencyKey: string): Promise<GatewayIntent>;
  /** More than is left to refund throws a ValidationError on `amount`. */
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /**
   * Verifies the signature over the exact bytes received, then reads the event. A missing
   * or wrong signature, or one older than WEBHOOK_TOLERANCE_SECONDS, throws
   * DomainError('invalid_signature').
   */
  parseWebhook(rawBody: Uint8Array | string, signatureHeader: string | undefined): GatewayEvent;
  /** Every event since `since` (whole seconds), oldest first: for reconciliation. */
  listEventsSince(since: Date): Promise<GatewayEvent[]>;
}
