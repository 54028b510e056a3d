import { createAppScheduler, PAYMENT_RECONCILIATION_JOB, type Scheduler } from '@giggatek/adapters';
import { DAY_MS } from '@giggatek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulerServices } from '../src/services.js';
import { confirmAtGateway, intentFor, orderState, PAYMENTS_ENV, unpaidOrder } from './support/payments.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §6 and §8: the reconciliation job applies what no webhook delivered.
describe.each(ENGINES)('payments: reconciliation job (%s)', (engine) => {
  let server: TestServer;
  let schedulers: Scheduler[];
  const errors: unknown[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine, { env: PAYMENTS_ENV });
    // Two instances' schedulers on one database, as with several servers.
    schedulers = [1, 2].map(() =>
      createAppScheduler(schedulerServices(server.container), { onError: (_job, error) => errors.push(error) }),
    );
  });
  afterAll(async () => {
    await Promise.all(schedulers?.map((scheduler) => scheduler.stop()) ?? []);
    await server?.stop();
  });

  it(`pays an order whose webhook was lost, once, with two instances running the job at once (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    // The customer paid in the browser; the webhook never came.
    await confirmAtGateway(server, intent.payment_intent_id);
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'pending', succeeded: 0 });

    await Promise.all(schedulers.map((scheduler) => scheduler.runOnce(PAYMENT_RECONCILIATION_JOB)));
    expect(errors).toEqual([]);
    expect(await orderState(server, order.orderId)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      succeeded: 1,
    });

    // A later run finds the event applied and changes nothing.
    await schedulers[0]?.runOnce(PAYMENT_RECONCILIATION_JOB);
    expect(await orderState(server, order.orderId)).toMatchObject({ succeeded: 1 });
  });

  it(`looks back 3 days, not further (${engine})`, async () => {
    const order = await unpaidOrder(server);
    const intent = await intentFor(server, order);
    await confirmAtGateway(server, intent.payment_intent_id);
    server.clock.advance(3 * DAY_MS + 60_000);
    await schedulers[0]?.runOnce(PAYMENT_RECONCILIATION_JOB);
    expect(errors).toEqual([]);
    expect(await orderState(server, order.orderId)).toMatchObject({ paymentStatus: 'pending', succeeded: 0 });
  });
});
