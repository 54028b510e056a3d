import type {
  BuyoutQuote,
  Installment,
  LocalDate,
  PaymentEntry,
  RentalPaymentResult,
  RentalSummary,
  RentalView,
} from '@giggatek/domain';
import { presentAddressSnapshot, presentPayment, presentStatusChange } from './order.js';

/**
 * A rental as SPEC §9 spells it (lists and the answers to writes), with its figures as of
 * today, all derived from the ledger by the domain (RentalAccount).
 */
export function presentRental({ rental, account }: RentalSummary) {
  return {
    id: rental.id,
    user_id: rental.userId,
    product_id: rental.productId,
    product_name: rental.productName,
    product_condition: rental.productCondition,
    status: rental.status,
    currency: rental.currency,
    cash_price: rental.cashPrice,
    total_months: rental.totalMonths,
    monthly_rate: rental.monthlyRate,
    total_amount: rental.totalAmount,
    late_fee: rental.lateFee,
    grace_days: rental.graceDays,
    default_after_days: rental.defaultAfterDays,
    same_as_cash_days: rental.sameAsCashDays,
    start_date: dayText(rental.startDate),
    end_date: dayText(rental.endDate),
    payments_made: account.paymentsMade,
    remaining_payments: account.remainingPayments,
    next_payment_date: dayText(account.nextPaymentDate),
    paid_total: account.paidTotal,
    remaining_balance: account.remainingBalance,
    late_fees_due: account.lateFeesDue,
    buyout_amount: account.buyout?.amount ?? null,
    delivery_address: presentAddressSnapshot(rental.deliveryAddress),
    contract_signed_at: timeText(rental.contractSignedAt),
    ownership_transferred_at: timeText(rental.ownershipTransferredAt),
    returned_at: timeText(rental.returnedAt),
    received_at: timeText(rental.receivedAt),
    defaulted_at: timeText(rental.defaultedAt),
    created_at: rental.createdAt.toISOString(),
    updated_at: rental.updatedAt.toISOString(),
  };
}

/** The detail view adds the schedule, every ledger row of the rental and the status history. */
export function presentRentalDetail(view: RentalView) {
  return {
    ...presentRental(view),
    schedule: view.account.schedule.map(presentInstallment),
    payments: view.rental.payments.map(presentRentalPayment),
    status_history: view.rental.statusHistory.map(presentStatusChange),
  };
}

/** `{payment, rental}`: the answer to make-payment and process-buyout. */
export function presentRentalPaymentResult(result: RentalPaymentResult) {
  return { payment: presentRentalPayment(result.payment), rental: presentRentalDetail(result.view) };
}

/** A payment of the ledger (SPEC §9), with the part of it that is late fees. */
export function presentRentalPayment(entry: PaymentEntry) {
  return { ...presentPayment(entry), late_fee: entry.lateFee };
}

export function presentBuyoutAmount(quote: BuyoutQuote) {
  return { buyout_amount: quote.amount, currency: 'usd', valid_on: quote.on.toString() };
}

function presentInstallment(installment: Installment) {
  return {
    installment_no: installment.installmentNo,
    due_date: installment.dueDate.toString(),
    amount: installment.amount,
    late_fee: installment.lateFee,
    status: installment.status,
    paid_at: timeText(installment.paidAt),
    payment_id: installment.paymentId,
  };
}

function dayText(day: LocalDate | null): string | null {
  return day === null ? null : day.toString();
}

function timeText(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString();
}
