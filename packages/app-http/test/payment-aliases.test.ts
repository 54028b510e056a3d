import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { expectError } from './support/expect-error.js';
import { customerWithAddress } from './support/orders.js';
import {
  HANDLER_PATH,
  intentEvent,
  intentFor,
  orderState,
  PAYMENTS_ENV,
  postWebhook,
  unpaidOrder,
} from './support/payments.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §6: the seed's POST /payment/stripe_handler.php, on the same use cases as /api.
describe.each(ENGINES)('payments: the seed’s stripe_handler.php (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { env: PAYMENTS_ENV });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const handler = (token: string | undefined, body: unknown) => server.request('POST', HANDLER_PATH, { token, body });

  it(`creates the order's intent for its total, ignoring a sent amount (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const created = await handler(order.customer.token, {
      action: 'create_payment_intent',
      order_id: order.orderId,
      amount: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toEqual({
      success: true,
      client_secret: expect.any(String),
      payment_intent_id: expect.stringMatching(/^pi_/),
    });
    // The same intent as /api/payment/create-intent's, for the order's total.
    expect((await intentFor(server, order)).payment_intent_id).toBe(created.body.payment_intent_id);
    const retrieved = await handler(order.customer.token, {
      action: 'retrieve_payment_intent',
      payment_intent_id: created.body.payment_intent_id,
    });
    expect(retrieved.body).toEqual({
      success: true,
      status: 'requires_payment_method',
      amount: order.total,
      currency: 'usd',
      payment_intent_id: created.body.payment_intent_id,
    });
  });

  it(`confirms an intent; a webhook for it afterwards records no second success (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    const confirmed = await handler(order.customer.token, {
      action: 'confirm_payment_intent',
      payment_intent_id: intent.payment_intent_id,
      payment_method_id: 'pm_test_visa',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toEqual({
      success: true,
      status: 'succeeded',
      payment_intent_id: intent.payment_intent_id,
      requires_action: false,
      client_secret: intent.client_secret,
    });
    const event = intentEvent('payment_intent.succeeded', server, {
      id: intent.payment_intent_id,
      amount: intent.amount,
      orderId: order.orderId,
    });
    expect((await postWebhook(server, event)).status).toBe(200);
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      succeeded: 1,
    });
  });

  it(`answers requires_action with the client secret for a 3-D Secure card (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    const confirmed = await handler(order.customer.token, {
      action: 'confirm_payment_intent',
      payment_intent_id: intent.payment_intent_id,
      payment_method_id: 'pm_3ds_required',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ success: true, status: 'requires_action', requires_action: true });
    expect(confirmed.body.client_secret).toBe(intent.client_secret);
  });

  it(`answers 400 with success: false for an unknown action or a missing field (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const unknown = await handler(order.customer.token, { action: 'refund_everything', order_id: order.orderId });
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.body).toMatchObject({ success: false, error: expect.stringMatching(/action/) });
    const missing = await handler(order.customer.token, {
      action: 'confirm_payment_intent',
      payment_intent_id: 'pi_123',
    });
    expectError(missing, 400, 'validation_failed');
    expect(missing.body).toMatchObject({ success: false, error: expect.stringMatching(/payment_method_id/) });
    const noOrder = await handler(order.customer.token, { action: 'create_payment_intent' });
    expect(noOrder.body).toMatchObject({ success: false, code: 'validation_failed' });
    expect(noOrder.body.details).toEqual([{ field: 'order_id', message: 'is required' }]);
    const anonymous = await handler(undefined, { action: 'create_payment_intent', order_id: order.orderId });
    expectError(anonymous, 401);
    expect(anonymous.body.success).toBe(false);
  });

  it(`answers 404 with success: false for another user's order or intent (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    const stranger = await customerWithAddress(server);
    for (const body of [
      { action: 'create_payment_intent', order_id: order.orderId },
      { action: 'retrieve_payment_intent', payment_intent_id: intent.payment_intent_id },
      {
        action: 'confirm_payment_intent',
        payment_intent_id: intent.payment_intent_id,
        payment_method_id: 'pm_test_visa',
      },
    ]) {
      const response = await handler(stranger.token, body);
      expectError(response, 404, 'not_found');
      expect(response.body.success).toBe(false);
    }
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'pending', succeeded: 0 });
  });
});

// SPEC §6: no card data or client secret in the logs (one engine: logging does not depend on it).
describe('payments: logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    server = await startTestServer('sqlite', { env: PAYMENTS_ENV, logger: createLogger('debug', sink) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('logs the webhooks it received, an unknown intent as a warning, and never a secret or a card', async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    await handler(order.customer.token, { action: 'create_payment_intent', order_id: order.orderId });
    await handler(order.customer.token, {
      action: 'confirm_payment_intent',
      payment_intent_id: intent.payment_intent_id,
      payment_method_id: 'pm_test_4242424242424242',
    });
    const event = intentEvent('payment_intent.succeeded', server, {
      id: intent.payment_intent_id,
      amount: intent.amount,
      orderId: order.orderId,
    });
    expect((await postWebhook(server, event)).status).toBe(200);
    const unknown = intentEvent('payment_intent.succeeded', server, { id: 'pi_unknown_log', amount: 1, orderId: 1 });
    expect((await postWebhook(server, unknown)).status).toBe(200);

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((e) => e.outcome === 'unknown_intent' && e.level === 'warn')).toBe(true);
    const everything = lines.join('\n');
    expect(everything).toContain(HANDLER_PATH); // the sink did receive these requests' lines
    for (const secret of [intent.client_secret, '_secret_', '4242424242424242', 'pm_test_', 'whsec_']) {
      expect(everything).not.toContain(secret);
    }
  });

  function handler(token: string, body: unknown) {
    return server.request('POST', HANDLER_PATH, { token, body });
  }
});
