import { checkDatabase, resolve, TOKENS } from '@giggatek/adapters';
import type { Container } from 'inversify';
import type { ApiServices } from './api-services.js';
import { VERSION } from './version.js';

/** The API's view of the composition root. */
export function apiServices(container: Container): ApiServices {
  const config = resolve(container, TOKENS.Config);
  const database = resolve(container, TOKENS.Database);
  return {
    identity: resolve(container, TOKENS.IdentityUseCases),
    catalog: resolve(container, TOKENS.CatalogUseCases),
    addresses: resolve(container, TOKENS.AddressUseCases),
    ordering: resolve(container, TOKENS.OrderingUseCases),
    idempotency: resolve(container, TOKENS.IdempotencyStore),
    unitOfWork: resolve(container, TOKENS.UnitOfWork),
    clock: resolve(container, TOKENS.Clock),
    rentalPolicy: resolve(container, TOKENS.RentalPolicy),
    limiters: resolve(container, TOKENS.RateLimiters),
    checkDatabase: () => checkDatabase(database),
    version: VERSION,
    corsOrigins: config.corsOrigins,
    publicUrl: config.publicUrl,
  };
}
