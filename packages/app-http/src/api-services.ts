import type {
  AddressUseCases,
  CatalogUseCases,
  Clock,
  IdempotencyStore,
  IdentityUseCases,
  OrderingUseCases,
  PaymentsUseCases,
  RefundUseCases,
  RentingUseCases,
  UnitOfWork,
} from '@giggatek/domain';
import type { RateLimiters } from '@giggatek/adapters';

/** What the public API needs from the composition root. */
export interface ApiServices {
  identity: IdentityUseCases;
  catalog: CatalogUseCases;
  addresses: AddressUseCases;
  ordering: OrderingUseCases;
  renting: RentingUseCases;
  payments: PaymentsUseCases;
  /** Staff refunds of orders and rental payments. */
  refunds: RefundUseCases;
  /** Stored answers of requests sent with an Idempotency-Key. */
  idempotency: IdempotencyStore;
  /** The transaction an idempotent request's work and its stored answer share. */
  unitOfWork: UnitOfWork;
  clock: Clock;
  limiters: RateLimiters;
  checkDatabase(): Promise<boolean>;
  version: string;
  /** Origins allowed to call the API from a browser. */
  corsOrigins: readonly string[];
  /**
   * The shop's public base URL (PUBLIC_URL): HSTS is sent only when it is https; the
   * account pages accept their forms from its origin and link back to it.
   */
  publicUrl: string;
}
