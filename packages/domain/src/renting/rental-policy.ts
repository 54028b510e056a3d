/** The rent-to-own policy (SPEC §5); a setting, these are its defaults. */
export interface RentalPolicy {
  /** Offered terms in months. */
  terms: number[];
  /** Markup over the cash price per term, in basis points. */
  markupBp: Record<number, number>;
  graceDays: number;
  lateFeeBp: number;
  lateFeeCap: number;
  sameAsCashDays: number;
  defaultAfterDays: number;
}

export const DEFAULT_RENTAL_POLICY: RentalPolicy = {
  terms: [3, 6, 12, 24],
  markupBp: { 3: 500, 6: 1000, 12: 1500, 24: 2000 },
  graceDays: 7,
  lateFeeBp: 500,
  lateFeeCap: 500,
  sameAsCashDays: 90,
  defaultAfterDays: 30,
};
