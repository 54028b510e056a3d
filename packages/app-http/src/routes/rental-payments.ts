import type { ApiRouter, ResponseSpec } from '../api-router.js';
import { SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentBuyoutAmount, presentRentalPaymentResult } from '../presenters/rental.js';
import { errorEnvelope } from '../schemas/common.js';
import {
  amountChanged,
  buyoutAmount,
  makePaymentBody,
  paymentRefusal,
  processBuyoutBody,
  rentalPaymentResult,
} from '../schemas/rental.js';

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };
const notFound = { description: 'No such rental of yours', schema: errorEnvelope };
const refused: ResponseSpec = {
  description:
    'payment_failed: the charge was declined (the failed attempt is in the ledger, no balance changed); ' +
    'payment_requires_action: the customer must authenticate it (client_secret)',
  schema: paymentRefusal,
};

/** SPEC §5 and §6: installments and the early purchase, charged off-session to a saved payment method. */
export function rentalPaymentRoutes(api: ApiRouter, { renting }: ApiServices): void {
  api.add<{ payment_method_id: string }, unknown>({
    method: 'post',
    path: '/rentals/:id/make-payment',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'Pay the oldest unpaid installment of an active rental (with its late fee, if late); paying the last one ' +
      'completes the rental and transfers ownership. Honours an Idempotency-Key header (24 h).',
    body: makePaymentBody,
    idempotent: true,
    responses: {
      200: { description: 'Paid', schema: rentalPaymentResult },
      400: badRequest,
      402: refused,
      404: notFound,
      409: {
        description: 'invalid_transition: not active; conflict: every installment is paid',
        schema: errorEnvelope,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const result = await renting.makePayment(actor, params.id as number, { paymentMethodId: body.payment_method_id });
      ctx.body = presentRentalPaymentResult(result);
    },
  });

  api.add({
    method: 'get',
    path: '/rentals/:id/buyout-amount',
    tag: 'rentals',
    access: SIGNED_IN,
    summary: 'What owning the item of an active rental costs today (the early purchase option of SPEC §5)',
    responses: {
      200: { description: 'The amount, for the day valid_on', schema: buyoutAmount },
      404: notFound,
      409: { description: 'invalid_transition: only an active rental can be bought out', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor }) {
      ctx.body = presentBuyoutAmount(await renting.buyoutAmount(actor, params.id as number));
    },
  });

  api.add<{ payment_method_id: string; amount: number }, unknown>({
    method: 'post',
    path: '/rentals/:id/process-buyout',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'Buy the item out: charges the buyout amount you confirm, completes the rental and transfers ownership. ' +
      'Honours an Idempotency-Key header (24 h).',
    body: processBuyoutBody,
    idempotent: true,
    responses: {
      200: { description: 'Bought out: completed', schema: rentalPaymentResult },
      400: badRequest,
      402: refused,
      404: notFound,
      409: {
        description:
          'amount_changed: the amount is stale (the body carries buyout_amount, valid now); invalid_transition: not active',
        schema: amountChanged,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const result = await renting.processBuyout(actor, params.id as number, {
        paymentMethodId: body.payment_method_id,
        amount: body.amount,
      });
      ctx.body = presentRentalPaymentResult(result);
    },
  });
}
