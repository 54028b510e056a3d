import { WEBHOOK_TOLERANCE_SECONDS, type PaymentsUseCases } from '@giggatek/domain';
import type { ApiContext, ApiRouter, RouteDefinition } from '../api-router.js';
import { PUBLIC, SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentPage } from '../presenters/page.js';
import { presentHistoryPayment, presentOrderIntent } from '../presenters/payment.js';
import { errorEnvelope } from '../schemas/common.js';
import {
  createIntentBody,
  orderIntent,
  paymentHistory,
  paymentHistoryQuery,
  webhookReceived,
} from '../schemas/payment.js';

/** The webhook paths whose raw bytes the body parser keeps (the signature covers them). */
export const WEBHOOK_PATHS = ['/api/payment/webhook', '/payment/webhook.php'] as const;

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };

/** SPEC §6: paying an order in the browser, the caller's payment history, and Stripe's webhook. */
export function paymentRoutes(api: ApiRouter, { payments }: ApiServices): void {
  api.add<{ order_id: number }, unknown>({
    method: 'post',
    path: '/payment/create-intent',
    tag: 'payments',
    access: SIGNED_IN,
    summary:
      "The payment intent of one of your unpaid orders, for the order's total: created once, the same one " +
      'answered again while the order is unpaid. Confirm it with Stripe.js. Honours an Idempotency-Key header (24 h).',
    body: createIntentBody,
    idempotent: true,
    responses: {
      200: { description: 'The intent to confirm', schema: orderIntent },
      400: badRequest,
      404: { description: 'No such order of yours', schema: errorEnvelope },
      409: { description: 'invalid_transition: the order is paid or cancelled', schema: errorEnvelope },
    },
    async handle(ctx, { actor, body }) {
      ctx.body = presentOrderIntent(await payments.createOrderIntent(actor, body.order_id));
    },
  });

  api.add<unknown, { page: number; per_page: number }>({
    method: 'get',
    path: '/payment/history',
    tag: 'payments',
    access: SIGNED_IN,
    summary:
      'Your payments (every attempt and outcome of the ledger: orders, installments, buyouts, refunds), newest first',
    query: paymentHistoryQuery,
    responses: { 200: { description: 'A page of your payments', schema: paymentHistory }, 400: badRequest },
    async handle(ctx, { actor, query }) {
      const page = await payments.history(actor, { page: query.page, perPage: query.per_page });
      ctx.body = presentPage('payments', page, presentHistoryPayment);
    },
  });

  api.add(webhookRoute('/payment/webhook', 'Stripe webhook', payments));
}

/**
 * Stripe's webhook (and its PHP alias): the signature over the exact bytes received is the
 * only credential, so no bearer token, no CSRF, and no rate limit Stripe's retries could trip
 * (a forged request costs one HMAC over at most 1 MB and writes nothing).
 */
export function webhookRoute(path: string, summary: string, payments: PaymentsUseCases): RouteDefinition {
  return {
    method: 'post',
    path,
    tag: 'payments',
    access: PUBLIC,
    summary:
      `${summary}: verifies the Stripe-Signature header over the raw body (${WEBHOOK_TOLERANCE_SECONDS} s tolerance), then applies the ` +
      'event exactly once. Duplicates, events of other types and events for unknown intents are acknowledged.',
    headers: [
      {
        name: 'Stripe-Signature',
        description: 't=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>"> with STRIPE_WEBHOOK_SECRET',
        schema: { type: 'string' },
      },
    ],
    before: [],
    responses: {
      200: { description: 'Received (applied, a duplicate, or ignored)', schema: webhookReceived },
      400: {
        description: `invalid_signature: missing, wrong or older than ${WEBHOOK_TOLERANCE_SECONDS} s (nothing is written); invalid_json`,
        schema: errorEnvelope,
      },
      413: { description: 'Body over 1 MB', schema: errorEnvelope },
      415: { description: 'Content-Type is not application/json', schema: errorEnvelope },
    },
    async handle(ctx: ApiContext) {
      const signature = ctx.get('Stripe-Signature') || undefined;
      const outcome = await payments.handleWebhook(ctx.state.rawBody ?? '', signature);
      if (outcome === 'unknown_intent') {
        ctx.state.log.warn({ outcome }, 'webhook for a payment intent we do not know: acknowledged, nothing changed');
      } else {
        ctx.state.log.info({ outcome }, 'webhook received');
      }
      ctx.body = { received: true };
    },
  };
}
