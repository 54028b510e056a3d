import { describe, expect, it } from 'vitest';
import { MemorySettingsRepository } from '../../../src/memory/index.js';
import { cents, SETTING_DEFAULTS, StoreSettings } from '@giggatek/domain';
import type { FieldProblem } from '@giggatek/domain';
import { orderInput, orderingHarness } from '../ordering/harness.js';

const now = new Date('2026-03-01T10:00:00.000Z');

/** Settings over a repository holding `rows` as if written by an older release or by hand. */
async function settingsStoring(rows: Record<string, unknown>) {
  const repository = new MemorySettingsRepository();
  for (const [key, value] of Object.entries(rows)) await repository.set(key, value, now);
  const reported: Array<{ key: string; problems: readonly FieldProblem[] }> = [];
  const settings = new StoreSettings(repository, (key, problems) => reported.push({ key, problems }));
  return { settings, reported };
}

describe('StoreSettings reads of stored values', () => {
  it('fills fields missing from a stored pricing from the defaults, shipping rates one by one', async () => {
    const { settings, reported } = await settingsStoring({
      pricing: { taxBp: 700 },
      rental_policy: { markupBp: { 3: 650 }, graceDays: 10 },
    });
    expect(await settings.get('pricing')).toEqual({ ...SETTING_DEFAULTS.pricing, taxBp: 700 });

    const partialRates = await settingsStoring({ pricing: { shippingRates: { overnight: 5_000 } } });
    expect(await partialRates.settings.get('pricing')).toEqual({
      taxBp: 825,
      shippingRates: { standard: 999, expedited: 1_999, overnight: 5_000 },
      freeStandardShippingFrom: 50_000,
    });

    expect(await settings.get('rental_policy')).toEqual({
      ...SETTING_DEFAULTS.rental_policy,
      graceDays: 10,
      markupBp: { 3: 650, 6: 1000, 12: 1500, 24: 2000 },
    });
    expect(reported).toEqual([]);
  });

  it('reads a rental policy stored before maxTotalBp existed with the default cap, and keeps a stored one', async () => {
    const { maxTotalBp: _added, ...olderPolicy } = SETTING_DEFAULTS.rental_policy;
    const older = await settingsStoring({ rental_policy: { ...olderPolicy, graceDays: 9 } });
    expect(await older.settings.get('rental_policy')).toEqual({
      ...SETTING_DEFAULTS.rental_policy,
      graceDays: 9,
      maxTotalBp: 22_500,
    });
    expect(older.reported).toEqual([]);

    const lower = await settingsStoring({ rental_policy: { ...olderPolicy, maxTotalBp: 20_000 } });
    expect((await lower.settings.get('rental_policy')).maxTotalBp).toBe(20_000);

    const broken = await settingsStoring({ rental_policy: { ...olderPolicy, graceDays: 9, maxTotalBp: '22500' } });
    expect(await broken.settings.get('rental_policy')).toEqual(SETTING_DEFAULTS.rental_policy);
    expect(broken.reported.map((r) => r.problems.map((p) => p.field))).toEqual([['rental_policy.maxTotalBp']]);
  });

  it("keeps only the offered terms' markups and drops unknown fields", async () => {
    const { settings } = await settingsStoring({
      rental_policy: { terms: [6, 12], markupBp: { 6: 900, 12: 1400 }, surprise: true },
      pricing: { taxBp: 0, extra: 'x' },
    });
    const policy = await settings.get('rental_policy');
    expect(policy.terms).toEqual([6, 12]);
    expect(policy.markupBp).toEqual({ 6: 900, 12: 1400 });
    expect(policy).not.toHaveProperty('surprise');
    expect(await settings.get('pricing')).not.toHaveProperty('extra');
  });

  it('falls back to the whole default for a stored value that is still invalid, and says so', async () => {
    const { settings, reported } = await settingsStoring({
      pricing: { taxBp: 8.25, shippingRates: { standard: 500 } },
      order_expiry_minutes: '60',
      rental_policy: { terms: [3, 36] },
      categories: ['GPUs', 'gpus'],
    });
    expect(await settings.get('pricing')).toEqual(SETTING_DEFAULTS.pricing);
    expect(await settings.get('order_expiry_minutes')).toBe(60);
    expect(await settings.get('rental_policy')).toEqual(SETTING_DEFAULTS.rental_policy);
    expect(await settings.get('categories')).toEqual(SETTING_DEFAULTS.categories);
    expect(reported.map(({ key, problems }) => [key, problems.map((p) => p.field)])).toEqual([
      ['pricing', ['pricing.taxBp']],
      ['order_expiry_minutes', ['order_expiry_minutes']],
      ['rental_policy', ['rental_policy.markupBp.36']],
      ['categories', ['categories[1]']],
    ]);
  });

  it('refuses stored values of the wrong shape without throwing', async () => {
    const { settings, reported } = await settingsStoring({
      pricing: 'cheap',
      rental_policy: { markupBp: [1, 2] },
      categories: {},
    });
    expect(await settings.get('pricing')).toEqual(SETTING_DEFAULTS.pricing);
    expect(await settings.get('rental_policy')).toEqual(SETTING_DEFAULTS.rental_policy);
    expect(await settings.get('categories')).toEqual(SETTING_DEFAULTS.categories);
    expect(reported.map((r) => r.problems[0]?.field)).toEqual(['pricing', 'rental_policy.markupBp', 'categories']);
  });

  it('hands out copies of the fallback, never the defaults themselves', async () => {
    const { settings } = await settingsStoring({ pricing: { taxBp: -1 } });
    const pricing = await settings.get('pricing');
    pricing.shippingRates.standard = cents(1);
    expect(SETTING_DEFAULTS.pricing.shippingRates.standard).toBe(999);
  });

  it('lets customers order while the stored pricing lacks shipping rates or has a bad tax rate', async () => {
    for (const pricing of [{ taxBp: 1_000 }, { taxBp: 12.5 }]) {
      const { settings } = await settingsStoring({ pricing });
      const h = orderingHarness({ settings });
      const { actor, addressId } = await h.person();
      const gpu = await h.product({ price: cents(10_000) });
      const order = await h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }]));
      const taxBp = pricing.taxBp === 1_000 ? 1_000 : 825;
      expect(order).toMatchObject({ subtotal: 10_000, shipping: 999, tax: taxBp, total: 10_999 + taxBp });
    }
  });
});
