import {
  EMAIL_MAX_LENGTH,
  INSTALLMENT_STATUSES,
  PAYMENT_KINDS,
  PAYMENT_METHOD_ID,
  RENTAL_NOTE_MAX,
  RENTAL_PURCHASE_LIMITS,
  RENTAL_STATUSES,
  SIGNATURE_LIMITS,
} from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { errorEnvelope, pageQuery } from './common.js';
import { addressSnapshot, statusChange } from './order.js';

const id: JsonSchema = { type: 'integer', minimum: 1 };
const money: JsonSchema = { type: 'integer', description: 'Cents.' };
const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
const nullableTimestamp: JsonSchema = { type: ['string', 'null'], format: 'date-time' };
const day: JsonSchema = { type: 'string', format: 'date', description: 'YYYY-MM-DD (UTC).' };
const nullableDay: JsonSchema = { type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD (UTC).' };

// Requests

const paymentMethodId: JsonSchema = {
  type: 'string',
  pattern: PAYMENT_METHOD_ID.source,
  description: 'A saved payment method (pm_…), charged off-session.',
};

const note: JsonSchema = {
  type: ['string', 'null'],
  maxLength: RENTAL_NOTE_MAX,
  description: 'Why; kept in the status history.',
};

export const createRentalBody: JsonSchema = {
  type: 'object',
  description:
    'The cash price, rates and fees come from the product and the stored policy when the rental is created; any sent by the client are ignored.',
  required: ['product_id', 'total_months', 'address_id'],
  properties: {
    product_id: id,
    total_months: {
      type: 'integer',
      minimum: 1,
      maximum: RENTAL_PURCHASE_LIMITS.maxTermMonths,
      description: "One of the terms the product's rental_quotes offer.",
    },
    address_id: { ...id, description: 'Where the item goes: an address of your address book.' },
  },
};

export const signContractBody: JsonSchema = {
  type: 'object',
  required: ['signature'],
  properties: {
    signature: {
      type: 'string',
      minLength: 1,
      maxLength: SIGNATURE_LIMITS.dataUrl,
      description: `A typed name (at most ${SIGNATURE_LIMITS.typedName} characters) or a drawn signature as a data:image/png or data:image/jpeg base64 URL.`,
    },
  },
};

export const makePaymentBody: JsonSchema = {
  type: 'object',
  required: ['payment_method_id'],
  properties: { payment_method_id: paymentMethodId },
};

export const processBuyoutBody: JsonSchema = {
  type: 'object',
  required: ['payment_method_id', 'amount'],
  properties: {
    payment_method_id: paymentMethodId,
    amount: {
      type: 'integer',
      minimum: 0,
      description: 'The buyout_amount you were shown (GET …/buyout-amount); a stale one is 409 amount_changed.',
    },
  },
};

export const rentalNoteBody: JsonSchema = { type: 'object', properties: { note } };

export const STAFF_RENTAL_STATUSES = ['defaulted', 'active', 'returned', 'cancelled'] as const;

export const staffRentalUpdateBody: JsonSchema = {
  type: 'object',
  description:
    'At least one of status, received, note. status: defaulted (an installment more than default_after_days overdue), ' +
    'active (reinstate; arrears are charged to payment_method_id first), returned, cancelled (pending only).',
  properties: {
    status: { type: 'string', enum: [...STAFF_RENTAL_STATUSES] },
    received: {
      type: 'boolean',
      enum: [true],
      description: "A returned rental's unit is back in stock (a rental_back movement), once.",
    },
    note,
    payment_method_id: { ...paymentMethodId, description: 'Reinstating: the saved method the arrears are charged to.' },
  },
};

const statusFilter: JsonSchema = { type: 'string', enum: [...RENTAL_STATUSES] };

export const rentalListQuery: JsonSchema = {
  type: 'object',
  properties: { ...pageQuery, status: statusFilter },
};

export const adminRentalListQuery: JsonSchema = {
  type: 'object',
  properties: {
    ...pageQuery,
    status: statusFilter,
    overdue: {
      type: 'boolean',
      description: 'true: active or defaulted rentals with an installment unpaid after its due date; false: all.',
    },
    customer_email: {
      type: 'string',
      minLength: 1,
      maxLength: EMAIL_MAX_LENGTH,
      description: "The customer's email, exact match, any letter case.",
    },
  },
};

// Answers

export const rentalPayment: JsonSchema = {
  type: 'object',
  required: ['id', 'rental_id', 'installment_no', 'kind', 'amount', 'late_fee', 'currency', 'status', 'created_at'],
  properties: {
    id,
    rental_id: id,
    installment_no: { type: ['integer', 'null'], description: 'Null for a buyout.' },
    kind: { type: 'string', enum: [...PAYMENT_KINDS] },
    amount: { ...money, description: 'Cents charged, late fee included.' },
    late_fee: { ...money, description: 'The part of amount that is late fees.' },
    currency: { type: 'string', enum: ['usd'] },
    status: {
      type: 'string',
      enum: ['pending', 'paid', 'failed', 'refunded'],
      description: "A payment that succeeded reads 'paid'; pending waits for the customer's authentication.",
    },
    created_at: timestamp,
  },
};

const installment: JsonSchema = {
  type: 'object',
  required: ['installment_no', 'due_date', 'amount', 'late_fee', 'status', 'paid_at', 'payment_id'],
  properties: {
    installment_no: { type: 'integer', minimum: 1 },
    due_date: day,
    amount: money,
    late_fee: { ...money, description: 'Paid with it (paid) or owed with it (late); else 0.' },
    status: {
      type: 'string',
      enum: [...INSTALLMENT_STATUSES],
      description: 'bought_out: settled by the early purchase; cancelled: not owed (the rental ended first).',
    },
    paid_at: nullableTimestamp,
    payment_id: { type: ['integer', 'null'], description: 'The payment that paid it (its receipt).' },
  },
};

const RENTAL_FIELDS: Record<string, JsonSchema> = {
  id,
  user_id: id,
  product_id: id,
  product_name: { type: 'string', description: 'As rented.' },
  product_condition: { type: 'string', description: 'As rented (the item is used/refurbished).' },
  status: { type: 'string', enum: [...RENTAL_STATUSES] },
  currency: { type: 'string', enum: ['usd'] },
  cash_price: { ...money, description: "The product's price when the rental was created." },
  total_months: { type: 'integer' },
  monthly_rate: money,
  total_amount: { ...money, description: 'monthly_rate × total_months: the total of payments.' },
  late_fee: { ...money, description: 'The fee one installment unpaid after due_date + grace_days incurs.' },
  grace_days: { type: 'integer' },
  default_after_days: {
    type: 'integer',
    description: 'Staff may mark the rental defaulted after this many days overdue.',
  },
  same_as_cash_days: { type: 'integer', description: 'The early purchase costs at most the cash price until then.' },
  start_date: { ...nullableDay, description: 'The signing date; null until signed.' },
  end_date: { ...nullableDay, description: "The last installment's due date; null until signed." },
  payments_made: { type: 'integer' },
  remaining_payments: { type: 'integer' },
  next_payment_date: nullableDay,
  paid_total: { ...money, description: 'Installments paid plus a buyout, late fees excluded.' },
  remaining_balance: { ...money, description: 'total_amount − paid_total; 0 once bought out, returned or cancelled.' },
  late_fees_due: { ...money, description: 'Late fees owed today.' },
  buyout_amount: { type: ['integer', 'null'], description: 'The early purchase amount today, while active.' },
  delivery_address: addressSnapshot,
  contract_signed_at: nullableTimestamp,
  ownership_transferred_at: nullableTimestamp,
  returned_at: nullableTimestamp,
  received_at: { ...nullableTimestamp, description: 'When staff received the returned unit back into stock.' },
  defaulted_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
};

export const rental: JsonSchema = {
  type: 'object',
  description: 'Figures (payments_made … buyout_amount) are as of today (UTC), derived from the payment ledger.',
  required: Object.keys(RENTAL_FIELDS),
  properties: RENTAL_FIELDS,
};

export const rentalDetail: JsonSchema = {
  ...rental,
  required: [...Object.keys(RENTAL_FIELDS), 'schedule', 'payments', 'status_history'],
  properties: {
    ...RENTAL_FIELDS,
    schedule: { type: 'array', items: installment },
    payments: { type: 'array', items: rentalPayment, description: 'Every attempt, failed ones too.' },
    status_history: { type: 'array', items: statusChange },
  },
};

export const rentalPaymentResult: JsonSchema = {
  type: 'object',
  required: ['payment', 'rental'],
  properties: { payment: rentalPayment, rental: rentalDetail },
};

export const buyoutAmount: JsonSchema = {
  type: 'object',
  required: ['buyout_amount', 'currency', 'valid_on'],
  properties: {
    buyout_amount: { ...money, description: 'What owning the item costs today, unpaid late fees included.' },
    currency: { type: 'string', enum: ['usd'] },
    valid_on: { ...day, description: 'The day the amount holds for.' },
  },
};

function envelopeWith(extra: Record<string, JsonSchema>): JsonSchema {
  return { ...errorEnvelope, properties: { ...(errorEnvelope.properties as Record<string, JsonSchema>), ...extra } };
}

/** 402: payment_failed (the declined attempt is in the ledger) or payment_requires_action (with client_secret). */
export const paymentRefusal: JsonSchema = envelopeWith({
  payment_id: { type: 'integer', description: 'The ledger row of the attempt (failed, or pending authentication).' },
  client_secret: { type: 'string', description: 'payment_requires_action: finish the payment with Stripe.js.' },
  payment_intent_id: { type: 'string' },
});

/** 409 amount_changed carries the amount that holds now. */
export const amountChanged: JsonSchema = envelopeWith({
  buyout_amount: money,
  currency: { type: 'string', enum: ['usd'] },
  valid_on: day,
});
