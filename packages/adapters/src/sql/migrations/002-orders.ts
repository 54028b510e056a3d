import type { Knex } from 'knex';
import { isSqlite, mysqlTableOptions, timestamp } from './schema-helpers.js';

/** Orders with their items and status history, the payment ledger, idempotency keys. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    // No cascade: an order is a financial record and outlives nothing it refers to.
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users');
    t.string('status', 20).notNullable();
    t.string('payment_status', 20).notNullable();
    t.string('currency', 3).notNullable().defaultTo('usd');
    t.bigInteger('subtotal').notNullable(); // cents
    t.bigInteger('shipping').notNullable(); // cents
    t.bigInteger('tax').notNullable(); // cents
    t.bigInteger('total').notNullable(); // cents
    t.string('shipping_method', 20).notNullable();
    addressSnapshotColumns(t, 'shipping');
    addressSnapshotColumns(t, 'billing');
    t.string('tracking_number', 100).nullable();
    t.text('notes').nullable();
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    t.index(['user_id', 'created_at'], 'orders_user_created_index');
    // Also serves the expiry job's claim (status = pending AND created_at < cutoff).
    t.index(['status', 'created_at'], 'orders_status_created_index');
    t.index(['payment_status'], 'orders_payment_status_index');
    t.index(['created_at'], 'orders_created_at_index');
  });

  await knex.schema.createTable('order_items', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable().references('id').inTable('orders').onDelete('CASCADE');
    // No cascade: a product with orders is archived, never deleted.
    t.integer('product_id').unsigned().notNullable().references('id').inTable('products');
    t.string('product_name', 200).notNullable();
    t.integer('quantity').notNullable();
    t.bigInteger('unit_price').notNullable(); // cents
    t.bigInteger('line_total').notNullable(); // cents
    t.index(['order_id'], 'order_items_order_id_index');
    t.index(['product_id'], 'order_items_product_id_index');
  });

  await knex.schema.createTable('order_status_history', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable().references('id').inTable('orders').onDelete('CASCADE');
    t.string('from_status', 20).nullable();
    t.string('to_status', 20).notNullable();
    t.integer('actor_user_id').unsigned().nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('actor_label', 100).notNullable();
    t.text('note').nullable();
    timestamp(t, 'created_at').notNullable();
    t.index(['order_id'], 'order_status_history_order_id_index');
  });

  // The payment ledger (SPEC §6): every attempt and outcome, for orders and rentals.
  await knex.schema.createTable('payments', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users');
    t.integer('order_id').unsigned().nullable().references('id').inTable('orders');
    // The rentals table arrives later; its foreign key with it.
    t.integer('rental_id').unsigned().nullable();
    t.integer('installment_no').nullable();
    t.string('kind', 20).notNullable();
    t.bigInteger('amount').notNullable(); // cents
    t.string('currency', 3).notNullable().defaultTo('usd');
    t.string('status', 20).notNullable();
    t.string('gateway', 40).notNullable();
    // Unique when set; both engines allow many NULLs in a unique index.
    t.string('gateway_ref', 255).nullable().unique('payments_gateway_ref_unique');
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    t.index(['order_id'], 'payments_order_id_index');
    t.index(['rental_id'], 'payments_rental_id_index');
    t.index(['user_id'], 'payments_user_id_index');
  });

  await knex.schema.createTable('idempotency_keys', (t) => {
    mysqlTableOptions(knex, t);
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
    // Keys are compared byte for byte: "abc" and "ABC" are two keys.
    const idemKey = t.string('idem_key', 255).notNullable();
    if (!isSqlite(knex)) idemKey.collate('utf8mb4_bin');
    t.string('request_hash', 128).notNullable();
    t.integer('response_status').nullable();
    t.text('response_body', 'longtext').nullable(); // the JSON answer replayed to a retry
    timestamp(t, 'created_at').notNullable();
    t.primary(['user_id', 'idem_key'], 'idempotency_keys_primary');
    t.index(['created_at'], 'idempotency_keys_created_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['idempotency_keys', 'payments', 'order_status_history', 'order_items', 'orders']) {
    await knex.schema.dropTableIfExists(table);
  }
}

/** The text columns of an address copy (orders' shipping/billing, 007's rental delivery address). */
export function addressSnapshotColumns(t: Knex.CreateTableBuilder, prefix: string): void {
  t.string(`${prefix}_recipient_name`, 200).notNullable();
  t.string(`${prefix}_line1`, 200).notNullable();
  t.string(`${prefix}_line2`, 200).nullable();
  t.string(`${prefix}_city`, 100).notNullable();
  t.string(`${prefix}_state`, 100).notNullable();
  t.string(`${prefix}_postal_code`, 20).notNullable();
  t.string(`${prefix}_country`, 2).notNullable();
  t.string(`${prefix}_phone`, 40).nullable();
}
