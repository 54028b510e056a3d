import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import knexFactory from 'knex';
import type { Knex } from 'knex';
import { redactUrl } from '../config/redact-url.js';
import { SqliteClient } from './sqlite-client.js';

/** A better-sqlite3 connection, as far as we use it when the pool opens one. */
interface SqliteConnection {
  pragma(source: string): unknown;
}

/**
 * Opens a knex instance for a DATABASE_URL (SPEC §11):
 * - `sqlite:<path>` (relative to the working directory; the folder is created),
 *   `sqlite::memory:` for tests;
 * - `mysql://user:pass@host:port/db` (MySQL or MariaDB through mysql2).
 * Every instance is independent: repositories receive it explicitly, nothing global.
 */
export function createDatabase(url: string): Knex {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return openMysql(new URL(url));
  throw new Error(`unsupported database url (expected sqlite:<path> or mysql://…): ${redactUrl(url)}`);
}

/**
 * Creates the MySQL database named in the URL when it does not exist yet, so a first
 * `npm start` against an empty server just works. SQLite files are created on open.
 */
export async function ensureDatabaseExists(url: string): Promise<void> {
  if (!url.startsWith('mysql://') && !url.startsWith('mariadb://')) return;
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!name) return;
  parsed.pathname = '/';
  const server = openMysql(parsed);
  try {
    await server.raw('CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', [name]);
  } finally {
    await server.destroy();
  }
}

/** The health check: can the database answer a trivial query? */
export async function checkDatabase(knex: Knex): Promise<boolean> {
  try {
    await knex.raw('select 1');
    return true;
  } catch {
    return false;
  }
}

export function isMysql(knex: Knex): boolean {
  const client = knex.client as { dialect?: string };
  return client.dialect === 'mysql' || client.dialect === 'mysql2';
}

function openSqlite(location: string): Knex {
  const filename = sqliteFilename(location);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return knexFactory({
    // better-sqlite3 with BEGIN IMMEDIATE and asynchronous busy waits (see sqlite-client.ts).
    client: SqliteClient as unknown as typeof knexFactory.Client,
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      // One connection (knex's default for SQLite): a :memory: database lives in it,
      // and it serialises transactions, which the conditional updates rely on.
      min: 1,
      max: 1,
      afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) {
        try {
          connection.pragma('foreign_keys = ON');
          // Switching a new file to WAL may wait (better-sqlite3's default 5 s) for another
          // process to let go; this runs once, when the pool opens its connection.
          connection.pragma('journal_mode = WAL');
          // From here on never wait inside SQLite: better-sqlite3 is synchronous, and a
          // busy wait there would stop the event loop. SqliteClient waits asynchronously.
          connection.pragma('busy_timeout = 0');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection); // better-sqlite3 throws only SqliteError (an Error)
        }
      },
    },
  });
}

function sqliteFilename(location: string): string {
  if (location === ':memory:' || location === '') return ':memory:';
  // Accept sqlite:///abs/path and sqlite://rel/path as well as sqlite:path.
  const path = location.startsWith('//') ? location.slice(2) : location;
  return resolve(process.cwd(), path);
}

function openMysql(url: URL): Knex {
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return knexFactory({
    client: 'mysql2',
    connection: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      ...(database ? { database } : {}),
      charset: 'utf8mb4',
      // DATETIME columns hold UTC; Dates go in and come out as UTC instants.
      timezone: 'Z',
      // DATE columns (a LocalDate) come back as their `YYYY-MM-DD` text, as on SQLite: a
      // Date at some midnight would tie a calendar date to a time zone. mysql2 takes the
      // list of types to return as text; knex's types know only the boolean form.
      dateStrings: ['DATE'] as unknown as boolean,
      // BIGINT values (counts, cents) come back as numbers while they are safe integers.
      supportBigNumbers: true,
      bigNumberStrings: false,
      // SUM() of integer columns is DECIMAL in MySQL: read it as a number, not a string.
      decimalNumbers: true,
      connectTimeout: 5_000,
    },
    pool: { min: 0, max: 10 },
    // Fail fast when the server is down (health answers 503) instead of knex's 60 s wait.
    acquireConnectionTimeout: 10_000,
  });
}
