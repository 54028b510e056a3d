import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '@giggatek/domain';
import { EmailTemplates, FileMailer, TemplateNotifier } from '../../src/mail/index.js';
import { readEmail } from './eml.js';

class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    this.sent.push(email);
    return { messageId: `<m${this.sent.length}@test>` };
  }
}

const templates = new EmailTemplates({ publicUrl: 'http://localhost:5000' });
const from = 'GigGatek <no-reply@giggatek.local>';

describe('TemplateNotifier', () => {
  it('renders the template and sends it from the configured address', async () => {
    const mailer = new RecordingMailer();
    const notifier = new TemplateNotifier({ templates, mailer, from });
    await notifier.notify({
      template: 'password_reset',
      to: 'ada@example.com',
      data: { first_name: 'Ada', token: 'secret-token-1' },
    });

    expect(mailer.sent).toHaveLength(1);
    const email = mailer.sent[0];
    expect(email).toMatchObject({ to: 'ada@example.com', from, subject: 'Reset your password' });
    expect(email?.text).toContain('http://localhost:5000/account/reset-password?token=secret-token-1');
    expect(email?.text).toContain('secret-token-1');
    expect(email?.html).toContain('href="http://localhost:5000/account/reset-password?token=secret-token-1"');
  });

  it('returns the transport message id from send()', async () => {
    const notifier = new TemplateNotifier({ templates, mailer: new RecordingMailer(), from });
    await expect(notifier.send({ template: 'welcome', to: 'a@example.com', data: {} })).resolves.toEqual({
      messageId: '<m1@test>',
    });
  });

  it('delivers a password reset as an .eml file with the token and the link', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'giggatek-notify-'));
    try {
      const notifier = new TemplateNotifier({ templates, mailer: new FileMailer({ directory }), from });
      await notifier.notify({ template: 'password_reset', to: 'ada@example.com', data: { token: 'tok-XYZ' } });
      const [file] = await readdir(directory);
      const message = await readEmail(await readFile(join(directory, file ?? '')));
      expect(message.to).toEqual(['ada@example.com']);
      expect(message.subject).toBe('Reset your password');
      expect(message.text).toContain('http://localhost:5000/account/reset-password?token=tok-XYZ');
      expect(message.text).toContain('Reset token (for API clients): tok-XYZ');
      expect(message.html).toContain('href="http://localhost:5000/account/reset-password?token=tok-XYZ"');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
