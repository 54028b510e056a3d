import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createSqlStorage } from '../../src/sql/index.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { emptyTables } from '../support/sql-engine.js';
import { PAY, paymentsHarness, type PaymentsHarness } from '../use-cases/payments/harness.js';

const baseUrl = process.env.MYSQL_URL;

/** The pool as far as these tests look at it. */
interface Pool {
  max: number;
  numUsed(): number;
}

// Payment use cases racing on real connections: the event id's primary key and the ledger
// row's lock (lockByGatewayRef, FOR UPDATE) put them in line.
describe.skipIf(!baseUrl)('payment races (mysql)', () => {
  let database: FreshMysqlDatabase;
  let knex: Knex;
  let h: PaymentsHarness;
  let busiest = 0;
  beforeAll(async () => {
    database = await createFreshMysqlDatabase(baseUrl as string);
    knex = database.knex;
    const pool = (knex.client as { pool: Pool }).pool;
    expect(pool.max).toBeGreaterThanOrEqual(10);
    knex.on('query', () => {
      busiest = Math.max(busiest, pool.numUsed());
    });
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await emptyTables(knex);
    h = paymentsHarness(createSqlStorage(knex, database.url));
    busiest = 0;
  });

  /** The order's transitions to processing and its succeeded ledger rows. */
  const paidTrail = async (orderId: number) => {
    const detail = await h.orderDetail(orderId);
    return {
      status: detail.status,
      paymentStatus: detail.paymentStatus,
      toProcessing: detail.statusHistory.filter((s) => s.toStatus === 'processing').length,
      successes: detail.payments.filter((p) => p.status === 'succeeded').length,
    };
  };

  it('applies one succeeded event delivered 10 times at once exactly once', async () => {
    const { actor, order } = await h.pendingOrder();
    const intent = await h.service.createOrderIntent(actor, order.id);
    await h.gateway.confirmIntent(intent.paymentIntentId, PAY, 'browser');
    const event = await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded');
    busiest = 0;
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => h.service.applyEvent(event)));
    expect(busiest).toBeGreaterThan(1);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
    expect(await paidTrail(order.id)).toEqual({
      status: 'processing',
      paymentStatus: 'paid',
      toProcessing: 1,
      successes: 1,
    });
    expect(await knex('gateway_events').where({ event_id: event.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    await h.expectBalancesFromLedger({ orderIds: [order.id] });
  });

  it('records one success when the webhook and the synchronous confirmation of one intent land at once', async () => {
    const orderIds: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const { actor, order } = await h.pendingOrder();
      orderIds.push(order.id);
      const intent = await h.service.createOrderIntent(actor, order.id);
      // The gateway answers the confirmation's key with this same success (its idempotency),
      // so the webhook of this success and the confirmation's recording race.
      await h.gateway.confirmIntent(intent.paymentIntentId, PAY, `intent-${intent.paymentIntentId}-confirm-${PAY}`);
      const event = await h.eventOf(intent.paymentIntentId, 'payment_intent.succeeded');
      const [webhook, confirmed] = await Promise.all([
        h.service.applyEvent(event),
        h.service.confirmIntent(actor, intent.paymentIntentId, PAY),
      ]);
      expect(webhook).toBe('applied');
      expect(confirmed.status).toBe('succeeded');
      expect(await paidTrail(order.id)).toEqual({
        status: 'processing',
        paymentStatus: 'paid',
        toProcessing: 1,
        successes: 1,
      });
    }
    await h.expectBalancesFromLedger({ orderIds });
  });

  it('moves a rental on once when a pending installment’s success is delivered 10 times at once', async () => {
    const { actor, rental } = await h.activeRental(3);
    await h.renting.makePayment(actor, rental.id, { paymentMethodId: 'pm_3ds_card' }).catch(() => undefined);
    const pending = (await h.rentalDetail(rental.id)).payments[0];
    if (!pending?.gatewayRef) throw new Error('no pending row');
    await h.gateway.confirmIntent(pending.gatewayRef, PAY, 'browser-3ds');
    const event = await h.eventOf(pending.gatewayRef, 'payment_intent.succeeded');
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => h.service.applyEvent(event)));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    const after = await h.rentalDetail(rental.id);
    expect(after.installmentsPaid).toBe(1);
    expect(after.payments.map((p) => p.status)).toEqual(['succeeded']);
    await h.expectBalancesFromLedger({ rentalIds: [rental.id] });
  });
});
