import type { NewPaymentEntry, PaymentEntry, PaymentKind } from '../payments/payment.js';
import type { ChargeOutcome, PaymentGateway } from '../payments/payment-gateway.js';
import { RecordedRefusal } from '../shared/errors.js';
import { formatMoney } from '../shared/money-format.js';
import type { Cents } from '../shared/money.js';
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
    userId: rental.userId,
    orderId: null,
    rentalId: rental.id,
    installmentNo: charge.installmentNo,
    kind: charge.kind,
    amount: charge.amount,
    lateFee: charge.lateFee,
    currency: 'usd',
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
