import type { RateLimiter } from '@giggatek/adapters';
import type { Middleware } from 'koa';
import type { ApiState } from '../api-state.js';
import type { ApiContext } from '../api-router.js';
import { HttpError } from '../http-error.js';

/** Charges one request to `keyOf(ctx)`, sets the X-RateLimit-* headers and answers 429 when spent. */
export async function charge(ctx: Pick<ApiContext, 'set'>, limiter: RateLimiter, key: string): Promise<void> {
  const result = await limiter.consume(key);
  ctx.set('X-RateLimit-Limit', String(result.limit));
  ctx.set('X-RateLimit-Remaining', String(Math.max(0, result.remaining)));
  ctx.set('X-RateLimit-Reset', String(Math.ceil(result.resetAt.getTime() / 1000)));
  if (!result.allowed) {
    const retryAfter = String(Math.max(1, result.retryAfterSeconds));
    throw new HttpError(429, 'rate_limited', `too many requests; try again in ${retryAfter} seconds`, {
      'Retry-After': retryAfter,
    });
  }
}

/** Route middleware: one charge per request, keyed by client IP (plus whatever `extraKey` adds). */
export function rateLimit(limiter: RateLimiter, extraKey?: (ctx: ApiContext) => string): Middleware<ApiState> {
  return async (ctx, next) => {
    const key = extraKey ? `${ctx.ip}|${extraKey(ctx)}` : ctx.ip;
    await charge(ctx, limiter, key);
    await next();
  };
}
