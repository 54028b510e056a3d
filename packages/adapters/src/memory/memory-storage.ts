import type { Storage } from '../storage.js';
import { MemoryAddressRepository } from './memory-address-repository.js';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';
import { MemoryOneTimeTokenRepository } from './memory-one-time-token-repository.js';
import { MemoryPaymentLedger } from './memory-payment-ledger.js';
import { MemoryOrderRepository } from './memory-order-repository.js';
import { MemoryProductRepository } from './memory-product-repository.js';
import { MemoryRentalRepository } from './memory-rental-repository.js';
import { MemorySessionRepository } from './memory-session-repository.js';
import { MemorySettingsRepository } from './memory-settings-repository.js';
import { MemoryUnitOfWork } from './memory-unit-of-work.js';
import { MemoryUserRepository } from './memory-user-repository.js';

/**
 * Every memory repository, with one unit of work over all of them: the whole application
 * without a database (createContainer's `storage: 'memory'`). Nothing outlives the process.
 */
export function createMemoryStorage(): Storage {
  const users = new MemoryUserRepository();
  const products = new MemoryProductRepository();
  const idempotency = new MemoryIdempotencyStore();
  // The one ledger of orders and rentals, as the SQL `payments` table is.
  const payments = new MemoryPaymentLedger();
  const repositories = {
    users,
    sessions: new MemorySessionRepository(),
    oneTimeTokens: new MemoryOneTimeTokenRepository(),
    addresses: new MemoryAddressRepository(),
    products,
    settings: new MemorySettingsRepository(),
    orders: new MemoryOrderRepository(products, payments, users),
    rentals: new MemoryRentalRepository(products, payments, users),
    payments,
    idempotency,
  };
  return {
    ...repositories,
    idempotencyKeys: idempotency,
    unitOfWork: new MemoryUnitOfWork(Object.values(repositories)),
    migrate: async () => {},
    check: async () => true,
    close: async () => {},
  };
}
