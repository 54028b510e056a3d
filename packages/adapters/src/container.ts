import {
  AddressService, CatalogService, DEFAULT_RENTAL_POLICY, IdentityService, OrderingService, StoreSettings, systemClock,
  type AddressRepository, type AddressUseCases, type CatalogUseCases, type Clock, type IdempotencyKeyPurger,
  type IdempotencyStore, type IdentityUseCases, type Mailer, type Notifier, type OneTimeTokenRepository, type OrderingUseCases,
  type OrderRepository, type PasswordHasher, type ProductRepository, type RentalPolicy, type SecretTokens,
  type SessionRepository, type SettingsRepository, type TokenSigner, type UnitOfWork, type UserRepository,
} from '@giggatek/domain';
import type { BackgroundTasks } from '@giggatek/domain';
import { Container } from 'inversify';
import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { InProcessBackgroundTasks } from './background/in-process-background-tasks.js';
import type { AppConfig } from './config/index.js';
import { FileMailer } from './mail/file-mailer.js';
import { SmtpMailer } from './mail/smtp-mailer.js';
import { EmailTemplates } from './mail/email-templates.js';
import { TemplateNotifier } from './mail/template-notifier.js';
import { createRateLimiters, type RateLimiters } from './rate-limit/rate-limit-policy.js';
import { createRedisClient } from './rate-limit/redis-client.js';
import { BcryptPasswordHasher } from './security/bcrypt-password-hasher.js';
import { JoseTokenSigner } from './security/jose-token-signer.js';
import { NodeSecretTokens } from './security/node-secret-tokens.js';
import { createDatabase } from './sql/database.js';
import { SqlAddressRepository } from './sql/repositories/sql-address-repository.js';
import { SqlIdempotencyPurger } from './sql/repositories/sql-idempotency-purger.js';
import { SqlIdempotencyStore } from './sql/repositories/sql-idempotency-store.js';
import { SqlOneTimeTokenRepository } from './sql/repositories/sql-one-time-token-repository.js';
import { SqlOrderRepository } from './sql/repositories/sql-order-repository.js';
import { SqlProductRepository } from './sql/repositories/sql-product-repository.js';
import { SqlSessionRepository } from './sql/repositories/sql-session-repository.js';
import { SqlSettingsRepository } from './sql/repositories/sql-settings-repository.js';
import { SqlUserRepository } from './sql/repositories/sql-user-repository.js';
import { SqlUnitOfWork } from './sql/unit-of-work.js';

/** A service identifier that remembers the type it resolves to. */
export type Token<T> = symbol & { readonly __resolves?: T };
const token = <T>(name: string): Token<T> => Symbol.for(`giggatek.${name}`);

/** The ports and use cases the container serves. Tokens live here, never in the domain. */
export const TOKENS = {
  Config: token<AppConfig>('Config'),
  Clock: token<Clock>('Clock'),
  Database: token<Knex>('Database'),
  Redis: token<Redis | null>('Redis'),
  Mailer: token<Mailer>('Mailer'),
  Notifier: token<Notifier>('Notifier'),
  UserRepository: token<UserRepository>('UserRepository'),
  SessionRepository: token<SessionRepository>('SessionRepository'),
  OneTimeTokenRepository: token<OneTimeTokenRepository>('OneTimeTokenRepository'),
  AddressRepository: token<AddressRepository>('AddressRepository'),
  ProductRepository: token<ProductRepository>('ProductRepository'),
  SettingsRepository: token<SettingsRepository>('SettingsRepository'),
  StoreSettings: token<StoreSettings>('StoreSettings'),
  OrderRepository: token<OrderRepository>('OrderRepository'),
  IdempotencyStore: token<IdempotencyStore>('IdempotencyStore'),
  IdempotencyKeyPurger: token<IdempotencyKeyPurger>('IdempotencyKeyPurger'),
  UnitOfWork: token<UnitOfWork>('UnitOfWork'),
  PasswordHasher: token<PasswordHasher>('PasswordHasher'),
  TokenSigner: token<TokenSigner>('TokenSigner'),
  SecretTokens: token<SecretTokens>('SecretTokens'),
  RateLimiters: token<RateLimiters>('RateLimiters'),
  BackgroundTasks: token<InProcessBackgroundTasks>('BackgroundTasks'),
  RentalPolicy: token<() => Promise<RentalPolicy>>('RentalPolicy'),
  IdentityUseCases: token<IdentityUseCases>('IdentityUseCases'),
  CatalogUseCases: token<CatalogUseCases>('CatalogUseCases'),
  AddressUseCases: token<AddressUseCases>('AddressUseCases'),
  OrderingUseCases: token<OrderingUseCases>('OrderingUseCases'),
} as const;

export function resolve<T>(container: Container, id: Token<T>): T {
  return container.get<T>(id);
}

export interface ContainerOverrides {
  /** Tests move time with a FixedClock. */
  clock?: Clock;
  /** Tests and embedders may swap the mail transport. */
  mailer?: Mailer;
  /** Where a failed background task is reported (the process logger); stderr by default. */
  onBackgroundError?: (task: string, error: unknown) => void;
}

/**
 * The one place that decides which adapter serves which port: SQLite or MySQL from
 * DATABASE_URL, Redis-backed rate limits when REDIS_URL is set, SMTP when SMTP_URL is
 * set (else .eml files). Everything is a singleton for the life of the process.
 */
export function createContainer(config: AppConfig, overrides: ContainerOverrides = {}): Container {
  const c = new Container({ defaultScope: 'Singleton' });
  c.bind(TOKENS.Config).toConstantValue(config);
  c.bind(TOKENS.Clock).toConstantValue(overrides.clock ?? systemClock);
  c.bind(TOKENS.Database).toResolvedValue(() => createDatabase(config.databaseUrl));
  c.bind(TOKENS.Redis).toResolvedValue(() => (config.redisUrl ? createRedisClient(config.redisUrl) : null));

  c.bind(TOKENS.Mailer).toResolvedValue(
    () => overrides.mailer ?? (config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new FileMailer({ directory: config.mailDir })),
  );
  c.bind(TOKENS.Notifier).toResolvedValue(
    (mailer: Mailer) => new TemplateNotifier({ mailer, from: config.mailFrom, templates: new EmailTemplates({
      publicUrl: config.publicUrl, resetUrl: config.resetUrl, verifyUrl: config.verifyUrl,
    }) }),
    [TOKENS.Mailer],
  );

  const onDatabase = <T>(id: Token<T>, make: (db: Knex) => T): void => {
    c.bind(id).toResolvedValue(make, [TOKENS.Database]);
  };
  onDatabase(TOKENS.UserRepository, (db) => new SqlUserRepository(db));
  onDatabase(TOKENS.SessionRepository, (db) => new SqlSessionRepository(db));
  onDatabase(TOKENS.OneTimeTokenRepository, (db) => new SqlOneTimeTokenRepository(db));
  onDatabase(TOKENS.AddressRepository, (db) => new SqlAddressRepository(db));
  onDatabase(TOKENS.ProductRepository, (db) => new SqlProductRepository(db));
  onDatabase(TOKENS.SettingsRepository, (db) => new SqlSettingsRepository(db));
  onDatabase(TOKENS.OrderRepository, (db) => new SqlOrderRepository(db));
  onDatabase(TOKENS.IdempotencyStore, (db) => new SqlIdempotencyStore(db));
  onDatabase(TOKENS.IdempotencyKeyPurger, (db) => new SqlIdempotencyPurger(db));
  onDatabase(TOKENS.UnitOfWork, (db) => new SqlUnitOfWork(db));
  c.bind(TOKENS.StoreSettings).toResolvedValue((repository: SettingsRepository) => new StoreSettings(repository), [TOKENS.SettingsRepository]);

  c.bind(TOKENS.PasswordHasher).toResolvedValue(() => new BcryptPasswordHasher(config.bcryptCost));
  c.bind(TOKENS.TokenSigner).toResolvedValue(
    (clock: Clock) => new JoseTokenSigner({ secret: config.jwtSecret, issuer: config.jwtIssuer, audience: config.jwtAudience, clock }),
    [TOKENS.Clock],
  );
  c.bind(TOKENS.SecretTokens).toResolvedValue(() => new NodeSecretTokens());
  c.bind(TOKENS.RateLimiters).toResolvedValue(
    (redis: Redis | null) => createRateLimiters(config.rateLimits, redis ?? undefined),
    [TOKENS.Redis],
  );
  c.bind(TOKENS.BackgroundTasks).toConstantValue(
    new InProcessBackgroundTasks({ onError: overrides.onBackgroundError ?? writeBackgroundErrorToStderr }),
  );
  // The rental policy becomes a stored setting with the rent-to-own issue; until then the defaults.
  c.bind(TOKENS.RentalPolicy).toConstantValue(async () => DEFAULT_RENTAL_POLICY);

  c.bind(TOKENS.IdentityUseCases).toResolvedValue(
    (users: UserRepository, sessions: SessionRepository, oneTimeTokens: OneTimeTokenRepository, hasher: PasswordHasher,
      signer: TokenSigner, secrets: SecretTokens, notifier: Notifier, clock: Clock, background: BackgroundTasks) =>
      new IdentityService({ users, sessions, oneTimeTokens, hasher, signer, secrets, notifier, clock, background }),
    [TOKENS.UserRepository, TOKENS.SessionRepository, TOKENS.OneTimeTokenRepository, TOKENS.PasswordHasher,
      TOKENS.TokenSigner, TOKENS.SecretTokens, TOKENS.Notifier, TOKENS.Clock, TOKENS.BackgroundTasks],
  );
  c.bind(TOKENS.CatalogUseCases).toResolvedValue(
    (products: ProductRepository, unitOfWork: UnitOfWork, clock: Clock) => new CatalogService({ products, unitOfWork, clock }),
    [TOKENS.ProductRepository, TOKENS.UnitOfWork, TOKENS.Clock],
  );
  c.bind(TOKENS.AddressUseCases).toResolvedValue(
    (addresses: AddressRepository, clock: Clock) => new AddressService({ addresses, clock }),
    [TOKENS.AddressRepository, TOKENS.Clock],
  );
  c.bind(TOKENS.OrderingUseCases).toResolvedValue(
    (orders: OrderRepository, products: ProductRepository, addresses: AddressRepository, settings: StoreSettings,
      users: UserRepository, notifier: Notifier, unitOfWork: UnitOfWork, clock: Clock) =>
      new OrderingService({ orders, products, addresses, settings, users, notifier, unitOfWork, clock }),
    [TOKENS.OrderRepository, TOKENS.ProductRepository, TOKENS.AddressRepository, TOKENS.StoreSettings,
      TOKENS.UserRepository, TOKENS.Notifier, TOKENS.UnitOfWork, TOKENS.Clock],
  );
  return c;
}

/** Finishes the queued background tasks, then closes what the container opened (database pool, Redis connection). */
export async function disposeContainer(container: Container): Promise<void> {
  await resolve(container, TOKENS.BackgroundTasks).drain();
  const redis = resolve(container, TOKENS.Redis);
  if (redis) redis.disconnect();
  await resolve(container, TOKENS.Database).destroy();
}

function writeBackgroundErrorToStderr(task: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`background task ${task} failed: ${reason}\n`);
}
