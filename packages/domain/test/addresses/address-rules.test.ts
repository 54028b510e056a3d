import { describe, expect, it } from 'vitest';
import type { AddressInput } from '../../src/addresses/address.js';
import { validateAddressInput } from '../../src/addresses/address-rules.js';

function home(overrides: Partial<AddressInput> = {}): AddressInput {
  return {
    recipientName: 'Ada Lovelace',
    line1: '12 St James Sq',
    city: 'London',
    state: 'LDN',
    postalCode: 'SW1Y 4JH',
    ...overrides,
  };
}

describe('address rules', () => {
  it('trims, defaults the country to US and upper-cases it', () => {
    expect(validateAddressInput(home({ city: '  London ', label: ' ', line2: undefined }))).toMatchObject({
      city: 'London',
      country: 'US',
      label: null,
      line2: null,
      phone: null,
      isDefault: false,
    });
    expect(validateAddressInput(home({ country: 'gb' })).country).toBe('GB');
  });

  it.each(['ZZ', 'XX', 'UK', 'U1'])('refuses %s, which is not an assigned ISO 3166-1 code', (country) => {
    expect(() => validateAddressInput(home({ country }))).toThrow(/country/);
  });

  it('names every bad field by its domain name', () => {
    try {
      validateAddressInput({
        recipientName: '',
        line1: 'x'.repeat(101),
        city: 'C',
        state: 'S',
        postalCode: '',
        country: 'USA',
        phone: 'call me',
        label: 'y'.repeat(101),
      });
      throw new Error('expected a validation error');
    } catch (error) {
      const fields = (error as { details?: Array<{ field: string }> }).details?.map((d) => d.field);
      expect(fields?.sort()).toEqual(['country', 'label', 'line1', 'phone', 'postalCode', 'recipientName']);
    }
  });

  it('allows 100 characters and refuses 101', () => {
    expect(validateAddressInput(home({ line1: 'x'.repeat(100), line2: 'y'.repeat(100) })).line1).toHaveLength(100);
    expect(() => validateAddressInput(home({ line2: 'y'.repeat(101) }))).toThrow(/line2: must be at most 100/);
  });
});
