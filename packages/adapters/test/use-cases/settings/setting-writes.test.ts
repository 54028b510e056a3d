import { describe, expect, it } from 'vitest';
import { MemorySettingsRepository } from '../../../src/memory/index.js';
import { SETTING_DEFAULTS, StoreSettings, ValidationError } from '@giggatek/domain';
import type { SettingValues } from '@giggatek/domain';

const now = new Date('2026-03-01T10:00:00.000Z');
const pricing = SETTING_DEFAULTS.pricing;
const policy = SETTING_DEFAULTS.rental_policy;

/** The fields named by the ValidationError that `set` rejects with; nothing must be stored. */
async function refusedFields<K extends keyof SettingValues>(key: K, value: unknown): Promise<string[]> {
  const repository = new MemorySettingsRepository();
  const settings = new StoreSettings(repository);
  const error = await settings.set(key, value as SettingValues[K], now).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `set(${key}, ${JSON.stringify(value)}) should fail`).toBeInstanceOf(ValidationError);
  expect(await repository.get(key)).toBeUndefined();
  return (error as ValidationError).details?.map((problem) => problem.field) ?? [];
}

async function storedAfterSet<K extends keyof SettingValues>(key: K, value: unknown): Promise<unknown> {
  const repository = new MemorySettingsRepository();
  await new StoreSettings(repository).set(key, value as SettingValues[K], now);
  return repository.get(key);
}

describe('StoreSettings.set validation', () => {
  it('refuses a tax rate that is not an integer from 0 to 10000 basis points', async () => {
    for (const taxBp of [-1, 10_001, 8.25, '825', null]) {
      expect(await refusedFields('pricing', { ...pricing, taxBp })).toEqual(['pricing.taxBp']);
    }
    expect(await storedAfterSet('pricing', { ...pricing, taxBp: 0 })).toMatchObject({ taxBp: 0 });
    expect(await storedAfterSet('pricing', { ...pricing, taxBp: 10_000 })).toMatchObject({ taxBp: 10_000 });
  });

  it('refuses shipping rates and a free-shipping threshold that are not whole, non-negative cents', async () => {
    expect(
      await refusedFields('pricing', { ...pricing, shippingRates: { ...pricing.shippingRates, expedited: -1 } }),
    ).toEqual(['pricing.shippingRates.expedited']);
    expect(await refusedFields('pricing', { ...pricing, shippingRates: { standard: 9.99, expedited: 1_999 } })).toEqual(
      ['pricing.shippingRates.standard', 'pricing.shippingRates.overnight'],
    );
    expect(await refusedFields('pricing', { taxBp: 825, freeStandardShippingFrom: 2 ** 53 })).toEqual([
      'pricing.shippingRates',
      ...['standard', 'expedited', 'overnight'].map((m) => `pricing.shippingRates.${m}`),
      'pricing.freeStandardShippingFrom',
    ]);
    expect(
      await storedAfterSet('pricing', {
        ...pricing,
        shippingRates: { standard: 0, expedited: 0, overnight: 0 },
        freeStandardShippingFrom: 0,
      }),
    ).toEqual({ taxBp: 825, shippingRates: { standard: 0, expedited: 0, overnight: 0 }, freeStandardShippingFrom: 0 });
  });

  it('refuses an order expiry outside 1 to 10080 whole minutes', async () => {
    for (const minutes of [0, 10_081, 1.5, '60'])
      expect(await refusedFields('order_expiry_minutes', minutes)).toEqual(['order_expiry_minutes']);
    expect(await storedAfterSet('order_expiry_minutes', 1)).toBe(1);
    expect(await storedAfterSet('order_expiry_minutes', 10_080)).toBe(10_080);
  });

  it('refuses rental terms that are not distinct positive integers, each with a markup', async () => {
    expect(await refusedFields('rental_policy', { ...policy, terms: [] })).toEqual(['rental_policy.terms']);
    expect(await refusedFields('rental_policy', { ...policy, terms: [3, 0] })).toEqual(['rental_policy.terms[1]']);
    expect(await refusedFields('rental_policy', { ...policy, terms: [3, 6, 3] })).toEqual(['rental_policy.terms[2]']);
    expect(await refusedFields('rental_policy', { ...policy, terms: [3, 9] })).toEqual(['rental_policy.markupBp.9']);
    expect(await refusedFields('rental_policy', { ...policy, markupBp: { ...policy.markupBp, 6: -5 } })).toEqual([
      'rental_policy.markupBp.6',
    ]);
    expect(await refusedFields('rental_policy', { ...policy, lateFeeBp: 10_001, lateFeeCap: 0.5 })).toEqual([
      'rental_policy.lateFeeBp',
      'rental_policy.lateFeeCap',
    ]);
    expect(await storedAfterSet('rental_policy', { ...policy, terms: [9], markupBp: { 9: 1200, 24: 3000 } })).toEqual({
      ...policy,
      terms: [9],
      markupBp: { 9: 1200 },
    });
  });

  it('refuses categories that are empty, too long, not text or listed twice', async () => {
    expect(await refusedFields('categories', [])).toEqual(['categories']);
    expect(await refusedFields('categories', ['GPUs', '  '])).toEqual(['categories[1]']);
    expect(await refusedFields('categories', ['GPUs', 5])).toEqual(['categories[1]']);
    expect(await refusedFields('categories', ['x'.repeat(101)])).toEqual(['categories[0]']);
    expect(await refusedFields('categories', ['GPUs', 'CPUs', ' gpus '])).toEqual(['categories[2]']);
    expect(await storedAfterSet('categories', [' Consoles ', 'y'.repeat(100)])).toEqual(['Consoles', 'y'.repeat(100)]);
  });

  it('names the field in the error message', async () => {
    const settings = new StoreSettings(new MemorySettingsRepository());
    await expect(settings.set('pricing', { ...pricing, taxBp: 20_000 }, now)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('pricing.taxBp') as unknown,
    });
  });
});
