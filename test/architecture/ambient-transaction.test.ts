import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Inside a unit of work every SQL repository query must run on the ambient transaction
// (sql/unit-of-work.ts): SQLite has one connection, so a query on the pool would wait for
// the open transaction forever, and on MySQL it would escape the transaction.
const repositories = join(import.meta.dirname, '..', '..', 'packages', 'adapters', 'src', 'sql', 'repositories');

/** Uses of the repository's own knex other than the accessor, inTransaction and the dialect check. */
function poolQueries(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        /this\.knex\b/.test(line) &&
        !/constructor\(private readonly knex|dbOf\(this\.knex\)|inTransaction\(this\.knex,|isMysql\(this\.knex\)/.test(
          line,
        ),
    );
}

describe('SQL repositories and the unit of work', () => {
  it('query through dbOf / inTransaction only, never the pool directly', () => {
    const files = readdirSync(repositories).filter((name) => name.startsWith('sql-') && name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((name) =>
      poolQueries(readFileSync(join(repositories, name), 'utf8')).map((line) => `${name}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
