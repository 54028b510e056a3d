import { ADDRESS_TEXT_MAX_LENGTH, PHONE_MAX_LENGTH, POSTAL_CODE_MAX_LENGTH } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { nullableText, text } from './common.js';

const fields = {
  label: nullableText(ADDRESS_TEXT_MAX_LENGTH),
  recipient_name: text(ADDRESS_TEXT_MAX_LENGTH),
  line1: text(ADDRESS_TEXT_MAX_LENGTH),
  line2: nullableText(ADDRESS_TEXT_MAX_LENGTH),
  city: text(ADDRESS_TEXT_MAX_LENGTH),
  state: text(ADDRESS_TEXT_MAX_LENGTH),
  postal_code: text(POSTAL_CODE_MAX_LENGTH),
  country: { type: 'string', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2; default US.' },
  phone: { type: ['string', 'null'], maxLength: PHONE_MAX_LENGTH },
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
