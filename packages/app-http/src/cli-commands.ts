import { parseArgs } from 'node:util';
import type { AppConfig, AppSchedulerServices, SeedReport } from '@giggatek/adapters';
import { DomainError, ROLES, type IdentityUseCases, type Role } from '@giggatek/domain';
import { createScheduler } from './background.js';
import { describeSeed } from './bootstrap.js';
import { createLogger } from './logger.js';

export const USAGE = `usage: npm run cli -- <command>
  migrate                         apply database migrations
  seed                            migrate, then add the demo catalog and accounts (idempotent)
  user:create --email E --password P --role customer|manager|admin --first-name F --last-name L [--phone N]
  worker                          run the scheduler's jobs (no HTTP) until SIGINT or SIGTERM`;

/** What the commands need, from the composition root (`cliServices` in services.ts). */
export interface CliServices {
  /** Creates the database if it is missing and applies pending migrations. */
  migrate(): Promise<void>;
  /** Adds the demo catalog and accounts (idempotent). */
  seed(): Promise<SeedReport>;
  identity: IdentityUseCases;
  scheduler: AppSchedulerServices;
}

export interface CliContext {
  services: CliServices;
  config: AppConfig;
  out(line: string): void;
  err(line: string): void;
  /** Resolves with the signal's name when the process is asked to stop (the worker waits on it). */
  untilSignal(): Promise<string>;
}

/** Bad arguments: the message is printed as it is. */
class UsageError extends Error {}

/** Runs one CLI command; returns the process exit code. Expected failures are one clear message. */
export async function runCli(args: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  try {
    return await run(name, rest, context);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DomainError) {
      context.err(describeFailure(error));
      return name === 'user:create' && error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
}

async function run(name: string | undefined, args: string[], context: CliContext): Promise<number> {
  const { services } = context;
  switch (name) {
    case 'migrate':
      await services.migrate();
      context.out('database is up to date');
      return 0;
    case 'seed':
      await services.migrate();
      for (const line of describeSeed(await services.seed())) context.out(line);
      return 0;
    case 'user:create':
      await services.migrate();
      return createUser(args, context);
    case 'worker':
      await services.migrate();
      return runWorker(context);
    default:
      context.err(USAGE);
      return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
}

async function createUser(args: string[], context: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string', default: 'customer' },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        phone: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  for (const required of ['email', 'password', 'first-name', 'last-name'] as const) {
    if (!values[required]) throw new UsageError(`--${required} is required\n${USAGE}`);
  }
  if (!(ROLES as readonly string[]).includes(values.role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const user = await context.services.identity.createUser({
    email: values.email as string,
    password: values.password as string,
    firstName: values['first-name'] as string,
    lastName: values['last-name'] as string,
    phone: values.phone ?? null,
    role: values.role as Role,
  });
  context.out(`created ${user.role} ${user.email} (id ${user.id})`);
  return 0;
}

/** The scheduler alone, for deployments that run SCHEDULER=off servers and one or more workers. */
async function runWorker(context: CliContext): Promise<number> {
  const logger = createLogger(context.config.logLevel);
  const scheduler = createScheduler(context.services.scheduler, logger);
  scheduler.start();
  logger.info(`worker running: ${scheduler.jobNames.join(', ')}`);
  // The scheduler's timers are unref'd; this one keeps the process alive until a signal.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = await context.untilSignal();
  clearInterval(keepAlive);
  logger.info(`${signal}: stopping the worker after the jobs in flight`);
  await scheduler.stop();
  return 0;
}

/** A validation failure lists every bad field, so the operator fixes them in one go. */
function describeFailure(error: UsageError | DomainError): string {
  if (error instanceof DomainError && error.details && error.details.length > 1) {
    return [error.message, ...error.details.slice(1).map((d) => `${d.field}: ${d.message}`)].join('\n');
  }
  return error.message;
}
