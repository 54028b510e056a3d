import { afterEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createDatabase, MIGRATIONS } from '../../src/sql/index.js';
import { isUniqueViolation } from '../../src/sql/row-values.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';

const engines = process.env.MYSQL_URL ? (['sqlite', 'mysql'] as const) : (['sqlite'] as const);

const at = new Date('2026-01-01T00:00:00.000Z');

/** 008 adds gateway_events (one row per applied event id) and the ledger's history index. */
describe.each(engines)('migration 008-gateway-events (%s)', (engine) => {
  let knex: Knex;
  let mysql: FreshMysqlDatabase | undefined;
  afterEach(async () => {
    if (mysql) await mysql.drop();
    else await knex.destroy();
    mysql = undefined;
  });

  const migration008 = () => {
    const found = MIGRATIONS.find((m) => m.name === '008-gateway-events');
    if (!found) throw new Error('008 is missing');
    return found.module;
  };

  const openLatest = async (): Promise<Knex> => {
    if (engine === 'sqlite') {
      knex = createDatabase('sqlite::memory:');
      for (const migration of MIGRATIONS) await migration.module.up(knex);
      return knex;
    }
    mysql = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
    knex = mysql.knex;
    return knex;
  };

  const event = (id: string) => ({
    event_id: id,
    type: 'payment_intent.succeeded',
    event_created_at: at,
    applied_at: at,
  });

  it('refuses a second row of one event id, and tells ids apart by case', async () => {
    const db = await openLatest();
    await db('gateway_events').insert(event('evt_Same'));
    await expect(db('gateway_events').insert(event('evt_Same'))).rejects.toSatisfy(isUniqueViolation);
    await db('gateway_events').insert(event('evt_same'));
    expect(await db('gateway_events').count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('goes down and up again', async () => {
    const db = await openLatest();
    await db('gateway_events').insert(event('evt_1'));
    await migration008().down(db);
    expect(await db.schema.hasTable('gateway_events')).toBe(false);
    await migration008().up(db);
    expect(await db('gateway_events').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});
