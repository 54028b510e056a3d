import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createDatabase, migrateToLatest } from '../../src/sql/index.js';

export interface FreshMysqlDatabase {
  /** mysql://… of the new database, for code that opens its own connection. */
  url: string;
  /** An open, migrated connection to it. */
  knex: Knex;
  /** Closes the connection and drops the database. */
  drop: () => Promise<void>;
}

/**
 * Creates a uniquely named, migrated database (`gg_test_<random>`) on the server of
 * `baseUrl` (e.g. mysql://root@127.0.0.1:3306), so test files never share state.
 */
export async function createFreshMysqlDatabase(baseUrl: string): Promise<FreshMysqlDatabase> {
  const name = `gg_test_${randomBytes(6).toString('hex')}`;
  const server = createDatabase(withDatabase(baseUrl, ''));
  try {
    await server.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await server.destroy();
  }
  const url = withDatabase(baseUrl, name);
  const knex = createDatabase(url);
  try {
    await migrateToLatest(knex);
  } catch (error) {
    await dropDatabase(knex, name);
    throw error;
  }
  return { url, knex, drop: () => dropDatabase(knex, name) };
}

async function dropDatabase(knex: Knex, name: string): Promise<void> {
  try {
    await knex.raw(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await knex.destroy();
  }
}

function withDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = database ? `/${database}` : '';
  return url.toString();
}
