/** The templates of SPEC §7; each one's data contract is at the top of its file in packages/adapters/src/mail/templates/. */
export type EmailTemplate =
  | 'welcome'
  | 'verify_email'
  | 'password_reset'
  | 'order_confirmation'
  | 'order_status_update'
  | 'shipping_confirmation'
  | 'rental_confirmation'
  | 'early_purchase_notice'
  | 'rental_payment_receipt'
  | 'payment_action_required'
  | 'payment_reminder'
  | 'payment_failed'
  | 'late_notice'
  | 'rental_completion'
  | 'refund_issued';

export interface Notification {
  template: EmailTemplate;
  to: string;
  /** Template variables; plain JSON data. */
  data: Record<string, unknown>;
}

/** What the domain asks for: "send this kind of email to this person". */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** A transport: SMTP, .eml files, memory. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * Sends without letting a mail failure fail the caller, whose change is already committed
 * (a retry would register or order twice, and a reset request would reveal that the
 * account exists). Until the transactional outbox (SPEC §7) queues mails with their
 * change, a failed send is dropped here.
 */
export async function notifyBestEffort(notifier: Notifier, notification: Notification): Promise<void> {
  try {
    await notifier.notify(notification);
  } catch {
    // Deliberately swallowed: see above.
  }
}
