import type { RentalStatus } from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentPage } from '../presenters/page.js';
import { presentRental, presentRentalDetail } from '../presenters/rental.js';
import { renderRentalContract } from '../receipts/rental-contract.js';
import { renderRentalReceipt } from '../receipts/rental-receipt.js';
import { errorEnvelope, listOf, wrapped } from '../schemas/common.js';
import { insufficientStock } from '../schemas/order.js';
import {
  createRentalBody,
  rental,
  rentalDetail,
  rentalListQuery,
  rentalNoteBody,
  signContractBody,
} from '../schemas/rental.js';

interface CreateRentalBody {
  product_id: number;
  total_months: number;
  address_id: number;
}

interface ListQuery {
  page: number;
  per_page: number;
  status?: RentalStatus;
}

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };
const notFound = { description: 'No such rental of yours', schema: errorEnvelope };
const pdf = { contentType: 'application/pdf', schema: { type: 'string', format: 'binary' } };

/** SPEC §5 and §9: a customer's rentals, their contract and their life (payments: rental-payments.ts). */
export function rentalRoutes(api: ApiRouter, services: ApiServices): void {
  const { renting } = services;

  api.add<unknown, ListQuery>({
    method: 'get',
    path: '/rentals',
    tag: 'rentals',
    access: SIGNED_IN,
    summary: 'Your rentals, newest first, with their figures as of today',
    query: rentalListQuery,
    responses: { 200: { description: 'A page of your rentals', schema: listOf('rentals', rental) }, 400: badRequest },
    async handle(ctx, { query, actor }) {
      const page = await renting.listRentals(actor, {
        page: query.page,
        perPage: query.per_page,
        status: query.status,
      });
      ctx.body = presentPage('rentals', page, presentRental);
    },
  });

  api.add({
    method: 'get',
    path: '/rentals/:id',
    tag: 'rentals',
    access: SIGNED_IN,
    summary: 'One of your rentals with its schedule, payments, balances and status history',
    responses: { 200: { description: 'The rental', schema: wrapped('rental', rentalDetail) }, 404: notFound },
    async handle(ctx, { params, actor }) {
      ctx.body = { rental: presentRentalDetail(await renting.getRental(actor, params.id as number)) };
    },
  });

  api.add<CreateRentalBody, unknown>({
    method: 'post',
    path: '/rentals',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'Rent a product for a term: the server prices it from the stored policy and takes one unit of stock atomically; ' +
      'the rental is pending until the contract is signed. Honours an Idempotency-Key header (24 h).',
    body: createRentalBody,
    idempotent: true,
    responses: {
      201: {
        description:
          'Created, pending (or, with a repeated Idempotency-Key, the first answer again with Idempotent-Replayed: true)',
        schema: wrapped('rental', rentalDetail),
      },
      400: { description: 'Invalid input; total_months not an offered term', schema: errorEnvelope },
      404: { description: 'Unknown product, or an address not yours', schema: errorEnvelope },
      409: {
        description: 'conflict: the product is not available for rent; insufficient_stock (with shortages)',
        schema: insufficientStock,
      },
    },
    async handle(ctx, { body, actor }) {
      const created = await renting.createRental(actor, {
        productId: body.product_id,
        totalMonths: body.total_months,
        addressId: body.address_id,
      });
      ctx.status = 201;
      ctx.body = { rental: presentRentalDetail(created) };
    },
  });

  api.add<{ signature: string }, unknown>({
    method: 'post',
    path: '/rentals/:id/sign-contract',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'Sign the contract of a pending rental: stores the signature, the time and your IP; the rental becomes active ' +
      'and installment 1 is due today',
    body: signContractBody,
    responses: {
      200: { description: 'Signed: active, start_date today', schema: wrapped('rental', rentalDetail) },
      400: badRequest,
      404: notFound,
      409: { description: 'invalid_transition: already signed, or not pending', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor, body }) {
      const signed = await renting.signContract(actor, params.id as number, { signature: body.signature, ip: ctx.ip });
      ctx.body = { rental: presentRentalDetail(signed) };
    },
  });

  api.add<{ note?: string | null }, unknown>({
    method: 'post',
    path: '/rentals/:id/cancel',
    tag: 'rentals',
    access: SIGNED_IN,
    summary: 'Cancel one of your rentals while it is pending (unsigned); its unit goes back to stock',
    body: rentalNoteBody,
    responses: {
      200: { description: 'Cancelled', schema: wrapped('rental', rentalDetail) },
      400: badRequest,
      404: notFound,
      409: {
        description: 'invalid_transition: not pending (an active rental is returned instead: POST …/return)',
        schema: errorEnvelope,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const cancelled = await renting.cancelRental(actor, params.id as number, body.note ?? null);
      ctx.body = { rental: presentRentalDetail(cancelled) };
    },
  });

  api.add<{ note?: string | null }, unknown>({
    method: 'post',
    path: '/rentals/:id/return',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'Return the item of an active (or defaulted) rental: nothing further is owed and no installment is refunded; ' +
      'the unit goes back to stock when staff receive it',
    body: rentalNoteBody,
    responses: {
      200: { description: 'Returned', schema: wrapped('rental', rentalDetail) },
      400: badRequest,
      404: notFound,
      409: { description: 'invalid_transition: not active or defaulted', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor, body }) {
      const returned = await renting.returnRental(actor, params.id as number, body.note ?? null);
      ctx.body = { rental: presentRentalDetail(returned) };
    },
  });

  api.add({
    method: 'get',
    path: '/rentals/:id/contract',
    tag: 'rentals',
    access: SIGNED_IN,
    summary: 'The rental-purchase agreement of one of your rentals (PDF): every SPEC §5 disclosure and the signature',
    responses: { 200: { description: 'The contract', ...pdf }, 404: notFound },
    async handle(ctx, { params, actor }) {
      const contract = await renting.contract(actor, params.id as number);
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename="giggatek-rental-${contract.rental.id}-contract.pdf"`);
      ctx.body = await renderRentalContract(contract, { issuedAt: services.clock.now() });
    },
  });

  api.add({
    method: 'get',
    path: '/rentals/:id/payments/:payment_id/receipt',
    tag: 'rentals',
    access: SIGNED_IN,
    summary:
      'The receipt of a succeeded payment of one of your rentals (PDF): what it paid, the remaining balance, ' +
      'the payments left and the early purchase amount that day',
    responses: {
      200: { description: 'The receipt', ...pdf },
      404: { description: 'No such rental of yours, or no succeeded payment of it', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor }) {
      const receipt = await renting.paymentReceipt(actor, params.id as number, params.payment_id as number);
      ctx.type = 'application/pdf';
      ctx.set(
        'Content-Disposition',
        `inline; filename="giggatek-rental-${receipt.rental.id}-payment-${receipt.payment.id}.pdf"`,
      );
      ctx.body = await renderRentalReceipt(receipt, { issuedAt: services.clock.now() });
    },
  });
}
