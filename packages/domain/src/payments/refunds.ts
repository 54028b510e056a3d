import { DomainError, ValidationError } from '../shared/errors.js';
import { formatMoney } from '../shared/money-format.js';
import { cents, minCents, subtractCents, sumCents, type Cents } from '../shared/money.js';
import type { PaymentEntry } from './payment.js';
import type { RefundOutcome } from './payment-gateway.js';

/**
 * What one staff refund may take back, read from the ledger with the order (or rental)
 * locked: `charge` is the ledger row the gateway refunds (null when nothing was paid
 * through it), `paid` what was ever paid here, `left` what no refund took back yet, and
 * `earlierRefunds` every refund row already written (all statuses: it numbers the next
 * idempotency key).
 */
export interface Refundable {
  charge: PaymentEntry | null;
  paid: Cents;
  left: Cents;
  earlierRefunds: number;
}

/**
 * The amount a staff refund takes back. Out of range whatever happened before (not a whole
 * number of cents, under one cent, more than was ever paid) is a 400 on `amount`; more than
 * is left now (other refunds took the rest, perhaps a moment ago) is a 409 naming what is
 * left, because trying again with less can work. Without an amount: everything left.
 */
export function refundAmount(requested: number | undefined, refundable: Refundable): Cents {
  if (requested !== undefined) {
    if (!Number.isSafeInteger(requested) || requested < 1) {
      throw new ValidationError([{ field: 'amount', message: 'must be a whole number of cents, at least 1' }]);
    }
    if (requested > refundable.paid) {
      const message = `must be at most the ${formatMoney(refundable.paid)} that was paid`;
      throw new ValidationError([{ field: 'amount', message }]);
    }
  }
  const amount = requested ?? refundable.left;
  if (refundable.left === 0 || amount > refundable.left) {
    throw new DomainError(
      'conflict',
      refundable.left === 0
        ? 'nothing is left to refund'
        : `only ${formatMoney(refundable.left)} is left to refund (${formatMoney(refundable.paid)} was paid)`,
      undefined,
      { amountLeft: refundable.left },
    );
  }
  return cents(amount);
}

/**
 * The gateway's idempotency key of a refund: the same when a transaction runs again (a
 * deadlock retry, a crash before the row was stored), so the gateway answers the first
 * refund again instead of refunding twice; the next number once a refund row is written.
 */
export function refundKey(target: 'order' | 'rental-payment', id: number, earlierRefunds: number): string {
  return `refund-${target}-${id}-${earlierRefunds}`;
}

/**
 * How a gateway refund is recorded. A pending refund is recorded as succeeded: the
 * processor has accepted it and counts it as refunded (Stripe refuses to refund that money
 * again), so for "what is left to refund" it is gone; a refund that fails later at the
 * processor is not followed up here. A failed refund is a failed row (the attempt is kept).
 */
export function refundRowStatus(outcome: RefundOutcome): 'succeeded' | 'failed' {
  return outcome.status === 'failed' ? 'failed' : 'succeeded';
}

/**
 * An order's refundable money: its succeeded `order` charges net of its succeeded refunds.
 * The gateway refunds the latest charge (an order is paid once; should it have been charged
 * twice, the second charge is the one refunded first). An order marked paid before the
 * ledger existed has no charge row: its total is what was paid, refunded offline.
 */
export function orderRefundable(
  order: { id: number; total: Cents; paymentStatus: string },
  payments: readonly PaymentEntry[],
): Refundable {
  const own = payments.filter((p) => p.orderId === order.id);
  const charges = own.filter((p) => p.kind === 'order' && p.status === 'succeeded');
  const refunds = own.filter((p) => p.kind === 'refund');
  const legacyPaid = charges.length === 0 && ['paid', 'partially_refunded'].includes(order.paymentStatus);
  const paid = legacyPaid ? order.total : sumCents(charges.map((p) => p.amount));
  return {
    charge: charges.at(-1) ?? null,
    paid,
    left: leftOf(paid, refunds),
    earlierRefunds: refunds.length,
  };
}

/**
 * A rental payment's refundable money. A refund row of a rental carries the installment
 * number of the payment it refunds (null for the buyout): the link between them. If one
 * installment were charged twice, both charges share what is left, each capped at its own
 * amount (the gateway refuses more than one charge holds).
 */
export function rentalPaymentRefundable(payment: PaymentEntry, payments: readonly PaymentEntry[]): Refundable {
  if (payment.status !== 'succeeded') {
    throw new DomainError('conflict', `payment ${payment.id} is ${payment.status}: nothing to refund`);
  }
  const sameInstallment = payments.filter(
    (p) => p.rentalId === payment.rentalId && p.installmentNo === payment.installmentNo,
  );
  const charges = sameInstallment.filter((p) => p.kind === payment.kind && p.status === 'succeeded');
  const refunds = sameInstallment.filter((p) => p.kind === 'refund');
  const left = minCents(payment.amount, leftOf(sumCents(charges.map((p) => p.amount)), refunds));
  return { charge: payment, paid: payment.amount, left, earlierRefunds: refunds.length };
}

function leftOf(paid: Cents, refunds: readonly PaymentEntry[]): Cents {
  const refunded = sumCents(refunds.filter((p) => p.status === 'succeeded').map((p) => p.amount));
  const left = subtractCents(paid, refunded);
  return left > 0 ? left : cents(0);
}
