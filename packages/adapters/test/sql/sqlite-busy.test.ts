import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, DatabaseBusyError, SQLITE_BUSY_WAIT_MS, transactionWithRetry } from '../../src/sql/index.js';

/** Another process on the same SQLite file, played by a second better-sqlite3 connection. */
describe('SQLite beside another connection', () => {
  let folder: string;
  let knex: Knex;
  let other: Database.Database;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'giggatek-busy-'));
    const file = join(folder, 'busy.db');
    knex = createDatabase(`sqlite:${file}`);
    await knex.schema.createTable('counters', (t) => {
      t.integer('id').primary();
      t.integer('value').notNullable();
    });
    await knex('counters').insert({ id: 1, value: 0 });
    other = new Database(file);
    other.pragma('busy_timeout = 0');
  });
  afterEach(async () => {
    other.close();
    await knex.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  const valueNow = async () => Number((await knex('counters').where({ id: 1 }).first('value')).value);

  it('begins transactions with BEGIN IMMEDIATE: a read-then-write transaction locks from its start', async () => {
    let otherWrite: unknown = null;
    await knex.transaction(async (trx) => {
      const before = Number((await trx('counters').where({ id: 1 }).first('value')).value);
      // With a deferred BEGIN this write would succeed, and the update below would then
      // fail with SQLITE_BUSY_SNAPSHOT (the row read is no longer the latest).
      try {
        other.prepare('UPDATE counters SET value = value + 100 WHERE id = 1').run();
      } catch (error) {
        otherWrite = error;
      }
      await trx('counters')
        .where({ id: 1 })
        .update({ value: before + 1 });
    });
    expect((otherWrite as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    expect(await valueNow()).toBe(1);
  });

  it('gives up once with DatabaseBusyError while a lock outlasts the wait; the event loop keeps running', async () => {
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE counters SET value = 50 WHERE id = 1').run();
    let held = true;
    const release = setTimeout(() => {
      other.exec('ROLLBACK');
      held = false;
    }, SQLITE_BUSY_WAIT_MS + 1_000);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    try {
      const [inTransaction, outside] = await Promise.allSettled([
        transactionWithRetry(knex, (trx) => trx('counters').where({ id: 1 }).update({ value: 7 })),
        knex('counters').where({ id: 1 }).update({ value: 8 }),
      ]);
      expect(inTransaction.status === 'rejected' && inTransaction.reason).toBeInstanceOf(DatabaseBusyError);
      expect(outside.status === 'rejected' && outside.reason).toBeInstanceOf(DatabaseBusyError);
      // Refused before the holder let go: one bounded wait, not one per retry.
      expect(held).toBe(true);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(ticker);
      clearTimeout(release);
      if (held) other.exec('ROLLBACK');
    }
    expect(await valueNow()).toBe(0);
  });

  it('runs a waiting write once when the lock is released within the wait', async () => {
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE counters SET value = 50 WHERE id = 1').run();
    const release = setTimeout(() => other.exec('COMMIT'), 200);
    try {
      await knex('counters').where({ id: 1 }).increment('value', 1);
      await transactionWithRetry(knex, (trx) => trx('counters').where({ id: 1 }).increment('value', 10));
    } finally {
      clearTimeout(release);
    }
    expect(await valueNow()).toBe(61);
  });
});
