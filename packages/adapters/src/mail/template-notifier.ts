import type { Mailer, Notification, Notifier } from '@giggatek/domain';
import type { EmailTemplates } from './email-templates.js';

export interface TemplateNotifierOptions {
  templates: EmailTemplates;
  mailer: Mailer;
  /** The From header, e.g. 'GigGatek <no-reply@giggatek.local>' (MAIL_FROM). */
  from: string;
}

/** Turns "send this kind of email to this person" into a rendered email on a Mailer. */
export class TemplateNotifier implements Notifier {
  constructor(private readonly options: TemplateNotifierOptions) {}

  async notify(notification: Notification): Promise<void> {
    await this.send(notification);
  }

  /** Like notify, but returns the transport's message id (for delivery tracking). */
  async send(notification: Notification): Promise<{ messageId: string }> {
    const rendered = this.options.templates.render(notification.template, notification.data);
    return this.options.mailer.send({ to: notification.to, from: this.options.from, ...rendered });
  }
}
