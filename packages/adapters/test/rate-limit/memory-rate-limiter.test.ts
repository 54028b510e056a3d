import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/rate-limit/index.js';

describe('createRateLimiter (memory)', () => {
  it('allows N attempts, then denies with a Retry-After', async () => {
    const limiter = createRateLimiter({ points: 3, durationSeconds: 60, keyPrefix: 'test' });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume('1.2.3.4'));

    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results.every((r) => r.limit === 3)).toBe(true);
    expect(results[0]?.retryAfterSeconds).toBe(0);
    const denied = results[3];
    expect(denied?.retryAfterSeconds).toBeGreaterThan(0);
    expect(denied?.retryAfterSeconds).toBeLessThanOrEqual(60);
    const resetIn = (denied?.resetAt.getTime() ?? 0) - Date.now();
    expect(resetIn).toBeGreaterThan(0);
    expect(resetIn).toBeLessThanOrEqual(60_000);
  });

  it('counts each key separately', async () => {
    const limiter = createRateLimiter({ points: 1, durationSeconds: 60, keyPrefix: 'test' });
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('a')).allowed).toBe(false);
    expect((await limiter.consume('b')).allowed).toBe(true);
  });

  it('reset clears the count (a successful login resets failed attempts)', async () => {
    const limiter = createRateLimiter({ points: 2, durationSeconds: 900, keyPrefix: 'login' });
    await limiter.consume('ip|ada@example.com');
    await limiter.consume('ip|ada@example.com');
    expect((await limiter.consume('ip|ada@example.com')).allowed).toBe(false);

    await limiter.reset('ip|ada@example.com');
    const after = await limiter.consume('ip|ada@example.com');
    expect(after.allowed).toBe(true);
    expect(after.remaining).toBe(1);
  });

  it('reward gives a point back', async () => {
    const limiter = createRateLimiter({ points: 2, durationSeconds: 60, keyPrefix: 'test' });
    await limiter.consume('k');
    await limiter.consume('k');
    await limiter.reward('k');
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect((await limiter.consume('k')).allowed).toBe(false);
  });

  it('peek reports the state without counting', async () => {
    const limiter = createRateLimiter({ points: 2, durationSeconds: 60, keyPrefix: 'test' });
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    await limiter.consume('k');
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 1 });
    await limiter.consume('k');
    await limiter.consume('k');
    const blocked = await limiter.peek('k');
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('opens again after the window', async () => {
    const limiter = createRateLimiter({ points: 1, durationSeconds: 1, keyPrefix: 'test' });
    await limiter.consume('k');
    expect((await limiter.consume('k')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.consume('k')).allowed).toBe(true);
  });

  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ points: 0, durationSeconds: 60, keyPrefix: 'x' })).toThrow(/points/);
    expect(() => createRateLimiter({ points: 5, durationSeconds: 0.5, keyPrefix: 'x' })).toThrow(/duration/);
  });
});
