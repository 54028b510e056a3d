import type { Actor } from '../identity/user.js';
import { UNPAID_PAYMENT_STATUSES } from '../ordering/order.js';
import type { OrderRepository } from '../ordering/ports.js';
import type { RentalRepository } from '../renting/ports.js';
import type { Clock } from '../shared/clock.js';
import { cents } from '../shared/money.js';
import { DomainError, notFound, Problems } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import { pageProblems, type Page, type PageRequest } from '../shared/page.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { applyIntentFailed, applyIntentSucceeded, type IntentOutcomeDeps } from './intent-outcomes.js';
import type { GatewayEvent, GatewayIntent, PaymentGateway } from './payment-gateway.js';
import type { PaymentEntry } from './payment.js';
import type { EventOutcome, OrderIntent, PaymentsUseCases } from './payments-use-cases.js';
import type { PaymentLedger } from './ports.js';

export interface PaymentsDeps {
  ledger: PaymentLedger;
  orders: OrderRepository;
  rentals: RentalRepository;
  gateway: PaymentGateway;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

/** SPEC §6 payments: order intents, the seed's PHP handler, and gateway events applied exactly once. */
export class PaymentsService implements PaymentsUseCases {
  private readonly outcomes: IntentOutcomeDeps;

  constructor(private readonly deps: PaymentsDeps) {
    this.outcomes = { ledger: deps.ledger, orders: deps.orders, rentals: deps.rentals };
  }

  createOrderIntent(actor: Actor, orderId: Id): Promise<OrderIntent> {
    return this.deps.unitOfWork.run(async () => {
      const order = await this.deps.orders.findDetail(orderId);
      if (!order || order.userId !== actor.userId) throw notFound('order');
      if (order.status !== 'pending' || !UNPAID_PAYMENT_STATUSES.includes(order.paymentStatus)) {
        throw new DomainError(
          'conflict',
          `order ${order.id} is ${order.status} with payment ${order.paymentStatus}: nothing to pay`,
        );
      }
      const now = this.deps.clock.now();
      const intents = (await this.deps.ledger.listForOrder(order.id)).filter(
        (p) => p.kind === 'order' && p.gatewayRef !== null,
      );
      const latest = intents.at(-1);
      if (latest?.gatewayRef) {
        const existing = await this.deps.gateway.retrieveIntent(latest.gatewayRef);
        if (existing?.status === 'succeeded') {
          throw new DomainError('conflict', `order ${order.id} is paid; the payment is being recorded`);
        }
        if (existing && existing.status !== 'canceled' && existing.amount === order.total) {
          return orderIntentOf(order.id, existing);
        }
        // Replaced: a canceled (or vanished) intent can no longer pay, so its row fails. One
        // whose amount no longer matches stays pending: should it still succeed, its event
        // is applied like any other (and a second success is a refund case).
        if (!existing || existing.status === 'canceled') {
          await this.deps.ledger.changeStatus(latest.id, ['pending'], 'failed', now);
        }
      }
      const created = await this.deps.gateway.createIntent({
        amount: order.total,
        currency: 'usd',
        // The same for a unit of work run again, so the gateway answers the same intent.
        idempotencyKey: `order-${order.id}-intent-${intents.length}`,
        metadata: { order_id: String(order.id) },
        description: `GigGatek order #${order.id}`,
      });
      await this.deps.ledger.insert(
        {
          userId: order.userId,
          orderId: order.id,
          rentalId: null,
          installmentNo: null,
          kind: 'order',
          amount: order.total,
          lateFee: cents(0),
          currency: 'usd',
          status: 'pending',
          gateway: this.deps.gateway.name,
          gatewayRef: created.id,
        },
        now,
      );
      return orderIntentOf(order.id, created);
    });
  }

  async confirmIntent(actor: Actor, paymentIntentId: string, paymentMethodId: string): Promise<GatewayIntent> {
    await this.ownIntentRow(actor, paymentIntentId);
    const intent = await this.deps.gateway.confirmIntent(
      paymentIntentId,
      paymentMethodId,
      `intent-${paymentIntentId}-confirm-${paymentMethodId}`,
    );
    if (intent.status === 'succeeded') {
      // The webhook's path, without its event id: whichever of the two comes second finds
      // the row succeeded and changes nothing.
      await this.deps.unitOfWork.run(() => applyIntentSucceeded(this.outcomes, intent.id, this.deps.clock.now()));
    }
    return intent;
  }

  async retrieveIntent(actor: Actor, paymentIntentId: string): Promise<GatewayIntent> {
    await this.ownIntentRow(actor, paymentIntentId);
    const intent = await this.deps.gateway.retrieveIntent(paymentIntentId);
    if (!intent) throw notFound('payment intent');
    return intent;
  }

  history(actor: Actor, request: PageRequest): Promise<Page<PaymentEntry>> {
    const problems = new Problems();
    pageProblems(request, problems);
    problems.throwIfAny();
    return this.deps.ledger.listForUser(actor.userId, request);
  }

  handleWebhook(rawBody: Uint8Array | string, signatureHeader: string | undefined): Promise<EventOutcome> {
    // A bad signature throws DomainError('invalid_signature') (400) before anything is read.
    const event = this.deps.gateway.parseWebhook(rawBody, signatureHeader);
    return this.applyEvent(event);
  }

  applyEvent(event: GatewayEvent): Promise<EventOutcome> {
    return this.deps.unitOfWork.run(async () => {
      const now = this.deps.clock.now();
      // First, in the unit of its effect: a duplicate (or a concurrent twin) stops here.
      if (!(await this.deps.ledger.recordEvent(event, now))) return 'duplicate';
      return this.effectOf(event, now);
    });
  }

  async reconcile(since: Date): Promise<number> {
    const events = await this.deps.gateway.listEventsSince(since);
    let applied = 0;
    for (const event of events) {
      if ((await this.applyEvent(event)) === 'applied') applied += 1;
    }
    return applied;
  }

  private async effectOf(event: GatewayEvent, now: Date): Promise<EventOutcome> {
    const intent = event.intent;
    switch (event.type) {
      case 'payment_intent.succeeded':
        if (!intent) return 'ignored';
        return (await applyIntentSucceeded(this.outcomes, intent.id, now)) ? 'applied' : 'unknown_intent';
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled':
        if (!intent) return 'ignored';
        return (await applyIntentFailed(this.outcomes, intent.id, now)) ? 'applied' : 'unknown_intent';
      case 'charge.refunded':
        // Refunds are made by staff through the refund use case, which writes their ledger
        // rows from the gateway's answer. This event names the payment and its refunded
        // total but no refund id to match those rows by, so recording it here could count
        // a refund twice: it is acknowledged (recorded once) and changes nothing.
        return 'ignored';
      default:
        return 'ignored';
    }
  }

  /** The caller's own intent (its ledger row's user); anyone else's is not found. */
  private async ownIntentRow(actor: Actor, paymentIntentId: string): Promise<PaymentEntry> {
    const row = await this.deps.ledger.findByGatewayRef(paymentIntentId);
    if (!row || row.userId !== actor.userId) throw notFound('payment intent');
    return row;
  }
}

function orderIntentOf(orderId: Id, intent: GatewayIntent): OrderIntent {
  // The gateway withholds no secret of an intent it just created or returns to its owner.
  if (intent.clientSecret === null) throw new Error(`the gateway gave no client secret for ${intent.id}`);
  return {
    orderId,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    amount: intent.amount,
    currency: 'usd',
  };
}
