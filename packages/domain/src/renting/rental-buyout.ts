import type { LocalDate } from '../shared/local-date.js';
import { addCents, ceilDiv, cents, maxCents, minCents, subtractCents, type Cents } from '../shared/money.js';
import type { RentalTerms } from './rental.js';

/** Where a buyout amount came from, for the contract, the receipts and the docs. */
export interface BuyoutQuote {
  /** What the customer pays today to own the item. */
  amount: Cents;
  /** ceil(P × (n − k) / n). */
  proRata: Cents;
  /** SPEC's base: same-as-cash (what is left of P) or pro-rata. */
  base: Cents;
  /** Unpaid late fees owed on top. */
  lateFees: Cents;
  /** Whether `on` is within the same-as-cash period (start + same_as_cash_days, inclusive). */
  sameAsCash: boolean;
  sameAsCashUntil: LocalDate;
  on: LocalDate;
}

export interface BuyoutInput {
  terms: Pick<RentalTerms, 'cashPrice' | 'totalMonths' | 'sameAsCashDays'>;
  startDate: LocalDate;
  /** k: installments paid. */
  installmentsPaid: number;
  /** What the installments paid came to (late fees excluded). */
  paidTotal: Cents;
  /** total_amount − paid_total. */
  remainingBalance: Cents;
  unpaidLateFees: Cents;
  on: LocalDate;
}

/**
 * Early buyout on day d with k installments paid (SPEC §5):
 * pro_rata = ceil(P × (n − k) / n); within the same-as-cash period
 * base = min(pro_rata, max(0, P − paid_total)), after it base = pro_rata;
 * amount = min(base, remaining_balance) + unpaid late fees.
 * So paid_total + base ≥ P (nobody owns for less than the cash price), and the amount
 * never rises after a payment.
 */
export function buyoutQuote(input: BuyoutInput): BuyoutQuote {
  const { cashPrice, totalMonths, sameAsCashDays } = input.terms;
  const remainingInstallments = totalMonths - input.installmentsPaid;
  const proRata = cents(ceilDiv(BigInt(cashPrice) * BigInt(remainingInstallments), BigInt(totalMonths)));
  const sameAsCashUntil = input.startDate.addDays(sameAsCashDays);
  const sameAsCash = !input.on.isAfter(sameAsCashUntil);
  const base = sameAsCash ? minCents(proRata, maxCents(0, subtractCents(cashPrice, input.paidTotal))) : proRata;
  return {
    amount: addCents(minCents(base, input.remainingBalance), input.unpaidLateFees),
    proRata,
    base,
    lateFees: input.unpaidLateFees,
    sameAsCash,
    sameAsCashUntil,
    on: input.on,
  };
}
