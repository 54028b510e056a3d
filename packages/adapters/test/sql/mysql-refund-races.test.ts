import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { cents, orderRefundable, RefundService, sumCents } from '@giggatek/domain';
import type { Actor, Id, PaymentEntry } from '@giggatek/domain';
import { createTestUser } from '../contract/suites/fixture.js';
import { createProduct, newOrder } from '../contract/suites/order-fixtures.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { outcomesOf, rentingOverSql } from '../support/rental-races.js';
import { emptyTables } from '../support/sql-engine.js';

const baseUrl = process.env.MYSQL_URL;

/** The pool as far as these tests look at it. */
interface Pool {
  max: number;
  numUsed(): number;
}

const refundedTotal = (payments: readonly PaymentEntry[]) =>
  sumCents(payments.filter((p) => p.kind === 'refund' && p.status === 'succeeded').map((p) => p.amount));

// Refunds racing on real connections: each batch runs its units of work on separate pooled
// connections at once (checked), and the order's (or rental's) row lock puts them in line,
// so each recomputes what is left after the one before it committed.
describe.skipIf(!baseUrl)('refund races (mysql)', () => {
  let database: FreshMysqlDatabase;
  let knex: Knex;
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
    busiest = 0;
  });

  async function setup() {
    const renting = rentingOverSql(knex, database.url);
    const { storage, gateway, clock } = renting;
    // A staff member who exists: the order's history row refers to them.
    const manager: Actor = { userId: await createTestUser(storage.users, clock.now()), role: 'manager' };
    const refunds = new RefundService({
      orders: storage.orders,
      rentals: storage.rentals,
      gateway,
      unitOfWork: storage.unitOfWork,
      clock,
    });

    /** An order paid by card: the intent succeeded at the gateway and the ledger has its row. */
    const paidOrder = async (userId: Id): Promise<{ id: Id; total: number }> => {
      const product = await createProduct(storage.products, `GPU ${Math.random().toString(36).slice(2, 8)}`, 5);
      const order = await storage.orders.placeWithStock(newOrder(userId, [{ product, quantity: 1 }]));
      const intent = await gateway.createIntent({
        amount: order.total,
        currency: 'usd',
        idempotencyKey: `intent-${order.id}`,
        metadata: { order_id: String(order.id) },
        description: `order ${order.id}`,
      });
      await gateway.confirmIntent(intent.id, 'pm_test_visa', `confirm-${order.id}`);
      await storage.orders.changeStatus(order.id, {
        from: 'pending',
        to: 'processing',
        actor: { kind: 'system', name: 'test' },
        note: null,
        now: clock.now(),
        restock: false,
        paymentStatus: 'paid',
        payment: {
          userId,
          orderId: order.id,
          rentalId: null,
          installmentNo: null,
          kind: 'order',
          amount: order.total,
          lateFee: cents(0),
          currency: 'usd',
          status: 'succeeded',
          gateway: gateway.name,
          gatewayRef: intent.id,
        },
      });
      return { id: order.id, total: order.total };
    };
    return { ...renting, refunds, paidOrder, manager };
  }

  it('two refunds of one order that together exceed what was paid: one succeeds, the other 409 (mysql)', async () => {
    const { refunds, paidOrder, customer, storage, manager } = await setup();
    const who = await customer();
    const orders = await Promise.all(Array.from({ length: 5 }, () => paidOrder(who.actor.userId)));
    busiest = 0;
    const races = await Promise.all(
      orders.map(async (order) => {
        const amount = Math.ceil(order.total * 0.6);
        const outcomes = await outcomesOf([
          refunds.refundOrder(manager, order.id, { amount }),
          refunds.refundOrder(manager, order.id, { amount }),
        ]);
        return { order, amount, outcomes };
      }),
    );
    expect(busiest).toBeGreaterThan(1);
    for (const { order, amount, outcomes } of races) {
      const codes = outcomes.map((o) => ('value' in o ? 'refunded' : o.code)).sort();
      expect(codes).toEqual(['conflict', 'refunded']);
      const stored = await storage.orders.findDetail(order.id);
      if (!stored) throw new Error('the order is there');
      expect(stored.payments.filter((p) => p.kind === 'refund').map((p) => p.amount)).toEqual([amount]);
      expect(stored.paymentStatus).toBe('partially_refunded');
      expect(orderRefundable(stored, stored.payments).left).toBe(order.total - amount);
    }
  });

  it('ten refunds of a quarter each on one order: four succeed, the ledger never refunds more than paid (mysql)', async () => {
    const { refunds, paidOrder, customer, storage, manager } = await setup();
    const who = await customer();
    const order = await paidOrder(who.actor.userId);
    const quarter = Math.floor(order.total / 4);
    busiest = 0;
    const outcomes = await outcomesOf(
      Array.from({ length: 10 }, () => refunds.refundOrder(manager, order.id, { amount: quarter })),
    );
    expect(busiest).toBeGreaterThan(1);
    expect(outcomes.filter((o) => 'value' in o)).toHaveLength(4);
    expect(outcomes.filter((o) => 'code' in o && o.code === 'conflict')).toHaveLength(6);
    const stored = await storage.orders.findDetail(order.id);
    if (!stored) throw new Error('the order is there');
    expect(refundedTotal(stored.payments)).toBe(quarter * 4);
    expect(refundedTotal(stored.payments)).toBeLessThanOrEqual(order.total);
    // Each refund had its own key: the n-th counted the rows before it.
    const keys = new Set(stored.payments.filter((p) => p.kind === 'refund').map((p) => p.gatewayRef));
    expect(keys.size).toBe(4);
  });

  it('two refunds of one installment that together exceed it: one succeeds, the other 409 (mysql)', async () => {
    const { refunds, service, customer, signedRental, storage, manager } = await setup();
    const who = await customer();
    const rentalId = await signedRental(who);
    const { payment } = await service.makePayment(who.actor, rentalId, { paymentMethodId: 'pm_test_visa' });
    const amount = Math.ceil(payment.amount * 0.6);
    busiest = 0;
    const outcomes = await outcomesOf([
      refunds.refundRentalPayment(manager, rentalId, payment.id, { amount }),
      refunds.refundRentalPayment(manager, rentalId, payment.id, { amount }),
    ]);
    expect(busiest).toBeGreaterThan(1);
    expect(outcomes.map((o) => ('value' in o ? 'refunded' : o.code)).sort()).toEqual(['conflict', 'refunded']);
    const rental = await storage.rentals.findDetail(rentalId);
    expect(rental?.payments.filter((p) => p.kind === 'refund').map((p) => [p.installmentNo, p.amount])).toEqual([
      [1, amount],
    ]);
    expect(rental?.installmentsPaid).toBe(1);
  });
});
