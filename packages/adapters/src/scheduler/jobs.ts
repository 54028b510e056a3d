import {
  DAY_MS,
  HOUR_MS,
  IDEMPOTENCY_KEY_TTL_MS,
  untilShortBatch,
  type Clock,
  type IdempotencyKeyPurger,
  type OneTimeTokenRepository,
  type OrderingUseCases,
  type PaymentsUseCases,
  type SessionRepository,
} from '@giggatek/domain';
import { Scheduler, type Job } from './scheduler.js';

export const ORDER_EXPIRY_JOB = 'order-expiry';
export const ORDER_EXPIRY_EVERY_MS = 60_000;

export const HOUSEKEEPING_JOB = 'housekeeping';
export const HOUSEKEEPING_EVERY_MS = HOUR_MS;
/** Ended (expired, revoked, used) sessions and one-time tokens are kept this long for audit. */
export const ENDED_AUTH_RETENTION_MS = 30 * DAY_MS;
/** Twice the 24 h window in which an Idempotency-Key replays its answer (SPEC §4). */
export const IDEMPOTENCY_RETENTION_MS = 2 * IDEMPOTENCY_KEY_TTL_MS;
/** Rows deleted per statement: small enough that MySQL never holds locks for long. */
export const HOUSEKEEPING_BATCH_SIZE = 500;

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

export interface HousekeepingPorts {
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  idempotencyKeys: IdempotencyKeyPurger;
  clock: Clock;
  /** Rows per purge call; HOUSEKEEPING_BATCH_SIZE unless a test wants to see the batching. */
  batchSize?: number;
}

/** How many rows one housekeeping run deleted, per kind. */
export interface HousekeepingCounts {
  sessions: number;
  oneTimeTokens: number;
  idempotencyKeys: number;
}

/**
 * Keeps the tables of short-lived records from growing without bound: deletes sessions
 * (with their refresh tokens) and one-time tokens that ended more than 30 days ago, and
 * idempotency records older than 48 hours.
 */
export function housekeepingJob(
  ports: HousekeepingPorts,
  onPurged: (counts: HousekeepingCounts) => void = () => {},
): Job {
  const batchSize = ports.batchSize ?? HOUSEKEEPING_BATCH_SIZE;
  return {
    name: HOUSEKEEPING_JOB,
    everyMs: HOUSEKEEPING_EVERY_MS,
    async run() {
      const now = ports.clock.now().getTime();
      const endedBefore = new Date(now - ENDED_AUTH_RETENTION_MS);
      const createdBefore = new Date(now - IDEMPOTENCY_RETENTION_MS);
      const counts: HousekeepingCounts = {
        sessions: await untilShortBatch(batchSize, (limit) => ports.sessions.purgeEndedBefore(endedBefore, limit)),
        oneTimeTokens: await untilShortBatch(batchSize, (limit) =>
          ports.oneTimeTokens.purgeEndedBefore(endedBefore, limit),
        ),
        idempotencyKeys: await untilShortBatch(batchSize, (limit) =>
          ports.idempotencyKeys.purgeOlderThan(createdBefore, limit),
        ),
      };
      if (counts.sessions + counts.oneTimeTokens + counts.idempotencyKeys > 0) onPurged(counts);
    },
  };
}

export const PAYMENT_RECONCILIATION_JOB = 'payment-reconciliation';
export const PAYMENT_RECONCILIATION_EVERY_MS = 15 * 60_000;
/** SPEC §6: the gateway's events of the last 3 days (Stripe keeps them 30). */
export const PAYMENT_RECONCILIATION_WINDOW_MS = 3 * DAY_MS;

export interface ReconciliationPorts {
  payments: Pick<PaymentsUseCases, 'reconcile'>;
  clock: Clock;
}

/**
 * SPEC §6: applies the gateway's recent events that no webhook delivered, so a lost webhook
 * never leaves a paid order unpaid. No lease is needed for several instances: every event
 * goes through the one exactly-once path (its id inserted under a unique constraint in the
 * transaction of its effect), so a second instance running at the same moment, like a
 * webhook arriving then, finds each event applied or waits for the first and changes
 * nothing. Two runs cost one extra read of the event list, no second effect.
 */
export function paymentReconciliationJob(
  ports: ReconciliationPorts,
  onApplied: (count: number) => void = () => {},
): Job {
  return {
    name: PAYMENT_RECONCILIATION_JOB,
    everyMs: PAYMENT_RECONCILIATION_EVERY_MS,
    async run() {
      const since = new Date(ports.clock.now().getTime() - PAYMENT_RECONCILIATION_WINDOW_MS);
      const applied = await ports.payments.reconcile(since);
      if (applied > 0) onApplied(applied);
    },
  };
}

export interface AppSchedulerOptions {
  onError: (job: string, error: unknown) => void;
  /** Told what a run did, when it did something (for the log). */
  onInfo?: (job: string, message: string) => void;
}

/** What the jobs of SPEC §8 need; the composition root hands it over. */
export interface AppSchedulerServices {
  ordering: OrderingUseCases;
  housekeeping: HousekeepingPorts;
  reconciliation: ReconciliationPorts;
}

/** The scheduler with every job of SPEC §8 built so far (not started). */
export function createAppScheduler(services: AppSchedulerServices, options: AppSchedulerOptions): Scheduler {
  const info = options.onInfo ?? (() => {});
  return new Scheduler({ onError: options.onError })
    .add(
      orderExpiryJob(services.ordering, (count) =>
        info(ORDER_EXPIRY_JOB, `cancelled ${count} expired unpaid order(s)`),
      ),
    )
    .add(housekeepingJob(services.housekeeping, (counts) => info(HOUSEKEEPING_JOB, describePurge(counts))))
    .add(
      paymentReconciliationJob(services.reconciliation, (count) =>
        info(PAYMENT_RECONCILIATION_JOB, `applied ${count} gateway event(s) no webhook delivered`),
      ),
    );
}

function describePurge(counts: HousekeepingCounts): string {
  return (
    `deleted ${counts.sessions} ended session(s), ${counts.oneTimeTokens} ended one-time token(s), ` +
    `${counts.idempotencyKeys} old idempotency record(s)`
  );
}
