import { ceilDiv, cents, multiplyCents, type Cents } from '../shared/money.js';
import type { Product } from '../catalog/product.js';
import type { RentalPolicy } from './rental-policy.js';

export interface RentalQuote {
  termMonths: number;
  monthlyRate: Cents;
  totalAmount: Cents;
}

/** What a quote is computed from: the product's price and overrides (SPEC §5). */
export type RentableProduct = Pick<Product, 'price' | 'rentable' | 'rentalRates'>;

/**
 * Monthly rate for a term (SPEC §5): the product's override when set, else
 * ceil(P × (10000 + markup_bp[n]) / (10000 × n)).
 */
export function monthlyRate(
  cashPrice: Cents,
  termMonths: number,
  policy: RentalPolicy,
  overrides: Record<number, Cents> = {},
): Cents {
  const override = overrides[termMonths];
  if (override !== undefined) return override;
  const markup = policy.markupBp[termMonths] ?? 0;
  return cents(ceilDiv(BigInt(cashPrice) * BigInt(10_000 + markup), BigInt(10_000 * termMonths)));
}

/** The most the payments of one rental may add up to: floor(P × maxTotalBp / 10 000). */
export function maxTotalOfPayments(cashPrice: Cents, policy: Pick<RentalPolicy, 'maxTotalBp'>): Cents {
  return cents(Number((BigInt(cashPrice) * BigInt(policy.maxTotalBp)) / 10_000n));
}

/**
 * The quote for one term, or why the term cannot be offered for this product: not in the
 * policy, or a total of payments outside [P, P × maxTotalBp / 10 000] (an override too
 * high, or a tiny price where rounding the rate up to a whole cent breaks the cap).
 */
export function quoteTerm(
  product: Pick<Product, 'price' | 'rentalRates'>,
  termMonths: number,
  policy: RentalPolicy,
): { quote: RentalQuote } | { refusal: string } {
  if (!policy.terms.includes(termMonths)) {
    return { refusal: `must be one of the offered terms: ${policy.terms.join(', ')} months` };
  }
  const rate = monthlyRate(product.price, termMonths, policy, product.rentalRates);
  const totalAmount = multiplyCents(rate, termMonths);
  if (totalAmount < product.price) {
    return { refusal: `the ${termMonths}-month rate × ${termMonths} is below the cash price` };
  }
  const cap = maxTotalOfPayments(product.price, policy);
  if (totalAmount > cap) {
    return {
      refusal: `the ${termMonths}-month total of payments (${totalAmount}) would exceed ${policy.maxTotalBp / 100}% of the cash price (${cap})`,
    };
  }
  return { quote: { termMonths, monthlyRate: rate, totalAmount } };
}

/** One quote per offered term the law allows for this product; empty when it is not rentable. */
export function rentalQuotes(product: RentableProduct, policy: RentalPolicy): RentalQuote[] {
  if (!product.rentable) return [];
  return policy.terms.flatMap((termMonths) => {
    const result = quoteTerm(product, termMonths, policy);
    return 'quote' in result ? [result.quote] : [];
  });
}
