import { DEFAULT_CATEGORIES } from '../catalog/product.js';
import { DEFAULT_PRICING, type PricingSettings } from '../ordering/pricing.js';
import { DEFAULT_RENTAL_POLICY, type RentalPolicy } from '../renting/rental-policy.js';
import { ValidationError, type FieldProblem } from '../shared/errors.js';
import type { SettingsRepository } from './ports.js';
import { parseSetting, withDefaults, writeProblems } from './setting-rules.js';

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

/** Told when a stored setting is invalid and its default is used instead (for a log line). */
export type InvalidStoredSetting = (key: keyof SettingValues, problems: readonly FieldProblem[]) => void;

/**
 * Typed, validated reads and writes of the settings table.
 *
 * Reads never fail on a bad row: a stored object is laid over its defaults (missing
 * fields, shipping rates and markups come from the defaults), and a value that is still
 * invalid is replaced as a whole by the setting's default, so checkout keeps working on
 * the SPEC's values instead of answering 500s (or 400s the customer cannot fix). Writes
 * are checked: an invalid value is a ValidationError naming the field (`pricing.taxBp`).
 */
export class StoreSettings {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly onInvalidStored: InvalidStoredSetting = () => {},
  ) {}

  async get<K extends keyof SettingValues>(key: K): Promise<SettingValues[K]> {
    const stored = await this.repository.get(key);
    if (stored === undefined) return structuredClone(SETTING_DEFAULTS[key]);
    const problems: FieldProblem[] = [];
    const value = parseSetting(key, withDefaults(key, stored), problems);
    if (problems.length === 0) return value;
    this.onInvalidStored(key, problems);
    return structuredClone(SETTING_DEFAULTS[key]);
  }

  /** Stores the checked value (only its known fields, text trimmed). */
  async set<K extends keyof SettingValues>(key: K, value: SettingValues[K], now: Date): Promise<void> {
    const problems: FieldProblem[] = [];
    const checked = parseSetting(key, value, problems);
    if (problems.length === 0) problems.push(...writeProblems(key, checked));
    if (problems.length > 0) throw new ValidationError(problems);
    await this.repository.set(key, checked, now);
  }
}
