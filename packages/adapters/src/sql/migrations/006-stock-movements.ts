import type { Knex } from 'knex';
import { isSqlite, mysqlTableOptions, timestamp } from './schema-helpers.js';

const REASONS = ['order', 'order_cancel', 'order_expiry', 'rental_out', 'rental_back', 'adjustment'];
const STOCK_CHECK = 'products_stock_not_negative';

/**
 * The stock ledger (SPEC §4): one row per stock change, written in the transaction of the
 * change. Every product that has stock gets one `adjustment` row for it here, so
 * "stock = sum of movements" holds for the products created before the ledger too. The
 * stock can no longer go below zero at the database level either: a CHECK on MySQL/MariaDB
 * (10.2+ enforces it), triggers on SQLite (which cannot add a CHECK to an existing table
 * without rebuilding it).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stock_movements', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    // Cascade: only a product nothing refers to is hard-deleted (SPEC §2), and then its
    // adjustments explain nothing any more. Order lines keep a sold product from deletion.
    t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
    t.integer('delta').notNullable();
    t.string('reason', 20).notNullable();
    t.integer('order_id').unsigned().nullable().references('id').inTable('orders');
    // The rentals table arrives later; its foreign key with it.
    t.integer('rental_id').unsigned().nullable();
    t.integer('actor_user_id').unsigned().nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('actor_label', 100).notNullable();
    t.text('note').nullable();
    timestamp(t, 'created_at').notNullable();
    // A product's ledger, newest first, is read in index order.
    t.index(['product_id', 'id'], 'stock_movements_product_id_index');
    t.index(['order_id'], 'stock_movements_order_id_index');
    t.check('?? <> 0', ['delta'], 'stock_movements_delta_not_zero');
    t.check(`?? in (${REASONS.map(() => '?').join(', ')})`, ['reason', ...REASONS], 'stock_movements_reason_known');
  });

  const now = new Date();
  await knex.raw(
    `INSERT INTO stock_movements (product_id, delta, reason, actor_label, note, created_at)
     SELECT id, stock, 'adjustment', 'system:migration', 'stock before the ledger', ? FROM products WHERE stock > 0`,
    [now],
  );

  if (isSqlite(knex)) {
    for (const event of ['INSERT', 'UPDATE OF stock']) {
      const name = `${STOCK_CHECK}_${event === 'INSERT' ? 'insert' : 'update'}`;
      await knex.raw(`CREATE TRIGGER ${name} BEFORE ${event} ON products WHEN NEW.stock < 0
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ${STOCK_CHECK}'); END`);
    }
  } else {
    await knex.raw(`ALTER TABLE products ADD CONSTRAINT ${STOCK_CHECK} CHECK (stock >= 0)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (isSqlite(knex)) {
    await knex.raw(`DROP TRIGGER IF EXISTS ${STOCK_CHECK}_insert`);
    await knex.raw(`DROP TRIGGER IF EXISTS ${STOCK_CHECK}_update`);
  } else {
    await knex.raw(`ALTER TABLE products DROP CONSTRAINT ${STOCK_CHECK}`);
  }
  await knex.schema.dropTableIfExists('stock_movements');
}
