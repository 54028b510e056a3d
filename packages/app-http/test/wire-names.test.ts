import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '@giggatek/domain';
import { toResponse } from '../src/middleware/errors.js';
import { snakeKeysDeep, wireField } from '../src/presenters/case.js';

// The domain names its own fields (camelCase); the envelope speaks the API's snake_case.
describe('domain names at the HTTP edge', () => {
  it('spells field paths in snake_case, leaving indexes, digits and wire names alone', () => {
    expect(wireField('shippingAddressId')).toBe('shipping_address_id');
    expect(wireField('items[3].productId')).toBe('items[3].product_id');
    expect(wireField('line1')).toBe('line1');
    expect(wireField('date_to')).toBe('date_to');
    expect(snakeKeysDeep({ shortages: [{ productId: 2, productName: 'Few' }] })).toEqual({
      shortages: [{ product_id: 2, product_name: 'Few' }],
    });
  });

  it('answers a domain validation error with snake_case details and a message naming the wire field', () => {
    const error = new ValidationError([
      { field: 'items[0].productId', message: 'must be a positive integer id' },
      { field: 'perPage', message: 'must be a whole number from 1 to 100' },
    ]);
    const { status, body } = toResponse(error, 'req-1');
    expect(status).toBe(400);
    expect(body.error).toBe('items[0].product_id: must be a positive integer id');
    expect(body.details).toEqual([
      { field: 'items[0].product_id', message: 'must be a positive integer id' },
      { field: 'per_page', message: 'must be a whole number from 1 to 100' },
    ]);
  });

  it('spells a domain error’s extra data in snake_case', () => {
    const error = new DomainError('insufficient_stock', 'not enough stock', undefined, {
      shortages: [{ productId: 7, productName: 'GPU', requested: 2, available: 1 }],
    });
    expect(toResponse(error, 'req-2').body.shortages).toEqual([
      { product_id: 7, product_name: 'GPU', requested: 2, available: 1 },
    ]);
  });
});
