import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { dayOf, installmentDueDate, rentalAccount } from '@giggatek/domain';
import type { Id, RentalDetail } from '@giggatek/domain';
import { movementsOf } from '../contract/suites/stock-ledger.contract.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { countRows } from '../support/order-races.js';
import { outcomesOf, rentingOverSql } from '../support/rental-races.js';
import { emptyTables } from '../support/sql-engine.js';

const baseUrl = process.env.MYSQL_URL;

/** The pool as far as these tests look at it. */
interface Pool {
  max: number;
  numUsed(): number;
}

// Use cases racing on real connections: every batch below runs its units of work on
// separate pooled connections at once (the tests check that they did overlap), and the
// rental's row lock (lockDetail) or the product's (createTakingStock) puts them in line.
describe.skipIf(!baseUrl)('rental races (mysql)', () => {
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

  /** The stored counters agree with the account derived from the ledger rows. */
  const expectCountersInStep = (rental: RentalDetail, day = dayOf(new Date('2026-03-02T10:00:00.000Z'))) => {
    const account = rentalAccount(rental, rental.payments, day);
    expect(rental.installmentsPaid).toBe(account.paymentsMade);
    expect(rental.nextDueDate?.toString() ?? null).toBe(account.nextPaymentDate?.toString() ?? null);
  };

  it('pays installments 1 to 10 exactly once each, in order, when 10 payments race on one rental', async () => {
    const renting = rentingOverSql(knex, database.url);
    const who = await renting.customer();
    const id = await renting.signedRental(who);
    busiest = 0;
    const outcomes = await outcomesOf(
      Array.from({ length: 10 }, () => renting.service.makePayment(who.actor, id, { paymentMethodId: 'pm_test_visa' })),
    );
    expect(busiest).toBeGreaterThan(1);
    const paid = outcomes.map((o) => ('value' in o ? o.value.payment.installmentNo : o.code));
    expect([...paid].sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const rental = await renting.storage.rentals.findDetail(id);
    if (!rental?.startDate) throw new Error('the rental is signed');
    // In id order, that is in the order they were written: 1, 2, … with no gap.
    expect(rental.payments.map((p) => [p.kind, p.installmentNo, p.status, p.amount])).toEqual(
      Array.from({ length: 10 }, (_, i) => ['installment', i + 1, 'succeeded', rental.monthlyRate]),
    );
    expect(new Set(rental.payments.map((p) => p.gatewayRef)).size).toBe(10);
    expect(rental).toMatchObject({ status: 'active', installmentsPaid: 10 });
    expect(rental.nextDueDate).toEqual(installmentDueDate(rental.startDate, 11));
    expectCountersInStep(rental);
  });

  it('lets a buyout racing a payment end one way only: never both charged', async () => {
    const renting = rentingOverSql(knex, database.url);
    const who = await renting.customer();
    const ids: Id[] = [];
    for (let i = 0; i < 6; i += 1) ids.push(await renting.signedRental(who));
    busiest = 0;
    const races = await Promise.all(
      ids.map(async (id) => {
        const quote = await renting.service.buyoutAmount(who.actor, id);
        const [payment, buyout] = await outcomesOf<unknown>([
          renting.service.makePayment(who.actor, id, { paymentMethodId: 'pm_test_visa' }),
          renting.service.processBuyout(who.actor, id, { paymentMethodId: 'pm_test_visa', amount: quote.amount }),
        ]);
        if (!payment || !buyout) throw new Error('two calls, two outcomes');
        return { id, payment, buyout };
      }),
    );
    expect(busiest).toBeGreaterThan(1);

    for (const { id, payment, buyout } of races) {
      const rental = await renting.storage.rentals.findDetail(id);
      if (!rental) throw new Error(`rental ${id} is gone`);
      const succeeded = rental.payments.filter((p) => p.status === 'succeeded');
      expect(succeeded).toHaveLength(1);
      if ('value' in payment) {
        // The payment came first: the buyout's amount no longer holds.
        expect(buyout).toEqual({ code: 'amount_changed' });
        expect(succeeded[0]).toMatchObject({ kind: 'installment', installmentNo: 1 });
        expect(rental).toMatchObject({ status: 'active', installmentsPaid: 1, ownershipTransferredAt: null });
      } else {
        // The buyout came first: the rental is completed and takes no payment.
        expect(payment).toEqual({ code: 'invalid_transition' });
        expect('value' in buyout).toBe(true);
        expect(succeeded[0]).toMatchObject({ kind: 'buyout', installmentNo: null });
        expect(rental).toMatchObject({ status: 'completed', installmentsPaid: 0, nextDueDate: null });
        expect(rental.ownershipTransferredAt).not.toBeNull();
      }
      expect(rental.payments).toHaveLength(1);
      expectCountersInStep(rental);
    }
  });

  it('gives 3 units to exactly 3 of 20 rentals created at once', async () => {
    const renting = rentingOverSql(knex, database.url);
    const who = await renting.customer();
    const product = await renting.rentableProduct(3);
    busiest = 0;
    const outcomes = await outcomesOf(
      Array.from({ length: 20 }, () =>
        renting.service.createRental(who.actor, { productId: product.id, totalMonths: 12, addressId: who.addressId }),
      ),
    );
    expect(busiest).toBeGreaterThan(1);
    const created = outcomes.flatMap((o) => ('value' in o ? [o.value] : []));
    expect(created).toHaveLength(3);
    expect(outcomes.filter((o) => 'code' in o)).toEqual(
      Array.from({ length: 17 }, () => ({ code: 'insufficient_stock' })),
    );
    for (const view of created) expect(view.rental).toMatchObject({ status: 'pending', productId: product.id });

    expect((await renting.storage.products.findById(product.id))?.stock).toBe(0);
    const movements = await movementsOf(renting.storage.products, product.id);
    expect(movements.reduce((sum, m) => sum + m.delta, 0)).toBe(0);
    expect(
      movements
        .filter((m) => m.reason === 'rental_out')
        .map((m) => m.rentalId)
        .sort(),
    ).toEqual(created.map((view) => view.rental.id).sort());
    expect(await countRows(knex, 'rentals')).toBe(3);
    expect(await countRows(knex, 'rental_status_history')).toBe(3);
    expect(await countRows(knex, 'payments')).toBe(0);
  });
});
