import type { Knex } from 'knex';

/**
 * Indexes for the housekeeping job's purges, which select ended rows by time:
 * sessions by expires_at OR revoked_at, one-time tokens by expires_at OR used_at (each
 * side of an OR needs its own index for MySQL to merge them instead of scanning).
 * idempotency_keys(created_at) exists since 002-orders.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.index(['expires_at'], 'sessions_expires_at_index');
    t.index(['revoked_at'], 'sessions_revoked_at_index');
  });
  await knex.schema.alterTable('one_time_tokens', (t) => {
    t.index(['expires_at'], 'one_time_tokens_expires_at_index');
    t.index(['used_at'], 'one_time_tokens_used_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('one_time_tokens', (t) => {
    t.dropIndex(['used_at'], 'one_time_tokens_used_at_index');
    t.dropIndex(['expires_at'], 'one_time_tokens_expires_at_index');
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.dropIndex(['revoked_at'], 'sessions_revoked_at_index');
    t.dropIndex(['expires_at'], 'sessions_expires_at_index');
  });
}
