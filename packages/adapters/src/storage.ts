import type {
  AddressRepository,
  IdempotencyKeyPurger,
  IdempotencyStore,
  OneTimeTokenRepository,
  OrderRepository,
  PaymentLedger,
  ProductRepository,
  RentalRepository,
  SessionRepository,
  SettingsRepository,
  UnitOfWork,
  UserRepository,
} from '@giggatek/domain';

/** Where the application keeps its records (createContainer's `storage` option). */
export type StorageKind = 'memory' | 'sql';

/**
 * The repositories of one store and the unit of work that spans them, with what it takes to
 * prepare, check and close the store: SQL (`sql/sql-storage.ts`) or memory (`memory/memory-storage.ts`).
 */
export interface Storage {
  users: UserRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  addresses: AddressRepository;
  products: ProductRepository;
  settings: SettingsRepository;
  orders: OrderRepository;
  rentals: RentalRepository;
  payments: PaymentLedger;
  idempotency: IdempotencyStore;
  idempotencyKeys: IdempotencyKeyPurger;
  unitOfWork: UnitOfWork;
  /** Creates the database if it is missing and applies pending migrations (nothing to do in memory). */
  migrate(): Promise<void>;
  /** The health check: can the store answer? */
  check(): Promise<boolean>;
  close(): Promise<void>;
}
