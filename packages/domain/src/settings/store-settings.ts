import { DEFAULT_CATEGORIES } from '../catalog/product.js';
import { DEFAULT_PRICING, type PricingSettings } from '../ordering/pricing.js';
import { DEFAULT_RENTAL_POLICY, type RentalPolicy } from '../renting/rental-policy.js';
import type { SettingsRepository } from './ports.js';

/** Every setting the shop has, with its type; the defaults apply until a value is stored. */
export interface SettingValues {
  pricing: PricingSettings;
  order_expiry_minutes: number;
  rental_policy: RentalPolicy;
  categories: string[];
}

export const SETTING_DEFAULTS: SettingValues = {
  pricing: DEFAULT_PRICING,
  order_expiry_minutes: 60,
  rental_policy: DEFAULT_RENTAL_POLICY,
  categories: [...DEFAULT_CATEGORIES],
};

/** Typed reads of the settings table, falling back to the defaults. */
export class StoreSettings {
  constructor(private readonly repository: SettingsRepository) {}

  async get<K extends keyof SettingValues>(key: K): Promise<SettingValues[K]> {
    const stored = await this.repository.get(key);
    return stored === undefined ? structuredClone(SETTING_DEFAULTS[key]) : (stored as SettingValues[K]);
  }

  async set<K extends keyof SettingValues>(key: K, value: SettingValues[K], now: Date): Promise<void> {
    await this.repository.set(key, value, now);
  }
}
