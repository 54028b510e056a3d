import { parseArgs } from 'node:util';
import { disposeContainer, resolve, TOKENS } from '@giggatek/adapters';
import { DomainError, ROLES, type Role } from '@giggatek/domain';
import { createScheduler } from './background.js';
import { createContainer, describeSeed, loadConfigOrExit, migrate, seed } from './bootstrap.js';
import { createLogger } from './logger.js';

const USAGE = `usage: npm run cli -- <command>
  migrate                         apply database migrations
  seed                            migrate, then add the demo catalog and accounts (idempotent)
  user:create --email E --password P --role customer|manager|admin --first-name F --last-name L [--phone N]
  worker                          run the scheduler's jobs (no HTTP) until SIGINT or SIGTERM`;

/** Bad arguments: the message is printed as it is. */
class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
const config = loadConfigOrExit(process.env);
const container = createContainer(config);

try {
  process.exitCode = await run(command, rest);
} catch (error) {
  process.stderr.write(`${error instanceof DomainError || error instanceof UsageError ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await disposeContainer(container);
}

async function run(name: string | undefined, args: string[]): Promise<number> {
  switch (name) {
    case 'migrate':
      await migrate(container);
      console.log('database is up to date');
      return 0;
    case 'seed':
      await migrate(container);
      for (const line of describeSeed(await seed(container))) console.log(line);
      return 0;
    case 'user:create':
      await migrate(container);
      return createUser(args);
    case 'worker':
      await migrate(container);
      return runWorker();
    default:
      process.stderr.write(`${USAGE}\n`);
      return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
}

/** The scheduler alone, for deployments that run SCHEDULER=off servers and one or more workers. */
async function runWorker(): Promise<number> {
  const logger = createLogger(config.logLevel);
  const scheduler = createScheduler(container, logger);
  scheduler.start();
  logger.info(`worker running: ${scheduler.jobNames.join(', ')}`);
  // The scheduler's timers are unref'd; this one keeps the process alive until a signal.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = await new Promise<string>((stop) => {
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  clearInterval(keepAlive);
  logger.info(`${signal}: stopping the worker after the jobs in flight`);
  await scheduler.stop();
  return 0;
}

async function createUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
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
  });
  for (const required of ['email', 'password', 'first-name', 'last-name'] as const) {
    if (!values[required]) throw new UsageError(`--${required} is required\n${USAGE}`);
  }
  if (!(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const user = await resolve(container, TOKENS.IdentityUseCases).createUser({
    email: values.email as string,
    password: values.password as string,
    firstName: values['first-name'] as string,
    lastName: values['last-name'] as string,
    phone: values.phone ?? null,
    role: values.role as Role,
  });
  console.log(`created ${user.role} ${user.email} (id ${user.id})`);
  return 0;
}

