import type { Knex } from 'knex';
import type { Storage } from '../storage.js';
import { checkDatabase, ensureDatabaseExists } from './database.js';
import { migrateToLatest } from './migrate.js';
import { SqlAddressRepository } from './repositories/sql-address-repository.js';
import { SqlIdempotencyPurger } from './repositories/sql-idempotency-purger.js';
import { SqlIdempotencyStore } from './repositories/sql-idempotency-store.js';
import { SqlOneTimeTokenRepository } from './repositories/sql-one-time-token-repository.js';
import { SqlPaymentLedger } from './repositories/sql-payment-ledger.js';
import { SqlOrderRepository } from './repositories/sql-order-repository.js';
import { SqlProductRepository } from './repositories/sql-product-repository.js';
import { SqlRentalRepository } from './repositories/sql-rental-repository.js';
import { SqlSessionRepository } from './repositories/sql-session-repository.js';
import { SqlSettingsRepository } from './repositories/sql-settings-repository.js';
import { SqlUserRepository } from './repositories/sql-user-repository.js';
import { SqlUnitOfWork } from './unit-of-work.js';

/** Every SQL repository on one knex instance (opened from `databaseUrl`), with its unit of work. */
export function createSqlStorage(db: Knex, databaseUrl: string): Storage {
  return {
    users: new SqlUserRepository(db),
    sessions: new SqlSessionRepository(db),
    oneTimeTokens: new SqlOneTimeTokenRepository(db),
    addresses: new SqlAddressRepository(db),
    products: new SqlProductRepository(db),
    settings: new SqlSettingsRepository(db),
    orders: new SqlOrderRepository(db),
    rentals: new SqlRentalRepository(db),
    payments: new SqlPaymentLedger(db),
    idempotency: new SqlIdempotencyStore(db),
    idempotencyKeys: new SqlIdempotencyPurger(db),
    unitOfWork: new SqlUnitOfWork(db),
    async migrate() {
      await ensureDatabaseExists(databaseUrl);
      await migrateToLatest(db);
    },
    check: () => checkDatabase(db),
    close: () => db.destroy(),
  };
}
