import { DEFAULT_PRICING, type PricingSettings } from '../ordering/pricing.js';
import { SHIPPING_METHODS } from '../ordering/order.js';
import { DEFAULT_RENTAL_POLICY, policyLimitProblems, type RentalPolicy } from '../renting/rental-policy.js';
import type { FieldProblem } from '../shared/errors.js';
import { cents, type Cents } from '../shared/money.js';
import type { SettingValues } from './store-settings.js';

export const TAX_BP_MAX = 10_000;
/** One week: an unpaid order older than that is long abandoned. */
export const ORDER_EXPIRY_MINUTES_MAX = 10_080;
export const CATEGORY_MAX_LENGTH = 100;

/**
 * Checks a candidate value for a setting. Returns a fresh copy holding only the known
 * fields, trimmed where text; its problems (field names like `pricing.taxBp`) go to
 * `problems`, and when there are any the returned value must not be used.
 */
export function parseSetting<K extends keyof SettingValues>(
  key: K,
  value: unknown,
  problems: FieldProblem[],
): SettingValues[K] {
  return (PARSERS[key] as Parser<SettingValues[K]>)(value, key, problems);
}

/**
 * A stored object setting laid over its defaults, so a value stored before a field
 * existed (or without it) still reads complete. Nested maps merge per entry.
 * Non-object values come back as they are, for parseSetting to refuse.
 */
export function withDefaults(key: keyof SettingValues, stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  if (key === 'pricing') {
    return {
      ...DEFAULT_PRICING,
      ...stored,
      shippingRates: mergeMap(DEFAULT_PRICING.shippingRates, stored.shippingRates),
    };
  }
  if (key === 'rental_policy') {
    return { ...DEFAULT_RENTAL_POLICY, ...stored, markupBp: mergeMap(DEFAULT_RENTAL_POLICY.markupBp, stored.markupBp) };
  }
  return stored;
}

type Parser<T> = (value: unknown, field: string, problems: FieldProblem[]) => T;

const PARSERS: { [K in keyof SettingValues]: Parser<SettingValues[K]> } = {
  pricing: parsePricing,
  order_expiry_minutes: (value, field, problems) => integerIn(value, field, 1, ORDER_EXPIRY_MINUTES_MAX, problems),
  rental_policy: parseRentalPolicy,
  categories: parseCategories,
};

function parsePricing(value: unknown, field: string, problems: FieldProblem[]): PricingSettings {
  const input = objectAt(value, field, problems);
  const rates = objectAt(input.shippingRates, `${field}.shippingRates`, problems);
  const shippingRates = Object.fromEntries(
    SHIPPING_METHODS.map((method) => [method, amount(rates[method], `${field}.shippingRates.${method}`, problems)]),
  ) as PricingSettings['shippingRates'];
  return {
    taxBp: integerIn(input.taxBp, `${field}.taxBp`, 0, TAX_BP_MAX, problems),
    shippingRates,
    freeStandardShippingFrom: amount(input.freeStandardShippingFrom, `${field}.freeStandardShippingFrom`, problems),
  };
}

function parseRentalPolicy(value: unknown, field: string, problems: FieldProblem[]): RentalPolicy {
  const input = objectAt(value, field, problems);
  const termsField = `${field}.terms`;
  const terms: number[] = [];
  const offered = arrayAt(input.terms, termsField, problems);
  if (Array.isArray(input.terms) && offered.length === 0)
    problems.push({ field: termsField, message: 'must offer at least one term' });
  offered.forEach((term, index) => {
    const before = problems.length;
    const months = integerIn(term, `${termsField}[${index}]`, 1, Number.MAX_SAFE_INTEGER, problems);
    if (problems.length > before) return;
    if (terms.includes(months)) problems.push({ field: `${termsField}[${index}]`, message: 'is listed twice' });
    else terms.push(months);
  });
  const markups = objectAt(input.markupBp, `${field}.markupBp`, problems);
  // Only the offered terms' markups are kept: a term outside `terms` cannot be rented.
  const markupBp: Record<number, number> = {};
  for (const term of terms) {
    const markupField = `${field}.markupBp.${term}`;
    if (markups[term] === undefined) problems.push({ field: markupField, message: 'is required for every term' });
    else markupBp[term] = integerIn(markups[term], markupField, 0, Number.MAX_SAFE_INTEGER, problems);
  }
  return {
    terms,
    markupBp,
    graceDays: integerIn(input.graceDays, `${field}.graceDays`, 0, Number.MAX_SAFE_INTEGER, problems),
    lateFeeBp: integerIn(input.lateFeeBp, `${field}.lateFeeBp`, 0, 10_000, problems),
    lateFeeCap: amount(input.lateFeeCap, `${field}.lateFeeCap`, problems),
    sameAsCashDays: integerIn(input.sameAsCashDays, `${field}.sameAsCashDays`, 0, Number.MAX_SAFE_INTEGER, problems),
    defaultAfterDays: integerIn(
      input.defaultAfterDays,
      `${field}.defaultAfterDays`,
      0,
      Number.MAX_SAFE_INTEGER,
      problems,
    ),
    maxTotalBp: integerIn(input.maxTotalBp, `${field}.maxTotalBp`, 0, Number.MAX_SAFE_INTEGER, problems),
  };
}

/**
 * The rules a value must also meet to be saved, beyond its shape: the rental policy within
 * the rental-purchase limits (SPEC §5). Reads do not apply them, so a stored policy that
 * breaks them refuses new rentals, naming the setting, instead of silently becoming the
 * default (RentingService checks it again at rental creation).
 */
export function writeProblems<K extends keyof SettingValues>(key: K, value: SettingValues[K]): FieldProblem[] {
  return key === 'rental_policy' ? policyLimitProblems(value as RentalPolicy, key) : [];
}

function parseCategories(value: unknown, field: string, problems: FieldProblem[]): string[] {
  const input = arrayAt(value, field, problems);
  if (Array.isArray(value) && input.length === 0) problems.push({ field, message: 'must name at least one category' });
  const seen = new Set<string>();
  return input.map((item, index) => {
    const itemField = `${field}[${index}]`;
    const name = typeof item === 'string' ? item.trim() : '';
    if (name === '') problems.push({ field: itemField, message: 'must be a non-empty string' });
    else if ([...name].length > CATEGORY_MAX_LENGTH) {
      problems.push({ field: itemField, message: `must be at most ${CATEGORY_MAX_LENGTH} characters` });
    } else if (seen.has(name.toLowerCase())) {
      // Case-insensitive, like MySQL's collation when products are filtered by category.
      problems.push({ field: itemField, message: 'is listed twice' });
    }
    seen.add(name.toLowerCase());
    return name;
  });
}

function integerIn(value: unknown, field: string, min: number, max: number, problems: FieldProblem[]): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    problems.push({ field, message: `must be an integer ${range}` });
    return min;
  }
  return value;
}

/** Money: a non-negative whole number of cents. */
function amount(value: unknown, field: string, problems: FieldProblem[]): Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push({ field, message: 'must be a non-negative whole number of cents' });
    return cents(0);
  }
  return cents(value);
}

function objectAt(value: unknown, field: string, problems: FieldProblem[]): Record<string, unknown> {
  if (isRecord(value)) return value;
  problems.push({ field, message: 'must be an object' });
  return {};
}

function arrayAt(value: unknown, field: string, problems: FieldProblem[]): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  problems.push({ field, message: 'must be a list' });
  return [];
}

/** Entries of `stored` over `defaults`; anything but an object (or nothing) is left for the parser to refuse. */
function mergeMap(defaults: object, stored: unknown): unknown {
  if (stored === undefined) return { ...defaults };
  return isRecord(stored) ? { ...defaults, ...stored } : stored;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
