export { Scheduler, type Job, type SchedulerOptions } from './scheduler.js';
export {
  createAppScheduler,
  orderExpiryJob,
  ORDER_EXPIRY_EVERY_MS,
  ORDER_EXPIRY_JOB,
  housekeepingJob,
  HOUSEKEEPING_JOB,
  HOUSEKEEPING_EVERY_MS,
  HOUSEKEEPING_BATCH_SIZE,
  ENDED_AUTH_RETENTION_MS,
  IDEMPOTENCY_RETENTION_MS,
  type AppSchedulerOptions,
  type AppSchedulerServices,
  type HousekeepingCounts,
  type HousekeepingPorts,
} from './jobs.js';
