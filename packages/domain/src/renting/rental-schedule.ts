import { type LocalDate } from '../shared/local-date.js';
import { basisPointsCeil, cents, minCents, type Cents } from '../shared/money.js';
import type { RentalPolicy } from './rental-policy.js';

/**
 * Installment i (1…n) is due on start + (i − 1) calendar months, the day clamped to the
 * month's end (SPEC §5): a Jan 31 start is due Jan 31, Feb 28/29, Mar 31, Apr 30 …
 * Always counted from the start, never from the previous due date, so Feb 28 does not
 * drag the later months to the 28th.
 */
export function installmentDueDate(startDate: LocalDate, installmentNo: number): LocalDate {
  if (!Number.isSafeInteger(installmentNo) || installmentNo < 1) {
    throw new RangeError(`installment numbers start at 1, got ${installmentNo}`);
  }
  return startDate.addMonths(installmentNo - 1);
}

/** The due dates of all n installments. */
export function scheduleDates(startDate: LocalDate, totalMonths: number): LocalDate[] {
  return Array.from({ length: totalMonths }, (_, index) => installmentDueDate(startDate, index + 1));
}

/** One late installment's fee: min(ceil(monthly_rate × late_fee_bp / 10 000), late_fee_cap). */
export function lateFeeFor(monthlyRate: Cents, policy: Pick<RentalPolicy, 'lateFeeBp' | 'lateFeeCap'>): Cents {
  return minCents(basisPointsCeil(monthlyRate, policy.lateFeeBp), cents(policy.lateFeeCap));
}

/** The last day an installment can be paid without a fee: due date + grace days. */
export function graceEnds(dueDate: LocalDate, graceDays: number): LocalDate {
  return dueDate.addDays(graceDays);
}

/**
 * Whether an installment paid (or still unpaid) on `day` is late: after due + grace. A
 * function of dates only, so the fee does not depend on when any job ran.
 */
export function isLateOn(dueDate: LocalDate, graceDays: number, day: LocalDate): boolean {
  return day.isAfter(graceEnds(dueDate, graceDays));
}

/** The first day staff may mark the rental defaulted for an installment due on `dueDate`. */
export function defaultableFrom(dueDate: LocalDate, defaultAfterDays: number): LocalDate {
  return dueDate.addDays(defaultAfterDays + 1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((to.startInstant().getTime() - from.startInstant().getTime()) / 86_400_000);
}
