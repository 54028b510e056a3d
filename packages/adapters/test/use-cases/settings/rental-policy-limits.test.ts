import { describe, expect, it } from 'vitest';
import { MemorySettingsRepository } from '../../../src/memory/index.js';
import { DEFAULT_RENTAL_POLICY, RENTAL_PURCHASE_LIMITS, StoreSettings, ValidationError } from '@giggatek/domain';
import type { FieldProblem, RentalPolicy } from '@giggatek/domain';

const now = new Date('2026-03-01T10:00:00.000Z');
const policy = DEFAULT_RENTAL_POLICY;

/** The fields `set` refuses the policy with (nothing stored), or [] when it stored it. */
async function refusedFields(candidate: unknown): Promise<string[]> {
  const repository = new MemorySettingsRepository();
  const error = await new StoreSettings(repository).set('rental_policy', candidate as RentalPolicy, now).then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return [];
  expect(error).toBeInstanceOf(ValidationError);
  expect(await repository.get('rental_policy')).toBeUndefined();
  return (error as ValidationError).details?.map((problem) => problem.field) ?? [];
}

describe('StoreSettings.set of the rental policy against the rental-purchase limits (SPEC §5)', () => {
  it('accepts the defaults and a policy exactly at every limit', async () => {
    expect(await refusedFields(policy)).toEqual([]);
    const limits = RENTAL_PURCHASE_LIMITS;
    const atTheLimits: RentalPolicy = {
      terms: [3, limits.maxTermMonths],
      markupBp: { 3: 0, [limits.maxTermMonths]: limits.maxTotalBp - 10_000 },
      graceDays: limits.graceDays,
      lateFeeBp: limits.lateFeeBp,
      lateFeeCap: limits.lateFeeCap,
      sameAsCashDays: limits.sameAsCashDays,
      defaultAfterDays: limits.graceDays,
      maxTotalBp: limits.maxTotalBp,
    };
    expect(await refusedFields(atTheLimits)).toEqual([]);
    expect(await refusedFields({ ...policy, maxTotalBp: 10_000, markupBp: { 3: 0, 6: 0, 12: 0, 24: 0 } })).toEqual([]);
  });

  it('refuses each setting one step past its limit, naming it', async () => {
    const cases: Array<[Partial<RentalPolicy>, string[]]> = [
      [{ lateFeeBp: 501 }, ['rental_policy.lateFeeBp']],
      [{ lateFeeCap: 501 }, ['rental_policy.lateFeeCap']],
      [{ graceDays: 6, defaultAfterDays: 30 }, ['rental_policy.graceDays']],
      [{ sameAsCashDays: 89 }, ['rental_policy.sameAsCashDays']],
      [{ maxTotalBp: 22_501 }, ['rental_policy.maxTotalBp']],
      [
        { maxTotalBp: 9_999 },
        ['rental_policy.maxTotalBp', ...[3, 6, 12, 24].map((t) => `rental_policy.markupBp.${t}`)],
      ],
      [{ defaultAfterDays: 6 }, ['rental_policy.defaultAfterDays']],
      [{ terms: [3, 61], markupBp: { 3: 500, 61: 2000 } }, ['rental_policy.terms']],
      // The markup alone must fit under the policy's own cap.
      [{ maxTotalBp: 11_500 }, ['rental_policy.markupBp.24']],
    ];
    for (const [change, fields] of cases) {
      expect(await refusedFields({ ...policy, ...change }), JSON.stringify(change)).toEqual(fields);
    }
  });

  it('says why in the message', async () => {
    const settings = new StoreSettings(new MemorySettingsRepository());
    await expect(settings.set('rental_policy', { ...policy, maxTotalBp: 30_000 }, now)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('rental_policy.maxTotalBp: must be from 10000 to 22500') as unknown,
    });
  });

  it('wants maxTotalBp on a write, a whole number of basis points', async () => {
    const { maxTotalBp: _omitted, ...withoutCap } = policy;
    expect(await refusedFields(withoutCap)).toEqual(['rental_policy.maxTotalBp']);
    expect(await refusedFields({ ...policy, maxTotalBp: 20_000.5 })).toEqual(['rental_policy.maxTotalBp']);
  });
});

describe('StoreSettings.get of a stored rental policy outside the limits', () => {
  it('returns it as stored, without reporting it, so rental creation can refuse it by name', async () => {
    const repository = new MemorySettingsRepository();
    const reported: Array<readonly FieldProblem[]> = [];
    const settings = new StoreSettings(repository, (_key, problems) => reported.push(problems));
    await repository.set('rental_policy', { ...policy, lateFeeCap: 900, graceDays: 3 }, now);
    expect(await settings.get('rental_policy')).toEqual({ ...policy, lateFeeCap: 900, graceDays: 3 });
    expect(reported).toEqual([]);
  });
});
