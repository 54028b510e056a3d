export { Scheduler, type Job, type SchedulerOptions } from './scheduler.js';
export { createAppScheduler, orderExpiryJob, ORDER_EXPIRY_EVERY_MS, ORDER_EXPIRY_JOB, type AppSchedulerOptions } from './jobs.js';
