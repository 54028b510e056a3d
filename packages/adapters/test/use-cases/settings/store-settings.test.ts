import { describe, expect, it } from 'vitest';
import { MemorySettingsRepository } from '../../../src/memory/index.js';
import { cents, DEFAULT_PRICING, SETTING_DEFAULTS, StoreSettings } from '@giggatek/domain';

const now = new Date('2026-03-01T10:00:00.000Z');

describe('StoreSettings', () => {
  it('answers the SPEC defaults until a value is stored', async () => {
    const settings = new StoreSettings(new MemorySettingsRepository());
    expect(await settings.get('pricing')).toEqual({
      taxBp: 825,
      shippingRates: { standard: 999, expedited: 1_999, overnight: 3_999 },
      freeStandardShippingFrom: 50_000,
    });
    expect(await settings.get('order_expiry_minutes')).toBe(60);
  });

  it('hands out copies: changing an answer changes neither the defaults nor the store', async () => {
    const settings = new StoreSettings(new MemorySettingsRepository());
    const pricing = await settings.get('pricing');
    pricing.taxBp = 0;
    expect((await settings.get('pricing')).taxBp).toBe(825);
    expect(SETTING_DEFAULTS.pricing.taxBp).toBe(825);

    await settings.set('pricing', { ...DEFAULT_PRICING, taxBp: 700 }, now);
    const stored = await settings.get('pricing');
    stored.shippingRates.standard = cents(1);
    expect(await settings.get('pricing')).toMatchObject({ taxBp: 700, shippingRates: { standard: 999 } });
  });

  it('keeps each key apart and overwrites on set', async () => {
    const repository = new MemorySettingsRepository();
    const settings = new StoreSettings(repository);
    await settings.set('order_expiry_minutes', 15, now);
    await settings.set('order_expiry_minutes', 30, now);
    expect(await settings.get('order_expiry_minutes')).toBe(30);
    expect(await repository.get('pricing')).toBeUndefined();
    await expect(repository.set('bad', undefined, now)).rejects.toThrow(/no JSON value/);
  });
});
