import { AsyncLocalStorage } from 'node:async_hooks';
import { RecordedRefusal, type UnitOfWork } from '@giggatek/domain';
import type { Knex } from 'knex';
import { isMysql } from './database.js';
import { transactionWithRetry } from './transactions.js';

/** The transaction of the unit of work running in this async context, and its database. */
interface Ambient {
  knex: Knex;
  trx: Knex.Transaction;
  afterCommit: Array<() => Promise<void>>;
}

const ambient = new AsyncLocalStorage<Ambient>();

function ambientOn(knex: Knex): Ambient | undefined {
  const current = ambient.getStore();
  return current && current.knex === knex ? current : undefined;
}

/**
 * What a SQL repository runs its queries on: the ambient unit of work's transaction when
 * one is open on this database, else the pool. Every repository query goes through here:
 * SQLite has one connection, so a query that bypassed an open transaction would wait for
 * it forever.
 */
export function dbOf(knex: Knex): Knex {
  return ambientOn(knex)?.trx ?? knex;
}

/**
 * A repository's own transaction: transactionWithRetry outside a unit of work; inside one,
 * the work simply joins the ambient transaction (no savepoint and no retry of its own: a
 * MySQL deadlock rolls the whole transaction back, so only the outermost run may retry,
 * and any error fails the whole unit, which the domain never catches and continues).
 */
export function inTransaction<T>(
  knex: Knex,
  work: (trx: Knex.Transaction) => Promise<T>,
  config?: Knex.TransactionConfig,
): Promise<T> {
  const current = ambientOn(knex);
  return current ? work(current.trx) : transactionWithRetry(knex, work, config);
}

/**
 * The SQL unit of work: one knex transaction kept in an AsyncLocalStorage, so every SQL
 * repository's queries inside `run` use it (dbOf, inTransaction). The outermost run owns
 * the deadlock/busy retry and runs the whole work again. On MySQL every run is READ
 * COMMITTED, as order placement always was: every deciding read is a locking read of the
 * latest rows anyway, and this level takes no gap locks, so concurrent placements and
 * idempotent requests do not deadlock on locking reads of rows that do not exist yet.
 */
export class SqlUnitOfWork implements UnitOfWork {
  constructor(private readonly knex: Knex) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (ambientOn(this.knex)) return work();
    const config: Knex.TransactionConfig | undefined = isMysql(this.knex)
      ? { isolationLevel: 'read committed' }
      : undefined;
    let hooks: Array<() => Promise<void>> = [];
    const outcome = await transactionWithRetry(
      this.knex,
      (trx) => {
        hooks = []; // an attempt rolled back takes its hooks with it
        return ambient.run({ knex: this.knex, trx, afterCommit: hooks }, () => keepingRecordedRefusals(work));
      },
      config,
    );
    await runHooks(hooks);
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.value;
  }

  afterCommit(hook: () => Promise<void>): void {
    const current = ambientOn(this.knex);
    if (current) current.afterCommit.push(hook);
    else void runHooks([hook]);
  }
}

/**
 * A RecordedRefusal (a declined charge) is the work's answer, and what the work wrote
 * before it (the failed ledger row) must commit: it comes back as a value, so the
 * transaction commits, and is thrown again once it has.
 */
async function keepingRecordedRefusals<T>(
  work: () => Promise<T>,
): Promise<{ value: T } | { refusal: RecordedRefusal }> {
  try {
    return { value: await work() };
  } catch (error) {
    if (error instanceof RecordedRefusal) return { refusal: error };
    throw error;
  }
}

/** Hooks are best effort: the work is committed, a failure must not turn it into an error. */
export async function runHooks(hooks: ReadonlyArray<() => Promise<void>>): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook();
    } catch {
      // Swallowed by contract (UnitOfWork.afterCommit): hooks report their own failures.
    }
  }
}
