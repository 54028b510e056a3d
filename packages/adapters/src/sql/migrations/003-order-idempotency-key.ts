import type { Knex } from 'knex';
import { isSqlite } from './schema-helpers.js';

const UNIQUE_INDEX = 'orders_user_idempotency_key_unique';

/**
 * The recovery point of SPEC §4: an order placed with an Idempotency-Key carries the key,
 * written in the order's own transaction, so a retry after a crash between the commit and
 * storing the answer finds the order instead of placing it twice. Unique per user; both
 * engines let any number of orders without a key (NULL) share the index. The order also
 * keeps its request's fingerprint (SHA-256 hex), so only the same request gets it back.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    // Compared byte for byte, like idempotency_keys.idem_key: "abc" and "ABC" are two keys.
    const key = t.string('idempotency_key', 255).nullable();
    if (!isSqlite(knex)) key.collate('utf8mb4_bin');
    t.string('idempotency_request_hash', 64).nullable();
  });
  await knex.schema.alterTable('orders', (t) => {
    t.unique(['user_id', 'idempotency_key'], { indexName: UNIQUE_INDEX });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropUnique(['user_id', 'idempotency_key'], UNIQUE_INDEX);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('idempotency_request_hash');
    t.dropColumn('idempotency_key');
  });
}
