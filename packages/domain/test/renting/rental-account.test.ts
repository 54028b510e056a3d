import { describe, expect, it } from 'vitest';
import { rentalAccount } from '../../src/renting/rental-account.js';
import type { Rental } from '../../src/renting/rental.js';
import { LocalDate } from '../../src/shared/local-date.js';
import { cents } from '../../src/shared/money.js';
import { installmentPaid, ledgerRow, rentalOf } from '../support/rentals.js';

const d = (text: string) => LocalDate.parse(text);
// P = 39 999 over 12 months: 3 834 a month, 46 008 in all, late fee 192; due on the 1st.
const signed = (changes: Partial<Rental> = {}): Rental => ({
  ...rentalOf({ cashPrice: 39_999, months: 12, startDate: d('2025-03-01') }),
  ...changes,
});

describe('rentalAccount on the signing day, nothing paid', () => {
  const account = rentalAccount(signed(), [], d('2025-03-01'));

  it('owes every installment, the first due today', () => {
    expect(account.schedule).toHaveLength(12);
    expect(account.schedule[0]).toMatchObject({ installmentNo: 1, amount: 3_834, lateFee: 0, status: 'due' });
    expect(account.schedule.map((i) => i.dueDate.toString()).slice(0, 3)).toEqual([
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
    ]);
    expect(account).toMatchObject({
      paymentsMade: 0,
      remainingPayments: 12,
      paidTotal: 0,
      remainingBalance: 46_008,
      lateFeesDue: 0,
      lateFeesPaid: 0,
      arrears: 3_834,
      boughtOut: false,
    });
    expect(account.nextInstallment?.installmentNo).toBe(1);
    expect(account.nextPaymentDate?.toString()).toBe('2025-03-01');
    expect(account.buyout?.amount).toBe(39_999);
  });
});

describe('rentalAccount of an active rental with payments', () => {
  const rental = signed();
  const first = installmentPaid(rental, 1, d('2025-03-01'));

  it('a paid installment lowers the balance and moves the next payment on', () => {
    const account = rentalAccount(rental, [first], d('2025-03-31'));
    expect(account.schedule[0]).toMatchObject({ status: 'paid', paymentId: first.id, paidAt: first.createdAt });
    expect(account).toMatchObject({ paymentsMade: 1, remainingPayments: 11, paidTotal: 3_834 });
    expect(account.remainingBalance).toBe(42_174);
    expect(account.nextPaymentDate?.toString()).toBe('2025-04-01');
    expect(account.arrears).toBe(0);
    expect(account.buyout?.amount).toBe(36_165);
  });

  it('an installment unpaid after due + grace is late and owes its fee once', () => {
    expect(rentalAccount(rental, [first], d('2025-04-08')).schedule[1]).toMatchObject({ status: 'due', lateFee: 0 });
    const account = rentalAccount(rental, [first], d('2025-04-09'));
    expect(account.schedule[1]).toMatchObject({ status: 'late', lateFee: 192 });
    expect(account.schedule[2]).toMatchObject({ status: 'due', lateFee: 0 });
    expect(account).toMatchObject({ lateFeesDue: 192, arrears: 3_834 + 192 });
    expect(account.buyout).toMatchObject({ base: 36_165, lateFees: 192, amount: 36_357 });
  });

  it('two late installments owe two fees; arrears count only what is due by the day', () => {
    const account = rentalAccount(rental, [first], d('2025-05-20'));
    expect(account.schedule.slice(1, 4).map((i) => i.status)).toEqual(['late', 'late', 'due']);
    expect(account.lateFeesDue).toBe(384);
    expect(account.arrears).toBe(2 * (3_834 + 192));
  });

  it('a paid late installment shows the fee paid with it, not a new one', () => {
    const second = installmentPaid(rental, 2, d('2025-04-09'), 192);
    const account = rentalAccount(rental, [first, second], d('2025-06-30'));
    expect(account.schedule[1]).toMatchObject({ status: 'paid', lateFee: 192 });
    // Installment 3 (due May 1) and 4 (due Jun 1) are late by Jun 30.
    expect(account).toMatchObject({ lateFeesPaid: 192, lateFeesDue: 384, paidTotal: 7_668 });
  });

  it('counts an installment once, from its first succeeded row; other rows do not count', () => {
    const rows = [
      ledgerRow({ kind: 'installment', installmentNo: 1, amount: rental.monthlyRate, status: 'failed' }),
      first,
      installmentPaid(rental, 1, d('2025-03-02')),
      ledgerRow({ kind: 'installment', installmentNo: 2, amount: rental.monthlyRate, status: 'pending' }),
      { ...installmentPaid(rental, 2, d('2025-03-02')), rentalId: 2 },
    ];
    const account = rentalAccount(rental, rows, d('2025-03-02'));
    expect(account.schedule[0]?.paymentId).toBe(first.id);
    expect(account).toMatchObject({ paymentsMade: 1, paidTotal: 3_834, remainingBalance: 42_174 });
    expect(account.schedule[1]?.status).toBe('due');
  });
});

describe('rentalAccount after the rental ended', () => {
  const rental = signed();
  const first = installmentPaid(rental, 1, d('2025-03-01'));

  it('bought out: the rest is settled, nothing is owed', () => {
    // On Apr 9 installment 2 is late: the buyout is 36 165 + its 192 fee.
    const buyout = ledgerRow({ kind: 'buyout', amount: cents(36_357), lateFee: cents(192) });
    const account = rentalAccount({ ...rental, status: 'completed' }, [first, buyout], d('2025-04-09'));
    expect(account.schedule[0]?.status).toBe('paid');
    expect(account.schedule.slice(1).every((i) => i.status === 'bought_out' && i.lateFee === 0)).toBe(true);
    expect(account).toMatchObject({
      boughtOut: true,
      paidTotal: 3_834 + 36_165,
      remainingBalance: 0,
      remainingPayments: 0,
      lateFeesDue: 0,
      lateFeesPaid: 192,
      arrears: 0,
      nextInstallment: null,
      nextPaymentDate: null,
      buyout: null,
    });
  });

  it('completed by the last installment: all paid, nothing left', () => {
    const rows = Array.from({ length: 12 }, (_, i) => installmentPaid(rental, i + 1, d('2025-03-01').addMonths(i)));
    const account = rentalAccount({ ...rental, status: 'completed' }, rows, d('2026-02-01'));
    expect(account.schedule.every((i) => i.status === 'paid')).toBe(true);
    expect(account).toMatchObject({ paidTotal: 46_008, remainingBalance: 0, remainingPayments: 0, buyout: null });
  });

  it('returned: the unpaid installments are cancelled, late or not, and nothing is owed', () => {
    const returned = { ...rental, status: 'returned' as const };
    const account = rentalAccount(returned, [first], d('2025-06-01'));
    expect(account.schedule.slice(1).every((i) => i.status === 'cancelled' && i.lateFee === 0)).toBe(true);
    expect(account).toMatchObject({
      paidTotal: 3_834,
      remainingBalance: 0,
      remainingPayments: 0,
      lateFeesDue: 0,
      arrears: 0,
      nextInstallment: null,
      buyout: null,
    });
  });

  it('defaulted: still owes, with late fees and arrears, but offers no buyout', () => {
    const account = rentalAccount({ ...rental, status: 'defaulted' }, [first], d('2025-05-02'));
    expect(account.schedule.slice(1, 3).map((i) => i.status)).toEqual(['late', 'due']);
    expect(account).toMatchObject({ remainingBalance: 42_174, lateFeesDue: 192, arrears: 4_026 + 3_834 });
    expect(account.nextInstallment?.installmentNo).toBe(2);
    expect(account.buyout).toBeNull();
  });
});

describe('rentalAccount before signing', () => {
  const pending = rentalOf({ cashPrice: 39_999, months: 12, startDate: null });

  it('shows the schedule as if signed on the day, never late, with no buyout', () => {
    const account = rentalAccount(pending, [], d('2025-01-31'));
    expect(account.schedule.slice(0, 2).map((i) => i.dueDate.toString())).toEqual(['2025-01-31', '2025-02-28']);
    expect(account.schedule.every((i) => i.status === 'due')).toBe(true);
    expect(account).toMatchObject({ remainingBalance: 46_008, remainingPayments: 12, lateFeesDue: 0, buyout: null });
    expect(account.nextInstallment).toBeNull();
  });

  it('cancelled before signing: nothing is owed', () => {
    const account = rentalAccount({ ...pending, status: 'cancelled' }, [], d('2025-01-31'));
    expect(account.schedule.every((i) => i.status === 'cancelled')).toBe(true);
    expect(account).toMatchObject({ remainingBalance: 0, remainingPayments: 0 });
  });
});
