import { describe, expect, it } from 'vitest';
import { cents, formatMoney, type OrderView } from '@giggatek/domain';
import { renderOrderReceipt } from '../src/receipts/order-receipt.js';
import { pdfPageCount, pdfText } from './support/pdf-text.js';

const address = {
  recipientName: 'Ada Lovelace',
  line1: '12 Analytical Way',
  line2: 'Suite 3',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
  phone: '555-0100',
};

function orderWith(items: number): OrderView {
  const lines = Array.from({ length: items }, (_, i) => ({
    id: i + 1,
    productId: 100 + i,
    productName: `Refurbished part number ${i + 1}`,
    quantity: 2,
    unitPrice: cents(123_456),
    lineTotal: cents(246_912),
  }));
  return {
    id: 4321,
    userId: 7,
    status: 'processing',
    paymentStatus: 'paid',
    currency: 'usd',
    shippingMethod: 'expedited',
    subtotal: cents(246_912 * items),
    shipping: cents(1_999),
    tax: cents(20_370 * items),
    total: cents(246_912 * items + 1_999 + 20_370 * items),
    shippingAddress: address,
    billingAddress: { ...address, recipientName: 'Accounts Payable', line2: null },
    trackingNumber: null,
    notes: null,
    items: lines,
    createdAt: new Date('2026-03-04T10:00:00Z'),
    updatedAt: new Date('2026-03-04T10:00:00Z'),
    statusHistory: [],
    payments: [],
  };
}

describe('renderOrderReceipt', () => {
  it('is a PDF with the shop header, addresses, every line, the totals and the payment status', async () => {
    const pdf = await renderOrderReceipt(orderWith(2), { issuedAt: new Date('2026-03-05T00:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = await pdfText(pdf);
    for (const expected of [
      'GigGatek',
      'support@giggatek.com',
      '4321',
      '2026-03-04',
      'Ada Lovelace',
      'Accounts Payable',
      '12 Analytical Way',
      'Suite 3',
      'Refurbished part number 1',
      'Refurbished part number 2',
      '$1,234.56',
      '$2,469.12',
      'Subtotal',
      '$4,938.24',
      'Shipping (expedited)',
      '$19.99',
      'Tax',
      '$407.40',
      'Total',
      '$5,365.63',
      'Payment status: paid',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('continues on further pages for a long order, with every line and the total', async () => {
    const order = orderWith(60);
    const pdf = await renderOrderReceipt(order, { issuedAt: new Date() });
    const text = await pdfText(pdf);
    expect(text).toContain('Refurbished part number 60');
    expect(text).toContain(formatMoney(order.total));
    expect(await pdfPageCount(pdf)).toBeGreaterThan(1);
  });
});
