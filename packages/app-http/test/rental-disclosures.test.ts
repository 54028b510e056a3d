import { describe, expect, it } from 'vitest';
import { customerName, percentOf } from '../src/receipts/rental-disclosures.js';

describe('rental disclosure texts', () => {
  it('prints basis points as the percentage people read', () => {
    expect(percentOf(500)).toBe('5%');
    expect(percentOf(250)).toBe('2.5%');
    expect(percentOf(125)).toBe('1.25%');
    expect(percentOf(5)).toBe('0.05%');
  });

  it("names the customer by the delivery address's recipient when the account has no name", () => {
    const address = {
      recipientName: 'Ada Lovelace',
      line1: '1 Main St',
      line2: null,
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      country: 'US',
      phone: null,
    };
    expect(customerName({ firstName: '', lastName: ' ', email: 'a@example.com' }, address)).toBe('Ada Lovelace');
    expect(customerName({ firstName: 'Zoë', lastName: '王小明', email: 'z@example.com' }, address)).toBe('Zoë 王小明');
  });
});
