import type { Knex } from 'knex';
import { addressSnapshotColumns } from './002-orders.js';
import { isSqlite, mysqlTableOptions, timestamp } from './schema-helpers.js';

const STATUSES = ['pending', 'active', 'completed', 'cancelled', 'returned', 'defaulted'];

/**
 * Rent-to-own contracts (SPEC §5) with their status history, and the late-fee part of a
 * ledger row. A rental stores its contract's figures (cash price, rate, fee, grace, …):
 * a later policy or price change never alters a contract already offered.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rentals', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    // No cascade: a rental is a financial record.
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users');
    t.integer('product_id').unsigned().notNullable().references('id').inTable('products');
    t.string('product_name', 200).notNullable();
    t.string('product_condition', 40).notNullable();
    t.string('status', 20).notNullable();
    t.string('currency', 3).notNullable().defaultTo('usd');
    t.bigInteger('cash_price').notNullable(); // cents
    t.integer('total_months').notNullable();
    t.bigInteger('monthly_rate').notNullable(); // cents
    t.bigInteger('total_amount').notNullable(); // cents
    t.integer('grace_days').notNullable();
    t.integer('late_fee_bp').notNullable();
    t.bigInteger('late_fee_cap').notNullable(); // cents
    t.bigInteger('late_fee').notNullable(); // cents, per late installment
    t.integer('same_as_cash_days').notNullable();
    t.integer('default_after_days').notNullable();
    addressSnapshotColumns(t, 'delivery');
    t.date('start_date').nullable();
    t.date('end_date').nullable();
    t.integer('installments_paid').notNullable().defaultTo(0);
    t.date('next_due_date').nullable();
    timestamp(t, 'contract_signed_at').nullable();
    t.text('signature', 'mediumtext').nullable();
    t.string('signature_ip', 45).nullable();
    timestamp(t, 'ownership_transferred_at').nullable();
    timestamp(t, 'returned_at').nullable();
    timestamp(t, 'received_at').nullable();
    timestamp(t, 'defaulted_at').nullable();
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    t.index(['user_id', 'created_at'], 'rentals_user_created_index');
    t.index(['status', 'next_due_date'], 'rentals_status_next_due_index');
    t.index(['product_id'], 'rentals_product_id_index');
    t.index(['created_at'], 'rentals_created_at_index');
    t.check(`?? in (${STATUSES.map(() => '?').join(', ')})`, ['status', ...STATUSES], 'rentals_status_known');
    t.check(
      '?? >= 0 and ?? <= ??',
      ['installments_paid', 'installments_paid', 'total_months'],
      'rentals_paid_in_range',
    );
  });

  await knex.schema.createTable('rental_status_history', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('rental_id').unsigned().notNullable().references('id').inTable('rentals').onDelete('CASCADE');
    t.string('from_status', 20).nullable();
    t.string('to_status', 20).notNullable();
    t.integer('actor_user_id').unsigned().nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('actor_label', 100).notNullable();
    t.text('note').nullable();
    timestamp(t, 'created_at').notNullable();
    t.index(['rental_id'], 'rental_status_history_rental_id_index');
  });

  await knex.schema.alterTable('payments', (t) => {
    t.bigInteger('late_fee').notNullable().defaultTo(0); // cents, part of amount
  });

  // The rental_id columns of 002 and 006 get their foreign keys now that rentals exist.
  // SQLite cannot add a foreign key to an existing table without rebuilding it; the
  // repositories only ever write ids of rentals they hold.
  if (!isSqlite(knex)) {
    await knex.schema.alterTable('payments', (t) => {
      t.foreign('rental_id', 'payments_rental_id_foreign').references('id').inTable('rentals');
    });
    await knex.schema.alterTable('stock_movements', (t) => {
      t.foreign('rental_id', 'stock_movements_rental_id_foreign').references('id').inTable('rentals');
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  if (!isSqlite(knex)) {
    await knex.schema.alterTable('stock_movements', (t) =>
      t.dropForeign('rental_id', 'stock_movements_rental_id_foreign'),
    );
    await knex.schema.alterTable('payments', (t) => t.dropForeign('rental_id', 'payments_rental_id_foreign'));
  }
  // The ledger rows of rentals outlive them (payments are financial records; stock = Σ
  // movements): they forget the rental's id, which a later up would refuse as a foreign
  // key (MySQL) or give to a new rental (SQLite reuses the ids of a recreated table).
  await knex('payments').whereNotNull('rental_id').update({ rental_id: null });
  await knex('stock_movements').whereNotNull('rental_id').update({ rental_id: null });
  await knex.schema.alterTable('payments', (t) => t.dropColumn('late_fee'));
  await knex.schema.dropTableIfExists('rental_status_history');
  await knex.schema.dropTableIfExists('rentals');
}
