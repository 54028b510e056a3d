import type { AddressUseCases, CatalogUseCases, IdentityUseCases, RentalPolicy } from '@giggatek/domain';
import type { RateLimiters } from '@giggatek/adapters';

/** What the public API needs from the composition root. */
export interface ApiServices {
  identity: IdentityUseCases;
  catalog: CatalogUseCases;
  addresses: AddressUseCases;
  rentalPolicy(): Promise<RentalPolicy>;
  limiters: RateLimiters;
  checkDatabase(): Promise<boolean>;
  version: string;
  /** Origins allowed to call the API from a browser. */
  corsOrigins: readonly string[];
}
