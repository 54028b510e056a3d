import type { Redis } from 'ioredis';
import { createRateLimiter } from './create-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

export interface Limit {
  points: number;
  durationSeconds: number;
}

/** SPEC §3 rate limits; the numbers are settings (config), these are the defaults. */
export interface RateLimitSettings {
  /** Every endpoint without a limit of its own, and login, per IP. */
  general: Limit;
  /** Failed logins per IP + email; a successful login resets the count. */
  login: Limit;
  /** Registrations per IP. */
  register: Limit;
  /** Password reset requests and resets per IP. */
  passwordReset: Limit;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  general: { points: 600, durationSeconds: 60 },
  login: { points: 5, durationSeconds: 15 * 60 },
  register: { points: 10, durationSeconds: 60 * 60 },
  passwordReset: { points: 3, durationSeconds: 5 * 60 },
};

export type RateLimiters = Record<keyof RateLimitSettings, RateLimiter>;

/** One limiter per budget, in Redis when a client is given so instances share them. */
export function createRateLimiters(settings: RateLimitSettings, redis?: Redis): RateLimiters {
  const make = (name: keyof RateLimitSettings): RateLimiter =>
    createRateLimiter({ ...settings[name], keyPrefix: `giggatek:rl:${name}`, ...(redis && { redis }) });
  return {
    general: make('general'),
    login: make('login'),
    register: make('register'),
    passwordReset: make('passwordReset'),
  };
}
