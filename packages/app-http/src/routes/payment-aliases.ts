import type { ApiContext, ApiRouter } from '../api-router.js';
import { SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { presentHandlerConfirmed, presentHandlerCreated, presentHandlerRetrieved } from '../presenters/payment.js';
import {
  STRIPE_HANDLER_FIELDS,
  stripeHandlerAnswer,
  stripeHandlerBody,
  stripeHandlerError,
  type StripeHandlerAction,
} from '../schemas/payment.js';
import { validateBody } from '../validation.js';
import { webhookRoute } from './payments.js';

interface StripeHandlerBody {
  action: StripeHandlerAction;
  order_id?: number;
  payment_intent_id?: string;
  payment_method_id?: string;
}

/** The seed's clients read `success`: every error envelope of the handler says false. */
async function seedErrorFields(ctx: ApiContext, next: () => Promise<unknown>): Promise<void> {
  ctx.state.errorFields = { success: false };
  await next();
}

/**
 * The seed's PHP endpoints, kept for old clients (SPEC §6) on the same use cases as the
 * /api routes; mounted on a router without the /api prefix.
 */
export function paymentAliasRoutes(legacy: ApiRouter, { payments, limiters }: ApiServices): void {
  legacy.add(
    webhookRoute('/payment/webhook.php', 'The seed’s webhook path, an alias of /api/payment/webhook', payments),
  );

  legacy.add<StripeHandlerBody, unknown>({
    method: 'post',
    path: '/payment/stripe_handler.php',
    tag: 'payments',
    access: SIGNED_IN,
    summary:
      "The seed's payment handler, by action: create_payment_intent {order_id} (the amount is the order's total; " +
      'a sent amount is ignored), confirm_payment_intent {payment_intent_id, payment_method_id}, ' +
      'retrieve_payment_intent {payment_intent_id}. Errors are the usual envelope plus success: false. ' +
      'Honours an Idempotency-Key header (24 h).',
    body: stripeHandlerBody,
    idempotent: true,
    before: [seedErrorFields, rateLimit(limiters.general)],
    responses: {
      200: { description: "The action's answer (success: true)", schema: stripeHandlerAnswer },
      400: {
        description: 'Unknown action, or a field the action needs is missing or invalid',
        schema: stripeHandlerError,
      },
      401: { description: 'Missing, invalid or expired access token', schema: stripeHandlerError },
      404: { description: 'No such order or payment intent of yours', schema: stripeHandlerError },
      409: {
        description: 'invalid_transition: the order is paid or cancelled, or the intent can no longer be confirmed',
        schema: stripeHandlerError,
      },
    },
    async handle(ctx, { actor, body }) {
      // The same validation path as the body's: what this action requires, named like any missing field.
      validateBody(STRIPE_HANDLER_FIELDS[body.action], body);
      // The casts below read fields the line above has just required for this action.
      switch (body.action) {
        case 'create_payment_intent':
          ctx.body = presentHandlerCreated(await payments.createOrderIntent(actor, body.order_id as number));
          return;
        case 'confirm_payment_intent':
          ctx.body = presentHandlerConfirmed(
            await payments.confirmIntent(actor, body.payment_intent_id as string, body.payment_method_id as string),
          );
          return;
        case 'retrieve_payment_intent':
          ctx.body = presentHandlerRetrieved(await payments.retrieveIntent(actor, body.payment_intent_id as string));
          return;
      }
    },
  });
}
