import { createDatabase, migrateToLatest } from '../../src/sql/index.js';
import { sqlRepositories } from '../support/sql-engine.js';
import { describeAllContracts } from './suites/all-contracts.js';

// A fresh in-memory database, migrated, for every test.
describeAllContracts(
  'sqlite',
  async () => {
    const knex = createDatabase('sqlite::memory:');
    await migrateToLatest(knex);
    return { ...sqlRepositories(knex), dispose: () => knex.destroy() };
  },
  { canMarkReferenced: true },
);
