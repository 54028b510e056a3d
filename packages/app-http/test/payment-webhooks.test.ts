import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import {
  confirmAtGateway,
  intentEvent,
  intentFor,
  orderState,
  PAYMENTS_ENV,
  postWebhook,
  signature,
  unpaidOrder,
  WEBHOOK_ALIAS_PATH,
  type UnpaidOrder,
} from './support/payments.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §6: POST /api/payment/webhook (and /payment/webhook.php), signed as Stripe signs.
describe.each(ENGINES)('payments: webhooks (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { env: PAYMENTS_ENV });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** An unpaid order whose intent the customer confirmed in the browser, and the event saying so. */
  async function confirmedOrder(): Promise<UnpaidOrder & { intentId: string; succeeded: string }> {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    await confirmAtGateway(server, intent.payment_intent_id);
    const succeeded = intentEvent('payment_intent.succeeded', server, {
      id: intent.payment_intent_id,
      amount: intent.amount,
      orderId: order.orderId,
    });
    return { ...order, intentId: intent.payment_intent_id, succeeded };
  }

  it(`applies payment_intent.succeeded: the order is processing and paid, one ledger success (${engine})`, async () => {
    const order = await confirmedOrder();
    expect(await orderState(server, order.orderId)).toMatchObject({ status: 'pending', succeeded: 0 });
    // Indented as no JSON.stringify would write it: only the bytes received verify.
    const response = await postWebhook(server, JSON.stringify(JSON.parse(order.succeeded), null, 3));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ received: true });
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      succeeded: 1,
    });
  });

  it(`applies the same event delivered 10 times at once exactly once (${engine})`, async () => {
    const order = await confirmedOrder();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postWebhook(server, order.succeeded)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      succeeded: 1,
    });
    const changes = (await server.storage.orders.findDetail(order.orderId))?.statusHistory ?? [];
    expect(changes.filter((change) => change.toStatus === 'processing')).toHaveLength(1);
  });

  it(`refuses a tampered body, a wrong secret, a stale or missing signature, writing nothing (${engine})`, async () => {
    const order = await confirmedOrder();
    const now = server.clock.now();
    const tampered = order.succeeded.replace(`"amount":${order.total}`, `"amount":${order.total - 1}`);
    expect(tampered).not.toBe(order.succeeded);
    const attempts = [
      postWebhook(server, tampered, { header: signature(order.succeeded, { at: now }) }),
      postWebhook(server, order.succeeded, { header: signature(order.succeeded, { at: now, secret: 'whsec_wrong' }) }),
      postWebhook(server, order.succeeded, {
        header: signature(order.succeeded, { at: new Date(now.getTime() - 301_000) }),
      }),
      postWebhook(server, order.succeeded, { header: null }),
      postWebhook(server, order.succeeded, { header: 't=1,v1=00' }),
    ];
    for (const response of await Promise.all(attempts)) expectError(response, 400, 'invalid_signature');
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'pending',
      paymentStatus: 'pending',
      succeeded: 0,
    });
    // Nothing was recorded of the event either: signed properly, it still applies.
    expect((await postWebhook(server, order.succeeded)).status).toBe(200);
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'paid', succeeded: 1 });
  });

  it(`accepts a signature within the 300 s tolerance (${engine})`, async () => {
    const order = await confirmedOrder();
    const header = signature(order.succeeded, { at: new Date(server.clock.now().getTime() - 290_000) });
    expect((await postWebhook(server, order.succeeded, { header })).status).toBe(200);
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'paid' });
  });

  it(`keeps a paid order paid when a failure arrives after the success (${engine})`, async () => {
    const order = await confirmedOrder();
    expect((await postWebhook(server, order.succeeded)).status).toBe(200);
    const failed = intentEvent('payment_intent.payment_failed', server, {
      id: order.intentId,
      amount: order.total,
      orderId: order.orderId,
    });
    expect((await postWebhook(server, failed)).status).toBe(200);
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      succeeded: 1,
    });
  });

  it(`acknowledges an event for an unknown intent and one of another type (${engine})`, async () => {
    const unknown = intentEvent('payment_intent.succeeded', server, { id: 'pi_unknown_0001', amount: 500, orderId: 1 });
    const response = await postWebhook(server, unknown);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ received: true });
    const other = JSON.stringify({
      id: `evt_other_${engine}`,
      object: 'event',
      type: 'customer.created',
      created: Math.floor(server.clock.now().getTime() / 1000),
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    expect((await postWebhook(server, other)).body).toEqual({ received: true });
  });

  it(`serves the seed's /payment/webhook.php alias with the same verification (${engine})`, async () => {
    const order = await confirmedOrder();
    const wrong = signature(order.succeeded, { at: server.clock.now(), secret: 'whsec_wrong' });
    expectError(await postWebhook(server, order.succeeded, { path: WEBHOOK_ALIAS_PATH, header: wrong }), 400);
    const response = await postWebhook(server, order.succeeded, { path: WEBHOOK_ALIAS_PATH });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ received: true });
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'paid', succeeded: 1 });
  });

  it(`refuses a body that is not JSON, and is never rate limited by a bearer-less sender (${engine})`, async () => {
    const response = await server.request('POST', '/api/payment/webhook', {
      body: 'a=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Stripe-Signature': 't=1,v1=00' },
    });
    expectError(response, 415);
    expect((await postWebhook(server, '{}', { header: null })).headers.get('X-RateLimit-Limit')).toBeNull();
  });
});
