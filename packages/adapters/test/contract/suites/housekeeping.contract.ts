import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, type Id } from '@giggatek/domain';
import type { Engine } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

// Rows ended before `cutoff` go; rows that ended at or after it, or have not ended, stay.
const cutoff = new Date('2026-03-01T00:00:00.000Z');
const before = (ms: number): Date => new Date(cutoff.getTime() - ms);
const after = (ms: number): Date => new Date(cutoff.getTime() + ms);
const longAgo = before(40 * DAY_MS);

/** The purge methods of SessionRepository, OneTimeTokenRepository and IdempotencyKeyPurger. */
export function describeHousekeepingContracts(name: string, makeEngine: () => Promise<Engine>): void {
  describe(`housekeeping purges (${name})`, () => {
    let engine: Engine;
    let userId: Id;
    let otherUserId: Id;
    beforeEach(async () => {
      engine = await makeEngine();
      userId = await createTestUser(engine.users);
      otherUserId = await createTestUser(engine.users);
    });
    afterEach(async () => {
      await engine.dispose();
    });

    const openSession = (owner: Id, hash: string, expiresAt: Date) =>
      engine.sessions.create({ userId: owner, createdAt: longAgo, expiresAt, ip: null, userAgent: null }, hash);

    it('SessionRepository.purgeEndedBefore deletes sessions ended before the cutoff, and their tokens', async () => {
      const expired = await openSession(userId, 'expired', before(1));
      const revoked = await openSession(otherUserId, 'revoked', after(DAY_MS));
      await engine.sessions.revoke(revoked.id, before(1));
      const revokedLater = await openSession(userId, 'revoked-later', after(DAY_MS));
      await engine.sessions.revoke(revokedLater.id, cutoff);
      const expiresAtCutoff = await openSession(userId, 'expires-at-cutoff', cutoff);
      const live = await openSession(otherUserId, 'live', after(DAY_MS));
      const first = await engine.sessions.findRefreshToken('live');
      await engine.sessions.rotateRefreshToken(
        first!.id,
        { tokenHash: 'live-next', expiresAt: after(DAY_MS) },
        longAgo,
      );

      expect(await engine.sessions.purgeEndedBefore(cutoff, 10)).toBe(2);
      expect(await engine.sessions.findById(expired.id)).toBeNull();
      expect(await engine.sessions.findById(revoked.id)).toBeNull();
      for (const kept of [revokedLater, expiresAtCutoff, live])
        expect(await engine.sessions.findById(kept.id)).not.toBeNull();
      expect(await engine.sessions.findRefreshToken('live')).toMatchObject({ sessionId: live.id });
      expect(await engine.sessions.findRefreshToken('live-next')).toMatchObject({
        sessionId: live.id,
        rotatedAt: null,
      });
      // The purged sessions' refresh tokens are gone too: their unique hashes are free again.
      expect(await engine.sessions.findRefreshToken('expired')).toBeNull();
      await expect(openSession(userId, 'expired', after(DAY_MS))).resolves.toMatchObject({ userId });
      await expect(openSession(userId, 'revoked', after(DAY_MS))).resolves.toMatchObject({ userId });

      expect(await engine.sessions.purgeEndedBefore(cutoff, 10)).toBe(0);
    });

    it('SessionRepository.purgeEndedBefore deletes at most `limit` sessions per call', async () => {
      for (const hash of ['a', 'b', 'c']) await openSession(userId, hash, before(DAY_MS));
      const live = await openSession(userId, 'live', after(DAY_MS));
      expect(await engine.sessions.purgeEndedBefore(cutoff, 2)).toBe(2);
      expect(await engine.sessions.purgeEndedBefore(cutoff, 2)).toBe(1);
      expect(await engine.sessions.purgeEndedBefore(cutoff, 2)).toBe(0);
      expect(await engine.sessions.findById(live.id)).not.toBeNull();
    });

    it('SessionRepository.purgeEndedBefore counts each session once when purges run at the same time', async () => {
      for (const hash of ['a', 'b', 'c', 'd', 'e']) await openSession(userId, hash, before(DAY_MS));
      const counts = await concurrently(3, () => engine.sessions.purgeEndedBefore(cutoff, 10));
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(5);
    });

    const issue = (owner: Id, hash: string, expiresAt: Date) =>
      engine.oneTimeTokens.create({
        userId: owner,
        purpose: 'password_reset',
        tokenHash: hash,
        expiresAt,
        createdAt: longAgo,
      });
    const stillThere = async (hash: string) => (await engine.oneTimeTokens.findByHash('password_reset', hash)) !== null;

    it('OneTimeTokenRepository.purgeEndedBefore deletes tokens used or expired before the cutoff', async () => {
      await issue(userId, 'expired', before(1));
      const used = await issue(otherUserId, 'used', after(DAY_MS));
      await engine.oneTimeTokens.consume(used.id, before(1));
      const usedLater = await issue(userId, 'used-later', after(DAY_MS));
      await engine.oneTimeTokens.consume(usedLater.id, cutoff);
      await issue(userId, 'expires-at-cutoff', cutoff);
      await issue(otherUserId, 'live', after(DAY_MS));

      expect(await engine.oneTimeTokens.purgeEndedBefore(cutoff, 10)).toBe(2);
      expect(await stillThere('expired')).toBe(false);
      expect(await stillThere('used')).toBe(false);
      for (const kept of ['used-later', 'expires-at-cutoff', 'live']) expect(await stillThere(kept)).toBe(true);
      expect(await engine.oneTimeTokens.purgeEndedBefore(cutoff, 10)).toBe(0);
    });

    it('OneTimeTokenRepository.purgeEndedBefore deletes at most `limit` tokens a call, each counted once', async () => {
      for (const hash of ['a', 'b', 'c']) await issue(userId, hash, before(DAY_MS));
      await issue(userId, 'live', after(DAY_MS));
      expect(await engine.oneTimeTokens.purgeEndedBefore(cutoff, 2)).toBe(2);
      for (const hash of ['d', 'e', 'f']) await issue(userId, hash, before(DAY_MS));
      const counts = await concurrently(3, () => engine.oneTimeTokens.purgeEndedBefore(cutoff, 10));
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(4);
      expect(await stillThere('live')).toBe(true);
    });

    const claim = (owner: Id, key: string, at: Date) =>
      engine.idempotency.claim(owner, key, 'hash', at, DAY_MS, DAY_MS);
    /** A claim that finds a record of any age answers claimed: false. */
    const isStored = async (owner: Id, key: string) =>
      !(await engine.idempotency.claim(owner, key, 'probe', after(DAY_MS), 1000 * DAY_MS, 1000 * DAY_MS)).claimed;

    it('IdempotencyKeyPurger.purgeOlderThan deletes records created before the cutoff', async () => {
      await claim(userId, 'old', before(1));
      await engine.idempotency.complete(userId, 'old', before(1), 201, '{}');
      await claim(otherUserId, 'old', before(DAY_MS));
      await claim(userId, 'at-cutoff', cutoff);
      await claim(otherUserId, 'young', after(1));
      // Taken over by a new request: created_at is renewed, so it is young again.
      await claim(userId, 'renewed', longAgo);
      await claim(userId, 'renewed', after(1));

      expect(await engine.idempotencyPurger.purgeOlderThan(cutoff, 10)).toBe(2);
      expect(await isStored(userId, 'old')).toBe(false);
      expect(await isStored(otherUserId, 'old')).toBe(false);
      expect(await isStored(userId, 'at-cutoff')).toBe(true);
      expect(await isStored(otherUserId, 'young')).toBe(true);
      expect(await isStored(userId, 'renewed')).toBe(true);
    });

    it('IdempotencyKeyPurger.purgeOlderThan deletes at most `limit` records per call, each counted once', async () => {
      for (const key of ['a', 'b', 'c']) await claim(userId, key, longAgo);
      expect(await engine.idempotencyPurger.purgeOlderThan(cutoff, 2)).toBe(2);
      expect(await engine.idempotencyPurger.purgeOlderThan(cutoff, 2)).toBe(1);
      expect(await engine.idempotencyPurger.purgeOlderThan(cutoff, 2)).toBe(0);
      for (const key of ['d', 'e', 'f', 'g']) await claim(userId, key, longAgo);
      const counts = await concurrently(3, () => engine.idempotencyPurger.purgeOlderThan(cutoff, 10));
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(4);
    });
  });
}
