import { describe, expect, it } from 'vitest';
import { EmailTemplates } from '../../src/mail/index.js';
import { SAMPLES } from './template-samples.js';

const templates = new EmailTemplates({ publicUrl: 'https://shop.example' });
const sample = (name: keyof typeof SAMPLES): Record<string, unknown> => SAMPLES[name].full;

describe('rental emails', () => {
  it('confirm the contract with its terms and the whole schedule, due dates as calendar dates', () => {
    const { html, text } = templates.render('rental_confirmation', sample('rental_confirmation'));
    expect(text).toContain('Thank you for renting with GigGatek!');
    expect(text).toContain('Monthly payment: $165.00\nNumber of payments: 12\nCash price: $1,599.99\n');
    expect(text).toContain('Total of payments: $1,980.00\n');
    expect(text).toContain('1 of 12, due January 31, 2026: $165.00\n2 of 12, due February 28, 2026: $165.00\n');
    expect(text).toContain('12 of 12, due December 31, 2026: $165.00\n');
    expect(text).toContain('within 5 days of its due date adds a late fee of $15.00.');
    expect(html.match(/\$165\.00/g)).toHaveLength(13);
    expect(html).toContain('February 28, 2026');
  });

  it('never shift a due date, whatever the shop time zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Chicago']) {
      const zoned = new EmailTemplates({ publicUrl: 'https://shop.example', timeZone });
      const { text } = zoned.render('rental_confirmation', sample('rental_confirmation'));
      expect(text, timeZone).toContain('1 of 12, due January 31, 2026: $165.00\n');
    }
  });

  it('offer the same-as-cash amount and its last day at signing', () => {
    const { html, text } = templates.render('early_purchase_notice', sample('early_purchase_notice'));
    expect(text).toContain(
      'Pay $1,434.99 by June 29, 2026 and the item is yours, instead of $1,980.00 in total payments.',
    );
    expect(html).toContain('<strong>$1,434.99</strong>');
    expect(html).toContain('<strong>June 29, 2026</strong>');
  });

  it('receipt what was paid, the balance, the payments left and the early purchase amount that day', () => {
    const { html, text } = templates.render('rental_payment_receipt', sample('rental_payment_receipt'));
    expect(text).toContain('Thank you for your payment of $180.00 on rental #4');
    // 23:30 UTC on May 31 is 6:30 PM in Chicago, on daylight time then.
    expect(text).toContain('received May 31, 2026 at 6:30 PM CDT.');
    expect(text).toContain(
      'Installment: 3 of 12\nAmount paid: $180.00\n  of which late fee: $15.00\nPayments left: 9\n',
    );
    expect(text).toContain('Next payment due: June 30, 2026\nRemaining balance: $1,485.00\n');
    expect(text).toContain('Early purchase: on May 31, 2026 you could own it for $1,199.99.');
    for (const shown of ['$180.00', '$15.00', '$1,485.00', '$1,199.99', 'June 30, 2026']) expect(html).toContain(shown);
  });

  it('say the last payment made the item theirs, and need the early purchase amount before that', () => {
    const last = templates.render('rental_payment_receipt', SAMPLES.rental_payment_receipt.minimal);
    expect(last.text).toContain('That was your last payment: the item is yours.');
    expect(last.text).not.toContain('Early purchase');
    const { early_purchase_amount: _omitted, ...data } = sample('rental_payment_receipt');
    expect(() => templates.render('rental_payment_receipt', data)).toThrow(
      /early_purchase_amount and early_purchase_on are needed while payments are left/,
    );
  });

  it('tell the customer the rental is complete and the item is theirs', () => {
    const { subject, text } = templates.render('rental_completion', sample('rental_completion'));
    expect(subject).toBe('Rental #4 complete: you own it');
    expect(text).toContain(
      'Rental #4 is complete with your early purchase, and RTX 4090 Founders Edition is now yours',
    );
    expect(text).toContain('You paid $1,729.99 in all.');
  });
});
