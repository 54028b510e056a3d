import { ceilDiv, cents, multiplyCents, type Cents } from '../shared/money.js';
import type { Product } from '../catalog/product.js';
import type { RentalPolicy } from './rental-policy.js';

export interface RentalQuote {
  termMonths: number;
  monthlyRate: Cents;
  totalAmount: Cents;
}

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

/** One quote per offered term, for a rentable product; empty otherwise. */
export function rentalQuotes(
  product: Pick<Product, 'price' | 'rentable' | 'rentalRates'>,
  policy: RentalPolicy,
): RentalQuote[] {
  if (!product.rentable) return [];
  return policy.terms.map((termMonths) => {
    const rate = monthlyRate(product.price, termMonths, policy, product.rentalRates);
    return { termMonths, monthlyRate: rate, totalAmount: multiplyCents(rate, termMonths) };
  });
}
