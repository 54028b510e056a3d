import type { ChangeActor } from '../ordering/order.js';
import type { PaymentEntry } from '../payments/payment.js';
import type { RentalRepository } from './ports.js';
import { progressAfterInstallment } from './rental-charges.js';
import { completeRental } from './rental-completion.js';

/**
 * A rental's ledger row that succeeded after it was written (an off-session charge that
 * needed 3-D Secure, finished by the customer; the gateway's event says so): the rental
 * moves on exactly as a synchronous success moves it (chargeRental's progress, then
 * RentingService's completion after the last installment or a buyout). Called in the
 * unit of work that turned the row succeeded, `payment` as it now is.
 *
 * A success that pays nothing new keeps its succeeded row but moves nothing, so nothing
 * is counted twice (the account takes each installment's first success only): the
 * installment was paid by another row meanwhile, or the rental was bought out, returned
 * or cancelled. That money is a refund case for staff.
 */
export async function settleRentalPayment(
  rentals: RentalRepository,
  payment: PaymentEntry,
  actor: ChangeActor,
  now: Date,
): Promise<void> {
  if (payment.rentalId === null) return;
  const rental = await rentals.lockDetail(payment.rentalId);
  if (!rental) return;
  const others = rental.payments.filter((p) => p.id !== payment.id && p.status === 'succeeded');
  if (others.some((p) => p.kind === 'buyout')) return;
  if (payment.kind === 'buyout') {
    if (rental.status !== 'active') return;
    await rentals.recordProgress(rental.id, { installmentsPaid: rental.installmentsPaid, nextDueDate: null }, now);
    await completeRental(rentals, rental.id, actor, now, 'bought out (early purchase option)');
    return;
  }
  const installmentNo = payment.installmentNo;
  if (payment.kind !== 'installment' || installmentNo === null) return;
  const paidElsewhere = others.some((p) => p.kind === 'installment' && p.installmentNo === installmentNo);
  // Active or defaulted rentals owe installments; an ended one owes nothing more.
  if (paidElsewhere || (rental.status !== 'active' && rental.status !== 'defaulted')) return;
  await rentals.recordProgress(rental.id, progressAfterInstallment(rental, installmentNo), now);
  if (installmentNo === rental.totalMonths && rental.status === 'active') {
    await completeRental(rentals, rental.id, actor, now, 'the last installment was paid');
  }
}
