import type { Knex } from 'knex';
import {
  SqlAddressRepository, SqlOneTimeTokenRepository, SqlProductRepository, SqlSessionRepository, SqlUserRepository,
} from '../../src/sql/index.js';

/** Every SQL repository over one knex instance. */
export function sqlRepositories(knex: Knex) {
  return {
    users: new SqlUserRepository(knex),
    sessions: new SqlSessionRepository(knex),
    oneTimeTokens: new SqlOneTimeTokenRepository(knex),
    addresses: new SqlAddressRepository(knex),
    products: new SqlProductRepository(knex),
  };
}

/** Every table of the schema, children before parents, for emptying a shared database. */
const TABLES_CHILDREN_FIRST = ['refresh_tokens', 'sessions', 'one_time_tokens', 'addresses', 'products', 'settings', 'users'];

/** Deletes every row (keeping the schema), so tests sharing one database start empty. */
export async function emptyTables(knex: Knex): Promise<void> {
  for (const table of TABLES_CHILDREN_FIRST) await knex(table).delete();
}
