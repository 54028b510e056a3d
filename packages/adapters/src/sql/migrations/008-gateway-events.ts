import type { Knex } from 'knex';
import { isSqlite, mysqlTableOptions, timestamp } from './schema-helpers.js';

/**
 * The gateway events already applied (SPEC §6: each webhook or reconciled event once).
 * The event id is the primary key: a second insert of one id fails in the transaction of
 * its effect, so a duplicate delivery changes nothing. The ledger's history page reads a
 * user's rows newest first: (user_id, created_at) serves it without a sort of every row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('gateway_events', (t) => {
    mysqlTableOptions(knex, t);
    // Stripe's `evt_…` ids are case-sensitive; compared byte for byte on MySQL too.
    const id = t.string('event_id', 255).notNullable().primary('gateway_events_primary');
    if (!isSqlite(knex)) id.collate('utf8mb4_bin');
    t.string('type', 100).notNullable();
    timestamp(t, 'event_created_at').notNullable();
    timestamp(t, 'applied_at').notNullable();
    t.index(['event_created_at'], 'gateway_events_created_at_index');
  });
  await knex.schema.alterTable('payments', (t) => {
    t.index(['user_id', 'created_at'], 'payments_user_created_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => {
    t.dropIndex(['user_id', 'created_at'], 'payments_user_created_index');
  });
  await knex.schema.dropTableIfExists('gateway_events');
}
