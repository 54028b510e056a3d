/**
 * How column values read back from the two drivers; the one mapper per table converts
 * them with the helpers in ../row-values.ts. Writes pass the plain value (a Date, a
 * boolean, a number), which each union accepts. A column that holds one of the domain's
 * names (a status, a role) is typed as that union: only the repositories write it.
 */

/** A timestamp: a Date on MySQL, epoch milliseconds on SQLite. */
export type DbTimestamp = Date | number;
/**
 * A DATE (a LocalDate): `YYYY-MM-DD` text on both engines. SQLite stores the text as
 * written; MySQL's driver is told to return DATE columns as text (database.ts), so no
 * time zone ever touches a calendar date.
 */
export type DbDate = string;
/** A boolean: 0/1 on both engines (true/false when just written). */
export type DbBoolean = boolean | number;
/** A BIGINT (cents): a number, or a string when a driver keeps big numbers exact. */
export type DbBigInt = number | string;

/** The id of the row an insert created: knex answers [insertId] on MySQL and SQLite alike. */
export function insertedId(ids: readonly number[], table: string): number {
  const [id] = ids;
  if (id === undefined) throw new Error(`the ${table} insert returned no id`);
  return id;
}
