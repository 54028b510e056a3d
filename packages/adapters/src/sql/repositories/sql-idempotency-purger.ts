import type { Knex } from 'knex';
import type { IdempotencyKeyPurger } from '@giggatek/domain';
import { dbOf } from '../unit-of-work.js';

/** Deletes old rows of `idempotency_keys` (the table SqlIdempotencyStore writes). */
export class SqlIdempotencyPurger implements IdempotencyKeyPurger {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  /**
   * Selects a batch of keys, then deletes by key, so MySQL locks only those rows and never
   * holds a long range lock. The delete checks the age again: a key taken over by a new
   * claim in between has a fresh created_at and must stay.
   */
  async purgeOlderThan(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db('idempotency_keys')
      .where('created_at', '<', cutoff)
      .limit(limit)
      .select<Array<{ user_id: number; idem_key: string }>>('user_id', 'idem_key');
    if (rows.length === 0) return 0;
    return this.db('idempotency_keys')
      .whereIn(
        ['user_id', 'idem_key'],
        rows.map((row) => [row.user_id, row.idem_key]),
      )
      .andWhere('created_at', '<', cutoff)
      .delete();
  }
}
