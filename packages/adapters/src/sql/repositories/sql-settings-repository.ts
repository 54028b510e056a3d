import type { Knex } from 'knex';
import type { SettingsRepository } from '@giggatek/domain';
import { dbOf } from '../unit-of-work.js';

/** Settings as JSON text in the `settings` table, one row per key. */
export class SqlSettingsRepository implements SettingsRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async get(key: string): Promise<unknown> {
    const row = await this.db('settings').where({ key }).first('value');
    if (row === undefined) return undefined;
    const value: unknown = JSON.parse(row.value);
    return value;
  }

  /** An upsert: one statement, so two concurrent writers never collide on the key. */
  async set(key: string, value: unknown, now: Date): Promise<void> {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`setting ${key} has no JSON value`);
    await this.db('settings')
      .insert({ key, value: text, updated_at: now })
      .onConflict('key')
      .merge(['value', 'updated_at']);
  }
}
