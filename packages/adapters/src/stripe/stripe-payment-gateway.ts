import Stripe from 'stripe';
import { systemClock, WEBHOOK_TOLERANCE_SECONDS } from '@giggatek/domain';
import type {
  ChargeOutcome,
  Clock,
  GatewayEvent,
  GatewayIntent,
  NewIntent,
  OffSessionCharge,
  PaymentGateway,
  RefundOutcome,
  RefundRequest,
} from '@giggatek/domain';
import { firstLine, isMissing, isUnknownPaymentMethod, translated } from './stripe-errors.js';
import { eventOf, intentOf } from './stripe-objects.js';
import { invalidSignature } from './webhook-signature.js';

export interface StripePaymentGatewayOptions {
  secretKey: string;
  /** The endpoint's signing secret (whsec_…). Without one every webhook is refused. */
  webhookSecret: string | null;
  clock?: Clock;
  /** Tests point the SDK at a local stub; Stripe's API otherwise. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/**
 * The payment processor through the official SDK. Every write carries the caller's
 * idempotency key, so the SDK's own retries and a retried transaction never charge twice.
 * Only cards are offered: nothing redirects, so no return URL is needed to confirm.
 */
export class StripePaymentGateway implements PaymentGateway {
  readonly name = 'stripe';
  private readonly stripe: Stripe;
  private readonly webhookSecret: string | null;
  private readonly clock: Clock;

  constructor(options: StripePaymentGatewayOptions) {
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: 2,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
    });
    this.webhookSecret = options.webhookSecret;
    this.clock = options.clock ?? systemClock;
  }

  async chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: charge.amount,
          currency: charge.currency,
          payment_method: charge.paymentMethodId,
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
          description: charge.description,
          metadata: charge.metadata,
        },
        { idempotencyKey: charge.idempotencyKey },
      );
      return outcomeOf(intentOf(intent));
    } catch (error) {
      return refusalOf(error, charge.idempotencyKey);
    }
  }

  async createIntent(intent: NewIntent): Promise<GatewayIntent> {
    try {
      const created = await this.stripe.paymentIntents.create(
        {
          amount: intent.amount,
          currency: intent.currency,
          allowed_payment_method_types: ['card'],
          description: intent.description,
          metadata: intent.metadata,
        },
        { idempotencyKey: intent.idempotencyKey },
      );
      return intentOf(created);
    } catch (error) {
      throw translated(error, { idempotencyKey: intent.idempotencyKey, what: 'payment intent' });
    }
  }

  async retrieveIntent(id: string): Promise<GatewayIntent | null> {
    try {
      return intentOf(await this.stripe.paymentIntents.retrieve(id));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async confirmIntent(id: string, paymentMethodId: string, idempotencyKey: string): Promise<GatewayIntent> {
    try {
      const confirmed = await this.stripe.paymentIntents.confirm(
        id,
        { payment_method: paymentMethodId },
        { idempotencyKey },
      );
      return intentOf(confirmed);
    } catch (error) {
      // A decline is an answer: the intent, back to requires_payment_method with the reason.
      if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) return intentOf(error.payment_intent);
      throw translated(error, { idempotencyKey, what: 'payment intent' });
    }
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: request.paymentRef, amount: request.amount, metadata: request.metadata },
        { idempotencyKey: request.idempotencyKey },
      );
      return { refundRef: refund.id, status: refundStatusOf(refund.status) };
    } catch (error) {
      throw translated(error, { idempotencyKey: request.idempotencyKey, what: 'payment' });
    }
  }

  parseWebhook(rawBody: Uint8Array | string, signatureHeader: string | undefined): GatewayEvent {
    if (this.webhookSecret === null)
      throw invalidSignature('STRIPE_WEBHOOK_SECRET is not set: no webhook can be verified');
    if (!signatureHeader) throw invalidSignature('the Stripe-Signature header is missing');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signatureHeader,
        this.webhookSecret,
        WEBHOOK_TOLERANCE_SECONDS,
        undefined,
        this.clock.now().getTime(),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw invalidSignature(firstLine(error.message));
      }
      throw error;
    }
    return eventOf(event);
  }

  async listEventsSince(since: Date): Promise<GatewayEvent[]> {
    const events: GatewayEvent[] = [];
    // Stripe lists newest first; the SDK follows the pages.
    for await (const event of this.stripe.events.list({
      created: { gte: Math.floor(since.getTime() / 1000) },
      limit: 100,
    })) {
      events.push(eventOf(event));
    }
    return events.reverse();
  }
}

function outcomeOf(intent: GatewayIntent): ChargeOutcome {
  if (intent.status === 'succeeded') return { status: 'succeeded', gatewayRef: intent.id };
  if (intent.status === 'requires_action' && intent.clientSecret) {
    return { status: 'requires_action', gatewayRef: intent.id, clientSecret: intent.clientSecret };
  }
  if (intent.status === 'requires_payment_method') {
    return { status: 'declined', gatewayRef: intent.id, reason: intent.lastError ?? 'the payment was declined' };
  }
  // processing: a card charge answers at once, so this is a processor fault worth a retry.
  throw new Error(`off-session charge ${intent.id} came back ${intent.status}`);
}

/**
 * A refused off-session charge. Stripe answers 402 with the failed intent: the customer
 * must come back to authenticate (authentication_required), or the card was declined.
 */
function refusalOf(error: unknown, idempotencyKey: string): ChargeOutcome {
  if (error instanceof Stripe.errors.StripeCardError) {
    const intent = error.payment_intent ? intentOf(error.payment_intent) : null;
    if (error.code === 'authentication_required' && intent?.clientSecret) {
      return { status: 'requires_action', gatewayRef: intent.id, clientSecret: intent.clientSecret };
    }
    return { status: 'declined', gatewayRef: intent?.id ?? null, reason: firstLine(error.message) };
  }
  // A saved payment method that no longer exists is the customer's to replace, like a decline.
  if (isUnknownPaymentMethod(error)) return { status: 'declined', gatewayRef: null, reason: firstLine(error.message) };
  throw translated(error, { idempotencyKey, what: 'payment' });
}

function refundStatusOf(status: string | null): RefundOutcome['status'] {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}
