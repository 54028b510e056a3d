import type { Clock } from '../shared/clock.js';
import { DomainError, notFound, RecordedRefusal } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import { formatMoney } from '../shared/money-format.js';
import { cents, type Cents } from '../shared/money.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { assertCan } from '../identity/permissions.js';
import type { Actor } from '../identity/user.js';
import type { OrderRepository } from '../ordering/ports.js';
import { changeActorOf } from '../ordering/order-status.js';
import type { RentalRepository } from '../renting/ports.js';
import type { NewPaymentEntry, PaymentEntry } from './payment.js';
import type { PaymentGateway } from './payment-gateway.js';
import {
  orderRefundable,
  refundAmount,
  refundKey,
  refundRowStatus,
  rentalPaymentRefundable,
  type Refundable,
} from './refunds.js';

export interface RefundDeps {
  orders: OrderRepository;
  rentals: RentalRepository;
  gateway: PaymentGateway;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

export interface RefundRequestInput {
  /** Cents; without it, everything that is left. */
  amount?: number;
}

/** Staff refunds (SPEC §6: full or partial, never more than was paid), of orders and of rental payments. */
export interface RefundUseCases {
  /**
   * refunds:issue. Refunds (part of) what the order's customer paid and sets its payment
   * status to refunded (nothing left) or partially_refunded; the order's status is left as
   * it is (cancelling or marking it refunded is a status change of its own). Returns the
   * refund's ledger row.
   */
  refundOrder(actor: Actor, orderId: Id, input: RefundRequestInput): Promise<PaymentEntry>;
  /**
   * refunds:issue. Refunds (part of) one installment or buyout payment of a rental. The
   * rental's figures do not move: the refund is money back, the installment stays paid.
   */
  refundRentalPayment(actor: Actor, rentalId: Id, paymentId: Id, input: RefundRequestInput): Promise<PaymentEntry>;
}

/**
 * One mechanism for both: in ONE unit of work with the order (or rental) row locked, what
 * is left is recomputed from the ledger, the gateway refunds with a key numbered by the
 * refund rows already there, and the refund's ledger row is written. Two refunds of one
 * order therefore run one after the other, and the second sees the first's row.
 */
export class RefundService implements RefundUseCases {
  constructor(private readonly deps: RefundDeps) {}

  async refundOrder(actor: Actor, orderId: Id, input: RefundRequestInput): Promise<PaymentEntry> {
    assertCan(actor, 'refunds:issue');
    return this.deps.unitOfWork.run(async () => {
      const order = await this.deps.orders.lockDetail(orderId);
      if (!order) throw notFound('order');
      const refundable = orderRefundable(order, order.payments);
      const amount = refundAmount(input.amount, refundable);
      const key = refundKey('order', order.id, refundable.earlierRefunds);
      const made = await this.refundThroughGateway(refundable, amount, key, { order_id: String(order.id) });
      const row: NewPaymentEntry = {
        userId: order.userId,
        orderId: order.id,
        rentalId: null,
        installmentNo: null,
        kind: 'refund',
        amount,
        lateFee: cents(0),
        currency: 'usd',
        ...made,
      };
      const succeeded = made.status === 'succeeded';
      const fullyRefunded = succeeded && amount === refundable.left;
      const changed = await this.deps.orders.changeStatus(order.id, {
        from: order.status,
        to: order.status,
        actor: changeActorOf(actor),
        note: `${succeeded ? 'refunded' : 'refund failed:'} ${formatMoney(amount)}`,
        now: this.deps.clock.now(),
        restock: false,
        paymentStatus: succeeded ? (fullyRefunded ? 'refunded' : 'partially_refunded') : undefined,
        requirePaymentStatusIn: [order.paymentStatus],
        payment: row,
      });
      // The row is locked: nothing else can have changed the order meanwhile.
      if (!changed) throw new DomainError('conflict', 'the order changed meanwhile; reload it and try again');
      const written = (await this.deps.orders.findDetail(order.id))?.payments.at(-1);
      if (!written) throw new Error(`the refund row of order ${order.id} is gone`);
      if (!succeeded) throw failed(amount, written);
      return written;
    });
  }

  async refundRentalPayment(
    actor: Actor,
    rentalId: Id,
    paymentId: Id,
    input: RefundRequestInput,
  ): Promise<PaymentEntry> {
    assertCan(actor, 'refunds:issue');
    return this.deps.unitOfWork.run(async () => {
      const rental = await this.deps.rentals.lockDetail(rentalId);
      if (!rental) throw notFound('rental');
      const payment = rental.payments.find(
        (p) => p.id === paymentId && (p.kind === 'installment' || p.kind === 'buyout'),
      );
      if (!payment) throw notFound('payment');
      const refundable = rentalPaymentRefundable(payment, rental.payments);
      const amount = refundAmount(input.amount, refundable);
      const key = refundKey('rental-payment', payment.id, refundable.earlierRefunds);
      const metadata = {
        rental_id: String(rental.id),
        ...(payment.installmentNo !== null ? { installment_no: String(payment.installmentNo) } : {}),
      };
      const made = await this.refundThroughGateway(refundable, amount, key, metadata);
      const now = this.deps.clock.now();
      const row = await this.deps.rentals.recordPayment(
        rental.id,
        {
          userId: rental.userId,
          orderId: null,
          rentalId: rental.id,
          // The link to the payment refunded (null: the buyout).
          installmentNo: payment.installmentNo,
          kind: 'refund',
          amount,
          lateFee: cents(0),
          currency: 'usd',
          ...made,
        },
        null,
        now,
      );
      const what = payment.kind === 'buyout' ? 'the buyout' : `installment ${payment.installmentNo}`;
      const outcome = made.status === 'succeeded' ? 'refunded' : 'refund failed:';
      await this.deps.rentals.addNote(rental.id, {
        actor: changeActorOf(actor),
        note: `${outcome} ${formatMoney(amount)} of ${what} (payment #${payment.id})`,
        now,
      });
      if (made.status !== 'succeeded') throw failed(amount, row);
      return row;
    });
  }

  /**
   * A payment made outside a gateway (staff marked it paid: gateway_ref null) is refunded
   * outside it too: an offline refund row, no gateway call.
   */
  private async refundThroughGateway(
    refundable: Refundable,
    amount: Cents,
    idempotencyKey: string,
    metadata: Record<string, string>,
  ): Promise<Pick<NewPaymentEntry, 'status' | 'gateway' | 'gatewayRef'>> {
    const paymentRef = refundable.charge?.gatewayRef ?? null;
    if (paymentRef === null) return { status: 'succeeded', gateway: 'offline', gatewayRef: null };
    const outcome = await this.deps.gateway.refund({ paymentRef, amount, idempotencyKey, metadata });
    return { status: refundRowStatus(outcome), gateway: this.deps.gateway.name, gatewayRef: outcome.refundRef };
  }
}

/** A refused refund keeps its failed row (the unit of work commits it, then rethrows). */
function failed(amount: Cents, row: PaymentEntry): RecordedRefusal {
  return new RecordedRefusal('payment_failed', `the refund of ${formatMoney(amount)} was refused by the processor`, {
    paymentId: row.id,
  });
}
