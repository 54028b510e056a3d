import { describe, expect, it } from 'vitest';
import { EmailTemplates } from '../../src/mail/index.js';
import { SAMPLES } from './template-samples.js';

const templates = new EmailTemplates({ publicUrl: 'https://shop.example' });

describe('payment emails', () => {
  it('ask for authentication with the link to finish the payment', () => {
    const { html, text } = templates.render('payment_action_required', SAMPLES.payment_action_required.full);
    const link = 'https://shop.example/pay/confirm?payment_intent=pi_123&client_secret=pi_123_secret';
    expect(text).toContain('confirm the payment of $165.00 for installment 3 of rental #4, due March 31, 2026.');
    expect(text).toContain(`\n${link}\n`);
    expect(html).toContain(`href="${link.replace('&', '&amp;')}"`);
    expect(templates.render('payment_action_required', SAMPLES.payment_action_required.minimal).subject).toBe(
      'Action needed: confirm your payment for order #17',
    );
  });

  it('say which reminder it is: 7 days or 1 day before the due date', () => {
    const base = SAMPLES.payment_reminder.full;
    const week = templates.render('payment_reminder', { ...base, days_before: 7 });
    const day = templates.render('payment_reminder', { ...base, days_before: 1 });
    expect(week.text).toContain(
      'your payment of $165.00 (installment 3) on rental #4 (RTX 4090 Founders Edition) is due in 7 days, on March 31, 2026.',
    );
    expect(day.text).toContain('is due tomorrow, March 31, 2026.');
    expect(day.html).toContain('<strong>tomorrow, March 31, 2026</strong>');
    expect([week.subject, day.subject]).toEqual(['Payment reminder: rental #4', 'Payment reminder: rental #4']);
    expect(() => templates.render('payment_reminder', { ...base, days_before: 3 })).toThrow(
      /days_before must be one of 7, 1/,
    );
  });

  it('tell a failed payment, with what the bank said and where to pay again', () => {
    const { text } = templates.render('payment_failed', SAMPLES.payment_failed.full);
    expect(text).toContain(
      'We could not take the payment of $165.00 for installment 3 of rental #4, due March 31, 2026.',
    );
    expect(text).toContain('The bank said: Your card was declined.\n');
    expect(text).toContain('Pay now: https://shop.example/rentals/4/pay\n');
    expect(templates.render('payment_failed', SAMPLES.payment_failed.minimal).text).toContain(
      'the payment of $2,222.38 for order #17.',
    );
  });

  it('give the late fee and what is due now in a late notice', () => {
    const { html, text } = templates.render('late_notice', SAMPLES.late_notice.full);
    expect(text).toContain('We have not received payment 3 on rental #4, due March 31, 2026');
    expect(text).toContain('Payment: $165.00\nLate fee: $15.00\nDue now: $180.00\n');
    expect(text).toContain('If it is still unpaid on April 30, 2026, the rental may be put in default.');
    for (const amount of ['$165.00', '$15.00', '$180.00']) expect(html).toContain(amount);
  });
});
