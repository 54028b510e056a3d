import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../../src/mail/index.js';
import { startSmtpTestServer } from './smtp-test-server.js';
import { readEmail } from './eml.js';

describe('SmtpMailer', () => {
  let server: Awaited<ReturnType<typeof startSmtpTestServer>>;
  beforeEach(async () => {
    server = await startSmtpTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends through the SMTP URL, with its credentials, a text + html message', async () => {
    const mailer = new SmtpMailer(`smtp://mailer:s3cret@127.0.0.1:${server.port}`);
    try {
      const { messageId } = await mailer.send({
        to: 'ada@example.com',
        from: 'GigGatek <no-reply@giggatek.local>',
        subject: 'Welcome to GigGatek',
        text: 'plain',
        html: '<p>rich</p>',
      });
      expect(server.received).toHaveLength(1);
      const mail = server.received[0];
      expect(mail?.auth).toBe('mailer:s3cret');
      expect(mail?.from).toBe('no-reply@giggatek.local');
      expect(mail?.to).toEqual(['ada@example.com']);
      const message = await readEmail(mail?.data ?? '');
      expect(message.messageId).toBe(messageId);
      expect(message.subject).toBe('Welcome to GigGatek');
      expect([message.text.trim(), message.html.trim()]).toEqual(['plain', '<p>rich</p>']);
    } finally {
      mailer.close();
    }
  });

  it('rejects when the server cannot be reached', async () => {
    // A port that was just ours and is now closed (the shared server keeps its own port busy).
    const gone = await startSmtpTestServer();
    const port = gone.port;
    await gone.close();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`);
    await expect(
      mailer.send({ to: 'a@example.com', from: 'b@example.com', subject: 's', text: 't', html: '<p>h</p>' }),
    ).rejects.toThrow();
    mailer.close();
  });
});
