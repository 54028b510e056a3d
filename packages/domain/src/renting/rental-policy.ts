import type { FieldProblem } from '../shared/errors.js';

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
  /** The total of payments may be at most cash price × maxTotalBp / 10 000. */
  maxTotalBp: number;
}

export const DEFAULT_RENTAL_POLICY: RentalPolicy = {
  terms: [3, 6, 12, 24],
  markupBp: { 3: 500, 6: 1000, 12: 1500, 24: 2000 },
  graceDays: 7,
  lateFeeBp: 500,
  lateFeeCap: 500,
  sameAsCashDays: 90,
  defaultAfterDays: 30,
  maxTotalBp: 22_500,
};

/**
 * The rental-purchase limits most US states share (SPEC §5; California's Karnette Act,
 * Civ. Code §1812.620 ff., is the strictest reference). A policy outside them is refused
 * when it is saved and when a rental is created.
 */
export const RENTAL_PURCHASE_LIMITS = {
  /** Total of payments at most 2.25 × the cash price (§1812.644(c)). */
  maxTotalBp: 22_500,
  /** A late fee at most the lesser of 5% of the payment and $5 (§1812.626(e)). */
  lateFeeBp: 500,
  lateFeeCap: 500,
  /** No late fee before the payment is 7 days late, for monthly terms (§1812.626(c)). */
  graceDays: 7,
  /** The early purchase at the cash price for at least 90 days (§1812.632(a) says three months). */
  sameAsCashDays: 90,
  /** The longest term offered, in months (five years). */
  maxTermMonths: 60,
} as const;

/**
 * The problems of a policy whose fields are well-formed integers, against the limits.
 * Field names are `<field>.<setting>` (`rental_policy.lateFeeBp`).
 */
export function policyLimitProblems(policy: RentalPolicy, field: string): FieldProblem[] {
  const limits = RENTAL_PURCHASE_LIMITS;
  const problems: FieldProblem[] = [];
  const refuse = (setting: string, message: string): void => {
    problems.push({ field: `${field}.${setting}`, message });
  };
  if (policy.maxTotalBp < 10_000 || policy.maxTotalBp > limits.maxTotalBp) {
    refuse(
      'maxTotalBp',
      `must be from 10000 to ${limits.maxTotalBp} (the total of payments may be at most 2.25 × the cash price)`,
    );
  }
  if (policy.lateFeeBp > limits.lateFeeBp)
    refuse('lateFeeBp', `must be at most ${limits.lateFeeBp} (5% of the payment)`);
  if (policy.lateFeeCap > limits.lateFeeCap)
    refuse('lateFeeCap', `must be at most ${limits.lateFeeCap} ($5.00 per installment)`);
  if (policy.graceDays < limits.graceDays) refuse('graceDays', `must be at least ${limits.graceDays} days`);
  if (policy.sameAsCashDays < limits.sameAsCashDays) {
    refuse('sameAsCashDays', `must be at least ${limits.sameAsCashDays} days`);
  }
  if (policy.defaultAfterDays < policy.graceDays) {
    refuse('defaultAfterDays', 'must be at least the grace period (graceDays)');
  }
  for (const term of policy.terms) {
    if (term > limits.maxTermMonths)
      refuse(`terms`, `a term may be at most ${limits.maxTermMonths} months (got ${term})`);
    const markup = policy.markupBp[term];
    // The markup alone must fit under the cap; the rounding up of the monthly rate is
    // checked per product (rentalQuote), where the cash price is known.
    if (markup !== undefined && 10_000 + markup > policy.maxTotalBp) {
      refuse(
        `markupBp.${term}`,
        `must be at most ${policy.maxTotalBp - 10_000} (the total of payments may be at most ${policy.maxTotalBp / 100}% of the cash price)`,
      );
    }
  }
  return problems;
}
