import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, OneTimeTokenRepository } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

const createdAt = new Date('2026-01-15T12:00:00.123Z');
const expiresAt = new Date('2026-01-15T13:00:00.123Z');
const usedAt = new Date('2026-01-15T12:30:00.999Z');

export function describeOneTimeTokenRepositoryContract(
  name: string,
  makeRepo: MakeFixture<OneTimeTokenRepository>,
): void {
  describe(`OneTimeTokenRepository contract (${name})`, () => {
    let fixture: ContractFixture<OneTimeTokenRepository>;
    let tokens: OneTimeTokenRepository;
    let userId: Id;
    beforeEach(async () => {
      fixture = await makeRepo();
      tokens = fixture.repo;
      userId = await createTestUser(fixture.users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('creates a token and finds it by purpose and hash', async () => {
      const created = await tokens.create({
        userId,
        purpose: 'password_reset',
        tokenHash: 'reset-hash',
        expiresAt,
        createdAt,
      });
      expect(created).toEqual({
        id: created.id,
        userId,
        purpose: 'password_reset',
        tokenHash: 'reset-hash',
        expiresAt,
        usedAt: null,
        createdAt,
      });
      expect(created.id).toBeGreaterThan(0);
      expect(await tokens.findByHash('password_reset', 'reset-hash')).toEqual(created);
      expect(await tokens.findByHash('email_verification', 'reset-hash')).toBeNull();
      expect(await tokens.findByHash('password_reset', 'other-hash')).toBeNull();
    });

    it('allows the same hash under two purposes', async () => {
      const reset = await tokens.create({
        userId,
        purpose: 'password_reset',
        tokenHash: 'shared',
        expiresAt,
        createdAt,
      });
      const verify = await tokens.create({
        userId,
        purpose: 'email_verification',
        tokenHash: 'shared',
        expiresAt,
        createdAt,
      });
      expect(reset.id).not.toBe(verify.id);
      expect((await tokens.findByHash('email_verification', 'shared'))?.id).toBe(verify.id);
    });

    it('consumes a token exactly once', async () => {
      const token = await tokens.create({
        userId,
        purpose: 'email_verification',
        tokenHash: 'verify',
        expiresAt,
        createdAt,
      });
      expect(await tokens.consume(token.id, usedAt)).toBe(true);
      expect((await tokens.findByHash('email_verification', 'verify'))?.usedAt).toEqual(usedAt);
      expect(await tokens.consume(token.id, new Date(usedAt.getTime() + 1000))).toBe(false);
      expect((await tokens.findByHash('email_verification', 'verify'))?.usedAt).toEqual(usedAt);
    });

    it('lets exactly one of several concurrent consumptions win', async () => {
      const token = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'race', expiresAt, createdAt });
      const results = await concurrently(4, () => tokens.consume(token.id, usedAt));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('does not consume an unknown token', async () => {
      const token = await tokens.create({
        userId,
        purpose: 'password_reset',
        tokenHash: 'known',
        expiresAt,
        createdAt,
      });
      expect(await tokens.consume(token.id + 1000, usedAt)).toBe(false);
    });

    it("consumes every unused token of one user and purpose, and nobody else's", async () => {
      const otherUser = await createTestUser(fixture.users);
      const first = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'r1', expiresAt, createdAt });
      const second = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'r2', expiresAt, createdAt });
      const used = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'r3', expiresAt, createdAt });
      await tokens.consume(used.id, createdAt);
      const verification = await tokens.create({
        userId,
        purpose: 'email_verification',
        tokenHash: 'v1',
        expiresAt,
        createdAt,
      });
      const others = await tokens.create({
        userId: otherUser,
        purpose: 'password_reset',
        tokenHash: 'o1',
        expiresAt,
        createdAt,
      });

      expect(await tokens.consumeAllForUser(userId, 'password_reset', usedAt)).toBe(2);
      for (const token of [first, second])
        expect((await tokens.findByHash('password_reset', token.tokenHash))?.usedAt).toEqual(usedAt);
      expect((await tokens.findByHash('password_reset', used.tokenHash))?.usedAt).toEqual(createdAt);
      expect((await tokens.findByHash('email_verification', verification.tokenHash))?.usedAt).toBeNull();
      expect((await tokens.findByHash('password_reset', others.tokenHash))?.usedAt).toBeNull();
    });
  });
}
