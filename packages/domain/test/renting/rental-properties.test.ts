import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rentalAccount, type RentalAccount } from '../../src/renting/rental-account.js';
import { policyLimitProblems, RENTAL_PURCHASE_LIMITS } from '../../src/renting/rental-policy.js';
import { maxTotalOfPayments, quoteTerm, rentalQuotes } from '../../src/renting/rental-quote.js';
import { lateFeeFor } from '../../src/renting/rental-schedule.js';
import { basisPointsCeil, ceilDiv, cents } from '../../src/shared/money.js';
import { allowedPolicy, cashPrice, rentalHistory } from '../support/rental-arbitraries.js';
import { installmentPaid } from '../support/rentals.js';

const later = fc.integer({ min: 0, max: 400 });

describe('quotes under any allowed policy', () => {
  it('the generated policies are within the limits', () => {
    fc.assert(fc.property(allowedPolicy, (policy) => policyLimitProblems(policy, 'rental_policy').length === 0));
  });

  it('every offered quote totals at least P and at most P × max_total_bp / 10 000', () => {
    const overrides = fc.dictionary(
      fc.integer({ min: 1, max: 60 }).map(String),
      fc.integer({ min: 1, max: 2_000_000 }),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(cashPrice, allowedPolicy, overrides, (p, policy, rates) => {
        const rentalRates = Object.fromEntries(Object.entries(rates).map(([n, r]) => [n, cents(r)]));
        for (const quote of rentalQuotes({ price: cents(p), rentable: true, rentalRates }, policy)) {
          expect(policy.terms).toContain(quote.termMonths);
          expect(quote.totalAmount).toBe(quote.monthlyRate * quote.termMonths);
          expect(quote.totalAmount).toBeGreaterThanOrEqual(p);
          expect(quote.totalAmount).toBeLessThanOrEqual((p * policy.maxTotalBp) / 10_000);
        }
      }),
    );
  });

  it('without overrides a term is refused only when rounding the rate up breaks the cap', () => {
    fc.assert(
      fc.property(cashPrice, allowedPolicy, (p, policy) => {
        for (const term of policy.terms) {
          const result = quoteTerm({ price: cents(p), rentalRates: {} }, term, policy);
          if ('refusal' in result) {
            // Even one cent a month over `term` months is above the cap.
            const rate = ceilDiv(p * (10_000 + (policy.markupBp[term] ?? 0)), 10_000 * term);
            expect(rate * term).toBeGreaterThan(maxTotalOfPayments(cents(p), policy));
          }
        }
      }),
    );
  });
});

/** Every figure of an account that is money. */
function amounts(account: RentalAccount): number[] {
  const buyout = account.buyout ? [account.buyout.amount, account.buyout.base, account.buyout.proRata] : [];
  return [
    ...account.schedule.flatMap((i) => [i.amount, i.lateFee]),
    account.paidTotal,
    account.remainingBalance,
    account.lateFeesDue,
    account.lateFeesPaid,
    account.arrears,
    ...buyout,
  ];
}

describe('the account of an active rental paid oldest first', () => {
  it('adds up: schedule = total, remaining = total − paid, nothing negative', () => {
    fc.assert(
      fc.property(rentalHistory, later, ({ rental, rows, lastPaymentDay }, extra) => {
        const account = rentalAccount(rental, rows, lastPaymentDay.addDays(extra));
        expect(account.schedule.reduce((sum, i) => sum + i.amount, 0)).toBe(rental.totalAmount);
        expect(account.paidTotal).toBe(rows.length * rental.monthlyRate);
        expect(account.remainingBalance).toBe(rental.totalAmount - account.paidTotal);
        expect(account.paymentsMade + account.remainingPayments).toBe(rental.totalMonths);
        for (const amount of amounts(account)) expect(amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('nobody owns for less than P: paid_total + buyout base ≥ P', () => {
    fc.assert(
      fc.property(rentalHistory, later, ({ rental, rows, lastPaymentDay }, extra) => {
        const account = rentalAccount(rental, rows, lastPaymentDay.addDays(extra));
        expect(account.buyout).not.toBeNull();
        expect(account.paidTotal + (account.buyout?.base ?? 0)).toBeGreaterThanOrEqual(rental.cashPrice);
        // What is paid in all to own it that day: the payments, then the buyout without its fees.
        const toOwn = account.paidTotal + (account.buyout?.amount ?? 0) - account.lateFeesDue;
        expect(toOwn).toBeGreaterThanOrEqual(rental.cashPrice);
      }),
    );
  });

  it('the buyout amount never rises after a payment on the same day', () => {
    fc.assert(
      fc.property(rentalHistory, later, ({ rental, rows, lastPaymentDay }, extra) => {
        const day = lastPaymentDay.addDays(extra);
        const before = rentalAccount(rental, rows, day);
        const next = before.nextInstallment;
        fc.pre(next !== null);
        const paid = installmentPaid(rental, next.installmentNo, day, next.lateFee);
        const after = rentalAccount(rental, [...rows, paid], day);
        expect(after.buyout?.amount ?? 0).toBeLessThanOrEqual(before.buyout?.amount ?? 0);
      }),
    );
  });
});

describe('late fees', () => {
  it('never exceed the cap nor 5% of the rate (rounded up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), allowedPolicy, (rate, policy) => {
        const fee = lateFeeFor(cents(rate), policy);
        expect(fee).toBeGreaterThanOrEqual(0);
        expect(fee).toBeLessThanOrEqual(policy.lateFeeCap);
        expect(fee).toBeLessThanOrEqual(RENTAL_PURCHASE_LIMITS.lateFeeCap);
        expect(fee).toBeLessThanOrEqual(basisPointsCeil(rate, RENTAL_PURCHASE_LIMITS.lateFeeBp));
      }),
    );
  });

  it('are charged at most once per installment, however late, and a paid row keeps its own', () => {
    // The runs must include late unpaid installments and late-paid ones, or this proves nothing.
    let withLateUnpaid = 0;
    let withFeePaid = 0;
    fc.assert(
      fc.property(rentalHistory, later, later, ({ rental, rows, lastPaymentDay }, extra, more) => {
        const day = lastPaymentDay.addDays(extra);
        const account = rentalAccount(rental, rows, day);
        const late = account.schedule.filter((i) => i.status === 'late');
        for (const installment of late) expect(installment.lateFee).toBe(rental.lateFee);
        expect(account.lateFeesDue).toBe(late.length * rental.lateFee);
        if (late.length > 0 && rental.lateFee > 0) withLateUnpaid++;
        if (account.lateFeesPaid > 0) withFeePaid++;
        for (const installment of account.schedule.filter((i) => i.status === 'paid')) {
          expect(installment.lateFee).toBe(rows.find((r) => r.id === installment.paymentId)?.lateFee);
        }
        expect(account.lateFeesPaid).toBe(rows.reduce((sum, r) => sum + r.lateFee, 0));
        expect(account.lateFeesPaid + account.lateFeesDue).toBeLessThanOrEqual(rental.totalMonths * rental.lateFee);
        // Waiting longer makes more installments late, never a second fee for one.
        const laterAccount = rentalAccount(rental, rows, day.addDays(more));
        for (const installment of laterAccount.schedule) {
          expect([0, rental.lateFee]).toContain(installment.status === 'paid' ? 0 : installment.lateFee);
        }
      }),
    );
    expect(withLateUnpaid).toBeGreaterThan(0);
    expect(withFeePaid).toBeGreaterThan(0);
  });
});
