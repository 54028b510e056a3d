import { CATEGORY_MAX_LENGTH, PRODUCT_LIMITS, PRODUCT_STATUSES } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { pageQuery } from './common.js';

const sorts = ['featured', 'price_asc', 'price_desc', 'newest', 'name'];

export const productListQuery: JsonSchema = {
  type: 'object',
  properties: {
    ...pageQuery,
    q: { type: 'string', maxLength: PRODUCT_LIMITS.name },
    category: { type: 'array', items: { type: 'string', maxLength: CATEGORY_MAX_LENGTH }, maxItems: 20 },
    condition: { type: 'array', items: { type: 'string', maxLength: 50 }, maxItems: 10 },
    brand: { type: 'string', maxLength: PRODUCT_LIMITS.brand },
    price_min: { type: 'integer', minimum: 0 },
    price_max: { type: 'integer', minimum: 0 },
    rentable: { type: 'boolean' },
    in_stock: { type: 'boolean' },
    sort: { type: 'string', enum: sorts, default: 'featured' },
  },
};

const writableFields = {
  name: { type: 'string', minLength: 1, maxLength: PRODUCT_LIMITS.name },
  description: { type: 'string', maxLength: PRODUCT_LIMITS.description },
  category: { type: 'string', minLength: 1, maxLength: CATEGORY_MAX_LENGTH },
  brand: { type: 'string', minLength: 1, maxLength: PRODUCT_LIMITS.brand },
  condition: { type: 'string', minLength: 1, maxLength: 50 },
  specifications: {
    type: 'object',
    maxProperties: PRODUCT_LIMITS.specifications,
    additionalProperties: { type: ['string', 'number'] },
  },
  image_urls: {
    type: 'array',
    maxItems: PRODUCT_LIMITS.images,
    items: { type: 'string', minLength: 1, maxLength: PRODUCT_LIMITS.imageUrl },
  },
  price: { type: 'integer', exclusiveMinimum: 0, description: 'Cash price in cents.' },
  rental_rates: {
    type: 'object',
    description: 'Monthly rate overrides in cents, keyed by term in months.',
    propertyNames: { pattern: '^[1-9][0-9]{0,2}$' },
    additionalProperties: { type: 'integer', exclusiveMinimum: 0 },
  },
  rentable: { type: 'boolean' },
  stock: { type: 'integer', minimum: 0 },
  is_featured: { type: 'boolean' },
  status: { type: 'string', enum: [...PRODUCT_STATUSES] },
};

export const createProductBody: JsonSchema = {
  type: 'object',
  required: ['name', 'category', 'brand', 'condition', 'price', 'stock'],
  properties: writableFields,
};

export const updateProductBody: JsonSchema = { type: 'object', properties: writableFields };

const rentalQuote: JsonSchema = {
  type: 'object',
  required: ['total_months', 'term_months', 'monthly_rate', 'total_amount', 'currency'],
  properties: {
    total_months: { type: 'integer', description: 'The term, as POST /api/rentals takes it.' },
    term_months: { type: 'integer', description: 'Alias of total_months.' },
    monthly_rate: { type: 'integer' },
    total_amount: { type: 'integer' },
    currency: { type: 'string' },
  },
};

export const product: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'slug', 'price', 'currency', 'stock', 'status'],
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    ...writableFields,
    primary_image: { type: ['string', 'null'] },
    currency: { type: 'string', enum: ['usd'] },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    rental_quotes: { type: 'array', items: rentalQuote, description: 'Detail only, when rentable.' },
  },
};
