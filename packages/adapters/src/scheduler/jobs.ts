import type { OrderingUseCases } from '@giggatek/domain';
import type { Container } from 'inversify';
import { resolve, TOKENS } from '../container.js';
import { Scheduler, type Job } from './scheduler.js';

export const ORDER_EXPIRY_JOB = 'order-expiry';
export const ORDER_EXPIRY_EVERY_MS = 60_000;

/** SPEC §4: cancels pending, unpaid orders older than order_expiry_minutes and returns their stock. */
export function orderExpiryJob(ordering: OrderingUseCases, onExpired: (count: number) => void = () => {}): Job {
  return {
    name: ORDER_EXPIRY_JOB,
    everyMs: ORDER_EXPIRY_EVERY_MS,
    async run() {
      const count = await ordering.expireUnpaidOrders();
      if (count > 0) onExpired(count);
    },
  };
}

export interface AppSchedulerOptions {
  onError(job: string, error: unknown): void;
  /** Told what a run did, when it did something (for the log). */
  onInfo?(job: string, message: string): void;
}

/** The scheduler with every job of SPEC §8 built so far, wired from the container (not started). */
export function createAppScheduler(container: Container, options: AppSchedulerOptions): Scheduler {
  const info = options.onInfo ?? (() => {});
  return new Scheduler({ onError: options.onError }).add(
    orderExpiryJob(resolve(container, TOKENS.OrderingUseCases), (count) => info(ORDER_EXPIRY_JOB, `cancelled ${count} expired unpaid order(s)`)),
  );
}
