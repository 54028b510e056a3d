import type { Notification, Notifier } from '@giggatek/domain';

/** Records what would have been sent, in order. */
export class MemoryNotifier implements Notifier {
  readonly sent: Notification[] = [];

  async notify(notification: Notification): Promise<void> {
    this.sent.push(structuredClone(notification));
  }
}
