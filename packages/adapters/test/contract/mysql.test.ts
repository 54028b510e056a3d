import { afterAll, beforeAll, describe } from 'vitest';
import { emptyTables, sqlRepositories } from '../support/sql-engine.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';
import { describeAllContracts } from './suites/all-contracts.js';

const baseUrl = process.env.MYSQL_URL;

// One fresh database for this file, emptied before each test and dropped at the end.
describe.skipIf(!baseUrl)('mysql', () => {
  let database: FreshMysqlDatabase;
  beforeAll(async () => {
    database = await createFreshMysqlDatabase(baseUrl as string);
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeAllContracts(
    'mysql',
    async () => {
      await emptyTables(database.knex);
      return { ...sqlRepositories(database.knex), dispose: async () => {} };
    },
    { canMarkReferenced: true },
  );
});
