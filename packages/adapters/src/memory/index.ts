// In-memory adapters: tests, embedding and demos. They pass the same contract suites as SQL.
export { MemoryUserRepository } from './memory-user-repository.js';
export { MemorySessionRepository } from './memory-session-repository.js';
export { MemoryOneTimeTokenRepository } from './memory-one-time-token-repository.js';
export { MemoryAddressRepository } from './memory-address-repository.js';
export { MemoryProductRepository } from './memory-product-repository.js';
export { MemoryNotifier } from './memory-notifier.js';
export { MemoryOrderRepository } from './memory-order-repository.js';
export { MemoryPaymentLedger } from './memory-payment-ledger.js';
export { MemoryRentalRepository } from './memory-rental-repository.js';
export { MemorySettingsRepository } from './memory-settings-repository.js';
export { MemoryIdempotencyStore } from './memory-idempotency-store.js';
export { MemoryUnitOfWork } from './memory-unit-of-work.js';
export type { MemoryStock, StockShortfall } from './memory-stock.js';
export { createMemoryStorage } from './memory-storage.js';
export type { Storage } from '../storage.js';
