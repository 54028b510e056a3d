import type { Mailer, OutgoingEmail } from '@giggatek/domain';

/** A Mailer that keeps what it was asked to send, so tests can read tokens out of mails. */
export class CapturingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    this.sent.push(email);
    return { messageId: `<captured-${this.sent.length}@test>` };
  }

  /** The last mail to `to` whose subject matches. */
  lastTo(to: string, subject?: RegExp): OutgoingEmail | undefined {
    return [...this.sent].reverse().find((m) => m.to === to && (!subject || subject.test(m.subject)));
  }

  /** A token=… value from the last matching mail's text. */
  tokenFor(to: string, subject: RegExp): string {
    const mail = this.lastTo(to, subject);
    const match = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match?.[1]) throw new Error(`no mail with a token to ${to} matching ${subject}`);
    return match[1];
  }
}
