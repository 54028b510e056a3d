import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Container } from 'inversify';
import type { Knex } from 'knex';
import { DAY_MS, FixedClock, HOUR_MS, type Id } from '@giggatek/domain';
import { createContainer, disposeContainer, resolve, TOKENS } from '../../src/container.js';
import { loadConfig } from '../../src/config/index.js';
import { createAppScheduler, HOUSEKEEPING_JOB, housekeepingJob, Scheduler } from '../../src/scheduler/index.js';
import { migrateToLatest } from '../../src/sql/index.js';

const start = new Date('2026-01-01T00:00:00.000Z');
const at = (days: number): Date => new Date(start.getTime() + days * DAY_MS);

describe('housekeeping job (SQLite container)', () => {
  let container: Container;
  let db: Knex;
  let clock: FixedClock;
  let userId: Id;
  beforeEach(async () => {
    clock = new FixedClock(start);
    container = createContainer(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }),
      { clock },
    );
    db = resolve(container, TOKENS.Database);
    await migrateToLatest(db);
    const user = await resolve(container, TOKENS.UserRepository).create({
      email: 'keeper@example.com',
      passwordHash: 'hash',
      firstName: 'Kee',
      lastName: 'Per',
      phone: null,
      role: 'customer',
      createdAt: start,
    });
    userId = user.id;
  });
  afterEach(async () => {
    await disposeContainer(container);
  });

  const openSession = (hash: string, expiresAt: Date) =>
    resolve(container, TOKENS.SessionRepository).create(
      { userId, createdAt: start, expiresAt, ip: null, userAgent: null },
      hash,
    );
  const issueToken = (hash: string, expiresAt: Date) =>
    resolve(container, TOKENS.OneTimeTokenRepository).create({
      userId,
      purpose: 'password_reset',
      tokenHash: hash,
      expiresAt,
      createdAt: start,
    });
  const claimKey = (key: string, now: Date) =>
    resolve(container, TOKENS.IdempotencyStore).claim(userId, key, 'hash', now, DAY_MS, DAY_MS);
  const ids = async (table: string): Promise<unknown[]> => (await db(table).orderBy('id').pluck('id')) as unknown[];

  it('deletes sessions and tokens ended 30+ days ago, idempotency records 48+ hours old; live rows stay', async () => {
    const sessions = resolve(container, TOKENS.SessionRepository);
    const tokens = resolve(container, TOKENS.OneTimeTokenRepository);
    const expired = await openSession('expired', at(1));
    const revoked = await openSession('revoked', at(90));
    await sessions.revoke(revoked.id, at(2));
    const revokedRecently = await openSession('revoked-recently', at(90));
    await sessions.revoke(revokedRecently.id, at(40));
    const live = await openSession('live', at(90));
    await issueToken('expired', at(1));
    const usedRecently = await issueToken('used-recently', at(60));
    await tokens.consume(usedRecently.id, at(40));
    const liveToken = await issueToken('live', at(60));
    await claimKey('old', at(0));
    await claimKey('young', new Date(at(45).getTime() - HOUR_MS));

    const info: [string, string][] = [];
    const errors: unknown[] = [];
    const scheduler = createAppScheduler(
      {
        ordering: resolve(container, TOKENS.OrderingUseCases),
        housekeeping: {
          sessions: resolve(container, TOKENS.SessionRepository),
          oneTimeTokens: resolve(container, TOKENS.OneTimeTokenRepository),
          idempotencyKeys: resolve(container, TOKENS.IdempotencyKeyPurger),
          clock,
        },
        reconciliation: { payments: resolve(container, TOKENS.PaymentsUseCases), clock },
      },
      {
        onError: (_job, error) => errors.push(error),
        onInfo: (job, message) => info.push([job, message]),
      },
    );
    clock.set(at(45));
    await scheduler.runOnce(HOUSEKEEPING_JOB);

    expect(errors).toEqual([]);
    expect(await ids('sessions')).toEqual([revokedRecently.id, live.id]);
    // The purged sessions' refresh tokens went with them (ON DELETE CASCADE).
    expect(await db('refresh_tokens').whereIn('session_id', [expired.id, revoked.id]).count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
    expect(await db('refresh_tokens').whereIn('session_id', [revokedRecently.id, live.id]).count({ n: '*' })).toEqual([
      { n: 2 },
    ]);
    expect(await ids('one_time_tokens')).toEqual([usedRecently.id, liveToken.id]);
    expect(await db('idempotency_keys').pluck('idem_key')).toEqual(['young']);
    expect(info).toEqual([
      [HOUSEKEEPING_JOB, 'deleted 2 ended session(s), 1 ended one-time token(s), 1 old idempotency record(s)'],
    ]);

    // Nothing left to delete: the next run reports nothing.
    await scheduler.runOnce(HOUSEKEEPING_JOB);
    expect(info).toHaveLength(1);
    await scheduler.stop();
  });

  it('deletes batch after batch until a batch comes back short', async () => {
    for (let i = 0; i < 5; i += 1) await openSession(`ended-${i}`, at(1));
    const live = await openSession('live', at(90));
    const purged: unknown[] = [];
    const errors: unknown[] = [];
    const job = housekeepingJob(
      {
        sessions: resolve(container, TOKENS.SessionRepository),
        oneTimeTokens: resolve(container, TOKENS.OneTimeTokenRepository),
        idempotencyKeys: resolve(container, TOKENS.IdempotencyKeyPurger),
        clock,
        batchSize: 2,
      },
      (counts) => purged.push(counts),
    );
    const scheduler = new Scheduler({ onError: (_job, error) => errors.push(error) }).add(job);
    clock.set(at(45));
    await scheduler.runOnce(HOUSEKEEPING_JOB);
    expect(errors).toEqual([]);
    expect(purged).toEqual([{ sessions: 5, oneTimeTokens: 0, idempotencyKeys: 0 }]);
    expect(await ids('sessions')).toEqual([live.id]);
  });
});
