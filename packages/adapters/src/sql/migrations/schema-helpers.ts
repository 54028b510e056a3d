import type { Knex } from 'knex';

/**
 * Column helpers that make both engines behave alike.
 *
 * Timestamps: DATETIME(3) on MySQL (UTC, milliseconds); on SQLite the driver binds a
 * Date as epoch milliseconds, so the column holds integers. Either way the repositories
 * read them back through `toDate`.
 */
export function timestamp(table: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder {
  return table.datetime(name, { precision: 3 });
}

/**
 * A short text column compared and sorted case-insensitively, as MySQL's `_ci`
 * collations do; SQLite needs NOCASE for `=`, ORDER BY and its indexes to agree.
 */
export function caseInsensitiveString(
  knex: Knex,
  table: Knex.CreateTableBuilder,
  name: string,
  length: number,
): Knex.ColumnBuilder {
  if (isSqlite(knex)) return table.specificType(name, `varchar(${length}) COLLATE NOCASE`);
  return table.string(name, length);
}

/** MySQL tables use utf8mb4 with a case-insensitive collation. */
export function mysqlTableOptions(knex: Knex, table: Knex.CreateTableBuilder): void {
  if (isSqlite(knex)) return;
  table.engine('InnoDB');
  table.charset('utf8mb4');
  table.collate('utf8mb4_unicode_ci');
}

export function isSqlite(knex: Knex): boolean {
  return (knex.client as { dialect?: string }).dialect === 'sqlite3';
}
