import { createAppScheduler, type AppSchedulerServices, type Scheduler } from '@giggatek/adapters';
import type { Logger } from 'pino';

/** The scheduler of SPEC §8 with every job, logging through the process logger (not started). */
export function createScheduler(services: AppSchedulerServices, logger: Logger): Scheduler {
  const log = logger.child({ component: 'scheduler' });
  return createAppScheduler(services, {
    onError: (job, error) => log.error({ err: error, job }, `job ${job} failed`),
    onInfo: (job, message) => log.info({ job }, message),
  });
}
