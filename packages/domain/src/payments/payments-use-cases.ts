import type { Actor } from '../identity/user.js';
import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { GatewayEvent, GatewayIntent } from './payment-gateway.js';
import type { PaymentEntry } from './payment.js';

/** What a client needs to finish paying an order with Stripe.js (SPEC §6). */
export interface OrderIntent {
  orderId: Id;
  paymentIntentId: string;
  clientSecret: string;
  amount: number;
  currency: 'usd';
}

/** How an applied gateway event ended (for the log and the tests). */
export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown_intent';

/** The payment use cases of SPEC §6 (the payments issue). */
export interface PaymentsUseCases {
  /**
   * POST /api/payment/create-intent: the order's intent for its total (metadata {order_id}),
   * created once and returned again while the order is unpaid; 409 when paid or cancelled,
   * 404 for someone else's order. The amount is always the order's total, never the client's.
   */
  createOrderIntent(actor: Actor, orderId: Id): Promise<OrderIntent>;
  /** The seed's PHP handler: confirm one of the caller's intents with a payment method (404 for another's). */
  confirmIntent(actor: Actor, paymentIntentId: string, paymentMethodId: string): Promise<GatewayIntent>;
  retrieveIntent(actor: Actor, paymentIntentId: string): Promise<GatewayIntent>;
  /** GET /api/payment/history: the caller's ledger rows, newest first. */
  history(actor: Actor, request: PageRequest): Promise<Page<PaymentEntry>>;
  /** POST /api/payment/webhook: verifies the signature over the raw bytes, then applies the event once. */
  handleWebhook(rawBody: Uint8Array | string, signatureHeader: string | undefined): Promise<EventOutcome>;
  /** Applies one event exactly once (webhooks and reconciliation share this path). */
  applyEvent(event: GatewayEvent): Promise<EventOutcome>;
  /** The reconciliation job: the gateway's events since `since`, each through applyEvent; returns how many applied. */
  reconcile(since: Date): Promise<number>;
}
