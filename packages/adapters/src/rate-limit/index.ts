export { createRateLimiter } from './create-rate-limiter.js';
export type { RateLimiterOptions } from './create-rate-limiter.js';
export { createRateLimiters, DEFAULT_RATE_LIMITS } from './rate-limit-policy.js';
export type { Limit, RateLimitSettings, RateLimiters } from './rate-limit-policy.js';
export { createRedisClient } from './redis-client.js';
export type { RateLimitResult, RateLimiter } from './rate-limiter.js';
