import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Mailer, OutgoingEmail } from '@giggatek/domain';

/** Sends through an SMTP server given as a URL, e.g. smtp://user:pass@host:587 or smtps://…:465. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(url: string) {
    this.transport = createTransport(url);
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    // Failures (connection refused, 5xx) reject; the outbox dispatcher retries them.
    const info = await this.transport.sendMail(email);
    return { messageId: info.messageId };
  }

  /** Checks the connection and credentials (start-up health check). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}
