import { describe, expect, it } from 'vitest';
import { buyoutQuote, type BuyoutInput } from '../../src/renting/rental-buyout.js';
import { LocalDate } from '../../src/shared/local-date.js';
import { cents } from '../../src/shared/money.js';

const start = LocalDate.parse('2025-03-01');
// P = 39 999 over 12 months at 3 834: total 46 008; same-as-cash until 2025-05-30 (start + 90).
const terms = { cashPrice: cents(39_999), totalMonths: 12, sameAsCashDays: 90 };

function input(installmentsPaid: number, on: string, extra: Partial<BuyoutInput> = {}): BuyoutInput {
  const paidTotal = cents(3_834 * installmentsPaid);
  return {
    terms,
    startDate: start,
    installmentsPaid,
    paidTotal,
    remainingBalance: cents(46_008 - paidTotal),
    unpaidLateFees: cents(0),
    on: LocalDate.parse(on),
    ...extra,
  };
}

describe('buyoutQuote (SPEC §5)', () => {
  it('on the signing day with nothing paid: the cash price', () => {
    expect(buyoutQuote(input(0, '2025-03-01'))).toMatchObject({
      amount: 39_999,
      proRata: 39_999,
      base: 39_999,
      sameAsCash: true,
    });
  });

  it('within same-as-cash: what is left of P when that is below pro-rata', () => {
    // pro_rata = ceil(39 999 × 11 / 12) = 36 666; P − paid = 36 165.
    const quote = buyoutQuote(input(1, '2025-03-31'));
    expect(quote).toMatchObject({ amount: 36_165, proRata: 36_666, base: 36_165, lateFees: 0, sameAsCash: true });
    expect(quote.sameAsCashUntil.toString()).toBe('2025-05-30');
    expect(quote.on.toString()).toBe('2025-03-31');
  });

  it('the same-as-cash day itself is inclusive; the day after is pro-rata', () => {
    expect(buyoutQuote(input(1, '2025-05-30'))).toMatchObject({ amount: 36_165, sameAsCash: true });
    expect(buyoutQuote(input(1, '2025-05-31'))).toMatchObject({ amount: 36_666, base: 36_666, sameAsCash: false });
  });

  it('after same-as-cash: pro-rata of the installments left', () => {
    // Four paid: ceil(39 999 × 8 / 12) = 26 666, while 39 999 − 15 336 = 24 663 would be less.
    expect(buyoutQuote(input(4, '2025-06-29'))).toMatchObject({ amount: 26_666, proRata: 26_666, base: 26_666 });
  });

  it('never asks more than the remaining balance', () => {
    expect(buyoutQuote(input(4, '2025-06-29', { remainingBalance: cents(20_000) }))).toMatchObject({
      base: 26_666,
      amount: 20_000,
    });
  });

  it('adds the unpaid late fees on top', () => {
    expect(buyoutQuote(input(1, '2025-04-09', { unpaidLateFees: cents(192) }))).toMatchObject({
      base: 36_165,
      lateFees: 192,
      amount: 36_357,
    });
  });

  it('nothing once P is paid within same-as-cash (installments paid ahead)', () => {
    const paidPastP = input(11, '2025-04-01', { paidTotal: cents(42_174), remainingBalance: cents(3_834) });
    expect(buyoutQuote(paidPastP)).toMatchObject({ base: 0, amount: 0 });
  });
});
