import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '@giggatek/domain';
import { FileMailer, fileNameFor } from '../../src/mail/index.js';
import { readEmail } from './eml.js';

describe('FileMailer', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'giggatek-mail-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const email = {
    to: 'ada@example.com',
    from: 'GigGatek <no-reply@giggatek.local>',
    subject: 'Reset your GigGatek password',
    text: 'Plain body: héllo, token abc123',
    html: '<p>HTML body: <strong>héllo</strong></p>',
  };

  it('writes one RFC 5322 .eml file with To, Subject and a text + html multipart/alternative body', async () => {
    const mailer = new FileMailer({
      directory: join(directory, 'nested'),
      clock: new FixedClock('2026-03-01T09:30:00.000Z'),
    });
    const { messageId } = await mailer.send(email);

    const files = await readdir(join(directory, 'nested'));
    expect(files).toEqual([fileNameFor(new Date('2026-03-01T09:30:00.000Z'), messageId)]);
    expect(files[0]).toMatch(/^2026-03-01T09-30-00\.000Z-.+\.eml$/);

    const raw = await readFile(join(directory, 'nested', files[0] ?? ''), 'utf8');
    const message = await readEmail(raw);
    expect(message.to).toEqual(['ada@example.com']);
    expect(message.from).toEqual({ name: 'GigGatek', address: 'no-reply@giggatek.local' });
    expect(message.subject).toBe('Reset your GigGatek password');
    expect(message.messageId).toBe(messageId);
    expect(message.date?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(message.mimeVersion).toBe('1.0');
    expect(message.contentType).toBe('multipart/alternative');
    // Both parts, decoded with their declared charset (the accents survive).
    expect(message.text.trim()).toBe(email.text);
    expect(message.html.trim()).toBe(email.html);
  });

  it('uses CRLF line ends only', async () => {
    await new FileMailer({ directory }).send(email);
    const [file] = await readdir(directory);
    const raw = await readFile(join(directory, file ?? ''), 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one file per message, each with its own message id', async () => {
    const mailer = new FileMailer({ directory, clock: new FixedClock() });
    const a = await mailer.send(email);
    const b = await mailer.send({ ...email, to: 'grace@example.com' });
    expect(a.messageId).not.toBe(b.messageId);
    expect(await readdir(directory)).toHaveLength(2);
  });

  it('makes message ids safe in file names', () => {
    expect(fileNameFor(new Date('2026-01-15T12:00:00.000Z'), '<a1/b2@giggatek.local>')).toBe(
      '2026-01-15T12-00-00.000Z-a1_b2_giggatek.local.eml',
    );
  });
});
