import { Problems } from '../shared/errors.js';
import { cents, multiplyCents } from '../shared/money.js';
import { textProblem, type TextShape } from '../shared/text-rules.js';
import { RENTAL_PURCHASE_LIMITS } from '../renting/rental-policy.js';
import { maxTotalOfPayments } from '../renting/rental-quote.js';
import type { ProductInput } from './catalog-service.js';
import { CONDITIONS, PRODUCT_STATUSES } from './product.js';
import type { Condition, Product, ProductData, ProductStatus, RentalRates, Specifications } from './product.js';

export const PRODUCT_LIMITS = {
  name: 200,
  description: 10_000,
  brand: 100,
  images: 20,
  imageUrl: 2_000,
  specifications: 50,
  specificationName: 100,
  specificationValue: 1_000,
} as const;

const REQUIRED: ReadonlyArray<[keyof ProductInput, string]> = [
  ['name', 'name'],
  ['category', 'category'],
  ['brand', 'brand'],
  ['condition', 'condition'],
  ['price', 'price'],
  ['stock', 'stock'],
];

/** A new product: the required fields must be present, the others take their defaults. */
export function validateNewProduct(input: ProductInput, categories: readonly string[]): ProductData {
  const problems = new Problems();
  for (const [key, field] of REQUIRED) {
    if (input[key] === undefined || input[key] === null) problems.add(field, 'is required');
  }
  problems.throwIfAny();
  return validateProduct({ ...PRODUCT_DEFAULTS, ...defined(input) }, categories);
}

/**
 * An update: the given fields over the stored product, validated as a whole. Returns only
 * the fields that were given, so the write never puts back a stale copy of the others
 * (stock above all: orders take it concurrently).
 */
export function validateProductUpdate(
  current: Product,
  input: ProductInput,
  categories: readonly string[],
): Partial<ProductData> {
  const merged = validateProduct({ ...toInput(current), ...defined(input) }, categories);
  const given = Object.keys(defined(input)) as (keyof ProductInput & keyof ProductData)[];
  return Object.fromEntries(given.map((key) => [key, merged[key]]));
}

const PRODUCT_DEFAULTS: ProductInput = {
  description: '',
  specifications: {},
  imageUrls: [],
  rentalRates: {},
  rentable: false,
  isFeatured: false,
  status: 'active',
};

/** Every SPEC §2 rule; problems name the field as the API spells it. */
export function validateProduct(input: ProductInput, categories: readonly string[]): ProductData {
  const problems = new Problems();
  const name = text(input.name, 'name', 1, PRODUCT_LIMITS.name, problems);
  const description = text(input.description, 'description', 0, PRODUCT_LIMITS.description, problems, 'multiline');
  const brand = text(input.brand, 'brand', 1, PRODUCT_LIMITS.brand, problems);
  const category = oneOf(input.category, 'category', categories, problems);
  const condition = oneOf(input.condition, 'condition', CONDITIONS, problems) as Condition;
  const status = oneOf(input.status, 'status', PRODUCT_STATUSES, problems) as ProductStatus;
  const price = input.price;
  const priceOk = typeof price === 'number' && Number.isSafeInteger(price) && price > 0;
  if (!priceOk) problems.add('price', 'must be a positive whole number of cents');
  const stock = input.stock;
  if (typeof stock !== 'number' || !Number.isSafeInteger(stock) || stock < 0) {
    problems.add('stock', 'must be a whole number, 0 or more');
  }
  const product: ProductData = {
    name,
    description,
    brand,
    category,
    condition,
    status,
    price: priceOk ? cents(price) : cents(0),
    stock: stock as number,
    specifications: checkSpecifications(input.specifications, problems),
    imageUrls: checkImageUrls(input.imageUrls, problems),
    rentalRates: checkRentalRates(input.rentalRates, priceOk ? price : null, problems),
    rentable: flag(input.rentable, 'rentable', problems),
    isFeatured: flag(input.isFeatured, 'isFeatured', problems),
  };
  problems.throwIfAny();
  return product;
}

function text(
  value: unknown,
  field: string,
  min: number,
  max: number,
  problems: Problems,
  shape: TextShape = 'line',
): string {
  if (typeof value !== 'string') {
    problems.add(field, 'must be a string');
    return '';
  }
  const trimmed = value.trim();
  const length = [...trimmed].length;
  const problem = textProblem(trimmed, shape);
  if (length < min) problems.add(field, 'is required');
  else if (length > max) problems.add(field, `must be at most ${max} characters`);
  else if (problem !== null) problems.add(field, problem);
  return trimmed;
}

/** Matches the list ignoring letter case and stores the list's spelling ('open box' → 'Open Box'). */
function oneOf(value: unknown, field: string, allowed: readonly string[], problems: Problems): string {
  const wanted = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const match = allowed.find((option) => option.toLowerCase() === wanted);
  if (match === undefined) problems.add(field, `must be one of: ${allowed.join(', ')}`);
  return match ?? '';
}

function flag(value: unknown, field: string, problems: Problems): boolean {
  if (typeof value !== 'boolean') problems.add(field, 'must be true or false');
  return value === true;
}

function checkSpecifications(value: unknown, problems: Problems): Specifications {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add('specifications', 'must be an object of names to texts or numbers');
    return {};
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > PRODUCT_LIMITS.specifications) {
    problems.add('specifications', `may have at most ${PRODUCT_LIMITS.specifications} entries`);
  }
  const specifications: Specifications = {};
  for (const [key, item] of entries) {
    const keyOk = key.trim() !== '' && key.length <= PRODUCT_LIMITS.specificationName && textProblem(key) === null;
    const itemOk =
      (typeof item === 'string' && item.length <= PRODUCT_LIMITS.specificationValue && textProblem(item) === null) ||
      (typeof item === 'number' && Number.isFinite(item));
    if (!keyOk || !itemOk) {
      const { specificationName, specificationValue } = PRODUCT_LIMITS;
      problems.add(
        'specifications',
        `entry "${key.slice(0, 40)}" must have a name of 1-${specificationName} characters and a text ` +
          `(at most ${specificationValue} characters, no control characters) or number value`,
      );
      continue;
    }
    specifications[key] = item;
  }
  return specifications;
}

function checkImageUrls(value: unknown, problems: Problems): string[] {
  if (!Array.isArray(value) || !value.every((url) => typeof url === 'string')) {
    problems.add('imageUrls', 'must be a list of URLs');
    return [];
  }
  const urls: string[] = value;
  if (urls.length > PRODUCT_LIMITS.images)
    problems.add('imageUrls', `may have at most ${PRODUCT_LIMITS.images} images`);
  const bad = urls.find((url) => !isImageUrl(url));
  if (bad !== undefined)
    problems.add('imageUrls', `each must be an https:// URL or a path starting with / (got "${bad.slice(0, 80)}")`);
  return [...urls];
}

function isImageUrl(url: string): boolean {
  if (url.length === 0 || url.length > PRODUCT_LIMITS.imageUrl || /\s/.test(url)) return false;
  // "//host/x" (and "/\\host/x", which browsers read the same way) is another site, not a path of ours.
  if (url.startsWith('/')) return !url.startsWith('//') && !url.includes('\\');
  if (!url.startsWith('https://')) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * SPEC §5: term (months) → monthly rate; an override must cover the cash price and stay
 * under the legal cap on the total of payments: price ≤ rate × term ≤ price × 2.25.
 * (The policy's own, possibly lower, cap is applied when the term is quoted.)
 */
function checkRentalRates(value: unknown, price: number | null, problems: Problems): RentalRates {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add('rentalRates', 'must be an object of term in months to monthly rate in cents');
    return {};
  }
  const rates: RentalRates = {};
  for (const [key, rate] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[1-9][0-9]{0,2}$/.test(key)) {
      problems.add('rentalRates', `term "${key.slice(0, 20)}" must be a whole number of months`);
      continue;
    }
    const term = Number(key);
    if (typeof rate !== 'number' || !Number.isSafeInteger(rate) || rate <= 0) {
      problems.add('rentalRates', `the rate for ${term} months must be a positive whole number of cents`);
      continue;
    }
    if (price !== null && multiplyCents(rate, term) < price) {
      problems.add('rentalRates', `the rate for ${term} months × ${term} must be at least the price (${price})`);
      continue;
    }
    const cap = price === null ? null : maxTotalOfPayments(cents(price), RENTAL_PURCHASE_LIMITS);
    if (cap !== null && multiplyCents(rate, term) > cap) {
      problems.add(
        'rentalRates',
        `the rate for ${term} months × ${term} must be at most ${RENTAL_PURCHASE_LIMITS.maxTotalBp / 100}% of the price (${cap}): the most a rental's payments may total`,
      );
      continue;
    }
    rates[term] = cents(rate);
  }
  return rates;
}

function toInput(product: Product): ProductInput {
  return {
    name: product.name,
    description: product.description,
    category: product.category,
    brand: product.brand,
    condition: product.condition,
    specifications: product.specifications,
    imageUrls: product.imageUrls,
    price: product.price,
    rentalRates: product.rentalRates,
    rentable: product.rentable,
    stock: product.stock,
    isFeatured: product.isFeatured,
    status: product.status,
  };
}

function defined(input: ProductInput): ProductInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
