import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { FixedClock, OrderingService, StoreSettings } from '@giggatek/domain';
import type { Id, Product } from '@giggatek/domain';
import { MemoryNotifier } from '../../src/memory/index.js';
import {
  createDatabase,
  migrateToLatest,
  SqlAddressRepository,
  type SqlOrderRepository,
  SqlProductRepository,
  SqlSettingsRepository,
  SqlUnitOfWork,
  SqlUserRepository,
} from '../../src/sql/index.js';
import { newOrder } from '../contract/suites/order-fixtures.js';
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

/** An open, migrated, empty database and how to get rid of it. */
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

describeQueryBudget('sqlite', openSqlite);
describe.skipIf(!process.env.MYSQL_URL)('mysql', () => describeQueryBudget('mysql', openMysql));

// Order reads must not grow with the number of items or orders (no N+1 queries).
function describeQueryBudget(name: string, open: OpenDatabase): void {
  describe(`order read query budget (${name})`, () => {
    let knex: Knex;
    let close: () => Promise<void>;
    let orders: SqlOrderRepository;
    let catalog: Product[];
    let smallOrderId: Id;
    let bigOrderId: Id;
    let oneOrderUser: Id;
    let manyOrdersUser: Id;
    beforeAll(async () => {
      ({ knex, close } = await open());
      const setup = await raceSetup(knex);
      orders = setup.orders;
      catalog = [];
      for (let i = 0; i < 30; i += 1) catalog.push(await createProduct(setup.products, `Part ${i}`, 100));
      const first = catalog[0] as Product;

      oneOrderUser = setup.userId;
      smallOrderId = (await orders.placeWithStock(newOrder(oneOrderUser, [{ product: first, quantity: 1 }]))).id;
      manyOrdersUser = (await raceSetup(knex)).userId;
      bigOrderId = (
        await orders.placeWithStock(
          newOrder(
            manyOrdersUser,
            catalog.map((product) => ({ product, quantity: 2 })),
          ),
        )
      ).id;
      for (let i = 0; i < 19; i += 1) {
        await orders.placeWithStock(
          newOrder(
            manyOrdersUser,
            catalog.slice(i, i + 3).map((product) => ({ product, quantity: 1 })),
          ),
        );
      }
    });
    afterAll(async () => {
      await close();
    });

    it('reads an order detail with 1 or 30 items in the same number of queries', async () => {
      const small = await countQueries(knex, async () => {
        expect((await orders.findDetail(smallOrderId))?.items).toHaveLength(1);
      });
      const big = await countQueries(knex, async () => {
        expect((await orders.findDetail(bigOrderId))?.items).toHaveLength(30);
      });
      expect(big).toBe(small);
      expect(small).toBeLessThanOrEqual(4);
    });

    it('lists a page of 1 or 20 orders in the same number of queries', async () => {
      const one = await countQueries(knex, async () => {
        expect((await orders.listForUser(oneOrderUser, { page: 1, perPage: 20 })).items).toHaveLength(1);
      });
      const twenty = await countQueries(knex, async () => {
        const page = await orders.listForUser(manyOrdersUser, { page: 1, perPage: 20 });
        expect(page.items).toHaveLength(20);
        expect(page.items.reduce((sum, order) => sum + order.items.length, 0)).toBe(30 + 19 * 3);
      });
      expect(twenty).toBe(one);
      expect(one).toBeLessThanOrEqual(3);
      const all = await countQueries(knex, async () => {
        expect((await orders.listAll({ page: 1, perPage: 20 })).items).toHaveLength(20);
      });
      expect(all).toBe(one);
    });

    it('places an order of 1 or 20 lines in the same number of queries (service and repositories)', async () => {
      const clock = new FixedClock('2026-03-01T10:00:00.000Z');
      const users = new SqlUserRepository(knex);
      const addresses = new SqlAddressRepository(knex);
      const service = new OrderingService({
        orders,
        products: new SqlProductRepository(knex),
        addresses,
        users,
        clock,
        unitOfWork: new SqlUnitOfWork(knex),
        settings: new StoreSettings(new SqlSettingsRepository(knex)),
        notifier: new MemoryNotifier(),
      });
      const buyer = (await raceSetup(knex)).userId;
      const address = await addresses.create(
        buyer,
        {
          label: null,
          recipientName: 'Ada Lovelace',
          line1: '1 Main St',
          line2: null,
          city: 'Austin',
          state: 'TX',
          postalCode: '78701',
          country: 'US',
          phone: null,
          isDefault: false,
        },
        clock.now(),
      );
      const place = (lines: Product[]) =>
        countQueries(knex, async () => {
          const order = await service.placeOrder(
            { userId: buyer, role: 'customer' },
            {
              items: lines.map((product) => ({ productId: product.id, quantity: 1 })),
              shippingAddressId: address.id,
              shippingMethod: 'standard',
            },
          );
          expect(order.items).toHaveLength(lines.length);
        });
      const one = await place(catalog.slice(0, 1));
      const twenty = await place(catalog.slice(5, 25));
      expect(twenty).toBe(one);
      const products = new SqlProductRepository(knex);
      expect(await countQueries(knex, () => products.findByIds([]))).toBe(0);
    });
  });
}
