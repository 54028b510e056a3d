import { Problems } from '../shared/errors.js';
import { optionalPhone, optionalText, requiredText } from '../shared/text-rules.js';
import type { AddressData, AddressInput } from './address.js';
import { isCountryCode } from './country-codes.js';

export const ADDRESS_TEXT_MAX_LENGTH = 100;
/** The longest postal codes in use are 10 characters; the store keeps 20. */
export const POSTAL_CODE_MAX_LENGTH = 20;
export const DEFAULT_COUNTRY = 'US';

/**
 * Validates a whole address as a client gave it (SPEC §3) and returns what to store:
 * texts trimmed, country upper-cased (default US). Problems name the domain's fields
 * (camelCase); the API spells them in snake_case.
 */
export function validateAddressInput(input: AddressInput): AddressData {
  const problems = new Problems();
  const text = (value: unknown, field: string): string =>
    requiredText(value, field, ADDRESS_TEXT_MAX_LENGTH, problems) ?? '';
  const data: AddressData = {
    label: optionalText(input.label, 'label', ADDRESS_TEXT_MAX_LENGTH, problems),
    recipientName: text(input.recipientName, 'recipientName'),
    line1: text(input.line1, 'line1'),
    line2: optionalText(input.line2, 'line2', ADDRESS_TEXT_MAX_LENGTH, problems),
    city: text(input.city, 'city'),
    state: text(input.state, 'state'),
    postalCode: requiredText(input.postalCode, 'postalCode', POSTAL_CODE_MAX_LENGTH, problems) ?? '',
    country: countryCode(input.country, problems),
    phone: optionalPhone(input.phone, 'phone', problems),
    isDefault: input.isDefault === true,
  };
  if (input.isDefault !== undefined && typeof input.isDefault !== 'boolean')
    problems.add('isDefault', 'must be true or false');
  problems.throwIfAny();
  return data;
}

/** ISO 3166-1 alpha-2: an assigned code, stored upper case. */
function countryCode(value: unknown, problems: Problems): string {
  if (value === undefined || value === null) return DEFAULT_COUNTRY;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isCountryCode(code)) {
    problems.add('country', 'must be a two-letter ISO 3166-1 country code such as US');
    return DEFAULT_COUNTRY;
  }
  return code;
}
