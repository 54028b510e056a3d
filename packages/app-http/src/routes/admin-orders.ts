import {
  ValidationError,
  type AdminOrderFilter,
  type OrderStatus,
  type PaymentStatus,
  type StaffOrderUpdate,
} from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { needs } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { camelKeys } from '../presenters/case.js';
import { presentOrder, presentOrderDetail, presentPayment } from '../presenters/order.js';
import { presentPage } from '../presenters/page.js';
import { errorEnvelope, listOf, wrapped } from '../schemas/common.js';
import { adminOrderListQuery, order, orderDetail, staffOrderUpdateBody } from '../schemas/order.js';
import { orderRefundResult, refundBody, refundConflict, refundRefusal } from '../schemas/refund.js';

interface AdminListQuery {
  page: number;
  per_page: number;
  status?: OrderStatus;
  payment_status?: PaymentStatus;
  customer_email?: string;
  date_from?: string;
  date_to?: string;
}

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };
const forbidden = { description: 'Managers and admins only', schema: errorEnvelope };
const notFound = { description: 'No such order', schema: errorEnvelope };

const CHANGEABLE = ['status', 'payment_status', 'tracking_number', 'note'] as const;
const END_OF_DAY_MS = 24 * 60 * 60 * 1000 - 1;

export function adminOrderRoutes(api: ApiRouter, { ordering, refunds }: ApiServices): void {
  api.add<unknown, AdminListQuery>({
    method: 'get',
    path: '/admin/orders',
    tag: 'admin-orders',
    access: needs('orders:manage'),
    summary: "All customers' orders, newest first, filtered (manager or admin)",
    query: adminOrderListQuery,
    responses: {
      200: { description: 'A page of orders', schema: listOf('orders', order) },
      400: badRequest,
      403: forbidden,
    },
    async handle(ctx, { query, actor }) {
      const page = await ordering.listAllOrders(actor, adminFilter(query));
      ctx.body = presentPage('orders', page, presentOrder);
    },
  });

  api.add({
    method: 'get',
    path: '/admin/orders/:id',
    tag: 'admin-orders',
    access: needs('orders:manage'),
    summary: "Any customer's order with its payments and status history (manager or admin)",
    responses: {
      200: { description: 'The order', schema: wrapped('order', orderDetail) },
      403: forbidden,
      404: notFound,
    },
    async handle(ctx, { params, actor }) {
      ctx.body = { order: presentOrderDetail(await ordering.getOrder(actor, params.id as number)) };
    },
  });

  api.add<Record<string, unknown>, unknown>({
    method: 'put',
    path: '/admin/orders/:id',
    tag: 'admin-orders',
    access: needs('orders:manage'),
    summary: 'Move an order along its lifecycle, record an offline payment, set the tracking number (manager or admin)',
    body: staffOrderUpdateBody,
    responses: {
      200: { description: 'Updated', schema: wrapped('order', orderDetail) },
      400: badRequest,
      403: forbidden,
      404: notFound,
      409: { description: 'invalid_transition', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor, body }) {
      if (CHANGEABLE.every((field) => body[field] === undefined)) {
        throw new ValidationError([{ field: 'body', message: `give at least one of ${CHANGEABLE.join(', ')}` }]);
      }
      ctx.body = {
        order: presentOrderDetail(
          await ordering.updateOrder(actor, params.id as number, camelKeys<StaffOrderUpdate>(body)),
        ),
      };
    },
  });

  api.add<{ amount?: number }, unknown>({
    method: 'post',
    path: '/admin/orders/:id/refund',
    tag: 'admin-orders',
    access: needs('refunds:issue'),
    summary:
      'Refund (part of) what the customer paid, through the gateway that took it (an offline payment is refunded ' +
      'offline); payment_status becomes refunded or partially_refunded, the status stays. Honours an ' +
      'Idempotency-Key header (24 h) (manager or admin)',
    body: refundBody,
    idempotent: true,
    responses: {
      200: { description: "Refunded: the refund's ledger row and the order", schema: orderRefundResult },
      400: { description: 'amount: under 1 cent or more than was ever paid', schema: errorEnvelope },
      402: {
        description: 'payment_failed: the processor refused the refund (kept as a failed row)',
        schema: refundRefusal,
      },
      403: forbidden,
      404: notFound,
      409: {
        description: 'conflict: more than is left to refund (amount_left), or nothing left',
        schema: refundConflict,
      },
    },
    async handle(ctx, { params, actor, body }) {
      const id = params.id as number;
      const refund = await refunds.refundOrder(actor, id, { amount: body.amount });
      ctx.body = { payment: presentPayment(refund), order: presentOrderDetail(await ordering.getOrder(actor, id)) };
    },
  });
}

/** `date_from`/`date_to` are whole UTC days, both included. */
function adminFilter(query: AdminListQuery): AdminOrderFilter {
  const createdFrom = query.date_from === undefined ? undefined : new Date(`${query.date_from}T00:00:00.000Z`);
  const createdTo =
    query.date_to === undefined ? undefined : new Date(Date.parse(`${query.date_to}T00:00:00.000Z`) + END_OF_DAY_MS);
  if (createdFrom && createdTo && createdFrom > createdTo) {
    throw new ValidationError([{ field: 'date_to', message: 'must not be before date_from' }]);
  }
  return {
    page: query.page,
    perPage: query.per_page,
    status: query.status,
    paymentStatus: query.payment_status,
    customerEmail: query.customer_email,
    createdFrom,
    createdTo,
  };
}
