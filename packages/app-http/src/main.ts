import { disposeContainer } from '@giggatek/adapters';
import { createScheduler } from './background.js';
import { createContainer, describeSeed, loadConfigOrExit, migrate, seed } from './bootstrap.js';
import { createLogger } from './logger.js';
import { createHttpServer, listen } from './server.js';
import { apiServices, schedulerServices } from './services.js';

// Process entry: config → container → migrate (+ demo seed) → API and admin on one port,
// plus the scheduler's jobs unless SCHEDULER=off (then `npm run cli -- worker` runs them).
const config = loadConfigOrExit(process.env);
const logger = createLogger(config.logLevel);
for (const warning of config.warnings) logger.warn(warning);

const container = createContainer(config, {
  onBackgroundError: (task, error) => logger.error({ err: error, task }, `background task ${task} failed`),
});
const server = createHttpServer(apiServices(container), { logger, trustProxy: config.trustProxy });
let port: number;
try {
  await migrate(container);
  if (config.seedDemoData) {
    for (const line of describeSeed(await seed(container))) logger.info(line);
  }
  port = await listen(server, config.port);
} catch (error) {
  // One clear line for the usual causes (database unreachable, port taken), then stop.
  logger.fatal({ err: error }, `start-up failed: ${startupProblem(error, config.port)}`);
  await disposeContainer(container).catch(() => undefined);
  process.exit(1);
}
logger.info(`GigGatek listening on http://localhost:${port} (API /api, admin /admin, docs /api/openapi.json)`);

const scheduler = config.scheduler === 'inline' ? createScheduler(schedulerServices(container), logger) : null;
scheduler?.start();
logger.info(
  scheduler
    ? `scheduler running inline: ${scheduler.jobNames.join(', ')}`
    : 'scheduler off (SCHEDULER=off): run `npm run cli -- worker`',
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  server.close();
  server.closeIdleConnections();
  await scheduler?.stop();
  await disposeContainer(container);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

function startupProblem(error: unknown, wantedPort: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `port ${wantedPort} is already in use (set PORT to another one)`;
  if (code === 'ECONNREFUSED') return 'the database refused the connection (is it running? check DATABASE_URL)';
  if (code === 'ER_ACCESS_DENIED_ERROR') return 'the database rejected the credentials in DATABASE_URL';
  return error instanceof Error ? error.message : String(error);
}
