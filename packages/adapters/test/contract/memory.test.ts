import {
  MemoryAddressRepository, MemoryOneTimeTokenRepository, MemoryProductRepository, MemorySessionRepository,
  MemoryUserRepository,
} from '../../src/memory/index.js';
import { describeAllContracts } from './suites/all-contracts.js';

describeAllContracts(
  'memory',
  async () => {
    const products = new MemoryProductRepository();
    return {
      users: new MemoryUserRepository(),
      sessions: new MemorySessionRepository(),
      oneTimeTokens: new MemoryOneTimeTokenRepository(),
      addresses: new MemoryAddressRepository(),
      products,
      markReferenced: async (id) => products.markReferenced(id),
      dispose: async () => {},
    };
  },
  { canMarkReferenced: true },
);
