import { createAppScheduler, type Scheduler } from '@giggatek/adapters';
import type { Container } from 'inversify';
import type { Logger } from 'pino';

/** The scheduler of SPEC §8 with every job, logging through the process logger (not started). */
export function createScheduler(container: Container, logger: Logger): Scheduler {
  const log = logger.child({ component: 'scheduler' });
  return createAppScheduler(container, {
    onError: (job, error) => log.error({ err: error, job }, `job ${job} failed`),
    onInfo: (job, message) => log.info({ job }, message),
  });
}
