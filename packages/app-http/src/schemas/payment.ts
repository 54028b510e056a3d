import { PAYMENT_METHOD_ID } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { errorEnvelope, listOf, pageQuery } from './common.js';
import { payment } from './order.js';
import { rentalPayment } from './rental.js';

const id: JsonSchema = { type: 'integer', minimum: 1 };
const money: JsonSchema = { type: 'integer', description: 'Cents.' };
const currency: JsonSchema = { type: 'string', enum: ['usd'] };

/** A payment intent's id at the processor (pi_…): what the seed's handler sends back. */
const paymentIntentId: JsonSchema = { type: 'string', pattern: '^pi_[A-Za-z0-9_]{1,250}$' };
const paymentMethodId: JsonSchema = { type: 'string', pattern: PAYMENT_METHOD_ID.source };
const clientSecret: JsonSchema = {
  type: 'string',
  description: 'Finish the payment with Stripe.js; a secret of yours, never stored by us.',
};

// Requests

export const createIntentBody: JsonSchema = {
  type: 'object',
  required: ['order_id'],
  properties: { order_id: id },
};

export const paymentHistoryQuery: JsonSchema = { type: 'object', properties: { ...pageQuery } };

export const STRIPE_HANDLER_ACTIONS = [
  'create_payment_intent',
  'confirm_payment_intent',
  'retrieve_payment_intent',
] as const;
export type StripeHandlerAction = (typeof STRIPE_HANDLER_ACTIONS)[number];

/**
 * The seed's PHP handler: one body for every action; what each action requires is checked by
 * its own schema below. The seed's `amount` is not listed, so it is dropped: the amount is
 * always the order's total.
 */
export const stripeHandlerBody: JsonSchema = {
  type: 'object',
  required: ['action'],
  properties: {
    action: { type: 'string', enum: [...STRIPE_HANDLER_ACTIONS] },
    order_id: { ...id, description: 'create_payment_intent' },
    payment_intent_id: { ...paymentIntentId, description: 'confirm_payment_intent, retrieve_payment_intent' },
    payment_method_id: { ...paymentMethodId, description: 'confirm_payment_intent' },
  },
};

export const STRIPE_HANDLER_FIELDS: Record<StripeHandlerAction, JsonSchema> = {
  create_payment_intent: { type: 'object', required: ['order_id'] },
  confirm_payment_intent: { type: 'object', required: ['payment_intent_id', 'payment_method_id'] },
  retrieve_payment_intent: { type: 'object', required: ['payment_intent_id'] },
};

// Answers

export const orderIntent: JsonSchema = {
  type: 'object',
  required: ['client_secret', 'payment_intent_id', 'amount', 'currency'],
  properties: { client_secret: clientSecret, payment_intent_id: paymentIntentId, amount: money, currency },
};

/** A row of the history: an order's payment, or a rental's (with its late fee). */
export const paymentHistory: JsonSchema = listOf('payments', { oneOf: [payment, rentalPayment] });

export const webhookReceived: JsonSchema = {
  type: 'object',
  required: ['received'],
  properties: { received: { type: 'boolean', enum: [true] } },
};

const succeeded: JsonSchema = { type: 'boolean', enum: [true] };
const intentStatus: JsonSchema = { type: 'string', description: "The processor's status of the intent." };

/** What each action of the seed's handler answered (one of these). */
export const stripeHandlerAnswer: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      description: 'create_payment_intent',
      required: ['success', 'client_secret', 'payment_intent_id'],
      properties: { success: succeeded, client_secret: clientSecret, payment_intent_id: paymentIntentId },
    },
    {
      type: 'object',
      description: 'confirm_payment_intent',
      required: ['success', 'status', 'payment_intent_id', 'requires_action', 'client_secret'],
      properties: {
        success: succeeded,
        status: intentStatus,
        payment_intent_id: paymentIntentId,
        requires_action: { type: 'boolean' },
        client_secret: { ...clientSecret, type: ['string', 'null'] },
      },
    },
    {
      type: 'object',
      description: 'retrieve_payment_intent',
      required: ['success', 'status', 'amount', 'currency', 'payment_intent_id'],
      properties: {
        success: succeeded,
        status: intentStatus,
        amount: money,
        currency: { type: 'string' },
        payment_intent_id: paymentIntentId,
      },
    },
  ],
};

/** The seed's clients test `success`: every error of the handler carries `success: false`. */
export const stripeHandlerError: JsonSchema = {
  ...errorEnvelope,
  required: [...(errorEnvelope.required as string[]), 'success'],
  properties: {
    ...(errorEnvelope.properties as Record<string, JsonSchema>),
    success: { type: 'boolean', enum: [false] },
  },
};
