import {
  AddressService,
  CatalogService,
  IdentityService,
  OrderingService,
  PaymentsService,
  RefundService,
  RentingService,
  StoreSettings,
  systemClock,
  type AddressRepository,
  type AddressUseCases,
  type CatalogUseCases,
  type Clock,
  type IdempotencyKeyPurger,
  type IdempotencyStore,
  type IdentityUseCases,
  type Mailer,
  type Notifier,
  type OneTimeTokenRepository,
  type OrderingUseCases,
  type OrderRepository,
  type PaymentGateway,
  type PaymentLedger,
  type PaymentsUseCases,
  type RefundUseCases,
  type RentalRepository,
  type RentingUseCases,
  type PasswordHasher,
  type ProductRepository,
  type SecretTokens,
  type SessionRepository,
  type SettingsRepository,
  type TokenSigner,
  type UnitOfWork,
  type UserRepository,
} from '@giggatek/domain';
import { Container, type MapToResolvedValueInjectOptions } from 'inversify';
import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { InProcessBackgroundTasks } from './background/in-process-background-tasks.js';
import type { AppConfig } from './config/index.js';
import { FileMailer } from './mail/file-mailer.js';
import { SmtpMailer } from './mail/smtp-mailer.js';
import { OFFLINE_WEBHOOK_SECRET, OfflinePaymentGateway } from './stripe/offline-payment-gateway.js';
import { StripePaymentGateway } from './stripe/stripe-payment-gateway.js';
import { EmailTemplates } from './mail/email-templates.js';
import { TemplateNotifier } from './mail/template-notifier.js';
import { createRateLimiters, type RateLimiters } from './rate-limit/rate-limit-policy.js';
import { createRedisClient } from './rate-limit/redis-client.js';
import { BcryptPasswordHasher } from './security/bcrypt-password-hasher.js';
import { JoseTokenSigner } from './security/jose-token-signer.js';
import { NodeSecretTokens } from './security/node-secret-tokens.js';
import { createMemoryStorage } from './memory/memory-storage.js';
import { createDatabase } from './sql/database.js';
import { createSqlStorage } from './sql/sql-storage.js';
import type { Storage, StorageKind } from './storage.js';

declare const resolves: unique symbol;
/**
 * A service identifier that remembers the type it resolves to. The phantom is invariant
 * (T in and out), so a token of one port is never taken for a token of another, and a bare
 * symbol is no token at all.
 */
export type Token<T> = symbol & { readonly [resolves]: (value: T) => T };
const token = <T>(name: string): Token<T> => Symbol.for(`giggatek.${name}`) as Token<T>;

/** The tokens of a factory's parameters, in order: `[Token<A>, Token<B>]` for `(a: A, b: B)`. */
export type TokensOf<Args extends unknown[]> = { [K in keyof Args]: Token<Args[K]> };

/** The ports and use cases the container serves. Tokens live here, never in the domain. */
export const TOKENS = {
  Config: token<AppConfig>('Config'),
  Clock: token<Clock>('Clock'),
  Storage: token<Storage>('Storage'),
  /** SQL storage only: the knex instance (migrations, tests that read rows). */
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
  RentalRepository: token<RentalRepository>('RentalRepository'),
  PaymentLedger: token<PaymentLedger>('PaymentLedger'),
  PaymentGateway: token<PaymentGateway>('PaymentGateway'),
  IdempotencyStore: token<IdempotencyStore>('IdempotencyStore'),
  IdempotencyKeyPurger: token<IdempotencyKeyPurger>('IdempotencyKeyPurger'),
  UnitOfWork: token<UnitOfWork>('UnitOfWork'),
  PasswordHasher: token<PasswordHasher>('PasswordHasher'),
  TokenSigner: token<TokenSigner>('TokenSigner'),
  SecretTokens: token<SecretTokens>('SecretTokens'),
  RateLimiters: token<RateLimiters>('RateLimiters'),
  BackgroundTasks: token<InProcessBackgroundTasks>('BackgroundTasks'),
  IdentityUseCases: token<IdentityUseCases>('IdentityUseCases'),
  CatalogUseCases: token<CatalogUseCases>('CatalogUseCases'),
  AddressUseCases: token<AddressUseCases>('AddressUseCases'),
  OrderingUseCases: token<OrderingUseCases>('OrderingUseCases'),
  RentingUseCases: token<RentingUseCases>('RentingUseCases'),
  PaymentsUseCases: token<PaymentsUseCases>('PaymentsUseCases'),
  RefundUseCases: token<RefundUseCases>('RefundUseCases'),
} as const;

export function resolve<T>(container: Container, id: Token<T>): T {
  return container.get<T>(id);
}

/** Binds `id` to a value of exactly its type: a wrong implementation does not compile. */
export function bindValue<T>(container: Container, id: Token<T>, value: NoInfer<T>): void {
  container.bind<T>(id).toConstantValue(value);
}

/**
 * Binds `id` to what `make` builds from `dependencies`: each token must resolve to the
 * type of the parameter in its place, so a swapped pair does not compile.
 */
export function bindFactory<T, Args extends unknown[]>(
  container: Container,
  id: Token<T>,
  make: (...args: Args) => NoInfer<T>,
  dependencies: TokensOf<Args>,
): void {
  container.bind<T>(id).toResolvedValue(make, dependencies as MapToResolvedValueInjectOptions<Args>);
}

export interface ContainerOverrides {
  /** `sql` (DATABASE_URL: SQLite or MySQL) unless told; `memory` runs the whole app without a database. */
  storage?: StorageKind;
  /** Tests move time with a FixedClock. */
  clock?: Clock;
  /** Tests and embedders may swap the mail transport. */
  mailer?: Mailer;
  /** Where a failed background task is reported (the process logger); stderr by default. */
  onBackgroundError?: (task: string, error: unknown) => void;
}

/**
 * The one place that decides which adapter serves which port: SQLite or MySQL from
 * DATABASE_URL (or memory with `storage: 'memory'`), Redis-backed rate limits when
 * REDIS_URL is set, SMTP when SMTP_URL is set (else .eml files), Stripe when
 * STRIPE_SECRET_KEY is set (else the offline gateway). Everything is a singleton
 * for the life of the process.
 */
export function createContainer(config: AppConfig, overrides: ContainerOverrides = {}): Container {
  const c = new Container({ defaultScope: 'Singleton' });
  bindValue(c, TOKENS.Config, config);
  bindValue(c, TOKENS.Clock, overrides.clock ?? systemClock);
  if (overrides.storage === 'memory') {
    bindFactory(c, TOKENS.Storage, () => createMemoryStorage(), []);
  } else {
    bindFactory(c, TOKENS.Database, () => createDatabase(config.databaseUrl), []);
    bindFactory(c, TOKENS.Storage, (db: Knex) => createSqlStorage(db, config.databaseUrl), [TOKENS.Database]);
  }
  bindFactory(c, TOKENS.Redis, () => (config.redisUrl ? createRedisClient(config.redisUrl) : null), []);

  bindFactory(
    c,
    TOKENS.Mailer,
    () =>
      overrides.mailer ??
      (config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new FileMailer({ directory: config.mailDir })),
    [],
  );
  bindFactory(
    c,
    TOKENS.Notifier,
    (mailer: Mailer) =>
      new TemplateNotifier({
        mailer,
        from: config.mailFrom,
        templates: new EmailTemplates({
          publicUrl: config.publicUrl,
          resetUrl: config.resetUrl,
          verifyUrl: config.verifyUrl,
        }),
      }),
    [TOKENS.Mailer],
  );

  const fromStorage = <T>(id: Token<T>, pick: (storage: Storage) => T): void => {
    bindFactory(c, id, pick, [TOKENS.Storage]);
  };
  fromStorage(TOKENS.UserRepository, (s) => s.users);
  fromStorage(TOKENS.SessionRepository, (s) => s.sessions);
  fromStorage(TOKENS.OneTimeTokenRepository, (s) => s.oneTimeTokens);
  fromStorage(TOKENS.AddressRepository, (s) => s.addresses);
  fromStorage(TOKENS.ProductRepository, (s) => s.products);
  fromStorage(TOKENS.SettingsRepository, (s) => s.settings);
  fromStorage(TOKENS.OrderRepository, (s) => s.orders);
  fromStorage(TOKENS.RentalRepository, (s) => s.rentals);
  fromStorage(TOKENS.PaymentLedger, (s) => s.payments);
  fromStorage(TOKENS.IdempotencyStore, (s) => s.idempotency);
  fromStorage(TOKENS.IdempotencyKeyPurger, (s) => s.idempotencyKeys);
  fromStorage(TOKENS.UnitOfWork, (s) => s.unitOfWork);
  bindFactory(c, TOKENS.StoreSettings, (repository: SettingsRepository) => new StoreSettings(repository), [
    TOKENS.SettingsRepository,
  ]);

  bindFactory(c, TOKENS.PasswordHasher, () => new BcryptPasswordHasher(config.bcryptCost), []);
  bindFactory(
    c,
    TOKENS.TokenSigner,
    (clock: Clock) =>
      new JoseTokenSigner({ secret: config.jwtSecret, issuer: config.jwtIssuer, audience: config.jwtAudience, clock }),
    [TOKENS.Clock],
  );
  bindFactory(c, TOKENS.SecretTokens, () => new NodeSecretTokens(), []);
  bindFactory(
    c,
    TOKENS.RateLimiters,
    (redis: Redis | null) => createRateLimiters(config.rateLimits, redis ?? undefined),
    [TOKENS.Redis],
  );
  bindValue(
    c,
    TOKENS.BackgroundTasks,
    new InProcessBackgroundTasks({ onError: overrides.onBackgroundError ?? writeBackgroundErrorToStderr }),
  );
  bindFactory(c, TOKENS.PaymentGateway, (clock: Clock) => paymentGatewayFor(config, clock), [TOKENS.Clock]);

  bindFactory(
    c,
    TOKENS.IdentityUseCases,
    (
      users: UserRepository,
      sessions: SessionRepository,
      oneTimeTokens: OneTimeTokenRepository,
      hasher: PasswordHasher,
      signer: TokenSigner,
      secrets: SecretTokens,
      notifier: Notifier,
      clock: Clock,
      background: InProcessBackgroundTasks,
    ) => new IdentityService({ users, sessions, oneTimeTokens, hasher, signer, secrets, notifier, clock, background }),
    [
      TOKENS.UserRepository,
      TOKENS.SessionRepository,
      TOKENS.OneTimeTokenRepository,
      TOKENS.PasswordHasher,
      TOKENS.TokenSigner,
      TOKENS.SecretTokens,
      TOKENS.Notifier,
      TOKENS.Clock,
      TOKENS.BackgroundTasks,
    ],
  );
  bindFactory(
    c,
    TOKENS.CatalogUseCases,
    (products: ProductRepository, unitOfWork: UnitOfWork, clock: Clock) =>
      new CatalogService({ products, unitOfWork, clock }),
    [TOKENS.ProductRepository, TOKENS.UnitOfWork, TOKENS.Clock],
  );
  bindFactory(
    c,
    TOKENS.AddressUseCases,
    (addresses: AddressRepository, clock: Clock) => new AddressService({ addresses, clock }),
    [TOKENS.AddressRepository, TOKENS.Clock],
  );
  bindFactory(
    c,
    TOKENS.OrderingUseCases,
    (
      orders: OrderRepository,
      products: ProductRepository,
      addresses: AddressRepository,
      settings: StoreSettings,
      users: UserRepository,
      notifier: Notifier,
      unitOfWork: UnitOfWork,
      clock: Clock,
    ) => new OrderingService({ orders, products, addresses, settings, users, notifier, unitOfWork, clock }),
    [
      TOKENS.OrderRepository,
      TOKENS.ProductRepository,
      TOKENS.AddressRepository,
      TOKENS.StoreSettings,
      TOKENS.UserRepository,
      TOKENS.Notifier,
      TOKENS.UnitOfWork,
      TOKENS.Clock,
    ],
  );
  bindFactory(
    c,
    TOKENS.RentingUseCases,
    (
      rentals: RentalRepository,
      products: ProductRepository,
      addresses: AddressRepository,
      users: UserRepository,
      settings: StoreSettings,
      gateway: PaymentGateway,
      unitOfWork: UnitOfWork,
      clock: Clock,
    ) => new RentingService({ rentals, products, addresses, users, settings, gateway, unitOfWork, clock }),
    [
      TOKENS.RentalRepository,
      TOKENS.ProductRepository,
      TOKENS.AddressRepository,
      TOKENS.UserRepository,
      TOKENS.StoreSettings,
      TOKENS.PaymentGateway,
      TOKENS.UnitOfWork,
      TOKENS.Clock,
    ],
  );
  bindFactory(
    c,
    TOKENS.PaymentsUseCases,
    (
      ledger: PaymentLedger,
      orders: OrderRepository,
      rentals: RentalRepository,
      gateway: PaymentGateway,
      unitOfWork: UnitOfWork,
      clock: Clock,
    ) => new PaymentsService({ ledger, orders, rentals, gateway, unitOfWork, clock }),
    [
      TOKENS.PaymentLedger,
      TOKENS.OrderRepository,
      TOKENS.RentalRepository,
      TOKENS.PaymentGateway,
      TOKENS.UnitOfWork,
      TOKENS.Clock,
    ],
  );
  bindFactory(
    c,
    TOKENS.RefundUseCases,
    (
      orders: OrderRepository,
      rentals: RentalRepository,
      gateway: PaymentGateway,
      unitOfWork: UnitOfWork,
      clock: Clock,
    ) => new RefundService({ orders, rentals, gateway, unitOfWork, clock }),
    [TOKENS.OrderRepository, TOKENS.RentalRepository, TOKENS.PaymentGateway, TOKENS.UnitOfWork, TOKENS.Clock],
  );
  return c;
}

/** Finishes the queued background tasks, then closes what the container opened (the store, the Redis connection). */
export async function disposeContainer(container: Container): Promise<void> {
  await resolve(container, TOKENS.BackgroundTasks).drain();
  const redis = resolve(container, TOKENS.Redis);
  if (redis) redis.disconnect();
  await resolve(container, TOKENS.Storage).close();
}

/**
 * Stripe when STRIPE_SECRET_KEY is set, else the embedded offline gateway. The offline one
 * signs and verifies webhooks like Stripe: with STRIPE_WEBHOOK_SECRET when set, else the
 * fixed development secret OFFLINE_WEBHOOK_SECRET: offline, a `pm_test_*` id pays anyway,
 * so a published secret opens nothing more.
 */
function paymentGatewayFor(config: AppConfig, clock: Clock): PaymentGateway {
  if (config.stripeSecretKey) {
    return new StripePaymentGateway({
      secretKey: config.stripeSecretKey,
      webhookSecret: config.stripeWebhookSecret,
      clock,
    });
  }
  return new OfflinePaymentGateway({
    webhookSecret: config.stripeWebhookSecret ?? OFFLINE_WEBHOOK_SECRET,
    clock,
    // Production without Stripe takes no payment: a test card must never pay a real order.
    acceptTestPayments: config.nodeEnv !== 'production',
  });
}

function writeBackgroundErrorToStderr(task: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`background task ${task} failed: ${reason}\n`);
}
