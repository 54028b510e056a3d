import { afterEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createDatabase, migrateToLatest, MIGRATIONS } from '../../src/sql/index.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';

const engines = process.env.MYSQL_URL ? (['sqlite', 'mysql'] as const) : (['sqlite'] as const);

/** 005 drops the order's copy of the Idempotency-Key: the stored answer is the recovery point. */
describe.each(engines)('migration 005-drop-order-idempotency-key (%s)', (engine) => {
  let knex: Knex;
  let mysql: FreshMysqlDatabase | undefined;
  afterEach(async () => {
    if (mysql) await mysql.drop();
    else await knex.destroy();
    mysql = undefined;
  });

  const open = async (): Promise<Knex> => {
    if (engine === 'sqlite') return createDatabase('sqlite::memory:');
    mysql = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
    return mysql.knex;
  };

  it('leaves orders without idempotency columns, and its down puts them back', async () => {
    knex = await open();
    await migrateToLatest(knex);
    expect(await knex.schema.hasColumn('orders', 'idempotency_key')).toBe(false);
    expect(await knex.schema.hasColumn('orders', 'idempotency_request_hash')).toBe(false);
    const migration = MIGRATIONS.find((m) => m.name === '005-drop-order-idempotency-key');
    await migration?.module.down(knex);
    expect(await knex.schema.hasColumn('orders', 'idempotency_key')).toBe(true);
    await migration?.module.up(knex);
    expect(await knex.schema.hasColumn('orders', 'idempotency_key')).toBe(false);
  });
});
