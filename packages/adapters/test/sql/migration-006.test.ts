import { afterEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createDatabase, MIGRATIONS } from '../../src/sql/index.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { toDate } from '../../src/sql/row-values.js';

const engines = process.env.MYSQL_URL ? (['sqlite', 'mysql'] as const) : (['sqlite'] as const);

/** 006 adds the stock ledger and backfills it: stock = Σ movements holds for products created before it. */
describe.each(engines)('migration 006-stock-movements (%s)', (engine) => {
  let knex: Knex;
  let mysql: FreshMysqlDatabase | undefined;
  afterEach(async () => {
    if (mysql) await mysql.drop();
    else await knex.destroy();
    mysql = undefined;
  });

  /** A database migrated up to 005, the way an existing shop's is. */
  const openAt005 = async (): Promise<Knex> => {
    if (engine === 'sqlite') {
      knex = createDatabase('sqlite::memory:');
    } else {
      // createFreshMysqlDatabase migrates to the latest: take 006 back down first.
      mysql = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
      knex = mysql.knex;
      await migration006().down(knex);
      return knex;
    }
    for (const migration of MIGRATIONS.slice(0, 5)) await migration.module.up(knex);
    return knex;
  };
  const migration006 = () => {
    const found = MIGRATIONS.find((m) => m.name === '006-stock-movements');
    if (!found) throw new Error('006 is missing');
    return found.module;
  };
  const product = (slug: string, stock: number, status = 'active') => ({
    name: slug,
    slug,
    description: '',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Good',
    specifications: '{}',
    image_urls: '[]',
    price: 1000,
    rental_rates: '{}',
    rentable: false,
    stock,
    is_featured: false,
    status,
    created_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date('2026-01-01T00:00:00Z'),
  });

  it('gives every product with stock one adjustment equal to it, and none to the others', async () => {
    const db = await openAt005();
    await db('products').insert([product('in-stock', 7), product('sold-out', 0), product('archived', 2, 'archived')]);
    const before = Date.now();
    await migration006().up(db);

    const rows = await db('stock_movements as m')
      .join('products as p', 'p.id', 'm.product_id')
      .orderBy('p.slug')
      .select('p.slug', 'm.delta', 'm.reason', 'm.order_id', 'm.actor_user_id', 'm.actor_label', 'm.created_at');
    expect(rows.map(({ created_at: _, ...row }) => ({ ...row, delta: Number(row.delta) }))).toEqual([
      {
        slug: 'archived',
        delta: 2,
        reason: 'adjustment',
        order_id: null,
        actor_user_id: null,
        actor_label: 'system:migration',
      },
      {
        slug: 'in-stock',
        delta: 7,
        reason: 'adjustment',
        order_id: null,
        actor_user_id: null,
        actor_label: 'system:migration',
      },
    ]);
    expect(toDate(rows[0].created_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const sums: Array<{ stock: unknown; total: unknown }> = await db('products as p')
      .leftJoin('stock_movements as m', 'm.product_id', 'p.id')
      .groupBy('p.id', 'p.stock')
      .select('p.stock')
      .sum({ total: 'm.delta' });
    expect(sums).toHaveLength(3);
    for (const row of sums) expect(Number(row.total ?? 0)).toBe(Number(row.stock));
  });

  it('refuses a negative stock and a zero movement in the database itself; its down lifts both', async () => {
    const db = await openAt005();
    await db('products').insert(product('gpu', 1));
    await migration006().up(db);
    await expect(db('products').where({ slug: 'gpu' }).update({ stock: -1 })).rejects.toThrow(
      /products_stock_not_negative/i,
    );
    await expect(db('products').insert(product('minus', -2))).rejects.toThrow(/products_stock_not_negative/i);
    const [movement] = await db('stock_movements').select('product_id');
    await expect(
      db('stock_movements').insert({
        product_id: movement.product_id,
        delta: 0,
        reason: 'adjustment',
        actor_label: 'x',
        created_at: new Date(),
      }),
    ).rejects.toThrow(/stock_movements_delta_not_zero/i);
    await expect(
      db('stock_movements').insert({
        product_id: movement.product_id,
        delta: 1,
        reason: 'gift',
        actor_label: 'x',
        created_at: new Date(),
      }),
    ).rejects.toThrow(/stock_movements_reason_known/i);

    await migration006().down(db);
    expect(await db.schema.hasTable('stock_movements')).toBe(false);
    await db('products').where({ slug: 'gpu' }).update({ stock: -1 });
    expect(Number((await db('products').where({ slug: 'gpu' }).first('stock')).stock)).toBe(-1);
  });
});
