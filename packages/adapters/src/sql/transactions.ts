import type { Knex } from 'knex';

/** How many times a transaction that lost a deadlock (or found SQLite busy) is run in all. */
const ATTEMPTS = 4;

/**
 * Runs `work` in a transaction, running it again from the start when the engine chose it
 * as a deadlock victim (MySQL rolls the whole transaction back then) or SQLite was busy.
 * `work` must only use `trx`, so a retry repeats everything it did. `config` (e.g. an
 * isolation level) is passed to knex as is.
 */
export async function transactionWithRetry<T>(
  knex: Knex,
  work: (trx: Knex.Transaction) => Promise<T>,
  config?: Knex.TransactionConfig,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await knex.transaction(work, config);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      // A short random pause, so the competing transactions do not collide again.
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}

/**
 * MySQL ER_LOCK_DEADLOCK (1213) and SQLite's SQLITE_BUSY (another process holds the file).
 * SQLite transactions begin with BEGIN IMMEDIATE and wait for the lock themselves (see
 * sqlite-client.ts), so SQLITE_BUSY is rare here; their DatabaseBusyError is not retried.
 */
export function isRetryable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; errno?: unknown };
  return (
    e.code === 'ER_LOCK_DEADLOCK' ||
    e.errno === 1213 ||
    (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY'))
  );
}
