import fc from 'fast-check';
import type { PaymentEntry } from '../../src/payments/payment.js';
import { rentalAccount } from '../../src/renting/rental-account.js';
import { RENTAL_PURCHASE_LIMITS, type RentalPolicy } from '../../src/renting/rental-policy.js';
import { quoteTerm } from '../../src/renting/rental-quote.js';
import type { Rental } from '../../src/renting/rental.js';
import { LocalDate } from '../../src/shared/local-date.js';
import { cents } from '../../src/shared/money.js';
import { installmentPaid, rentalOf } from './rentals.js';

const limits = RENTAL_PURCHASE_LIMITS;

/** A cash price P from 1 cent to $5 000. */
export const cashPrice = fc.integer({ min: 1, max: 500_000 });

/** Any policy the law allows: every setting random but within RENTAL_PURCHASE_LIMITS. */
export const allowedPolicy: fc.Arbitrary<RentalPolicy> = fc
  .record({
    maxTotalBp: fc.integer({ min: 10_000, max: limits.maxTotalBp }),
    terms: fc.uniqueArray(fc.integer({ min: 1, max: limits.maxTermMonths }), { minLength: 1, maxLength: 6 }),
    markupShares: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }),
    graceDays: fc.integer({ min: limits.graceDays, max: 30 }),
    lateFeeBp: fc.integer({ min: 0, max: limits.lateFeeBp }),
    lateFeeCap: fc.integer({ min: 0, max: limits.lateFeeCap }),
    sameAsCashDays: fc.integer({ min: limits.sameAsCashDays, max: 365 }),
    extraDaysToDefault: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ markupShares, extraDaysToDefault, ...p }) => ({
    terms: p.terms,
    // Each markup a share (in ten-thousandths) of the room the cap leaves above P.
    markupBp: Object.fromEntries(
      p.terms.map((term, i) => [term, Math.floor(((p.maxTotalBp - 10_000) * (markupShares[i] ?? 0)) / 10_000)]),
    ),
    graceDays: p.graceDays,
    lateFeeBp: p.lateFeeBp,
    lateFeeCap: p.lateFeeCap,
    sameAsCashDays: p.sameAsCashDays,
    defaultAfterDays: p.graceDays + extraDaysToDefault,
    maxTotalBp: p.maxTotalBp,
  }));

/** A signing date from 2000 to 2040. */
export const startDate = fc.integer({ min: 0, max: 14_975 }).map((n) => LocalDate.of(2000, 1, 1).addDays(n));

export interface RentalHistory {
  rental: Rental;
  /** The succeeded installment rows, oldest first, each with the fee owed on its day. */
  rows: PaymentEntry[];
  /** The day the last payment was made (the start when none). */
  lastPaymentDay: LocalDate;
}

/**
 * A signed rental under an allowed policy, for one of the terms it could be quoted, with k
 * installments paid oldest first, each some days before or after its due date (never before
 * the previous payment) and carrying the late fee the account asked on that day, as
 * RentingService.makePayment charges it.
 */
export const rentalHistory: fc.Arbitrary<RentalHistory> = fc
  .record({
    cashPrice,
    policy: allowedPolicy,
    termIndex: fc.nat(),
    start: startDate,
    offsets: fc.array(fc.integer({ min: -20, max: 45 }), { maxLength: 60 }),
  })
  .filter(({ cashPrice: p, policy, termIndex }) => {
    const term = policy.terms[termIndex % policy.terms.length] ?? 0;
    return 'quote' in quoteTerm({ price: cents(p), rentalRates: {} }, term, policy);
  })
  .map(({ cashPrice: p, policy, termIndex, start, offsets }) => {
    const months = policy.terms[termIndex % policy.terms.length] ?? 0;
    const rental = rentalOf({ cashPrice: p, months, policy, startDate: start });
    return payInOrder(rental, start, offsets.slice(0, months));
  });

function payInOrder(rental: Rental, start: LocalDate, offsets: number[]): RentalHistory {
  const rows: PaymentEntry[] = [];
  let day = start;
  for (const offset of offsets) {
    const next = rentalAccount(rental, rows, day).nextInstallment;
    if (!next) break;
    const planned = next.dueDate.addDays(offset);
    day = planned.isAfter(day) ? planned : day;
    const owed = rentalAccount(rental, rows, day).nextInstallment ?? next;
    rows.push(installmentPaid(rental, owed.installmentNo, day, owed.lateFee));
  }
  return { rental, rows, lastPaymentDay: day };
}
