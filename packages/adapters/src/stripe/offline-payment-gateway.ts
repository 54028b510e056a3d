import { createHash } from 'node:crypto';
import {
  addCents,
  cents,
  DomainError,
  formatMoney,
  notFound,
  subtractCents,
  systemClock,
  ValidationError,
} from '@giggatek/domain';
import type {
  Cents,
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
import { IdempotentAnswers } from './idempotent-answers.js';
import { eventOf, stripeEventFromJson } from './stripe-objects.js';
import { verifyWebhookSignature } from './webhook-signature.js';

/** The development signing secret of offline webhooks, when STRIPE_WEBHOOK_SECRET is not set. */
export const OFFLINE_WEBHOOK_SECRET = 'whsec_offline_development_only';

export interface OfflinePaymentGatewayOptions {
  /** Offline webhooks are signed like Stripe's, with this secret. */
  webhookSecret?: string;
  clock?: Clock;
  /**
   * False in production: without STRIPE_SECRET_KEY no money can move, so no test payment
   * method may pay an order or an installment there (every charge is declined, saying why).
   */
  acceptTestPayments?: boolean;
}

/** An intent as the offline gateway keeps it: it always has a client secret, and knows its refunds. */
type OfflineIntent = Omit<GatewayIntent, 'clientSecret'> & { clientSecret: string; refunded: Cents };

const DECLINED = 'your card was declined';
const NOT_CONFIGURED = 'payments are not configured on this server (STRIPE_SECRET_KEY is not set)';
const NEEDS_AUTHENTICATION = 'the payment needs the customer to authenticate it';

/**
 * The embedded default gateway (no STRIPE_SECRET_KEY): no money moves, intents live in
 * memory. Test payment method ids decide the outcome as Stripe's test cards do:
 * `pm_test_*` succeeds, `pm_fail_*` is declined, `pm_3ds_*` requires authentication; any
 * other id is no payment method at all. Like Stripe, the same idempotency key answers the
 * same answer again (and a reused key with other parameters is refused), an off-session
 * charge that needs authentication fails the intent and answers its client secret, and
 * every change is recorded as the event Stripe would send.
 */
export class OfflinePaymentGateway implements PaymentGateway {
  readonly name = 'offline';
  private readonly webhookSecret: string;
  private readonly clock: Clock;
  private readonly answers = new IdempotentAnswers();
  private readonly intents = new Map<string, OfflineIntent>();
  private readonly events: GatewayEvent[] = [];
  private readonly acceptTestPayments: boolean;

  constructor(options: OfflinePaymentGatewayOptions = {}) {
    this.webhookSecret = options.webhookSecret ?? OFFLINE_WEBHOOK_SECRET;
    this.clock = options.clock ?? systemClock;
    this.acceptTestPayments = options.acceptTestPayments ?? true;
  }

  chargeOffSession(charge: OffSessionCharge): Promise<ChargeOutcome> {
    const { idempotencyKey, ...request } = charge;
    return this.answers.once(idempotencyKey, { op: 'chargeOffSession', ...request }, async () => {
      const method = charge.paymentMethodId;
      if (!this.acceptTestPayments) return { status: 'declined', gatewayRef: null, reason: NOT_CONFIGURED };
      if (!isTestMethod(method)) return { status: 'declined', gatewayRef: null, reason: 'unknown test payment method' };
      const intent = this.open(idempotencyKey, charge);
      if (method.startsWith('pm_test_')) {
        this.settle(intent, 'succeeded', null);
        return { status: 'succeeded', gatewayRef: intent.id };
      }
      const needsAuthentication = method.startsWith('pm_3ds_');
      this.settle(intent, 'requires_payment_method', needsAuthentication ? NEEDS_AUTHENTICATION : DECLINED);
      if (needsAuthentication) {
        return { status: 'requires_action', gatewayRef: intent.id, clientSecret: intent.clientSecret };
      }
      return { status: 'declined', gatewayRef: intent.id, reason: DECLINED };
    });
  }

  createIntent(intent: NewIntent): Promise<GatewayIntent> {
    const { idempotencyKey, ...request } = intent;
    return this.answers.once(idempotencyKey, { op: 'createIntent', ...request }, async () =>
      publicView(this.open(idempotencyKey, intent)),
    );
  }

  async retrieveIntent(id: string): Promise<GatewayIntent | null> {
    const intent = this.intents.get(id);
    return intent ? publicView(intent) : null;
  }

  confirmIntent(id: string, paymentMethodId: string, idempotencyKey: string): Promise<GatewayIntent> {
    return this.answers.once(idempotencyKey, { op: 'confirmIntent', id, paymentMethodId }, async () => {
      const intent = this.intents.get(id);
      if (!intent) throw notFound('payment intent');
      if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) {
        throw new DomainError('invalid_transition', `payment intent ${id} is ${intent.status} and cannot be confirmed`);
      }
      if (!isTestMethod(paymentMethodId)) {
        throw new ValidationError([{ field: 'paymentMethodId', message: 'no such payment method' }]);
      }
      if (!this.acceptTestPayments) this.settle(intent, 'requires_payment_method', NOT_CONFIGURED);
      else if (paymentMethodId.startsWith('pm_test_')) this.settle(intent, 'succeeded', null);
      else if (paymentMethodId.startsWith('pm_3ds_')) this.settle(intent, 'requires_action', null);
      else this.settle(intent, 'requires_payment_method', DECLINED);
      return publicView(intent);
    });
  }

  refund(request: RefundRequest): Promise<RefundOutcome> {
    const { idempotencyKey, ...rest } = request;
    return this.answers.once(idempotencyKey, { op: 'refund', ...rest }, async () => {
      const intent = this.intents.get(request.paymentRef);
      if (!intent) throw notFound('payment');
      if (intent.status !== 'succeeded') {
        throw new DomainError('invalid_transition', `payment ${intent.id} is ${intent.status}: nothing to refund`);
      }
      const left = subtractCents(intent.amount, intent.refunded);
      if (request.amount < 1 || request.amount > left) {
        const message = `must be from $0.01 to the ${formatMoney(left)} left to refund`;
        throw new ValidationError([{ field: 'amount', message }]);
      }
      intent.refunded = addCents(intent.refunded, request.amount);
      this.record('charge.refunded', { refund: { paymentRef: intent.id, amountRefunded: intent.refunded } });
      return { refundRef: `re_offline_${digest(idempotencyKey)}`, status: 'succeeded' };
    });
  }

  parseWebhook(rawBody: Uint8Array | string, signatureHeader: string | undefined): GatewayEvent {
    const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
    verifyWebhookSignature(body, signatureHeader, this.webhookSecret, this.clock.now());
    return eventOf(stripeEventFromJson(body));
  }

  async listEventsSince(since: Date): Promise<GatewayEvent[]> {
    const from = wholeSeconds(since).getTime();
    return this.events.filter((event) => event.createdAt.getTime() >= from).map((event) => structuredClone(event));
  }

  /** A new intent awaiting its payment method, and its `payment_intent.created` event. */
  private open(idempotencyKey: string, from: Pick<GatewayIntent, 'amount' | 'currency' | 'metadata'>): OfflineIntent {
    const id = `pi_offline_${digest(idempotencyKey)}`;
    const intent: OfflineIntent = {
      id,
      clientSecret: `${id}_secret_offline`,
      status: 'requires_payment_method',
      amount: from.amount,
      currency: from.currency,
      metadata: { ...from.metadata },
      lastError: null,
      refunded: cents(0),
    };
    this.intents.set(id, intent);
    this.record('payment_intent.created', { intent: publicView(intent) });
    return intent;
  }

  /** Moves an intent after an attempt, with the event Stripe sends for it. */
  private settle(intent: OfflineIntent, status: GatewayIntent['status'], lastError: string | null): void {
    intent.status = status;
    intent.lastError = lastError;
    const type =
      status === 'succeeded'
        ? 'payment_intent.succeeded'
        : status === 'requires_action'
          ? 'payment_intent.requires_action'
          : 'payment_intent.payment_failed';
    this.record(type, { intent: publicView(intent) });
  }

  private record(type: string, what: Pick<GatewayEvent, 'intent' | 'refund'>): void {
    const id = `evt_offline_${String(this.events.length + 1).padStart(6, '0')}`;
    this.events.push({ id, type, createdAt: wholeSeconds(this.clock.now()), ...what });
  }
}

function isTestMethod(id: string): boolean {
  return id.startsWith('pm_test_') || id.startsWith('pm_fail_') || id.startsWith('pm_3ds_');
}

/** The intent as callers see it: a copy, without the gateway's own bookkeeping. */
function publicView(intent: OfflineIntent): GatewayIntent {
  const { refunded: _refunded, ...view } = structuredClone(intent);
  return view;
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

/** Stripe stamps events in whole seconds. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
