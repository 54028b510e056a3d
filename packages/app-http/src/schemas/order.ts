import {
  EMAIL_MAX_LENGTH,
  MAX_LINE_QUANTITY,
  MAX_ORDER_LINES,
  MIN_LINE_QUANTITY,
  ORDER_NOTES_MAX_LENGTH,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  SHIPPING_METHODS,
  STAFF_NOTE_MAX_LENGTH,
  TRACKING_NUMBER_MAX_LENGTH,
} from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { errorEnvelope, pageQuery } from './common.js';

const id: JsonSchema = { type: 'integer', minimum: 1 };
const timestamp: JsonSchema = { type: 'string', format: 'date-time' };

export const placeOrderBody: JsonSchema = {
  type: 'object',
  description: 'Prices, shipping, tax and totals are computed by the server; any sent by the client are ignored.',
  required: ['items', 'shipping_address_id', 'shipping_method'],
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ORDER_LINES,
      description: 'One line per product (a product at most once).',
      items: {
        type: 'object',
        required: ['product_id', 'quantity'],
        properties: {
          product_id: id,
          quantity: { type: 'integer', minimum: MIN_LINE_QUANTITY, maximum: MAX_LINE_QUANTITY },
        },
      },
    },
    shipping_address_id: id,
    billing_address_id: { ...id, description: 'Defaults to the shipping address.' },
    shipping_method: { type: 'string', enum: [...SHIPPING_METHODS] },
    notes: { type: ['string', 'null'], maxLength: ORDER_NOTES_MAX_LENGTH },
  },
};

export const cancelOrderBody: JsonSchema = {
  type: 'object',
  properties: {
    note: {
      type: ['string', 'null'],
      maxLength: STAFF_NOTE_MAX_LENGTH,
      description: 'Why; kept in the status history.',
    },
  },
};

export const orderListQuery: JsonSchema = {
  type: 'object',
  properties: { ...pageQuery, status: { type: 'string', enum: [...ORDER_STATUSES] } },
};

export const adminOrderListQuery: JsonSchema = {
  type: 'object',
  properties: {
    ...pageQuery,
    status: { type: 'string', enum: [...ORDER_STATUSES] },
    payment_status: { type: 'string', enum: [...PAYMENT_STATUSES] },
    customer_email: {
      type: 'string',
      minLength: 1,
      maxLength: EMAIL_MAX_LENGTH,
      description: 'Exact match, any letter case.',
    },
    date_from: { type: 'string', format: 'date', description: 'YYYY-MM-DD: orders created on or after this UTC day.' },
    date_to: { type: 'string', format: 'date', description: 'YYYY-MM-DD: orders created on or before this UTC day.' },
  },
};

export const staffOrderUpdateBody: JsonSchema = {
  type: 'object',
  description: 'At least one of status, payment_status, tracking_number, note (a bare note is added to the history).',
  properties: {
    status: { type: 'string', enum: [...ORDER_STATUSES] },
    payment_status: {
      type: 'string',
      enum: [...PAYMENT_STATUSES],
      description: "Offline payments: 'paid' moves a pending order to processing.",
    },
    tracking_number: { type: ['string', 'null'], minLength: 1, maxLength: TRACKING_NUMBER_MAX_LENGTH },
    note: { type: ['string', 'null'], maxLength: STAFF_NOTE_MAX_LENGTH, description: 'Kept in the status history.' },
  },
};

/** An address as an order or a rental copies it. */
export const addressSnapshot: JsonSchema = {
  type: 'object',
  required: ['recipient_name', 'line1', 'line2', 'city', 'state', 'postal_code', 'country', 'phone'],
  properties: {
    recipient_name: { type: 'string' },
    line1: { type: 'string' },
    line2: { type: ['string', 'null'] },
    city: { type: 'string' },
    state: { type: 'string' },
    postal_code: { type: 'string' },
    country: { type: 'string' },
    phone: { type: ['string', 'null'] },
  },
};

const orderItem: JsonSchema = {
  type: 'object',
  required: ['id', 'product_id', 'product_name', 'quantity', 'unit_price', 'line_total'],
  properties: {
    id,
    product_id: id,
    product_name: { type: 'string' },
    quantity: { type: 'integer' },
    unit_price: { type: 'integer', description: 'Cents, copied from the product when ordered.' },
    line_total: { type: 'integer' },
  },
};

const money: JsonSchema = { type: 'integer', description: 'Cents.' };

export const order: JsonSchema = {
  type: 'object',
  required: [
    'id',
    'user_id',
    'status',
    'payment_status',
    'currency',
    'subtotal',
    'shipping',
    'tax',
    'total',
    'shipping_method',
    'shipping_address',
    'billing_address',
    'tracking_number',
    'notes',
    'items',
    'created_at',
    'updated_at',
  ],
  properties: {
    id,
    user_id: id,
    status: { type: 'string', enum: [...ORDER_STATUSES] },
    payment_status: { type: 'string', enum: [...PAYMENT_STATUSES] },
    currency: { type: 'string', enum: ['usd'] },
    subtotal: money,
    shipping: money,
    tax: money,
    total: money,
    shipping_method: { type: 'string', enum: [...SHIPPING_METHODS] },
    shipping_address: addressSnapshot,
    billing_address: addressSnapshot,
    tracking_number: { type: ['string', 'null'] },
    notes: { type: ['string', 'null'] },
    items: { type: 'array', items: orderItem },
    created_at: timestamp,
    updated_at: timestamp,
  },
};

export const payment: JsonSchema = {
  type: 'object',
  required: ['id', 'order_id', 'installment_no', 'kind', 'amount', 'currency', 'status', 'created_at'],
  properties: {
    id,
    order_id: { type: ['integer', 'null'] },
    installment_no: { type: ['integer', 'null'] },
    kind: { type: 'string', enum: ['order', 'installment', 'buyout', 'refund'] },
    amount: money,
    currency: { type: 'string', enum: ['usd'] },
    status: {
      type: 'string',
      enum: ['pending', 'paid', 'failed', 'refunded'],
      description: "A payment that succeeded reads 'paid'.",
    },
    created_at: timestamp,
  },
};

/** One row of an order's or a rental's status history. */
export const statusChange: JsonSchema = {
  type: 'object',
  required: ['from', 'to', 'actor', 'note', 'created_at'],
  properties: {
    from: { type: ['string', 'null'], description: 'Null for the creation of the order (or rental).' },
    to: { type: 'string' },
    actor: { type: 'string', description: "'customer', 'manager', 'admin' or 'system:<job>'." },
    note: { type: ['string', 'null'] },
    created_at: timestamp,
  },
};

export const orderDetail: JsonSchema = {
  ...order,
  required: [...(order.required as string[]), 'payments', 'status_history'],
  properties: {
    ...(order.properties as Record<string, JsonSchema>),
    payments: { type: 'array', items: payment },
    status_history: { type: 'array', items: statusChange },
  },
};

/** 409 insufficient_stock adds one entry per short product. */
export const insufficientStock: JsonSchema = {
  ...errorEnvelope,
  properties: {
    ...(errorEnvelope.properties as Record<string, JsonSchema>),
    shortages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['product_id', 'product_name', 'requested', 'available'],
        properties: {
          product_id: { type: 'integer' },
          product_name: { type: 'string' },
          requested: { type: 'integer' },
          available: { type: 'integer' },
        },
      },
    },
  },
};
