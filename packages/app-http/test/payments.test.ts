import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import { customerWithAddress } from './support/orders.js';
import {
  confirmAtGateway,
  createIntent,
  intentEvent,
  intentFor,
  orderState,
  PAYMENTS_ENV,
  postWebhook,
  unpaidOrder,
} from './support/payments.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §6 and §9: POST /api/payment/create-intent and GET /api/payment/history.
describe.each(ENGINES)('payments: create-intent and history (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { env: PAYMENTS_ENV });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`answers the order's intent for its total, and the same intent again (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const first = await intentFor(server, order);
    expect(first).toEqual({
      client_secret: expect.any(String),
      payment_intent_id: expect.stringMatching(/^pi_/),
      amount: order.total,
      currency: 'usd',
    });
    const again = await intentFor(server, order);
    expect(again.payment_intent_id).toBe(first.payment_intent_id);
    expect(again.client_secret).toBe(first.client_secret);
  });

  it(`is idempotent with an Idempotency-Key: the replay is the first answer (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const send = () =>
      server.request('POST', '/api/payment/create-intent', {
        token: order.customer.token,
        body: { order_id: order.orderId },
        headers: { 'Idempotency-Key': `intent-${order.orderId}` },
      });
    const first = await send();
    const replay = await send();
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it(`refuses someone else's order (404), a paid one and a cancelled one (409) (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const stranger = await customerWithAddress(server);
    expectError(await createIntent(server, stranger.token, order.orderId), 404, 'not_found');
    expectError(await createIntent(server, order.customer.token, 99_999_999), 404, 'not_found');

    const intent = await intentFor(server, order);
    await confirmAtGateway(server, intent.payment_intent_id);
    const paid = intentEvent('payment_intent.succeeded', server, {
      id: intent.payment_intent_id,
      amount: intent.amount,
      orderId: order.orderId,
    });
    expect((await postWebhook(server, paid)).status).toBe(200);
    expect((await orderState(server, order.orderId)).paymentStatus).toBe('paid');
    expectError(await createIntent(server, order.customer.token, order.orderId), 409);

    const cancelled = await unpaidOrder(server, order.customer);
    const cancel = await server.request('POST', `/api/orders/${cancelled.orderId}/cancel`, {
      token: order.customer.token,
    });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expectError(await createIntent(server, order.customer.token, cancelled.orderId), 409);
  });

  it(`validates the body and needs a bearer token (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const response = await server.request('POST', '/api/payment/create-intent', {
      token: order.customer.token,
      body: { order_id: 'one' },
    });
    expectError(response, 400, 'validation_failed');
    expect(response.body.error).toMatch(/order_id/);
    expectError(await server.request('POST', '/api/payment/create-intent', { body: { order_id: order.orderId } }), 401);
    expectError(await server.request('GET', '/api/payment/history'), 401);
  });

  it(`pages the caller's own payments, newest first, as SPEC §9 spells a payment (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const stranger = await unpaidOrder(server);
    const orders = [];
    for (let i = 0; i < 3; i += 1) orders.push(await unpaidOrder(server, customer));
    for (const order of [...orders, stranger]) {
      const intent = await intentFor(server, order);
      await confirmAtGateway(server, intent.payment_intent_id);
      const event = intentEvent('payment_intent.succeeded', server, {
        id: intent.payment_intent_id,
        amount: intent.amount,
        orderId: order.orderId,
      });
      expect((await postWebhook(server, event)).status).toBe(200);
      server.clock.advance(1_000);
    }

    const all = await server.request('GET', '/api/payment/history?per_page=100', { token: customer.token });
    expect(all.status).toBe(200);
    const paidRows = all.body.payments.filter((p: { status: string }) => p.status === 'paid');
    expect(paidRows.map((p: { order_id: number }) => p.order_id)).toEqual(orders.map((o) => o.orderId).reverse());
    expect(paidRows[0]).toEqual({
      id: expect.any(Number),
      order_id: orders[2]?.orderId,
      installment_no: null,
      kind: 'order',
      amount: orders[2]?.total,
      currency: 'usd',
      status: 'paid',
      created_at: expect.any(String),
    });
    const ownOrders = new Set(orders.map((o) => o.orderId));
    expect(all.body.payments.every((p: { order_id: number }) => ownOrders.has(p.order_id))).toBe(true);

    const total = all.body.pagination.total as number;
    const pageOne = await server.request('GET', '/api/payment/history?per_page=2', { token: customer.token });
    const pageTwo = await server.request('GET', '/api/payment/history?per_page=2&page=2', { token: customer.token });
    expect(pageOne.body.pagination).toEqual({ page: 1, per_page: 2, total, total_pages: Math.ceil(total / 2) });
    expect(pageOne.body.payments).toHaveLength(2);
    expect([...pageOne.body.payments, ...pageTwo.body.payments]).toEqual(all.body.payments.slice(0, 4));
    expectError(await server.request('GET', '/api/payment/history?page=0x2', { token: customer.token }), 400);
  });
});
