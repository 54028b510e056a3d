import type { JsonSchema } from '../validation.js';
import { errorEnvelope } from './common.js';
import { orderDetail, payment } from './order.js';

const money: JsonSchema = { type: 'integer', description: 'Cents.' };

export const refundBody: JsonSchema = {
  type: 'object',
  properties: {
    amount: {
      type: 'integer',
      minimum: 1,
      description: 'Cents to refund; without it, everything that is left (paid minus earlier refunds).',
    },
  },
};

/** `{payment, order}`: the refund's ledger row and the order after it. */
export const orderRefundResult: JsonSchema = {
  type: 'object',
  required: ['payment', 'order'],
  properties: { payment, order: orderDetail },
};

/** 409 conflict: more than is left to refund (or nothing left); amount_left says what still can be. */
export const refundConflict: JsonSchema = {
  ...errorEnvelope,
  properties: { ...(errorEnvelope.properties as Record<string, JsonSchema>), amount_left: money },
};

/** 402 payment_failed: the processor refused the refund (the failed attempt is in the ledger). */
export const refundRefusal: JsonSchema = {
  ...errorEnvelope,
  properties: {
    ...(errorEnvelope.properties as Record<string, JsonSchema>),
    payment_id: { type: 'integer', description: 'The ledger row of the failed refund.' },
  },
};
