import { createRequire } from 'node:module';
import { isSqliteBusy, waitWhileBusy } from './sqlite-busy.js';

/*
 * The knex client for SQLite when another process (the CLI, a worker) may hold the write
 * lock. better-sqlite3 is synchronous, so SQLite's own busy_timeout would block the whole
 * event loop while it waits; the connection runs with busy_timeout 0 instead, and this
 * client waits asynchronously (waitWhileBusy), giving the connection back between
 * attempts so reads go on (in WAL mode a writer never blocks readers):
 * - a transaction begins with BEGIN IMMEDIATE, so it takes the write lock before its
 *   first read (a deferred BEGIN that reads, then writes, fails with SQLITE_BUSY_SNAPSHOT
 *   when another process wrote in between), and only that BEGIN can find the file busy;
 * - a statement outside a transaction is run again while it finds the file busy.
 * The knex internals extended here are those of knex 3.3 (lib/dialects/better-sqlite3).
 */

const require = createRequire(import.meta.url);

/** What this file uses of knex's Runner (lib/execution/runner.js). */
interface KnexRunner {
  client: { transacting?: boolean };
  builder: { _connection?: unknown };
  connection: unknown;
  run(): Promise<unknown>;
  query(statement: unknown): Promise<unknown>;
}

/** What this file uses of knex's SQLite transaction (lib/dialects/sqlite3/execution). */
interface KnexTransaction {
  client: { transacting?: boolean };
  trxClient: { query(connection: unknown, sql: string): Promise<unknown> };
  begin(connection: unknown): Promise<unknown>;
  _evaluateContainer(config: unknown, container: unknown): Promise<unknown>;
}

// knex ships these classes without types; the constructors' arguments are passed through.
type Constructor<T> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

const Runner = require('knex/lib/execution/runner.js') as Constructor<KnexRunner>;
const SqliteTransaction =
  require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js') as Constructor<KnexTransaction>;
const BetterSqliteClient = require('knex/lib/dialects/better-sqlite3/index.js') as Constructor<object>;

class ImmediateTransaction extends SqliteTransaction {
  /** Set when BEGIN itself failed: the transaction's work has not run, so a retry is safe. */
  private beginFailed = false;

  override async begin(connection: unknown): Promise<unknown> {
    try {
      // Not this.query(): it swallows the error and lets the work start anyway.
      return await this.trxClient.query(connection, 'BEGIN IMMEDIATE;');
    } catch (error) {
      this.beginFailed = true;
      throw error;
    }
  }

  override _evaluateContainer(config: unknown, container: unknown): Promise<unknown> {
    // A savepoint inside a transaction already holds the lock: nothing to wait for.
    if (this.client.transacting) return super._evaluateContainer(config, container);
    return waitWhileBusy(
      () => {
        this.beginFailed = false;
        return super._evaluateContainer(config, container);
      },
      () => this.beginFailed,
    );
  }
}

class BusyWaitingRunner extends Runner {
  private statementsDone = 0;

  override run(): Promise<unknown> {
    // Inside a transaction (which holds the write lock) or on a connection given by knex
    // itself, a busy file is not expected and a retry could repeat part of a transaction.
    if (this.client.transacting || this.builder._connection) return super.run();
    return waitWhileBusy(
      () => {
        // run() keeps the released connection; the next attempt must acquire one again.
        this.connection = undefined;
        return super.run();
      },
      // Autocommit: a statement that found the file busy did nothing; run again only when
      // no earlier statement of this builder succeeded.
      (error) => isSqliteBusy(error) && this.statementsDone === 0,
    );
  }

  override async query(statement: unknown): Promise<unknown> {
    const result = await super.query(statement);
    this.statementsDone += 1;
    return result;
  }
}

/** knex's better-sqlite3 client with the transactions and statements described above. */
export class SqliteClient extends BetterSqliteClient {
  transaction(...args: unknown[]): ImmediateTransaction {
    return new ImmediateTransaction(this, ...args);
  }

  runner(builder: unknown): BusyWaitingRunner {
    return new BusyWaitingRunner(this, builder);
  }
}
