/** The outcome of one attempt against a limit; enough to answer 429 with its headers. */
export interface RateLimitResult {
  allowed: boolean;
  /** Points per window (X-RateLimit-Limit). */
  limit: number;
  /** Points left in the current window (X-RateLimit-Remaining). */
  remaining: number;
  /** When the current window ends (X-RateLimit-Reset). */
  resetAt: Date;
  /** Seconds to wait before trying again (Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/** A fixed-window counter per key (IP, IP+email, …). */
export interface RateLimiter {
  /** Counts one attempt for the key and says whether it is within the limit. */
  consume(key: string): Promise<RateLimitResult>;
  /** The key's state without counting an attempt. */
  peek(key: string): Promise<RateLimitResult>;
  /** Gives points back (e.g. an attempt that turned out not to count). */
  reward(key: string, points?: number): Promise<void>;
  /** Forgets the key's count (a successful login resets the failed-login count). */
  reset(key: string): Promise<void>;
}
