import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createDatabase, migrateToLatest } from '../../src/sql/index.js';
import { countRows, createProduct, expectSoldOut, raceForLastUnits, raceSetup } from '../support/order-races.js';

// SQLite serialises transactions on its single connection, so these orders cannot race: the
// test checks the outcome only. The real races run on MySQL (mysql-order-races.test.ts).
describe('simultaneous orders for the last units (sqlite serialises them)', () => {
  let knex: Knex;
  beforeEach(async () => {
    knex = createDatabase('sqlite::memory:');
    await migrateToLatest(knex);
  });
  afterEach(async () => {
    await knex.destroy();
  });

  it('gives the last 5 units to exactly 5 of 20 orders sent at once, one after the other', async () => {
    const { products, orders, userId } = await raceSetup(knex);
    const product = await createProduct(products, 'Last GPUs', 5);
    const { placed, refused } = await raceForLastUnits(orders, userId, product, 20);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expectSoldOut(refused, product);
    expect((await products.findById(product.id))?.stock).toBe(0);
    expect(await countRows(knex, 'orders')).toBe(5);
    expect(await countRows(knex, 'order_items')).toBe(5);
  });
});
