import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, SessionRepository, UserRepository } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

const createdAt = new Date('2026-01-15T12:00:00.123Z');
const expiresAt = new Date('2026-02-14T12:00:00.123Z');
const rotatedAt = new Date('2026-01-16T08:15:30.789Z');
const nextExpiry = new Date('2026-02-15T08:15:30.789Z');

export function describeSessionRepositoryContract(name: string, makeRepo: MakeFixture<SessionRepository>): void {
  describe(`SessionRepository contract (${name})`, () => {
    let fixture: ContractFixture<SessionRepository>;
    let sessions: SessionRepository;
    let users: UserRepository;
    let userId: Id;
    beforeEach(async () => {
      fixture = await makeRepo();
      sessions = fixture.repo;
      users = fixture.users;
      userId = await createTestUser(users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const open = (owner: Id, hash: string, extra: { ip?: string | null; userAgent?: string | null } = {}) =>
      sessions.create(
        {
          userId: owner,
          createdAt,
          expiresAt,
          ip: extra.ip ?? '203.0.113.7',
          userAgent: extra.userAgent ?? 'Mozilla/5.0 test',
        },
        hash,
      );

    it('creates a session with its first refresh token and reads both back', async () => {
      const session = await open(userId, 'hash-1');
      expect(session).toEqual({
        id: session.id,
        userId,
        createdAt,
        expiresAt,
        revokedAt: null,
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 test',
      });
      expect(await sessions.findById(session.id)).toEqual(session);

      const token = await sessions.findRefreshToken('hash-1');
      expect(token).toEqual({
        id: token?.id,
        sessionId: session.id,
        tokenHash: 'hash-1',
        expiresAt,
        rotatedAt: null,
        session,
      });
      expect(token?.id).toBeGreaterThan(0);
    });

    it('keeps a missing ip and user agent as null', async () => {
      const session = await sessions.create({ userId, createdAt, expiresAt, ip: null, userAgent: null }, 'hash-null');
      expect(await sessions.findById(session.id)).toMatchObject({ ip: null, userAgent: null });
    });

    it('returns null for unknown sessions and tokens', async () => {
      const session = await open(userId, 'hash-known');
      expect(await sessions.findById(session.id + 1000)).toBeNull();
      expect(await sessions.findRefreshToken('hash-unknown')).toBeNull();
    });

    it('rotates a refresh token once: the old one is marked, the successor belongs to the same session', async () => {
      const session = await open(userId, 'hash-old');
      const old = await sessions.findRefreshToken('hash-old');
      expect(
        await sessions.rotateRefreshToken(old!.id, { tokenHash: 'hash-new', expiresAt: nextExpiry }, rotatedAt),
      ).toBe(true);

      expect(await sessions.findRefreshToken('hash-old')).toMatchObject({ rotatedAt, sessionId: session.id });
      const successor = await sessions.findRefreshToken('hash-new');
      expect(successor).toMatchObject({ sessionId: session.id, expiresAt: nextExpiry, rotatedAt: null, session });
      expect(successor?.id).not.toBe(old?.id);

      // Presenting the rotated token again is reuse: no second successor.
      expect(
        await sessions.rotateRefreshToken(old!.id, { tokenHash: 'hash-again', expiresAt: nextExpiry }, rotatedAt),
      ).toBe(false);
      expect(await sessions.findRefreshToken('hash-again')).toBeNull();
      // The successor itself can still be rotated.
      expect(
        await sessions.rotateRefreshToken(successor!.id, { tokenHash: 'hash-third', expiresAt: nextExpiry }, rotatedAt),
      ).toBe(true);
    });

    it('lets exactly one of two concurrent rotations of one token win', async () => {
      await open(userId, 'hash-race');
      const token = await sessions.findRefreshToken('hash-race');
      const results = await concurrently(2, (i) =>
        sessions.rotateRefreshToken(token!.id, { tokenHash: `hash-race-${i}`, expiresAt: nextExpiry }, rotatedAt),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const successors = await Promise.all([0, 1].map((i) => sessions.findRefreshToken(`hash-race-${i}`)));
      expect(successors.filter((s) => s !== null)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(successors[winner]).not.toBeNull();
    });

    it('revokes one session', async () => {
      const a = await open(userId, 'hash-a');
      const b = await open(userId, 'hash-b');
      await sessions.revoke(a.id, rotatedAt);
      expect((await sessions.findById(a.id))?.revokedAt).toEqual(rotatedAt);
      expect((await sessions.findById(b.id))?.revokedAt).toBeNull();
      expect((await sessions.findRefreshToken('hash-a'))?.session.revokedAt).toEqual(rotatedAt);
    });

    it("revokes all of a user's sessions except the one to keep, and nobody else's", async () => {
      const otherUser = await createTestUser(users);
      const keep = await open(userId, 'hash-keep');
      const drop1 = await open(userId, 'hash-drop-1');
      const drop2 = await open(userId, 'hash-drop-2');
      const foreign = await open(otherUser, 'hash-foreign');

      await sessions.revokeAllForUser(userId, rotatedAt, keep.id);
      expect((await sessions.findById(keep.id))?.revokedAt).toBeNull();
      expect((await sessions.findById(drop1.id))?.revokedAt).toEqual(rotatedAt);
      expect((await sessions.findById(drop2.id))?.revokedAt).toEqual(rotatedAt);
      expect((await sessions.findById(foreign.id))?.revokedAt).toBeNull();

      await sessions.revokeAllForUser(userId, rotatedAt);
      expect((await sessions.findById(keep.id))?.revokedAt).toEqual(rotatedAt);
      expect((await sessions.findById(foreign.id))?.revokedAt).toBeNull();
    });
  });
}
