// SQL persistence (knex, typed rows) for SQLite and MySQL/MariaDB.
export { createDatabase, checkDatabase, ensureDatabaseExists, isMysql } from './database.js';
export { migrateToLatest } from './migrate.js';
export { MIGRATIONS, type MigrationModule } from './migrations/index.js';
export { SqlUserRepository } from './repositories/sql-user-repository.js';
export { SqlSessionRepository } from './repositories/sql-session-repository.js';
export { SqlOneTimeTokenRepository } from './repositories/sql-one-time-token-repository.js';
export { SqlAddressRepository } from './repositories/sql-address-repository.js';
export { SqlProductRepository } from './repositories/sql-product-repository.js';
export { SqlOrderRepository } from './repositories/sql-order-repository.js';
export { SqlPaymentLedger } from './repositories/sql-payment-ledger.js';
export { SqlRentalRepository } from './repositories/sql-rental-repository.js';
export { SqlSettingsRepository } from './repositories/sql-settings-repository.js';
export { SqlIdempotencyStore } from './repositories/sql-idempotency-store.js';
export { SqlIdempotencyPurger } from './repositories/sql-idempotency-purger.js';
export { transactionWithRetry, isRetryable } from './transactions.js';
export { SqlUnitOfWork, dbOf, inTransaction } from './unit-of-work.js';
export { DatabaseBusyError, SQLITE_BUSY_WAIT_MS } from './sqlite-busy.js';
export { createSqlStorage } from './sql-storage.js';
