import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { Id } from '@giggatek/domain';
import { createDatabase, migrateToLatest, SqlRentalRepository } from '../../src/sql/index.js';
import { newRental, rentalPayment } from '../contract/suites/rental-fixtures.js';
import { createFreshMysqlDatabase } from '../support/mysql.js';
import { createProduct, raceSetup } from '../support/order-races.js';

/** Counts the SQL statements knex sends while `work` runs. */
async function countQueries(knex: Knex, work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const listener = (): void => {
    count += 1;
  };
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return count;
}

type OpenDatabase = () => Promise<{ knex: Knex; close: () => Promise<void> }>;

const openSqlite: OpenDatabase = async () => {
  const knex = createDatabase('sqlite::memory:');
  await migrateToLatest(knex);
  return { knex, close: () => knex.destroy() };
};

const openMysql: OpenDatabase = async () => {
  const database = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
  return { knex: database.knex, close: () => database.drop() };
};

describeRentalQueryBudget('sqlite', openSqlite);
describe.skipIf(!process.env.MYSQL_URL)('mysql', () => describeRentalQueryBudget('mysql', openMysql));

// Rental reads must not grow with the number of rentals or ledger rows (no N+1 queries).
function describeRentalQueryBudget(name: string, open: OpenDatabase): void {
  describe(`rental read query budget (${name})`, () => {
    let knex: Knex;
    let close: () => Promise<void>;
    let rentals: SqlRentalRepository;
    let oneRentalUser: Id;
    let manyRentalsUser: Id;
    let bareRentalId: Id;
    let paidRentalId: Id;
    beforeAll(async () => {
      ({ knex, close } = await open());
      const setup = await raceSetup(knex);
      rentals = new SqlRentalRepository(knex);
      const gpu = await createProduct(setup.products, 'RTX 3080', 30);
      oneRentalUser = setup.userId;
      bareRentalId = (await rentals.createTakingStock(newRental(oneRentalUser, gpu))).id;
      manyRentalsUser = (await raceSetup(knex)).userId;
      for (let i = 0; i < 20; i += 1) {
        const rental = await rentals.createTakingStock(newRental(manyRentalsUser, gpu));
        for (let no = 1; no <= 3; no += 1) {
          await rentals.recordPayment(rental.id, rentalPayment(rental, { installmentNo: no }), null, new Date());
        }
        paidRentalId = rental.id;
      }
    });
    afterAll(async () => {
      await close();
    });

    it('reads a rental detail with 0 or 3 ledger rows in the same number of queries', async () => {
      const bare = await countQueries(knex, async () => {
        expect((await rentals.findDetail(bareRentalId))?.payments).toHaveLength(0);
      });
      const paid = await countQueries(knex, async () => {
        expect((await rentals.findDetail(paidRentalId))?.payments).toHaveLength(3);
      });
      expect(paid).toBe(bare);
      expect(bare).toBe(3);
    });

    it('lists a page of 1 or 20 rentals in three queries: the page, the count, the ledger rows', async () => {
      const one = await countQueries(knex, async () => {
        expect((await rentals.listForUser(oneRentalUser, { page: 1, perPage: 20 })).items).toHaveLength(1);
      });
      const twenty = await countQueries(knex, async () => {
        const page = await rentals.listForUser(manyRentalsUser, { page: 1, perPage: 20 });
        expect(page.items).toHaveLength(20);
        expect(page.items.reduce((sum, rental) => sum + rental.payments.length, 0)).toBe(60);
      });
      expect(twenty).toBe(one);
      expect(one).toBe(3);
      const all = await countQueries(knex, async () => {
        expect((await rentals.listAll({ page: 1, perPage: 20, customerEmail: 'Nobody@Example.com' })).total).toBe(0);
        expect((await rentals.listAll({ page: 1, perPage: 20 })).items).toHaveLength(20);
      });
      // No ledger query for an empty page.
      expect(all).toBe(2 + 3);
    });
  });
}
