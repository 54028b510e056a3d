import { describe, expect, it } from 'vitest';
import { EmailTemplates } from '../../src/mail/index.js';
import { SAMPLES } from './template-samples.js';

const templates = new EmailTemplates({ publicUrl: 'https://shop.example' });
const sample = (name: keyof typeof SAMPLES): Record<string, unknown> => SAMPLES[name].full;

describe('order emails', () => {
  it('confirm an order with its lines, subtotal, shipping, tax and total as money', () => {
    const { html, text } = templates.render('order_confirmation', sample('order_confirmation'));
    expect(text).toContain('Thank you for your order!');
    expect(text).toContain('1 x ThinkPad T480 ($1,234.56 each): $1,234.56\n');
    expect(text).toContain('Subtotal: $2,034.54\nShipping (express): $19.99\nTax: $167.85\nTotal: $2,222.38\n');
    for (const amount of ['$399.99', '$799.98', '$1,234.56', '$2,034.54', '$19.99', '$167.85', '$2,222.38']) {
      expect(html).toContain(amount);
    }
    expect(html).toContain('RTX &lt;script&gt;');
  });

  it('refuse an order without lines, or with an amount that is not integer cents', () => {
    const data = sample('order_confirmation');
    expect(() => templates.render('order_confirmation', { ...data, items: [] })).toThrow(/items must not be empty/);
    expect(() => templates.render('order_confirmation', { ...data, total: 2222.38 })).toThrow(
      /total must be an integer number of cents/,
    );
    expect(() =>
      templates.render('order_confirmation', { ...data, items: [{ product_name: 'X', quantity: 1, unit_price: 5 }] }),
    ).toThrow(/items\[0\]\.line_total is missing/);
    expect(() => templates.render('order_confirmation', { ...data, currency: 'eur' })).toThrow(/currency/);
  });

  it('say what a new status means, in the subject and the body', () => {
    const cases = [
      ['processing', 'Order #17 is being prepared'],
      ['shipped', 'Order #17 has shipped'],
      ['delivered', 'Order #17 has been delivered'],
      ['cancelled', 'Order #17 has been cancelled'],
    ] as const;
    for (const [status, said] of cases) {
      const email = templates.render('order_status_update', { order_id: 17, status });
      expect(email.subject).toBe(said);
      expect(email.text).toContain(`Your order #17 ${said.slice('Order #17 '.length)}.`);
    }
    expect(() => templates.render('order_status_update', { order_id: 17, status: 'lost' })).toThrow(
      /status must be one of/,
    );
  });

  it('give the tracking number, the carrier and the tracking link when shipped', () => {
    const { html, text } = templates.render('shipping_confirmation', sample('shipping_confirmation'));
    expect(text).toContain('Tracking number (UPS): 1Z999AA10123456784\n');
    expect(text).toContain('Track your package: https://www.ups.com/track?tracknum=1Z999AA10123456784\n');
    expect(html).toContain('<strong>1Z999AA10123456784</strong>');
    expect(html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    // 15:45 UTC is 9:45 in Chicago (CST in March before the switch).
    expect(text).toContain('has shipped on March 2, 2026 at 9:45 AM CST.');
  });

  it('refuse a tracking link that is not a web address', () => {
    const data = { ...sample('shipping_confirmation'), tracking_url: 'javascript:alert(1)' };
    expect(() => templates.render('shipping_confirmation', data)).toThrow(/tracking_url must be an http\(s\) URL/);
  });

  it('tell the refunded amount of an order or a rental, and refuse neither or both', () => {
    expect(templates.render('refund_issued', sample('refund_issued')).text).toContain(
      'We have refunded $399.99 for your order #17',
    );
    expect(templates.render('refund_issued', { rental_id: 4, amount: 12345 }).subject).toBe('Refund issued: rental #4');
    expect(() => templates.render('refund_issued', { amount: 100 })).toThrow(/exactly one of order_id, rental_id/);
    expect(() => templates.render('refund_issued', { amount: 100, order_id: 1, rental_id: 2 })).toThrow(/exactly one/);
  });

  it('show instants in the shop time zone it is given', () => {
    const utc = new EmailTemplates({ publicUrl: 'https://shop.example', timeZone: 'UTC' });
    expect(utc.render('shipping_confirmation', sample('shipping_confirmation')).text).toContain(
      'on March 2, 2026 at 3:45 PM UTC.',
    );
    expect(() => new EmailTemplates({ publicUrl: 'https://shop.example', timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });
});
