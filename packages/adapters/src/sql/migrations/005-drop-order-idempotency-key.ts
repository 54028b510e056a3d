import type { Knex } from 'knex';
import { isSqlite } from './schema-helpers.js';

const UNIQUE_INDEX = 'orders_user_idempotency_key_unique';

/**
 * The order row no longer carries the Idempotency-Key (003): an idempotent request's answer
 * now commits in the same transaction as its work (idempotency_keys), so that answer is
 * the recovery point and the order needs no key of its own.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropUnique(['user_id', 'idempotency_key'], UNIQUE_INDEX);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('idempotency_request_hash');
    t.dropColumn('idempotency_key');
  });
}

/** Puts 003's columns back, empty: the keys they held are gone. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    const key = t.string('idempotency_key', 255).nullable();
    if (!isSqlite(knex)) key.collate('utf8mb4_bin');
    t.string('idempotency_request_hash', 64).nullable();
  });
  await knex.schema.alterTable('orders', (t) => {
    t.unique(['user_id', 'idempotency_key'], { indexName: UNIQUE_INDEX });
  });
}
