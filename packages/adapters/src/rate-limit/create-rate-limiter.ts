import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { RateLimitResult, RateLimiter } from './rate-limiter.js';

export interface RateLimiterOptions {
  /** Attempts allowed per window. */
  points: number;
  durationSeconds: number;
  /** Namespaces the counters, e.g. 'login' or 'register'; limiters sharing it share budgets in Redis. */
  keyPrefix: string;
  /** When given, counters live in Redis so several instances share one budget. */
  redis?: Redis;
}

/** In memory by default; in Redis when a client is given (SPEC §3 rate limits). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { points, durationSeconds, keyPrefix } = options;
  if (!Number.isInteger(points) || points < 1)
    throw new RangeError(`rate limit points must be a positive integer (got ${points})`);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new RangeError(`rate limit duration must be a positive whole number of seconds (got ${durationSeconds})`);
  }
  const memory = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix });
  const limiter = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        points,
        duration: durationSeconds,
        keyPrefix,
        // If Redis is down, keep limiting per instance rather than failing every request.
        insuranceLimiter: memory,
      })
    : memory;
  return new FlexibleRateLimiter(limiter, points);
}

class FlexibleRateLimiter implements RateLimiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
  ) {}

  async consume(key: string): Promise<RateLimitResult> {
    try {
      return this.toResult(await this.limiter.consume(key));
    } catch (rejection) {
      // The library rejects with its result object when over the limit, and with an Error on store failure.
      if (rejection instanceof RateLimiterRes) return this.toResult(rejection);
      throw rejection;
    }
  }

  async peek(key: string): Promise<RateLimitResult> {
    const res = await this.limiter.get(key);
    return res ? this.toResult(res) : this.toResult(new RateLimiterRes(this.points, 0, 0, false));
  }

  async reward(key: string, points = 1): Promise<void> {
    await this.limiter.reward(key, points);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  private toResult(res: RateLimiterRes): RateLimitResult {
    const allowed = res.consumedPoints <= this.points;
    const msBeforeNext = Math.max(res.msBeforeNext, 0);
    return {
      allowed,
      limit: this.points,
      remaining: Math.max(this.points - res.consumedPoints, 0),
      // The store measures the window on the wall clock (Redis TTL, timers), not the Clock port.
      resetAt: new Date(Date.now() + msBeforeNext),
      retryAfterSeconds: allowed ? 0 : Math.max(Math.ceil(msBeforeNext / 1000), 1),
    };
  }
}
