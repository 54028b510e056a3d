import { resolve, TOKENS } from '@giggatek/adapters';
import Stripe from 'stripe';
import { expect } from 'vitest';
import { paymentIntentObject, stripeEventJson } from '../../../adapters/test/stripe/stripe-webhook-payloads.js';
import { customerWithAddress, manager, placedOrder, productWith, type Customer } from './orders.js';
import type { TestResponse, TestServer } from './test-server.js';

/** The secret the test servers verify webhooks with (STRIPE_WEBHOOK_SECRET). */
export const WEBHOOK_SECRET = 'whsec_http_payment_tests';
export const PAYMENTS_ENV = { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET };

export const WEBHOOK_PATH = '/api/payment/webhook';
export const WEBHOOK_ALIAS_PATH = '/payment/webhook.php';
export const HANDLER_PATH = '/payment/stripe_handler.php';

export interface UnpaidOrder {
  customer: Customer;
  orderId: number;
  total: number;
}

/** A customer with one pending, unpaid order. */
export async function unpaidOrder(server: TestServer, customer?: Customer): Promise<UnpaidOrder> {
  const staff = await manager(server);
  const productId = await productWith(server, staff.token, { price: 2_500, stock: 50 });
  const buyer = customer ?? (await customerWithAddress(server));
  const order = await placedOrder(server, buyer, [{ product_id: productId, quantity: 2 }]);
  return { customer: buyer, orderId: order.id as number, total: order.total as number };
}

export function createIntent(server: TestServer, token: string, orderId: number): Promise<TestResponse> {
  return server.request('POST', '/api/payment/create-intent', { token, body: { order_id: orderId } });
}

/** The order's intent, which must be created. */
export async function intentFor(server: TestServer, order: UnpaidOrder) {
  const response = await createIntent(server, order.customer.token, order.orderId);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { client_secret: string; payment_intent_id: string; amount: number; currency: string };
}

/**
 * What the browser does with Stripe.js: confirms the intent at the processor directly (here
 * the offline gateway), so only a webhook tells the server.
 */
export async function confirmAtGateway(server: TestServer, intentId: string, paymentMethodId = 'pm_test_visa') {
  const gateway = resolve(server.container, TOKENS.PaymentGateway);
  return gateway.confirmIntent(intentId, paymentMethodId, `browser-${intentId}`);
}

/** A Stripe event body about an order's intent, as Stripe would send it. */
export function intentEvent(
  type: 'payment_intent.succeeded' | 'payment_intent.payment_failed',
  server: TestServer,
  intent: { id: string; amount: number; orderId: number },
): string {
  const status = type === 'payment_intent.succeeded' ? 'succeeded' : 'requires_payment_method';
  const object = paymentIntentObject({
    id: intent.id,
    amount: intent.amount,
    status,
    metadata: { order_id: String(intent.orderId) },
    ...(status !== 'succeeded' && { lastError: 'your card was declined' }),
  });
  return stripeEventJson(type, object, server.clock.now());
}

/** The Stripe-Signature header the SDK's own test helper makes. */
export function signature(payload: string, options: { secret?: string; at: Date }): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: Math.floor(options.at.getTime() / 1000),
  });
}

/** Posts a webhook body, signed now with the server's secret unless `header` says otherwise. */
export function postWebhook(
  server: TestServer,
  payload: string,
  options: { header?: string | null; path?: string } = {},
): Promise<TestResponse> {
  const header = options.header === undefined ? signature(payload, { at: server.clock.now() }) : options.header;
  return server.request('POST', options.path ?? WEBHOOK_PATH, {
    body: payload,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(header !== null && { 'Stripe-Signature': header }),
    },
  });
}

/** The order as stored, with its ledger rows. */
export async function orderState(server: TestServer, orderId: number) {
  const order = await server.storage.orders.findDetail(orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  const succeeded = order.payments.filter((p) => p.kind === 'order' && p.status === 'succeeded');
  return { status: order.status, paymentStatus: order.paymentStatus, succeeded: succeeded.length };
}
