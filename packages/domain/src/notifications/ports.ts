/** The templates of SPEC §7 (this issue uses the account ones). */
export type EmailTemplate =
  | 'welcome'
  | 'verify_email'
  | 'password_reset'
  | 'order_confirmation'
  | 'order_status_update'
  | 'shipping_confirmation'
  | 'rental_confirmation'
  | 'rental_payment_receipt'
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
