import { disposeContainer } from '@giggatek/adapters';
import { createScheduler } from './background.js';
import { createContainer, describeSeed, loadConfigOrExit, migrate, seed } from './bootstrap.js';
import { createLogger } from './logger.js';
import { createHttpServer, listen } from './server.js';
import { apiServices } from './services.js';

// Process entry: config → container → migrate (+ demo seed) → API and admin on one port,
// plus the scheduler's jobs unless SCHEDULER=off (then `npm run cli -- worker` runs them).
const config = loadConfigOrExit(process.env);
const logger = createLogger(config.logLevel);
for (const warning of config.warnings) logger.warn(warning);

const container = createContainer(config);
await migrate(container);
if (config.seedDemoData) {
  for (const line of describeSeed(await seed(container))) logger.info(line);
}

const server = createHttpServer(apiServices(container), { logger, trustProxy: config.trustProxy });
const port = await listen(server, config.port);
logger.info(`GigGatek listening on http://localhost:${port} (API /api, admin /admin, docs /api/openapi.json)`);

const scheduler = config.scheduler === 'inline' ? createScheduler(container, logger) : null;
scheduler?.start();
logger.info(scheduler ? `scheduler running inline: ${scheduler.jobNames.join(', ')}` : 'scheduler off (SCHEDULER=off): run `npm run cli -- worker`');

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
