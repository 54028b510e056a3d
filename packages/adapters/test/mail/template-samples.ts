import { LocalDate, scheduleDates, type EmailTemplate } from '@giggatek/domain';

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

export const SAMPLES: Record<EmailTemplate, TemplateSample> = {
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
  rental_confirmation: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      cash_price: 159999,
      monthly_rate: 16500,
      total_months: 12,
      total_amount: 198000,
      grace_days: 5,
      late_fee: 1500,
      // Signed on January 31: the months without a 31st clamp (SPEC §5's schedule).
      schedule: scheduleDates(LocalDate.parse('2026-01-31'), 12).map((due, i) => ({
        installment_no: i + 1,
        due_date: due.toString(),
        amount: 16500,
      })),
    },
    minimal: {
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      cash_price: 159999,
      monthly_rate: 16500,
      total_months: 1,
      total_amount: 16500,
      schedule: [{ installment_no: 1, due_date: '2026-03-31', amount: 16500 }],
    },
    subject: 'Your rental contract #4',
    names: '#4',
  },
  early_purchase_notice: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      same_as_cash_amount: 143499,
      same_as_cash_until: '2026-06-29',
      total_amount: 198000,
    },
    minimal: { rental_id: 4, product_name: 'RTX 4090', same_as_cash_amount: 143499, same_as_cash_until: '2026-06-29' },
    subject: 'Your early purchase option: rental #4',
    names: '#4',
  },
  rental_payment_receipt: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      installment_no: 3,
      total_months: 12,
      amount_paid: 18000,
      late_fee_paid: 1500,
      paid_at: '2026-05-31T23:30:00.000Z',
      remaining_balance: 148500,
      payments_left: 9,
      next_due_date: '2026-06-30',
      early_purchase_amount: 119999,
      early_purchase_on: '2026-05-31',
    },
    minimal: {
      rental_id: 4,
      installment_no: 12,
      amount_paid: 16500,
      remaining_balance: 0,
      payments_left: 0,
    },
    subject: 'Payment received: rental #4',
    names: '#4',
  },
  rental_completion: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      completed_by: 'buyout',
      ownership_transferred_at: '2026-06-01T14:00:00Z',
      total_paid: 172999,
    },
    minimal: { rental_id: 4, product_name: 'RTX 4090' },
    subject: 'Rental #4 complete: you own it',
    names: '#4',
  },
  payment_action_required: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      installment_no: 3,
      due_date: '2026-03-31',
      amount: 16500,
      action_url: 'https://shop.example/pay/confirm?payment_intent=pi_123&client_secret=pi_123_secret',
    },
    minimal: { order_id: 17, amount: 222238, action_url: 'https://shop.example/pay/confirm?payment_intent=pi_9' },
    subject: 'Action needed: confirm your payment for rental #4',
    names: '#4',
  },
  payment_reminder: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      product_name: 'RTX 4090 Founders Edition',
      installment_no: 3,
      due_date: '2026-03-31',
      amount: 16500,
      days_before: 7,
      pay_url: 'https://shop.example/rentals/4/pay',
    },
    minimal: { rental_id: 4, installment_no: 3, due_date: '2026-03-31', amount: 16500, days_before: 1 },
    subject: 'Payment reminder: rental #4',
    names: '#4',
  },
  payment_failed: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      installment_no: 3,
      due_date: '2026-03-31',
      amount: 16500,
      reason: 'Your card was declined.',
      pay_url: 'https://shop.example/rentals/4/pay',
    },
    minimal: { order_id: 17, amount: 222238 },
    subject: 'Payment failed: rental #4',
    names: '#4',
  },
  late_notice: {
    full: {
      first_name: 'Ada',
      rental_id: 4,
      installment_no: 3,
      due_date: '2026-03-31',
      amount: 16500,
      late_fee: 1500,
      amount_due: 18000,
      default_on: '2026-04-30',
      pay_url: 'https://shop.example/rentals/4/pay',
    },
    minimal: {
      rental_id: 4,
      installment_no: 3,
      due_date: '2026-03-31',
      amount: 16500,
      late_fee: 1500,
      amount_due: 18000,
    },
    subject: 'Late payment: rental #4',
    names: '#4',
  },
};

/** Amounts in the samples as raw cents, which must never reach a mail unformatted. */
export function rawCentsOf(data: unknown): number[] {
  if (Array.isArray(data)) return data.flatMap(rawCentsOf);
  if (typeof data === 'object' && data !== null) return Object.values(data).flatMap(rawCentsOf);
  // Small numbers (ids, counts, days) are legitimately printed; amounts here are ≥ $10.00.
  return typeof data === 'number' && data >= 1000 ? [data] : [];
}
