import type {
  AddressRepository,
  Id,
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

/** One port under test, plus what its rows need around them. */
export interface ContractFixture<T> {
  repo: T;
  /** For rows that refer to a user (foreign keys on SQL engines). */
  users: UserRepository;
  dispose(): Promise<void>;
}

/** Builds a fresh, empty store for each test. */
export type MakeFixture<T> = () => Promise<ContractFixture<T>>;

/** Every repository of one engine, over one fresh store. */
export interface Engine {
  users: UserRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  addresses: AddressRepository;
  products: ProductRepository;
  orders: OrderRepository;
  rentals: RentalRepository;
  payments: PaymentLedger;
  settings: SettingsRepository;
  idempotency: IdempotencyStore;
  /** Purges the records of `idempotency`. */
  idempotencyPurger: IdempotencyKeyPurger;
  /** One transaction over every repository above. */
  unitOfWork: UnitOfWork;
  /** Makes a product count as referenced by an order or rental, when the engine can. */
  markReferenced?: (productId: Id) => Promise<void>;
  dispose(): Promise<void>;
}

let counter = 0;

/** A unique, mixed-case email, so tests never collide in a shared database. */
export function uniqueEmail(prefix = 'User'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@Example.COM`;
}

export async function createTestUser(
  users: UserRepository,
  createdAt = new Date('2026-01-10T08:00:00.000Z'),
): Promise<Id> {
  const user = await users.create({
    email: uniqueEmail(),
    passwordHash: 'hash',
    firstName: 'Test',
    lastName: 'User',
    phone: null,
    role: 'customer',
    createdAt,
  });
  return user.id;
}

/** Runs `count` copies of an operation at the same time and returns their results. */
export function concurrently<T>(count: number, operation: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => operation(index)));
}
