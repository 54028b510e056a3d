import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, OneTimeTokenRepository } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

const createdAt = new Date('2026-01-15T12:00:00.123Z');
const expiresAt = new Date('2026-01-15T13:00:00.123Z');
const usedAt = new Date('2026-01-15T12:30:00.999Z');

export function describeOneTimeTokenRepositoryContract(name: string, makeRepo: MakeFixture<OneTimeTokenRepository>): void {
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
      const created = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'reset-hash', expiresAt, createdAt });
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
      const reset = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'shared', expiresAt, createdAt });
      const verify = await tokens.create({ userId, purpose: 'email_verification', tokenHash: 'shared', expiresAt, createdAt });
      expect(reset.id).not.toBe(verify.id);
      expect((await tokens.findByHash('email_verification', 'shared'))?.id).toBe(verify.id);
    });

    it('consumes a token exactly once', async () => {
      const token = await tokens.create({ userId, purpose: 'email_verification', tokenHash: 'verify', expiresAt, createdAt });
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
      const token = await tokens.create({ userId, purpose: 'password_reset', tokenHash: 'known', expiresAt, createdAt });
      expect(await tokens.consume(token.id + 1000, usedAt)).toBe(false);
    });
  });
}
