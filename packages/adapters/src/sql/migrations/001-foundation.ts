import type { Knex } from 'knex';
import { caseInsensitiveString, isSqlite, mysqlTableOptions, timestamp } from './schema-helpers.js';

/** Users, sessions and tokens, addresses, products, settings. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    // Stored lower-cased, so this index makes emails unique regardless of letter case.
    t.string('email', 255).notNullable().unique('users_email_unique');
    t.string('password_hash', 255).notNullable();
    t.string('first_name', 100).notNullable();
    t.string('last_name', 100).notNullable();
    t.string('phone', 40).nullable();
    t.string('role', 20).notNullable().defaultTo('customer');
    timestamp(t, 'email_verified_at').nullable();
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    t.index(['role'], 'users_role_index');
  });

  await knex.schema.createTable('sessions', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'expires_at').notNullable();
    timestamp(t, 'revoked_at').nullable();
    t.string('ip', 64).nullable();
    t.text('user_agent').nullable();
    t.index(['user_id'], 'sessions_user_id_index');
  });

  await knex.schema.createTable('refresh_tokens', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('session_id').unsigned().notNullable().references('id').inTable('sessions').onDelete('CASCADE');
    t.string('token_hash', 128).notNullable().unique('refresh_tokens_token_hash_unique');
    timestamp(t, 'expires_at').notNullable();
    timestamp(t, 'rotated_at').nullable();
    timestamp(t, 'created_at').notNullable();
    t.index(['session_id'], 'refresh_tokens_session_id_index');
  });

  await knex.schema.createTable('one_time_tokens', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('purpose', 40).notNullable();
    t.string('token_hash', 128).notNullable();
    timestamp(t, 'expires_at').notNullable();
    timestamp(t, 'used_at').nullable();
    timestamp(t, 'created_at').notNullable();
    t.unique(['purpose', 'token_hash'], { indexName: 'one_time_tokens_purpose_hash_unique' });
    t.index(['user_id'], 'one_time_tokens_user_id_index');
  });

  await knex.schema.createTable('addresses', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('label', 100).nullable();
    t.string('recipient_name', 200).notNullable();
    t.string('line1', 200).notNullable();
    t.string('line2', 200).nullable();
    t.string('city', 100).notNullable();
    t.string('state', 100).notNullable();
    t.string('postal_code', 20).notNullable();
    t.string('country', 2).notNullable().defaultTo('US');
    t.string('phone', 40).nullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    t.index(['user_id'], 'addresses_user_id_index');
  });

  await knex.schema.createTable('products', (t) => {
    mysqlTableOptions(knex, t);
    t.increments('id').primary();
    caseInsensitiveString(knex, t, 'name', 200).notNullable();
    t.string('slug', 255).notNullable().unique('products_slug_unique');
    t.text('description').notNullable();
    caseInsensitiveString(knex, t, 'category', 100).notNullable();
    caseInsensitiveString(knex, t, 'brand', 100).notNullable();
    caseInsensitiveString(knex, t, 'condition', 40).notNullable();
    t.text('specifications').notNullable(); // JSON object
    t.text('image_urls').notNullable(); // JSON array
    t.bigInteger('price').notNullable(); // cents
    t.text('rental_rates').notNullable(); // JSON object: term → cents
    t.boolean('rentable').notNullable().defaultTo(false);
    t.integer('stock').notNullable().defaultTo(0);
    t.boolean('is_featured').notNullable().defaultTo(false);
    t.string('status', 20).notNullable().defaultTo('active');
    timestamp(t, 'created_at').notNullable();
    timestamp(t, 'updated_at').notNullable();
    // One index per list filter and sort (SPEC §2). The category index carries the
    // default "featured" order, so a category page is read in index order.
    t.index(['status', 'category', 'is_featured', 'created_at'], 'products_status_category_index');
    t.index(['status', 'condition'], 'products_status_condition_index');
    t.index(['status', 'brand'], 'products_status_brand_index');
    t.index(['status', 'price'], 'products_status_price_index');
    t.index(['status', 'created_at'], 'products_status_created_at_index');
    t.index(['status', 'name'], 'products_status_name_index');
    t.index(['status', 'is_featured', 'created_at'], 'products_status_featured_index');
    t.index(['rentable'], 'products_rentable_index');
    if (!isSqlite(knex)) {
      t.index(['name', 'brand', 'description'], 'products_fulltext_index', { indexType: 'FULLTEXT' });
    }
  });

  await knex.schema.createTable('settings', (t) => {
    mysqlTableOptions(knex, t);
    t.string('key', 100).primary();
    t.text('value').notNullable(); // JSON
    timestamp(t, 'updated_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['settings', 'products', 'addresses', 'one_time_tokens', 'refresh_tokens', 'sessions', 'users']) {
    await knex.schema.dropTableIfExists(table);
  }
}
