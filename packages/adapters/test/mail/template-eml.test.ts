import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailTemplates, FileMailer, TemplateNotifier } from '../../src/mail/index.js';
import { readEmail } from './eml.js';
import { SAMPLES } from './template-samples.js';

describe('rendered emails delivered as .eml files', () => {
  let directory: string;
  let notifier: TemplateNotifier;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'giggatek-template-eml-'));
    notifier = new TemplateNotifier({
      templates: new EmailTemplates({ publicUrl: 'https://shop.example' }),
      mailer: new FileMailer({ directory }),
      from: 'GigGatek <no-reply@giggatek.local>',
    });
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function deliveredOnly() {
    const files = await readdir(directory);
    expect(files).toHaveLength(1);
    return readEmail(await readFile(join(directory, files[0] ?? '')));
  }

  it('keep both parts of an order confirmation, amounts formatted and the HTML escaped', async () => {
    await notifier.notify({
      template: 'order_confirmation',
      to: 'ada@example.com',
      data: SAMPLES.order_confirmation.full,
    });
    const mail = await deliveredOnly();
    expect(mail.subject).toBe('Order #17 confirmation');
    expect(mail.contentType).toBe('multipart/alternative');
    expect(mail.text).toContain('2 x RTX <script>alert("x")</script> & Co ($399.99 each): $799.98');
    expect(mail.text).toContain('Total: $2,222.38');
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain('RTX &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('$2,222.38');
  });

  it('keep the receipt figures in both parts of a rental payment receipt', async () => {
    await notifier.notify({
      template: 'rental_payment_receipt',
      to: 'ada@example.com',
      data: SAMPLES.rental_payment_receipt.full,
    });
    const mail = await deliveredOnly();
    expect(mail.subject).toBe('Payment received: rental #4');
    for (const part of [mail.text, mail.html]) {
      for (const shown of ['$180.00', '$1,485.00', '$1,199.99', 'May 31, 2026']) expect(part).toContain(shown);
      expect(part).not.toMatch(/undefined|NaN|148500|119999/);
    }
  });
});
