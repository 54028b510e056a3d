import { resolve, TOKENS, type AppSchedulerServices } from '@giggatek/adapters';
import type { Container } from 'inversify';
import type { ApiServices } from './api-services.js';
import { migrate, seed } from './bootstrap.js';
import type { CliServices } from './cli-commands.js';
import { VERSION } from './version.js';

// The composition root of the process, with bootstrap.ts (and main.ts and cli.ts, which
// create and dispose the container): the only files that read the container. Each consumer
// (the API and admin, the scheduler, the CLI) gets its services from one function here.

/** The API's (and the account pages') services. */
export function apiServices(container: Container): ApiServices {
  const config = resolve(container, TOKENS.Config);
  const storage = resolve(container, TOKENS.Storage);
  return {
    identity: resolve(container, TOKENS.IdentityUseCases),
    catalog: resolve(container, TOKENS.CatalogUseCases),
    addresses: resolve(container, TOKENS.AddressUseCases),
    ordering: resolve(container, TOKENS.OrderingUseCases),
    renting: resolve(container, TOKENS.RentingUseCases),
    payments: resolve(container, TOKENS.PaymentsUseCases),
    refunds: resolve(container, TOKENS.RefundUseCases),
    idempotency: resolve(container, TOKENS.IdempotencyStore),
    unitOfWork: resolve(container, TOKENS.UnitOfWork),
    clock: resolve(container, TOKENS.Clock),
    limiters: resolve(container, TOKENS.RateLimiters),
    checkDatabase: () => storage.check(),
    version: VERSION,
    corsOrigins: config.corsOrigins,
    publicUrl: config.publicUrl,
  };
}

/** What the scheduler's jobs need (inline in the server, or `cli worker`). */
export function schedulerServices(container: Container): AppSchedulerServices {
  return {
    ordering: resolve(container, TOKENS.OrderingUseCases),
    housekeeping: {
      sessions: resolve(container, TOKENS.SessionRepository),
      oneTimeTokens: resolve(container, TOKENS.OneTimeTokenRepository),
      idempotencyKeys: resolve(container, TOKENS.IdempotencyKeyPurger),
      clock: resolve(container, TOKENS.Clock),
    },
    reconciliation: {
      payments: resolve(container, TOKENS.PaymentsUseCases),
      clock: resolve(container, TOKENS.Clock),
    },
  };
}

/** What the CLI's commands need. */
export function cliServices(container: Container): CliServices {
  return {
    migrate: () => migrate(container),
    seed: () => seed(container),
    identity: resolve(container, TOKENS.IdentityUseCases),
    scheduler: schedulerServices(container),
  };
}
