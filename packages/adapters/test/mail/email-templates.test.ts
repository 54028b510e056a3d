import { describe, expect, it } from 'vitest';
import { EmailTemplates } from '../../src/mail/index.js';
import { TemplateDataError } from '../../src/mail/templates/index.js';

const templates = new EmailTemplates({ publicUrl: 'https://shop.example/' });

describe('EmailTemplates', () => {
  it('renders the password reset link from the public URL and shows the token in both parts', () => {
    const email = templates.render('password_reset', { first_name: 'Ada', token: 'tok-123_ABC' });
    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain('https://shop.example/account/reset-password?token=tok-123_ABC');
    expect(email.text).toContain('Reset token (for API clients): tok-123_ABC');
    expect(email.text).toMatch(/^Hi Ada,\n/);
    expect(email.html).toContain('href="https://shop.example/account/reset-password?token=tok-123_ABC"');
    expect(email.html).toContain('<code>tok-123_ABC</code>');
  });

  it('renders the verification link and welcome email', () => {
    const verify = templates.render('verify_email', { token: 'v-1' });
    expect(verify.text).toContain('https://shop.example/account/verify-email?token=v-1');
    expect(verify.text).toContain('Hi there,');
    const welcome = templates.render('welcome', { first_name: 'Grace' });
    expect(welcome.subject).toBe('Welcome to GigGatek');
    expect(welcome.html).toContain('Hi Grace,');
    expect(welcome.text).toContain('Hi Grace,');
  });

  it('points the links at a front end of its own with RESET_URL / VERIFY_URL templates', () => {
    const own = new EmailTemplates({
      publicUrl: 'https://shop.example',
      resetUrl: 'https://front.example/reset/{token}?from=mail',
      verifyUrl: 'https://front.example/#/verify?t={token}',
    });
    const reset = own.render('password_reset', { token: 'tok/1' });
    expect(reset.text).toContain('https://front.example/reset/tok%2F1?from=mail');
    expect(reset.html).toContain('href="https://front.example/reset/tok%2F1?from=mail"');
    expect(own.render('verify_email', { token: 'v-2' }).text).toContain('https://front.example/#/verify?t=v-2');
  });

  it('says how long the links work, from the data', () => {
    expect(templates.render('password_reset', { token: 't', expires_in_minutes: 30 }).text).toContain(
      'within 30 minutes',
    );
    expect(templates.render('password_reset', { token: 't' }).text).toContain('within 60 minutes');
    expect(templates.render('verify_email', { token: 't', expires_in_hours: 48 }).html).toContain('48 hours');
  });

  it('greets by name, or says "there" when the name is absent, null or blank', () => {
    for (const first_name of [undefined, null, '', '  ']) {
      const email = templates.render('welcome', { first_name });
      expect(email.text).toMatch(/^Hi there,\n/);
      expect(email.html).toContain('Hi there,');
    }
  });

  it('brands every email with the shop name, support email and public URL it is given', () => {
    const branded = new EmailTemplates({
      publicUrl: 'https://gear.example',
      shopName: 'Gear & Co',
      supportEmail: 'help@gear.example',
    });
    const email = branded.render('welcome', {});
    expect(email.subject).toBe('Welcome to Gear & Co');
    expect(email.html).toContain('<title>Welcome to Gear &amp; Co</title>');
    expect(email.html).toContain('href="mailto:help@gear.example"');
    expect(email.html).toContain('href="https://gear.example/products"');
    expect(email.html).not.toContain('GigGatek');
    expect(email.text).toContain('Questions? Write to help@gear.example.');
    expect(email.text).toContain('The Gear & Co team');
    expect(email.text).not.toContain('GigGatek');
  });

  it('refuses data that breaks the template contract instead of printing "undefined"', () => {
    expect(() => templates.render('password_reset', {})).toThrow(TemplateDataError);
    expect(() => templates.render('password_reset', { token: '' })).toThrow(/token is missing/);
    expect(() => templates.render('verify_email', { token: 't', expires_in_hours: '24' })).toThrow(
      /expires_in_hours must be a non-negative integer/,
    );
  });

  it('wraps every HTML body in the shared layout', () => {
    for (const email of [templates.render('welcome', {}), templates.render('password_reset', { token: 't' })]) {
      expect(email.html).toMatch(/^<!DOCTYPE html>/);
      expect(email.html).toContain(`<title>${email.subject}</title>`);
      expect(email.html).toContain('href="https://shop.example"');
    }
  });

  it('escapes HTML in user data in the HTML part, but not in the text part', () => {
    const email = templates.render('welcome', { first_name: '<script>alert("x")</script>&' });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(email.text).toContain('Hi <script>alert("x")</script>&,');
  });

  it('URL-encodes the token in links, so data cannot break out of the attribute', () => {
    const email = templates.render('password_reset', { token: '"><img src=x>' });
    expect(email.html).not.toContain('<img');
    expect(email.text).toContain('/account/reset-password?token=%22%3E%3Cimg%20src%3Dx%3E');
  });

  it('keeps the subject on one line whatever the configuration holds', () => {
    const email = new EmailTemplates({
      publicUrl: 'https://shop.example',
      shopName: 'Gig\r\nBcc: x@evil.example',
    }).render('welcome', {});
    expect(email.subject).toBe('Welcome to Gig Bcc: x@evil.example');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses web links that are not http(s), so no javascript: URL reaches an href', () => {
    expect(() =>
      templates.render('payment_action_required', { rental_id: 4, amount: 100, action_url: 'javascript:alert(1)' }),
    ).toThrow(/action_url must be an http\(s\) URL/);
  });
});
