import {
  MemoryAddressRepository,
  MemoryOneTimeTokenRepository,
  MemoryProductRepository,
  MemorySessionRepository,
  MemoryUnitOfWork,
  MemoryUserRepository,
} from '../../src/memory/index.js';
import { MemoryIdempotencyStore } from '../../src/memory/memory-idempotency-store.js';
import { MemoryPaymentLedger } from '../../src/memory/memory-payment-ledger.js';
import { MemoryOrderRepository } from '../../src/memory/memory-order-repository.js';
import { MemoryRentalRepository } from '../../src/memory/memory-rental-repository.js';
import { MemorySettingsRepository } from '../../src/memory/memory-settings-repository.js';
import { describeAllContracts } from './suites/all-contracts.js';

describeAllContracts(
  'memory',
  async () => {
    const products = new MemoryProductRepository();
    const users = new MemoryUserRepository();
    const idempotency = new MemoryIdempotencyStore();
    const payments = new MemoryPaymentLedger();
    const parts = {
      users,
      sessions: new MemorySessionRepository(),
      oneTimeTokens: new MemoryOneTimeTokenRepository(),
      addresses: new MemoryAddressRepository(),
      products,
      orders: new MemoryOrderRepository(products, payments, users),
      rentals: new MemoryRentalRepository(products, payments, users),
      payments,
      settings: new MemorySettingsRepository(),
      idempotency,
    };
    return {
      ...parts,
      idempotencyPurger: idempotency,
      unitOfWork: new MemoryUnitOfWork(Object.values(parts)),
      markReferenced: async (id) => products.markReferenced(id),
      dispose: async () => {},
    };
  },
  { canMarkReferenced: true },
);
