import { describe, expect, it } from 'vitest';
import type { EmailTemplate } from '@giggatek/domain';
import { EmailTemplates } from '../../src/mail/index.js';
import { HOSTILE_NAME, rawCentsOf, SAMPLES } from './template-samples.js';

const templates = new EmailTemplates({ publicUrl: 'https://shop.example' });
const samples = Object.entries(SAMPLES) as [EmailTemplate, (typeof SAMPLES)[EmailTemplate]][];

describe.each(samples)('the %s email', (template, sample) => {
  const variants = [
    ['with every field', sample.full],
    ['with only the required fields', sample.minimal],
  ] as const;

  it.each(variants)('renders %s without undefined, null, NaN or raw cents in any part', (_label, data) => {
    const email = templates.render(template, data);
    for (const part of [email.subject, email.html, email.text]) {
      expect(part).not.toMatch(/undefined|\bnull\b|NaN|Invalid Date|\[object Object\]/);
      for (const amount of rawCentsOf(data)) expect(part).not.toContain(String(amount));
    }
  });

  it('has the subject that says what it is', () => {
    expect(templates.render(template, sample.full).subject).toBe(sample.subject);
  });

  it('names its order or rental number in both parts', () => {
    if (!sample.names) return;
    const email = templates.render(template, sample.full);
    expect(email.html).toContain(sample.names);
    expect(email.text).toContain(sample.names);
  });

  it('has a plain-text part without HTML, ending in the sign-off', () => {
    const { text } = templates.render(template, sample.full);
    expect(text).not.toMatch(/<\/?(p|a|br|table|tr|td|strong|span|code)\b/i);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
    expect(text).not.toMatch(/\n{3,}/);
    expect(text.trimEnd()).toMatch(/Thanks,\nThe GigGatek team$/);
  });

  it('refuses to render without its required data', () => {
    const required = Object.keys(sample.minimal);
    for (const key of required) {
      const data = { ...sample.minimal, [key]: undefined };
      expect(() => templates.render(template, data), key).toThrow(new RegExp(`${template}:`));
    }
  });

  it('escapes user data in the HTML part', () => {
    const { html } = templates.render(template, { ...sample.full, first_name: HOSTILE_NAME });
    expect(html).not.toContain('<script>');
    expect(html).toContain('RTX &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });
});
