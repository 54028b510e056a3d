import type { OrderStatus, ShippingMethod } from '@giggatek/domain';
import type { ApiRouter } from '../api-router.js';
import { SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { presentOrder, presentOrderDetail } from '../presenters/order.js';
import { presentPage } from '../presenters/page.js';
import { renderOrderReceipt } from '../receipts/order-receipt.js';
import { errorEnvelope, listOf, wrapped } from '../schemas/common.js';
import {
  cancelOrderBody,
  insufficientStock,
  order,
  orderDetail,
  orderListQuery,
  placeOrderBody,
} from '../schemas/order.js';

interface PlaceOrderBody {
  items: { product_id: number; quantity: number }[];
  shipping_address_id: number;
  billing_address_id?: number;
  shipping_method: ShippingMethod;
  notes?: string | null;
}

interface ListQuery {
  page: number;
  per_page: number;
  status?: OrderStatus;
}

const badRequest = { description: 'Invalid input (the message names the field)', schema: errorEnvelope };
const notFound = { description: 'No such order of yours', schema: errorEnvelope };

export function orderRoutes(api: ApiRouter, services: ApiServices): void {
  const { ordering } = services;

  api.add<PlaceOrderBody, unknown>({
    method: 'post',
    path: '/orders',
    tag: 'orders',
    access: SIGNED_IN,
    summary:
      'Place an order: the server prices it and takes the stock atomically. Honours an Idempotency-Key header (24 h).',
    body: placeOrderBody,
    idempotent: true,
    responses: {
      201: {
        description:
          'Created (or, with a repeated Idempotency-Key, the first answer again with Idempotent-Replayed: true)',
        schema: wrapped('order', orderDetail),
      },
      400: badRequest,
      404: { description: 'Unknown product or address not yours', schema: errorEnvelope },
      409: { description: 'insufficient_stock (with shortages)', schema: insufficientStock },
    },
    async handle(ctx, { body, actor }) {
      const placed = await ordering.placeOrder(actor, {
        items: body.items.map((item) => ({ productId: item.product_id, quantity: item.quantity })),
        shippingAddressId: body.shipping_address_id,
        billingAddressId: body.billing_address_id,
        shippingMethod: body.shipping_method,
        notes: body.notes ?? null,
      });
      ctx.status = 201;
      ctx.body = { order: presentOrderDetail(placed) };
    },
  });

  api.add<unknown, ListQuery>({
    method: 'get',
    path: '/orders',
    tag: 'orders',
    access: SIGNED_IN,
    summary: 'Your orders, newest first',
    query: orderListQuery,
    responses: { 200: { description: 'A page of your orders', schema: listOf('orders', order) }, 400: badRequest },
    async handle(ctx, { query, actor }) {
      const page = await ordering.listOrders(actor, {
        page: query.page,
        perPage: query.per_page,
        status: query.status,
      });
      ctx.body = presentPage('orders', page, presentOrder);
    },
  });

  api.add({
    method: 'get',
    path: '/orders/:id',
    tag: 'orders',
    access: SIGNED_IN,
    summary: 'One of your orders with its items, addresses, payments and status history',
    responses: { 200: { description: 'The order', schema: wrapped('order', orderDetail) }, 404: notFound },
    async handle(ctx, { params, actor }) {
      ctx.body = { order: presentOrderDetail(await ordering.getOrder(actor, params.id as number)) };
    },
  });

  api.add<{ note?: string | null }, unknown>({
    method: 'post',
    path: '/orders/:id/cancel',
    tag: 'orders',
    access: SIGNED_IN,
    summary: 'Cancel one of your orders while it is pending and unpaid; its stock comes back',
    body: cancelOrderBody,
    responses: {
      200: { description: 'Cancelled', schema: wrapped('order', orderDetail) },
      404: notFound,
      409: { description: 'invalid_transition: the order is no longer pending and unpaid', schema: errorEnvelope },
    },
    async handle(ctx, { params, actor, body }) {
      ctx.body = {
        order: presentOrderDetail(await ordering.cancelOrder(actor, params.id as number, body.note ?? null)),
      };
    },
  });

  api.add({
    method: 'get',
    path: '/orders/:id/receipt',
    tag: 'orders',
    access: SIGNED_IN,
    summary: 'A PDF receipt of one of your orders',
    responses: {
      200: { description: 'The receipt', contentType: 'application/pdf', schema: { type: 'string', format: 'binary' } },
      404: notFound,
    },
    async handle(ctx, { params, actor }) {
      const found = await ordering.getOrder(actor, params.id as number);
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename="giggatek-order-${found.id}.pdf"`);
      ctx.body = await renderOrderReceipt(found, { issuedAt: services.clock.now() });
    },
  });
}
