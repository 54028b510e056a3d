import type { Knex } from 'knex';

/**
 * Inserts a row into a table another part of the system owns (an order line that refers
 * to a product), filling each NOT NULL column without a default with a plain value of its
 * type, so the test does not depend on that table's full shape. Answers the new id.
 */
export async function insertRow(db: Knex, table: string, values: Record<string, unknown>): Promise<number> {
  const columns = (await db(table).columnInfo()) as unknown as Record<string, Knex.ColumnInfo>;
  const row: Record<string, unknown> = {};
  for (const [name, info] of Object.entries(columns)) {
    if (name === 'id' || name in values || info.nullable || info.defaultValue !== null) continue;
    row[name] = plainValue(info.type.toLowerCase());
  }
  const [id] = await db(table).insert({ ...row, ...values });
  return Number(id);
}

function plainValue(type: string): unknown {
  if (/date|time/.test(type)) return new Date();
  if (/int|bool|dec|num|float|double|real/.test(type)) return 1;
  return 'x';
}
