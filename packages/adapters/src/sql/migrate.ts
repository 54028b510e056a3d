import type { Knex } from 'knex';
import { MIGRATIONS, type MigrationModule } from './migrations/index.js';

type Entry = (typeof MIGRATIONS)[number];

/** A knex migration source over the statically imported list (no file globbing). */
class StaticMigrationSource implements Knex.MigrationSource<Entry> {
  getMigrations(): Promise<Entry[]> {
    return Promise.resolve([...MIGRATIONS]);
  }
  getMigrationName(migration: Entry): string {
    return migration.name;
  }
  getMigration(migration: Entry): Promise<MigrationModule> {
    return Promise.resolve(migration.module);
  }
}

/** Runs every pending migration; returns the names of those it ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({ migrationSource: new StaticMigrationSource() })) as [number, string[]];
  return ran;
}
