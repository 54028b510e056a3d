import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RENTAL_POLICY,
  policyLimitProblems,
  RENTAL_PURCHASE_LIMITS,
  type RentalPolicy,
} from '../../src/renting/rental-policy.js';

const policy = (changes: Partial<RentalPolicy>): RentalPolicy => ({ ...DEFAULT_RENTAL_POLICY, ...changes });
const fields = (p: RentalPolicy) => policyLimitProblems(p, 'rental_policy').map((problem) => problem.field);

describe('policyLimitProblems (SPEC §5, the Karnette Act as the strict reference)', () => {
  it('accepts the defaults, which sit on the limits', () => {
    expect(policyLimitProblems(DEFAULT_RENTAL_POLICY, 'rental_policy')).toEqual([]);
    expect(DEFAULT_RENTAL_POLICY).toMatchObject({
      maxTotalBp: RENTAL_PURCHASE_LIMITS.maxTotalBp,
      lateFeeBp: RENTAL_PURCHASE_LIMITS.lateFeeBp,
      lateFeeCap: RENTAL_PURCHASE_LIMITS.lateFeeCap,
      graceDays: RENTAL_PURCHASE_LIMITS.graceDays,
      sameAsCashDays: RENTAL_PURCHASE_LIMITS.sameAsCashDays,
    });
  });

  it('names each setting under the field it is given', () => {
    expect(policyLimitProblems(policy({ lateFeeBp: 501 }), 'value')).toEqual([
      { field: 'value.lateFeeBp', message: 'must be at most 500 (5% of the payment)' },
    ]);
  });

  it('max_total_bp: from 10 000 (the cash price) to 22 500 (2.25×)', () => {
    const noMarkup = { 3: 0, 6: 0, 12: 0, 24: 0 };
    expect(fields(policy({ maxTotalBp: 22_501 }))).toEqual(['rental_policy.maxTotalBp']);
    // Below the cash price even a 0 markup breaks the cap, so each term is named too.
    expect(fields(policy({ maxTotalBp: 9_999, markupBp: noMarkup }))[0]).toBe('rental_policy.maxTotalBp');
    expect(fields(policy({ maxTotalBp: 10_000, markupBp: noMarkup }))).toEqual([]);
  });

  it('late_fee_bp at most 500 and late_fee_cap at most 500 cents', () => {
    expect(fields(policy({ lateFeeBp: 501 }))).toEqual(['rental_policy.lateFeeBp']);
    expect(fields(policy({ lateFeeCap: 501 }))).toEqual(['rental_policy.lateFeeCap']);
    expect(fields(policy({ lateFeeBp: 0, lateFeeCap: 0 }))).toEqual([]);
  });

  it('grace_days at least 7 and same_as_cash_days at least 90', () => {
    expect(fields(policy({ graceDays: 6 }))).toEqual(['rental_policy.graceDays']);
    expect(fields(policy({ sameAsCashDays: 89 }))).toEqual(['rental_policy.sameAsCashDays']);
    expect(fields(policy({ graceDays: 30, sameAsCashDays: 365 }))).toEqual([]);
  });

  it('default_after_days at least the grace period', () => {
    expect(fields(policy({ graceDays: 10, defaultAfterDays: 9 }))).toEqual(['rental_policy.defaultAfterDays']);
    expect(fields(policy({ graceDays: 10, defaultAfterDays: 10 }))).toEqual([]);
  });

  it('terms of at most 60 months', () => {
    const long = policy({ terms: [12, 61], markupBp: { 12: 1_500, 61: 0 } });
    expect(policyLimitProblems(long, 'rental_policy')).toEqual([
      { field: 'rental_policy.terms', message: 'a term may be at most 60 months (got 61)' },
    ]);
    expect(fields(policy({ terms: [60], markupBp: { 60: 0 } }))).toEqual([]);
  });

  it('a markup that alone would break the cap, per term', () => {
    const tight = policy({ maxTotalBp: 11_000 });
    expect(fields(tight)).toEqual(['rental_policy.markupBp.12', 'rental_policy.markupBp.24']);
    expect(policyLimitProblems(tight, 'rental_policy')[0]?.message).toBe(
      'must be at most 1000 (the total of payments may be at most 110% of the cash price)',
    );
  });

  it('reports every broken limit at once', () => {
    expect(fields(policy({ lateFeeBp: 600, graceDays: 3, sameAsCashDays: 30 }))).toEqual([
      'rental_policy.lateFeeBp',
      'rental_policy.graceDays',
      'rental_policy.sameAsCashDays',
    ]);
  });
});
