import type { PaymentEntry } from '../payments/payment.js';
import type { Id } from '../shared/ids.js';
import { LocalDate } from '../shared/local-date.js';
import { cents, subtractCents, sumCents, type Cents } from '../shared/money.js';
import type { Rental } from './rental.js';
import { buyoutQuote, type BuyoutQuote } from './rental-buyout.js';
import { installmentDueDate, isLateOn } from './rental-schedule.js';

/**
 * due: not paid, not late (yet); late: unpaid after due + grace (it owes its late fee);
 * paid; bought_out: settled by the early purchase; cancelled: not owed, the rental ended
 * (returned or cancelled) before it was paid.
 */
export const INSTALLMENT_STATUSES = ['due', 'paid', 'late', 'bought_out', 'cancelled'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface Installment {
  installmentNo: number;
  dueDate: LocalDate;
  amount: Cents;
  /** Paid with it (paid), owed with it (late), else 0. */
  lateFee: Cents;
  status: InstallmentStatus;
  paidAt: Date | null;
  paymentId: Id | null;
}

/** A rental's figures on one day, all derived from its terms and its ledger rows (SPEC §5). */
export interface RentalAccount {
  schedule: Installment[];
  paymentsMade: number;
  remainingPayments: number;
  nextPaymentDate: LocalDate | null;
  /** Installments paid plus a buyout, late fees excluded. */
  paidTotal: Cents;
  /** total_amount − paid_total; 0 once bought out. */
  remainingBalance: Cents;
  /** Late fees owed now (unpaid late installments). */
  lateFeesDue: Cents;
  lateFeesPaid: Cents;
  /** The oldest unpaid installment, while the rental is active or defaulted. */
  nextInstallment: Installment | null;
  /** Installments due on or before the day and unpaid, with their fees (what reinstating needs). */
  arrears: Cents;
  /** The early purchase option on that day, while the rental is active. */
  buyout: BuyoutQuote | null;
  boughtOut: boolean;
}

const OWING: ReadonlySet<Rental['status']> = new Set(['active', 'defaulted']);

/**
 * The account of a rental on `day`, from its ledger rows: succeeded installment rows say
 * which installments are paid (each once: the first success of an installment number), a
 * succeeded buyout row settles the rest. Before signing, the schedule is what it would
 * be if signed on `day`.
 */
export function rentalAccount(rental: Rental, payments: readonly PaymentEntry[], day: LocalDate): RentalAccount {
  const own = payments.filter((p) => p.rentalId === rental.id && p.status === 'succeeded');
  const paidRows = new Map<number, PaymentEntry>();
  for (const row of [...own].sort((a, b) => a.id - b.id)) {
    if (row.kind === 'installment' && row.installmentNo !== null && !paidRows.has(row.installmentNo)) {
      paidRows.set(row.installmentNo, row);
    }
  }
  const buyoutRow = own.find((p) => p.kind === 'buyout') ?? null;
  const start = rental.startDate ?? day;
  const owing = OWING.has(rental.status);

  const schedule: Installment[] = Array.from({ length: rental.totalMonths }, (_, index) => {
    const installmentNo = index + 1;
    const dueDate = installmentDueDate(start, installmentNo);
    const paid = paidRows.get(installmentNo);
    if (paid) {
      return {
        installmentNo,
        dueDate,
        amount: rental.monthlyRate,
        lateFee: paid.lateFee,
        status: 'paid',
        paidAt: paid.createdAt,
        paymentId: paid.id,
      };
    }
    const late = owing && rental.startDate !== null && isLateOn(dueDate, rental.graceDays, day);
    const status: InstallmentStatus = buyoutRow
      ? 'bought_out'
      : !owing && rental.status !== 'pending'
        ? 'cancelled'
        : late
          ? 'late'
          : 'due';
    return {
      installmentNo,
      dueDate,
      amount: rental.monthlyRate,
      lateFee: status === 'late' ? rental.lateFee : cents(0),
      status,
      paidAt: null,
      paymentId: null,
    };
  });

  const paidInstallments = schedule.filter((i) => i.status === 'paid');
  const unpaid = schedule.filter((i) => i.status === 'due' || i.status === 'late');
  const installmentsPaidTotal = sumCents(paidInstallments.map((i) => i.amount));
  const buyoutPaid = buyoutRow ? subtractCents(buyoutRow.amount, buyoutRow.lateFee) : cents(0);
  const paidTotal = sumCents([installmentsPaidTotal, buyoutPaid]);
  // Once bought out, returned or cancelled nothing more is owed (SPEC §5: the customer may
  // return at any time and owes nothing further).
  const stillOwed = !buyoutRow && (owing || rental.status === 'pending' || rental.status === 'completed');
  const remainingBalance = stillOwed ? subtractCents(rental.totalAmount, installmentsPaidTotal) : cents(0);
  const lateFeesDue = sumCents(unpaid.map((i) => i.lateFee));
  const nextInstallment = owing ? (unpaid[0] ?? null) : null;
  const arrears = sumCents(unpaid.filter((i) => !i.dueDate.isAfter(day)).map((i) => i.amount + i.lateFee));
  const buyout =
    rental.status === 'active' && rental.startDate !== null
      ? buyoutQuote({
          terms: rental,
          startDate: rental.startDate,
          installmentsPaid: paidInstallments.length,
          paidTotal: installmentsPaidTotal,
          remainingBalance,
          unpaidLateFees: lateFeesDue,
          on: day,
        })
      : null;

  return {
    schedule,
    paymentsMade: paidInstallments.length,
    remainingPayments: owing || rental.status === 'pending' ? unpaid.length : 0,
    nextPaymentDate: nextInstallment?.dueDate ?? null,
    paidTotal,
    remainingBalance,
    lateFeesDue,
    lateFeesPaid: sumCents([...paidRows.values(), ...(buyoutRow ? [buyoutRow] : [])].map((p) => p.lateFee)),
    nextInstallment,
    arrears,
    buyout,
    boughtOut: buyoutRow !== null,
  };
}

/** The calendar day of an instant in UTC (SPEC §1: time is UTC). */
export function dayOf(instant: Date): LocalDate {
  return LocalDate.fromInstant(instant);
}
