import type { NewPaymentEntry, PaymentEntry, PaymentKind } from '../payments/payment.js';
import type { ChargeOutcome, PaymentGateway } from '../payments/payment-gateway.js';
import { DomainError, RecordedRefusal } from '../shared/errors.js';
import { formatMoney } from '../shared/money-format.js';
import { addCents, type Cents } from '../shared/money.js';
import type { Installment } from './rental-account.js';
import { installmentDueDate } from './rental-schedule.js';
import type { RentalProgress, RentalRepository } from './ports.js';
import type { RentalRecord } from './rental.js';

export interface RentalCharge {
  kind: Extract<PaymentKind, 'installment' | 'buyout'>;
  /** The installment paid; null for a buyout. */
  installmentNo: number | null;
  amount: Cents;
  lateFee: Cents;
  paymentMethodId: string;
  /** How the rental moves on when the charge succeeds. */
  progress: RentalProgress;
}

/**
 * The charge that pays one installment with its late fee, and moves the rental on to the
 * next due date (none after the last).
 */
export function installmentCharge(
  rental: RentalRecord,
  installment: Pick<Installment, 'installmentNo' | 'amount' | 'lateFee'>,
  paymentMethodId: string,
): RentalCharge {
  return {
    kind: 'installment',
    installmentNo: installment.installmentNo,
    amount: addCents(installment.amount, installment.lateFee),
    lateFee: installment.lateFee,
    paymentMethodId,
    progress: progressAfterInstallment(rental, installment.installmentNo),
  };
}

/** How a succeeded installment moves the rental on: to the next due date, none after the last. */
export function progressAfterInstallment(rental: RentalRecord, installmentNo: number): RentalProgress {
  const start = rental.startDate;
  if (start === null) throw new DomainError('invalid_transition', 'an unsigned rental has no installments to pay');
  return {
    installmentsPaid: installmentNo,
    nextDueDate: installmentNo < rental.totalMonths ? installmentDueDate(start, installmentNo + 1) : null,
  };
}

/**
 * The gateway's idempotency key of a charge: the same for a transaction run again (a
 * deadlock retry, a crash before the answer was stored) so the gateway answers the first
 * charge again instead of charging twice, and new after a recorded failure, so the
 * customer can try again with another card. Attempts count the ledger rows already there.
 */
export function chargeKey(rental: RentalRecord, charge: Pick<RentalCharge, 'kind' | 'installmentNo'>): string {
  const attempts = rental.payments.filter(
    (p) => p.kind === charge.kind && p.installmentNo === charge.installmentNo,
  ).length;
  const what = charge.kind === 'installment' ? `installment-${charge.installmentNo}` : 'buyout';
  return `rental-${rental.id}-${what}-attempt-${attempts + 1}`;
}

/**
 * Charges the rental's customer off-session and writes the ledger row of the outcome
 * (inside the caller's unit of work, with the rental locked). A success moves the rental's
 * counters with it; a decline or an authentication need leaves a failed or pending row
 * and is thrown as a RecordedRefusal (402), which keeps the row and changes no balance.
 */
export async function chargeRental(
  deps: { gateway: PaymentGateway; rentals: RentalRepository },
  rental: RentalRecord,
  charge: RentalCharge,
  now: Date,
): Promise<PaymentEntry> {
  refuseWhileAuthenticationPending(rental, charge);
  // Nothing to charge (a buyout fully covered by what was paid within the same-as-cash
  // period): the ledger still records how the rental ended, and no gateway is asked for 0.
  if (charge.amount === 0) {
    const free = await deps.rentals.recordPayment(
      rental.id,
      { ...ledgerEntry(rental, charge), status: 'succeeded', gateway: 'none', gatewayRef: null },
      charge.progress,
      now,
    );
    rental.payments.push(free);
    return free;
  }
  const outcome = await deps.gateway.chargeOffSession({
    amount: charge.amount,
    currency: 'usd',
    paymentMethodId: charge.paymentMethodId,
    idempotencyKey: chargeKey(rental, charge),
    description:
      charge.kind === 'installment'
        ? `GigGatek rental #${rental.id}, installment ${charge.installmentNo} of ${rental.totalMonths}`
        : `GigGatek rental #${rental.id}, early purchase`,
    metadata: {
      rental_id: String(rental.id),
      ...(charge.installmentNo !== null ? { installment_no: String(charge.installmentNo) } : {}),
      kind: charge.kind,
    },
  });
  const entry: NewPaymentEntry = {
    ...ledgerEntry(rental, charge),
    status: outcome.status === 'succeeded' ? 'succeeded' : outcome.status === 'declined' ? 'failed' : 'pending',
    gateway: deps.gateway.name,
    gatewayRef: outcome.gatewayRef,
  };
  const payment = await deps.rentals.recordPayment(
    rental.id,
    entry,
    outcome.status === 'succeeded' ? charge.progress : null,
    now,
  );
  rental.payments.push(payment);
  if (outcome.status !== 'succeeded') throw refusalOf(outcome, charge.amount, payment);
  return payment;
}

function ledgerEntry(
  rental: RentalRecord,
  charge: RentalCharge,
): Omit<NewPaymentEntry, 'status' | 'gateway' | 'gatewayRef'> {
  return {
    userId: rental.userId,
    orderId: null,
    rentalId: rental.id,
    installmentNo: charge.installmentNo,
    kind: charge.kind,
    amount: charge.amount,
    lateFee: charge.lateFee,
    currency: 'usd',
  };
}

/**
 * An earlier attempt that waits for the customer to authenticate it (3-D Secure) may still
 * succeed: charging again could take the installment twice. It stays due (late fees run as
 * usual) until that payment is finished or fails.
 */
function refuseWhileAuthenticationPending(rental: RentalRecord, charge: RentalCharge): void {
  const pending = rental.payments.find(
    (p) => p.status === 'pending' && p.kind === charge.kind && p.installmentNo === charge.installmentNo,
  );
  if (!pending) return;
  const what = charge.kind === 'installment' ? `installment ${charge.installmentNo}` : 'the early purchase';
  throw new DomainError(
    'conflict',
    `a payment of ${what} is waiting for the customer to authenticate it; finish that payment (or wait until it fails) before trying again`,
    undefined,
    { paymentId: pending.id, paymentIntentId: pending.gatewayRef },
  );
}

function refusalOf(
  outcome: Exclude<ChargeOutcome, { status: 'succeeded' }>,
  amount: Cents,
  payment: PaymentEntry,
): RecordedRefusal {
  if (outcome.status === 'requires_action') {
    return new RecordedRefusal(
      'payment_requires_action',
      `the payment of ${formatMoney(amount)} needs the customer to authenticate it; finish it with the client_secret`,
      { clientSecret: outcome.clientSecret, paymentId: payment.id, paymentIntentId: outcome.gatewayRef },
    );
  }
  return new RecordedRefusal(
    'payment_failed',
    `the payment of ${formatMoney(amount)} was declined: ${outcome.reason}`,
    {
      paymentId: payment.id,
    },
  );
}
