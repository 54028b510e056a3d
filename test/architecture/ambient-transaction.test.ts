import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Inside a unit of work every SQL repository query must run on the ambient transaction
// (sql/unit-of-work.ts): SQLite has one connection, so a query on the pool would wait for
// the open transaction forever, and on MySQL it would escape the transaction.
const repositories = join(import.meta.dirname, '..', '..', 'packages', 'adapters', 'src', 'sql', 'repositories');

/** Uses of the repository's own knex other than the accessor, inTransaction and the dialect check. */
function poolQueries(text: string): string[] {
  // Whitespace-insensitive (a formatter may break `inTransaction(this.knex, …)` over lines).
  const allowed = [/dbOf\(\s*this\.knex\s*\)/g, /inTransaction\(\s*this\.knex\s*,/g, /isMysql\(\s*this\.knex\s*\)/g];
  const rest = allowed.reduce((remaining, pattern) => remaining.replace(pattern, ''), text);
  return rest.split('\n').filter((line) => /this\.knex\b/.test(line));
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
