import type { Clock } from '@giggatek/domain';
import { formOf, stringsOf, textOf, type Form } from './stripe-stub-form.js';

/**
 * A Stripe test-mode account in memory, answering as Stripe's API does for the endpoints the
 * gateway calls: payment intents (create, retrieve, confirm), refunds and the event list.
 * Test payment methods behave like Stripe's test cards: `pm_test_*` succeeds, `pm_fail_*`
 * is declined, `pm_3ds_*` needs authentication (on-session: requires_action; off-session:
 * a 402 authentication_required that fails the intent); any other id does not exist.
 */

export interface StubAnswer {
  status: number;
  body: unknown;
}

interface StubIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: { type: 'card_error'; code: string; decline_code: string; message: string } | null;
  next_action: { type: 'use_stripe_sdk' } | null;
  created: number;
  livemode: false;
}

interface StubEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: 0;
  api_version: string;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export class StripeStubAccount {
  private readonly intents = new Map<string, StubIntent>();
  private readonly refunded = new Map<string, number>();
  /** Oldest first; the API lists them newest first. */
  readonly events: StubEvent[] = [];
  private serial = 0;

  constructor(private readonly clock: Clock) {}

  createIntent(form: Form): StubAnswer {
    const amount = Number(textOf(form, 'amount'));
    const currency = textOf(form, 'currency');
    if (!Number.isSafeInteger(amount) || amount < 1 || !currency) {
      return invalidRequest('parameter_invalid_integer', 'amount', 'Invalid amount or currency');
    }
    const method = textOf(form, 'payment_method') ?? null;
    if (method !== null && !isTestMethod(method)) return noSuchPaymentMethod(method);
    const id = this.nextId('pi');
    const intent: StubIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_received: 0,
      currency,
      status: 'requires_payment_method',
      client_secret: `${id}_secret_${this.nextId('cs')}`,
      description: textOf(form, 'description') ?? null,
      metadata: stringsOf(form, 'metadata'),
      payment_method: null,
      latest_charge: null,
      last_payment_error: null,
      next_action: null,
      created: this.nowSeconds(),
      livemode: false,
    };
    this.intents.set(id, intent);
    this.emit('payment_intent.created', intent);
    if (textOf(form, 'confirm') !== 'true' || method === null) return ok(intent);
    return this.attempt(intent, method, textOf(form, 'off_session') === 'true');
  }

  retrieveIntent(id: string): StubAnswer {
    const intent = this.intents.get(id);
    return intent ? ok(intent) : missing('intent', `No such payment_intent: '${id}'`);
  }

  confirmIntent(id: string, form: Form): StubAnswer {
    const intent = this.intents.get(id);
    if (!intent) return missing('intent', `No such payment_intent: '${id}'`);
    if (!CONFIRMABLE.includes(intent.status)) {
      const message = `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`;
      return {
        status: 400,
        body: { error: { ...invalidError('payment_intent_unexpected_state', null, message), payment_intent: intent } },
      };
    }
    const method = textOf(form, 'payment_method');
    if (method === undefined) return invalidRequest('parameter_missing', 'payment_method', 'Missing payment_method');
    if (!isTestMethod(method)) return noSuchPaymentMethod(method);
    return this.attempt(intent, method, false);
  }

  createRefund(form: Form): StubAnswer {
    const id = textOf(form, 'payment_intent') ?? '';
    const intent = this.intents.get(id);
    if (!intent) return invalidRequest('resource_missing', 'payment_intent', `No such payment_intent: '${id}'`);
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      const message = `This PaymentIntent (${id}) does not have a successful charge to refund.`;
      return invalidRequest('charge_not_refundable', null, message);
    }
    const already = this.refunded.get(id) ?? 0;
    const left = intent.amount_received - already;
    if (left === 0)
      return invalidRequest(
        'charge_already_refunded',
        null,
        `Charge ${intent.latest_charge} has already been refunded.`,
      );
    const amount = textOf(form, 'amount') === undefined ? left : Number(textOf(form, 'amount'));
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > left) {
      const message = `Refund amount (${dollars(amount)}) is greater than unrefunded amount on charge (${dollars(left)})`;
      return invalidRequest('amount_too_large', 'amount', message);
    }
    this.refunded.set(id, already + amount);
    const charge = {
      id: intent.latest_charge,
      object: 'charge',
      amount: intent.amount_received,
      amount_refunded: already + amount,
      refunded: already + amount === intent.amount_received,
      payment_intent: id,
      currency: intent.currency,
      metadata: intent.metadata,
    };
    this.emit('charge.refunded', charge);
    const refund = {
      id: this.nextId('re'),
      object: 'refund',
      amount,
      charge: intent.latest_charge,
      payment_intent: id,
      currency: intent.currency,
      metadata: stringsOf(form, 'metadata'),
      status: 'succeeded',
      created: this.nowSeconds(),
    };
    return ok(refund);
  }

  listEvents(query: Form): StubAnswer {
    const gte = Number(textOf(formOf(query, 'created'), 'gte') ?? 0);
    const limit = Number(textOf(query, 'limit') ?? 10);
    const startingAfter = textOf(query, 'starting_after');
    let newestFirst = [...this.events].reverse().filter((event) => event.created >= gte);
    if (startingAfter) newestFirst = newestFirst.slice(newestFirst.findIndex((e) => e.id === startingAfter) + 1);
    const page = newestFirst.slice(0, limit);
    return ok({ object: 'list', url: '/v1/events', has_more: newestFirst.length > page.length, data: page });
  }

  /** Tries the intent's payment with a test method, as confirmation does. */
  private attempt(intent: StubIntent, method: string, offSession: boolean): StubAnswer {
    intent.payment_method = method;
    if (method.startsWith('pm_test_')) {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      intent.latest_charge = `ch_${intent.id.slice('pi_'.length)}`;
      intent.last_payment_error = null;
      intent.next_action = null;
      this.emit('payment_intent.succeeded', intent);
      return ok(intent);
    }
    if (method.startsWith('pm_3ds_') && !offSession) {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk' };
      this.emit('payment_intent.requires_action', intent);
      return ok(intent);
    }
    const code = method.startsWith('pm_3ds_') ? 'authentication_required' : 'card_declined';
    const message =
      code === 'authentication_required'
        ? 'Your card was declined. This transaction requires authentication.'
        : 'Your card was declined.';
    const declineCode = code === 'authentication_required' ? 'authentication_required' : 'generic_decline';
    intent.status = 'requires_payment_method';
    intent.next_action = null;
    intent.last_payment_error = { type: 'card_error', code, decline_code: declineCode, message };
    this.emit('payment_intent.payment_failed', intent);
    const error = { type: 'card_error', code, decline_code: declineCode, message, payment_intent: intent };
    return { status: 402, body: { error } };
  }

  private emit(type: string, object: object): void {
    // A snapshot: the event keeps the object as it was when it happened.
    const data = { object: structuredClone(object) };
    const event: StubEvent = {
      id: this.nextId('evt'),
      object: 'event',
      type,
      created: this.nowSeconds(),
      data,
      livemode: false,
      pending_webhooks: 0,
      api_version: 'stub',
    };
    this.events.push(event);
  }

  private nextId(prefix: string): string {
    this.serial += 1;
    return `${prefix}_stub${String(this.serial).padStart(8, '0')}`;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function isTestMethod(id: string): boolean {
  return id.startsWith('pm_test_') || id.startsWith('pm_fail_') || id.startsWith('pm_3ds_');
}

function ok(body: unknown): StubAnswer {
  return { status: 200, body };
}

function invalidError(code: string, param: string | null, message: string): Record<string, unknown> {
  return { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) };
}

function invalidRequest(code: string, param: string | null, message: string): StubAnswer {
  return { status: 400, body: { error: invalidError(code, param, message) } };
}

/** A missing object named in the path is a 404. */
function missing(param: string, message: string): StubAnswer {
  return { status: 404, body: { error: invalidError('resource_missing', param, message) } };
}

function noSuchPaymentMethod(id: string): StubAnswer {
  return invalidRequest('resource_missing', 'payment_method', `No such PaymentMethod: '${id}'`);
}

function dollars(amount: number): string {
  return `$${(amount / 100).toFixed(2)}`;
}
