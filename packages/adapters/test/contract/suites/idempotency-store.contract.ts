import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, IdempotencyStore } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

const t0 = new Date('2026-02-01T10:00:00.500Z');
const DAY = 24 * 60 * 60 * 1000;
const LEASE = 120_000;
const after = (ms: number): Date => new Date(t0.getTime() + ms);

export function describeIdempotencyStoreContract(name: string, makeRepo: MakeFixture<IdempotencyStore>): void {
  describe(`IdempotencyStore contract (${name})`, () => {
    let fixture: ContractFixture<IdempotencyStore>;
    let store: IdempotencyStore;
    let userId: Id;
    let otherUserId: Id;
    beforeEach(async () => {
      fixture = await makeRepo();
      store = fixture.repo;
      userId = await createTestUser(fixture.users);
      otherUserId = await createTestUser(fixture.users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('claims a new key once; a second claim gets the record, then the stored response', async () => {
      expect(await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE)).toEqual({ claimed: true, claimedAt: t0 });
      expect(await store.claim(userId, 'key-1', 'hash-b', after(1000), DAY, LEASE)).toEqual({
        claimed: false,
        record: {
          userId,
          key: 'key-1',
          requestHash: 'hash-a',
          responseStatus: null,
          responseBody: null,
          createdAt: t0,
        },
      });
      const body = JSON.stringify({ order: { id: 1, notes: 'x'.repeat(100_000) } });
      await store.complete(userId, 'key-1', t0, 201, body);
      expect(await store.claim(userId, 'key-1', 'hash-a', after(2000), DAY, LEASE)).toEqual({
        claimed: false,
        record: { userId, key: 'key-1', requestHash: 'hash-a', responseStatus: 201, responseBody: body, createdAt: t0 },
      });
    });

    it('keeps keys apart per user and by letter case', async () => {
      expect(await store.claim(userId, 'Key-1', 'hash-a', t0, DAY, LEASE)).toEqual({ claimed: true, claimedAt: t0 });
      expect(await store.claim(otherUserId, 'Key-1', 'hash-a', t0, DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: t0,
      });
      expect(await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE)).toEqual({ claimed: true, claimedAt: t0 });
    });

    it('lets a released key be claimed again', async () => {
      await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE);
      await store.release(userId, 'key-1', t0);
      expect(await store.claim(userId, 'key-1', 'hash-b', after(1000), DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: after(1000),
      });
      const second = await store.claim(userId, 'key-1', 'hash-c', after(2000), DAY, LEASE);
      expect(second).toMatchObject({ claimed: false, record: { requestHash: 'hash-b', createdAt: after(1000) } });
    });

    it('replaces a record once it is as old as the time to live', async () => {
      await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE);
      await store.complete(userId, 'key-1', t0, 201, '{"order":{}}');
      expect(await store.claim(userId, 'key-1', 'hash-b', after(DAY - 1), DAY, LEASE)).toMatchObject({
        claimed: false,
      });
      expect(await store.claim(userId, 'key-1', 'hash-b', after(DAY), DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: after(DAY),
      });
      expect(await store.claim(userId, 'key-1', 'hash-c', after(DAY + 1), DAY, LEASE)).toEqual({
        claimed: false,
        record: {
          userId,
          key: 'key-1',
          requestHash: 'hash-b',
          responseStatus: null,
          responseBody: null,
          createdAt: after(DAY),
        },
      });
    });

    it('gives a key to exactly one of several concurrent claims', async () => {
      const results = await concurrently(6, (i) => store.claim(userId, 'race', `hash-${i}`, t0, DAY, LEASE));
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
    });

    it('takes over an in-progress claim of the same request once it is as old as the lease', async () => {
      await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE);
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE - 1), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: null, createdAt: t0 },
      });
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE), DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: after(LEASE),
      });
      // The takeover renewed the claim: the lease runs again from there.
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE + 1), DAY, LEASE)).toEqual({
        claimed: false,
        record: {
          userId,
          key: 'key-1',
          requestHash: 'hash-a',
          responseStatus: null,
          responseBody: null,
          createdAt: after(LEASE),
        },
      });
    });

    it('never takes over a claim of another request or an answered one', async () => {
      await store.claim(userId, 'other-body', 'hash-a', t0, DAY, LEASE);
      expect(await store.claim(userId, 'other-body', 'hash-b', after(LEASE * 10), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { requestHash: 'hash-a' },
      });
      await store.claim(userId, 'answered', 'hash-a', t0, DAY, LEASE);
      await store.complete(userId, 'answered', t0, 201, '{"order":{}}');
      expect(await store.claim(userId, 'answered', 'hash-a', after(LEASE * 10), DAY, LEASE)).toMatchObject({
        claimed: false,
        record: { responseStatus: 201 },
      });
    });

    it("lets complete and release touch only the caller's own claim, never a successor's", async () => {
      await store.claim(userId, 'key-1', 'hash-a', t0, DAY, LEASE);
      const successor = await store.claim(userId, 'key-1', 'hash-a', after(LEASE), DAY, LEASE);
      expect(successor).toEqual({ claimed: true, claimedAt: after(LEASE) });
      // The first claimer, presumed dead, finishes late: neither call touches the successor's record.
      expect(await store.complete(userId, 'key-1', t0, 500, '{"stale":true}')).toBe(false);
      await store.release(userId, 'key-1', t0);
      const inProgress = {
        userId,
        key: 'key-1',
        requestHash: 'hash-a',
        responseStatus: null,
        responseBody: null,
        createdAt: after(LEASE),
      };
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE + 1), DAY, LEASE)).toEqual({
        claimed: false,
        record: inProgress,
      });
      // The successor's own calls do.
      expect(await store.complete(userId, 'key-1', after(LEASE), 201, '{"order":{}}')).toBe(true);
      // An answer is stored once: a second complete of the same claim changes nothing.
      expect(await store.complete(userId, 'key-1', after(LEASE), 500, '{}')).toBe(false);
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE + 2), DAY, LEASE)).toEqual({
        claimed: false,
        record: { ...inProgress, responseStatus: 201, responseBody: '{"order":{}}' },
      });
      await store.release(userId, 'key-1', t0);
      expect(await store.claim(userId, 'key-1', 'hash-a', after(LEASE + 3), DAY, LEASE)).toMatchObject({
        claimed: false,
      });
      await store.release(userId, 'key-1', after(LEASE));
      expect(await store.claim(userId, 'key-1', 'hash-b', after(LEASE + 4), DAY, LEASE)).toEqual({
        claimed: true,
        claimedAt: after(LEASE + 4),
      });
    });

    it('gives a stale in-progress claim to exactly one of several concurrent takeovers', async () => {
      await store.claim(userId, 'stale', 'hash-a', t0, DAY, LEASE);
      const results = await concurrently(6, () => store.claim(userId, 'stale', 'hash-a', after(LEASE * 2), DAY, LEASE));
      expect(results.filter((result) => result.claimed)).toEqual([{ claimed: true, claimedAt: after(LEASE * 2) }]);
      for (const result of results.filter((r) => !r.claimed)) {
        expect(result).toMatchObject({ claimed: false, record: { createdAt: after(LEASE * 2) } });
      }
    });

    it('gives an expired key to exactly one of several concurrent claims', async () => {
      await store.claim(userId, 'race', 'old', t0, DAY, LEASE);
      const results = await concurrently(6, (i) =>
        store.claim(userId, 'race', `hash-${i}`, after(2 * DAY), DAY, LEASE),
      );
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
    });
  });
}
