import type { JsonSchema } from '../validation.js';
import { nullableText, text } from './common.js';

const fields = {
  label: nullableText(100),
  recipient_name: text(100),
  line1: text(200),
  line2: nullableText(200),
  city: text(100),
  state: text(100),
  postal_code: text(20),
  country: { type: 'string', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2; default US.' },
  phone: { type: ['string', 'null'], maxLength: 30 },
  is_default: { type: 'boolean' },
};

export const createAddressBody: JsonSchema = {
  type: 'object',
  required: ['recipient_name', 'line1', 'city', 'state', 'postal_code'],
  properties: fields,
};

/** PUT changes only the fields given. */
export const updateAddressBody: JsonSchema = { type: 'object', properties: fields };

export const address: JsonSchema = {
  type: 'object',
  required: ['id', 'recipient_name', 'line1', 'city', 'state', 'postal_code', 'country', 'is_default'],
  properties: { id: { type: 'integer' }, ...fields, created_at: { type: 'string' }, updated_at: { type: 'string' } },
};
