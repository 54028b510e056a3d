import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { systemClock } from '@giggatek/domain';
import type { Clock, Mailer, OutgoingEmail } from '@giggatek/domain';

export interface FileMailerOptions {
  /** Where the .eml files go; `var/mail` (relative to the working directory) by default. */
  directory?: string;
  clock?: Clock;
}

/**
 * The embedded default (no SMTP_URL): each message becomes an RFC 5322 `.eml` file that
 * any mail client opens, built by nodemailer so it is the same MIME an SMTP send would be.
 */
export class FileMailer implements Mailer {
  readonly directory: string;
  private readonly clock: Clock;
  // CRLF line ends: RFC 5322 says so, and mail clients open such files as sent.
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(options: FileMailerOptions = {}) {
    this.directory = options.directory ?? join('var', 'mail');
    this.clock = options.clock ?? systemClock;
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const now = this.clock.now();
    const info = await this.composer.sendMail({ ...email, date: now });
    if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not return the message as a buffer');
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, fileNameFor(now, info.messageId)), info.message, { flag: 'wx' });
    return { messageId: info.messageId };
  }
}

/** `<ISO time>-<message id>.eml`, with characters that are unsafe in file names replaced. */
export function fileNameFor(at: Date, messageId: string): string {
  // ':' is not allowed in Windows file names; the id's <> and @ are awkward in shells.
  const time = at.toISOString().replace(/:/g, '-');
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
  return `${time}-${id}.eml`;
}
