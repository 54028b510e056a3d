import type { RateLimitSettings } from '../rate-limit/rate-limit-policy.js';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Where the background jobs run: in the server process, or only in `npm run cli -- worker`. */
export const SCHEDULER_MODES = ['inline', 'off'] as const;
export type SchedulerMode = (typeof SCHEDULER_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the process needs from its environment, typed and validated (SPEC §11). */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** `sqlite:<path>` or `mysql://user:pass@host:3306/db`. */
  databaseUrl: string;
  /** redis:// or rediss://; rate limits are per instance without it. */
  redisUrl: string | null;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** Base for links in emails, without a trailing slash. */
  publicUrl: string;
  /**
   * The links in reset and verification emails, with `{token}` where the token goes:
   * the account pages under publicUrl by default; RESET_URL / VERIFY_URL point them at a
   * shop's own front end.
   */
  resetUrl: string;
  verifyUrl: string;
  /** Take the client IP from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  /** smtp:// or smtps://; .eml files under mailDir without it. */
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string;
  bcryptCost: number;
  logLevel: LogLevel;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /**
   * SPEC §3 rate limits; RATE_LIMIT_GENERAL, _LOGIN, _REGISTER, _PASSWORD_RESET override them
   * as `<points>/<seconds>`.
   */
  rateLimits: RateLimitSettings;
  /** SCHEDULER: `inline` (default) runs the jobs inside the server; `off` leaves them to a worker process. */
  scheduler: SchedulerMode;
  /** Load the demo catalog at start-up (SEED_DEMO_DATA; on by default in development only). */
  seedDemoData: boolean;
  /** Things that work but should not go to production (e.g. the dev JWT secret). */
  warnings: string[];
}
