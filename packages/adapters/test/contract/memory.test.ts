import {
  MemoryAddressRepository, MemoryOneTimeTokenRepository, MemoryProductRepository, MemorySessionRepository,
  MemoryUserRepository,
} from '../../src/memory/index.js';
import { MemoryIdempotencyStore } from '../../src/memory/memory-idempotency-store.js';
import { MemoryOrderRepository } from '../../src/memory/memory-order-repository.js';
import { MemorySettingsRepository } from '../../src/memory/memory-settings-repository.js';
import { describeAllContracts } from './suites/all-contracts.js';

describeAllContracts(
  'memory',
  async () => {
    const products = new MemoryProductRepository();
    const users = new MemoryUserRepository();
    const idempotency = new MemoryIdempotencyStore();
    return {
      users,
      sessions: new MemorySessionRepository(),
      oneTimeTokens: new MemoryOneTimeTokenRepository(),
      addresses: new MemoryAddressRepository(),
      products,
      orders: new MemoryOrderRepository(products, users),
      settings: new MemorySettingsRepository(),
      idempotency,
      idempotencyPurger: idempotency,
      markReferenced: async (id) => products.markReferenced(id),
      dispose: async () => {},
    };
  },
  { canMarkReferenced: true },
);
