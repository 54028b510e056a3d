import type { EmailTemplate } from '@giggatek/domain';

/** A template's sample data: everything it can show, the least it needs, and its subject for them. */
export interface TemplateSample {
  full: Record<string, unknown>;
  minimal: Record<string, unknown>;
  subject: string;
  /** The order or rental number the mail must name, as written ("#17"). */
  names?: string;
}

/** A product name that would run in a browser if the HTML part did not escape it. */
export const HOSTILE_NAME = 'RTX <script>alert("x")</script> & Co';

export const SAMPLES: Partial<Record<EmailTemplate, TemplateSample>> = {
  welcome: { full: { first_name: 'Ada' }, minimal: {}, subject: 'Welcome to GigGatek' },
  verify_email: {
    full: { first_name: 'Ada', token: 'v-token', expires_in_hours: 24 },
    minimal: { token: 'v-token' },
    subject: 'Confirm your email address',
  },
  password_reset: {
    full: { first_name: 'Ada', token: 'r-token', expires_in_minutes: 60 },
    minimal: { token: 'r-token' },
    subject: 'Reset your password',
  },
  order_confirmation: {
    full: {
      first_name: 'Ada',
      order_id: 17,
      currency: 'usd',
      shipping_method: 'express',
      items: [
        { product_name: HOSTILE_NAME, quantity: 2, unit_price: 39999, line_total: 79998 },
        { product_name: 'ThinkPad T480', quantity: 1, unit_price: 123456, line_total: 123456 },
      ],
      subtotal: 203454,
      shipping: 1999,
      tax: 16785,
      total: 222238,
    },
    minimal: {
      order_id: 17,
      items: [{ product_name: 'ThinkPad T480', quantity: 1, unit_price: 123456, line_total: 123456 }],
      subtotal: 123456,
      shipping: 0,
      tax: 10185,
      total: 133641,
    },
    subject: 'Order #17 confirmation',
    names: '#17',
  },
  order_status_update: {
    full: { first_name: 'Ada', order_id: 17, status: 'processing', note: 'Packed <today>' },
    minimal: { order_id: 17, status: 'delivered' },
    subject: 'Order #17 is being prepared',
    names: '#17',
  },
  shipping_confirmation: {
    full: {
      first_name: 'Ada',
      order_id: 17,
      tracking_number: '1Z999AA10123456784',
      carrier: 'UPS',
      tracking_url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      shipped_at: '2026-03-02T15:45:00.000Z',
    },
    minimal: { order_id: 17, tracking_number: '1Z999AA10123456784' },
    subject: 'Order #17 has shipped',
    names: '#17',
  },
  refund_issued: {
    full: {
      first_name: 'Ada',
      order_id: 17,
      amount: 39999,
      reason: 'Returned unopened',
      refunded_at: '2026-03-05T18:00:00Z',
    },
    minimal: { rental_id: 4, amount: 12345 },
    subject: 'Refund issued: order #17',
    names: '#17',
  },
};

/** Amounts in the samples as raw cents, which must never reach a mail unformatted. */
export function rawCentsOf(data: unknown): number[] {
  if (Array.isArray(data)) return data.flatMap(rawCentsOf);
  if (typeof data === 'object' && data !== null) return Object.values(data).flatMap(rawCentsOf);
  // Small numbers (ids, counts, days) are legitimately printed; amounts here are ≥ $10.00.
  return typeof data === 'number' && data >= 1000 ? [data] : [];
}
