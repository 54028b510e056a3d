import { describe, expect, it } from 'vitest';
import { DEFAULT_RENTAL_POLICY } from '../../src/renting/rental-policy.js';
import {
  daysBetween,
  defaultableFrom,
  graceEnds,
  installmentDueDate,
  isLateOn,
  lateFeeFor,
  scheduleDates,
} from '../../src/renting/rental-schedule.js';
import { LocalDate } from '../../src/shared/local-date.js';
import { cents } from '../../src/shared/money.js';

const d = (text: string) => LocalDate.parse(text);
const texts = (dates: LocalDate[]) => dates.map((date) => date.toString());

describe('installment due dates (SPEC §5)', () => {
  it('a Jan 31 start is due Jan 31, Feb 28, Mar 31, Apr 30 … clamped to each month end', () => {
    expect(texts(scheduleDates(d('2025-01-31'), 6))).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
    ]);
  });

  it('is due Feb 29 in a leap year', () => {
    expect(installmentDueDate(d('2024-01-31'), 2).toString()).toBe('2024-02-29');
    expect(installmentDueDate(d('2024-01-30'), 2).toString()).toBe('2024-02-29');
    expect(installmentDueDate(d('2024-01-29'), 2).toString()).toBe('2024-02-29');
    expect(installmentDueDate(d('2024-01-28'), 2).toString()).toBe('2024-02-28');
  });

  it('counts every date from the start, so Feb 28 does not drag later months to the 28th', () => {
    const start = d('2025-01-31');
    expect(installmentDueDate(start, 3).toString()).toBe('2025-03-31');
    expect(installmentDueDate(start, 13).toString()).toBe('2026-01-31');
    expect(installmentDueDate(start, 14).toString()).toBe('2026-02-28');
    expect(installmentDueDate(start, 26).toString()).toBe('2027-02-28');
    expect(installmentDueDate(d('2027-01-31'), 14).toString()).toBe('2028-02-29');
  });

  it('installment 1 is due on the start date; dates cross the year end', () => {
    expect(texts(scheduleDates(d('2024-12-31'), 3))).toEqual(['2024-12-31', '2025-01-31', '2025-02-28']);
    expect(scheduleDates(d('2025-03-01'), 24)).toHaveLength(24);
  });

  it('refuses installment numbers below 1 or not whole', () => {
    expect(() => installmentDueDate(d('2025-01-31'), 0)).toThrow(RangeError);
    expect(() => installmentDueDate(d('2025-01-31'), 1.5)).toThrow(RangeError);
  });
});

describe('lateFeeFor: min(ceil(rate × late_fee_bp / 10 000), late_fee_cap)', () => {
  const policy = DEFAULT_RENTAL_POLICY;

  it('rounds 5% up to a whole cent', () => {
    expect(lateFeeFor(cents(3_834), policy)).toBe(192); // 191.7
    expect(lateFeeFor(cents(3_820), policy)).toBe(191); // exact
    expect(lateFeeFor(cents(1), policy)).toBe(1); // 0.05
  });

  it('never charges more than the cap', () => {
    expect(lateFeeFor(cents(10_000), policy)).toBe(500); // exactly 5% = the cap
    expect(lateFeeFor(cents(9_981), policy)).toBe(500); // 499.05 → 500
    expect(lateFeeFor(cents(10_020), policy)).toBe(500); // 501 → capped
    expect(lateFeeFor(cents(14_375), policy)).toBe(500); // 718.75 → capped
  });

  it('follows the policy it is given', () => {
    expect(lateFeeFor(cents(3_834), { lateFeeBp: 0, lateFeeCap: 500 })).toBe(0);
    expect(lateFeeFor(cents(3_834), { lateFeeBp: 500, lateFeeCap: 100 })).toBe(100);
  });
});

describe('late, grace and default dates', () => {
  const due = d('2025-04-01');

  it('an installment is late only after due + grace days', () => {
    expect(graceEnds(due, 7).toString()).toBe('2025-04-08');
    expect(isLateOn(due, 7, d('2025-03-31'))).toBe(false);
    expect(isLateOn(due, 7, due)).toBe(false);
    expect(isLateOn(due, 7, d('2025-04-08'))).toBe(false);
    expect(isLateOn(due, 7, d('2025-04-09'))).toBe(true);
  });

  it('the grace period crosses month ends by calendar days', () => {
    expect(isLateOn(d('2025-02-28'), 7, d('2025-03-07'))).toBe(false);
    expect(isLateOn(d('2025-02-28'), 7, d('2025-03-08'))).toBe(true);
  });

  it('a rental can be marked defaulted once an installment is more than default_after_days overdue', () => {
    expect(defaultableFrom(due, 30).toString()).toBe('2025-05-02');
    expect(daysBetween(due, defaultableFrom(due, 30))).toBe(31);
  });

  it('daysBetween counts whole days, negative backwards', () => {
    expect(daysBetween(d('2025-03-01'), d('2025-05-30'))).toBe(90);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-03-01'), d('2025-02-28'))).toBe(-1);
  });
});
