import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsRepository } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';

const now = new Date('2026-02-01T10:00:00.000Z');

export function describeSettingsRepositoryContract(name: string, makeRepo: MakeFixture<SettingsRepository>): void {
  describe(`SettingsRepository contract (${name})`, () => {
    let fixture: ContractFixture<SettingsRepository>;
    let settings: SettingsRepository;
    beforeEach(async () => {
      fixture = await makeRepo();
      settings = fixture.repo;
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('has no value for a key never set', async () => {
      expect(await settings.get('order_expiry_minutes')).toBeUndefined();
    });

    it('stores JSON values of every shape and reads them back equal', async () => {
      const pricing = {
        taxBp: 900,
        shippingRates: { standard: 1099, expedited: 2099, overnight: 4099 },
        freeStandardShippingFrom: 0,
      };
      await settings.set('pricing', pricing, now);
      await settings.set('order_expiry_minutes', 45, now);
      await settings.set('categories', ['GPUs', 'Consoles'], now);
      await settings.set('banner', 'Spring sale', now);
      await settings.set('maintenance', false, now);
      expect(await settings.get('pricing')).toEqual(pricing);
      expect(await settings.get('order_expiry_minutes')).toBe(45);
      expect(await settings.get('categories')).toEqual(['GPUs', 'Consoles']);
      expect(await settings.get('banner')).toBe('Spring sale');
      expect(await settings.get('maintenance')).toBe(false);
    });

    it('replaces a value, keeping other keys', async () => {
      await settings.set('order_expiry_minutes', 45, now);
      await settings.set('categories', ['GPUs'], now);
      await settings.set('order_expiry_minutes', 90, new Date(now.getTime() + 1000));
      expect(await settings.get('order_expiry_minutes')).toBe(90);
      expect(await settings.get('categories')).toEqual(['GPUs']);
    });

    it('does not share a stored object with the caller', async () => {
      const categories = ['GPUs'];
      await settings.set('categories', categories, now);
      categories.push('Changed');
      const read = (await settings.get('categories')) as string[];
      read.push('Also changed');
      expect(await settings.get('categories')).toEqual(['GPUs']);
    });
  });
}
