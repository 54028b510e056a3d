import type { RentalStatus, StaffRentalUpdate } from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { needs } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { camelKeys } from '../presenters/case.js';
import { presentPage } from '../presenters/page.js';
import { presentRental, presentRentalDetail, presentRentalPayment } from '../presenters/rental.js';
import { errorEnvelope, listOf, wrapped } from '../schemas/common.js';
import { refundBody, refundConflict, refundRefusal } from '../schemas/refund.js';
import {
  adminRentalListQuery,
  paymentRefusal,
  rental,
  rentalDetail,
  rentalPaymentResult,
  staffRentalUpdateBody,
} from '../schemas/rental.js';

interface AdminListQuery {
  page: number;
  per_page: number;
  status?: RentalStatus;
  overdue?: boolean;
  customer_email?: string;
}

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };
const forbidden = { description: 'Managers and admins only', schema: errorEnvelope };
const notFound = { description: 'No such rental', schema: errorEnvelope };

/** SPEC §5's staff transitions and §9's admin rental list (manager or admin). */
export function adminRentalRoutes(api: ApiRouter, { renting, refunds }: ApiServices): void {
  api.add<unknown, AdminListQuery>({
    method: 'get',
    path: '/admin/rentals',
    tag: 'admin-rentals',
    access: needs('rentals:manage'),
    summary: "All customers' rentals, newest first, filtered (manager or admin)",
    query: adminRentalListQuery,
    responses: {
      200: { description: 'A page of rentals', schema: listOf('rentals', rental) },
      400: badRequest,
      403: forbidden,
    },
    async handle(ctx, { query, actor }) {
      const page = await renting.listAllRentals(actor, {
        page: query.page,
        perPage: query.per_page,
        status: query.status,
        overdue: query.overdue,
        customerEmail: query.customer_email,
      });
      ctx.body = presentPage('rentals', page, presentRental);
    },
  });

  api.add({
    method: 'get',
    path: '/admin/rentals/:id',
    tag: 'admin-rentals',
    access: needs('rentals:manage'),
    summary: "Any customer's rental with its schedule, payments and status history (manager or admin)",
    responses: {
      200: { description: 'The rental', schema: wrapped('rental', rentalDetail) },
      403: forbidden,
      404: notFound,
    },
    async handle(ctx, { params, actor }) {
      ctx.body = { rental: presentRentalDetail(await renting.getRental(actor, params.id as number)) };
    },
  });

  api.add<Record<string, unknown>, unknown>({
    method: 'put',
    path: '/admin/rentals/:id',
    tag: 'admin-rentals',
    access: needs('rentals:manage'),
    summary:
      'Staff transitions: mark defaulted, reinstate (arrears charged first), return, cancel a pending rental; ' +
      'receive a returned unit back into stock; add a note (manager or admin)',
    body: staffRentalUpdateBody,
    responses: {
      200: { description: 'Updated', schema: wrapped('rental', rentalDetail) },
      400: badRequest,
      402: { description: 'Reinstating: the arrears charge was declined or needs action', schema: paymentRefusal },
      403: forbidden,
      404: notFound,
      409: {
        description:
          'invalid_transition: not allowed from this status, not overdue long enough, already received; ' +
          'conflict: reinstating needs the arrears paid (send payment_method_id)',
        schema: errorEnvelope,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const updated = await renting.updateRental(actor, params.id as number, camelKeys<StaffRentalUpdate>(body));
      ctx.body = { rental: presentRentalDetail(updated) };
    },
  });

  api.add<{ amount?: number }, unknown>({
    method: 'post',
    path: '/admin/rentals/:id/payments/:payment_id/refund',
    tag: 'admin-rentals',
    access: needs('refunds:issue'),
    summary:
      "Refund (part of) one installment or buyout payment, through the gateway that took it. The rental's " +
      'figures do not move: the refund is money back, the installment stays paid. Honours an Idempotency-Key ' +
      'header (24 h) (manager or admin)',
    body: refundBody,
    idempotent: true,
    responses: {
      200: { description: "Refunded: the refund's ledger row and the rental", schema: rentalPaymentResult },
      400: { description: 'amount: under 1 cent or more than the payment was', schema: errorEnvelope },
      402: {
        description: 'payment_failed: the processor refused the refund (kept as a failed row)',
        schema: refundRefusal,
      },
      403: forbidden,
      404: { description: 'No such rental, or no such installment or buyout payment of it', schema: errorEnvelope },
      409: {
        description: 'conflict: the payment did not succeed, more than is left of it (amount_left), or nothing left',
        schema: refundConflict,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const id = params.id as number;
      const refund = await refunds.refundRentalPayment(actor, id, params.payment_id as number, { amount: body.amount });
      ctx.body = {
        payment: presentRentalPayment(refund),
        rental: presentRentalDetail(await renting.getRental(actor, id)),
      };
    },
  });
}
