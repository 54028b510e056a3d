import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRateLimiter, createRedisClient } from '../../src/rate-limit/index.js';

const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)('createRateLimiter (Redis)', () => {
  let first: Redis;
  let second: Redis;
  // A fresh prefix per run: no leftovers from earlier runs, no clash with parallel runs.
  const prefix = `test-rl-${randomUUID()}`;

  beforeAll(async () => {
    first = createRedisClient(REDIS_URL ?? '');
    second = createRedisClient(REDIS_URL ?? '');
    await Promise.all([first.ping(), second.ping()]);
  });

  afterAll(async () => {
    const keys = await first.keys(`${prefix}*`);
    if (keys.length > 0) await first.del(...keys);
    await Promise.all([first.quit(), second.quit()]);
  });

  it('shares one budget between limiters on separate connections (two instances)', async () => {
    const a = createRateLimiter({ points: 3, durationSeconds: 60, keyPrefix: prefix, redis: first });
    const b = createRateLimiter({ points: 3, durationSeconds: 60, keyPrefix: prefix, redis: second });

    expect((await a.consume('1.2.3.4')).remaining).toBe(2);
    expect((await b.consume('1.2.3.4')).remaining).toBe(1);
    expect((await a.consume('1.2.3.4')).allowed).toBe(true);
    const denied = await b.consume('1.2.3.4');
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSeconds).toBeGreaterThan(0);
    expect(denied.retryAfterSeconds).toBeLessThanOrEqual(60);

    // The count really is in Redis, under the prefix.
    expect(await first.exists(`${prefix}:1.2.3.4`)).toBe(1);
    // Another key has its own budget.
    expect((await a.consume('5.6.7.8')).allowed).toBe(true);
  });

  it('a reset through one instance clears the count for all', async () => {
    const a = createRateLimiter({ points: 1, durationSeconds: 60, keyPrefix: `${prefix}-login`, redis: first });
    const b = createRateLimiter({ points: 1, durationSeconds: 60, keyPrefix: `${prefix}-login`, redis: second });
    await a.consume('ip|ada@example.com');
    expect((await b.consume('ip|ada@example.com')).allowed).toBe(false);
    await a.reset('ip|ada@example.com');
    expect((await b.consume('ip|ada@example.com')).allowed).toBe(true);
  });
});
