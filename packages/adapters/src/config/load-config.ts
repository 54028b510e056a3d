import { ConfigError } from './config-error.js';
import { LOG_LEVELS, NODE_ENVS, SCHEDULER_MODES } from './app-config.js';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/rate-limit-policy.js';
import { redactUrl } from './redact-url.js';
import type { AppConfig, LogLevel, NodeEnv, SchedulerMode } from './app-config.js';
import type { Limit, RateLimitSettings } from '../rate-limit/rate-limit-policy.js';

type Env = Record<string, string | undefined>;

/** Only for local use; production refuses to start without a real JWT_SECRET. */
export const DEV_JWT_SECRET = 'giggatek-development-secret-do-not-use-in-production';
const MIN_JWT_SECRET_LENGTH = 32;

/**
 * The one place that reads environment variables: callers pass `process.env`.
 * Throws ConfigError (one line naming the variable) on the first bad value.
 */
export function loadConfig(env: Env): AppConfig {
  const warnings: string[] = [];
  const nodeEnv = oneOf<NodeEnv>(env, 'NODE_ENV', NODE_ENVS, 'development');
  const port = integer(env, 'PORT', 5000, 1, 65535);
  const shopUrl = publicUrl(env, port);
  const stripeSecretKey = optionalText(env, 'STRIPE_SECRET_KEY');

  return {
    nodeEnv,
    port,
    databaseUrl: databaseUrl(env),
    redisUrl: optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    jwtSecret: jwtSecret(env, nodeEnv, warnings),
    jwtIssuer: text(env, 'JWT_ISSUER', 'giggatek'),
    jwtAudience: text(env, 'JWT_AUDIENCE', 'giggatek-api'),
    publicUrl: shopUrl,
    resetUrl: linkTemplate(env, 'RESET_URL', `${shopUrl}/account/reset-password?token={token}`),
    verifyUrl: linkTemplate(env, 'VERIFY_URL', `${shopUrl}/account/verify-email?token={token}`),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    stripeSecretKey,
    stripeWebhookSecret: stripeWebhookSecret(env, nodeEnv, stripeSecretKey, warnings),
    smtpUrl: optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: text(env, 'MAIL_FROM', 'GigGatek <no-reply@giggatek.local>'),
    mailDir: text(env, 'MAIL_DIR', 'var/mail'),
    bcryptCost: integer(env, 'BCRYPT_COST', 12, 4, 15),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    corsOrigins: corsOrigins(env),
    rateLimits: rateLimits(env),
    scheduler: oneOf<SchedulerMode>(env, 'SCHEDULER', SCHEDULER_MODES, 'inline'),
    seedDemoData: seedDemoData(env, nodeEnv),
    warnings,
  };
}

/** The demo accounts' passwords are published in the README: never in production. */
function seedDemoData(env: Env, nodeEnv: NodeEnv): boolean {
  const seed = boolean(env, 'SEED_DEMO_DATA', nodeEnv === 'development');
  if (seed && nodeEnv === 'production') {
    throw new ConfigError(
      'SEED_DEMO_DATA',
      'must not be true when NODE_ENV=production (the demo accounts have published passwords)',
      env.SEED_DEMO_DATA,
    );
  }
  return seed;
}

/** The value, or undefined when unset or blank (an empty `FOO=` line means "not set"). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function text(env: Env, name: string, fallback: string): string {
  return read(env, name) ?? fallback;
}

function optionalText(env: Env, name: string): string | null {
  return read(env, name) ?? null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}`, env[name]);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, env[name]);
  }
  return raw as T;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, 'must be true, false, 1 or 0', env[name]);
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function optionalUrl(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  const url = parseUrl(raw);
  if (!url || !protocols.includes(url.protocol) || url.hostname === '') {
    throw new ConfigError(name, `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`, redactUrl(raw));
  }
  return raw;
}

function databaseUrl(env: Env): string {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return 'sqlite:var/giggatek.db';
  if (raw.startsWith('sqlite:') && raw.length > 'sqlite:'.length) return raw;
  const url = raw.startsWith('mysql://') ? parseUrl(raw) : null;
  if (!url || url.hostname === '') {
    throw new ConfigError('DATABASE_URL', 'must be sqlite:<path> or mysql://user:pass@host:3306/db', redactUrl(raw));
  }
  return raw;
}

function jwtSecret(env: Env, nodeEnv: NodeEnv, warnings: string[]): string {
  const raw = read(env, 'JWT_SECRET');
  if (raw !== undefined) {
    if (raw.length < MIN_JWT_SECRET_LENGTH) {
      // Never echo a secret, not even a weak one.
      throw new ConfigError(
        'JWT_SECRET',
        `must be at least ${MIN_JWT_SECRET_LENGTH} characters (got ${raw.length})`,
        undefined,
      );
    }
    return raw;
  }
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'JWT_SECRET',
      `is required when NODE_ENV=production (at least ${MIN_JWT_SECRET_LENGTH} characters)`,
      undefined,
    );
  }
  warnings.push('JWT_SECRET is not set: using the built-in development secret; never do this in production');
  return DEV_JWT_SECRET;
}

/** Stripe's webhooks can only be verified with the endpoint's signing secret (whsec_…). */
function stripeWebhookSecret(env: Env, nodeEnv: NodeEnv, secretKey: string | null, warnings: string[]): string | null {
  const secret = optionalText(env, 'STRIPE_WEBHOOK_SECRET');
  if (secret !== null || secretKey === null) return secret;
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'STRIPE_WEBHOOK_SECRET',
      'is required when STRIPE_SECRET_KEY is set and NODE_ENV=production (the webhook endpoint signing secret, whsec_…)',
      undefined,
    );
  }
  warnings.push('STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook will be refused');
  return null;
}

function publicUrl(env: Env, port: number): string {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === undefined) return `http://localhost:${port}`;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError('PUBLIC_URL', 'must be an http:// or https:// URL', env.PUBLIC_URL);
  }
  // Links are built as `${publicUrl}/path`, so no trailing slash.
  return raw.replace(/\/+$/, '');
}

/** An http(s) URL with a `{token}` placeholder, e.g. https://shop.example/reset?t={token}. */
function linkTemplate(env: Env, name: string, fallback: string): string {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const url = parseUrl(raw.replaceAll('{token}', 'token'));
  if (!raw.includes('{token}') || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const example = 'e.g. https://shop.example/reset?token={token}';
    throw new ConfigError(name, `must be an http:// or https:// URL containing {token}, ${example}`, raw);
  }
  return raw;
}

function corsOrigins(env: Env): string[] {
  const raw = read(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = parseUrl(entry);
      // An origin is scheme://host[:port] and nothing more; that is what browsers send.
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry) {
        throw new ConfigError(
          'CORS_ORIGINS',
          'must be a comma-separated list of origins like https://shop.example',
          entry,
        );
      }
      return entry;
    });
}

/** The value with any URL password masked, so a bad value can be shown without leaking it. */
const RATE_LIMIT_VARIABLES: Record<keyof RateLimitSettings, string> = {
  general: 'RATE_LIMIT_GENERAL',
  login: 'RATE_LIMIT_LOGIN',
  register: 'RATE_LIMIT_REGISTER',
  passwordReset: 'RATE_LIMIT_PASSWORD_RESET',
};

/** SPEC §3 limits, each overridable as `<points>/<seconds>` (e.g. RATE_LIMIT_LOGIN=5/900). */
function rateLimits(env: Env): RateLimitSettings {
  const settings = structuredClone(DEFAULT_RATE_LIMITS);
  for (const [key, name] of Object.entries(RATE_LIMIT_VARIABLES) as [keyof RateLimitSettings, string][]) {
    const raw = read(env, name);
    if (raw !== undefined) settings[key] = limit(name, raw);
  }
  return settings;
}

function limit(name: string, raw: string): Limit {
  const match = /^([1-9][0-9]{0,9})\/([1-9][0-9]{0,7})$/.exec(raw);
  if (!match) throw new ConfigError(name, 'must be <points>/<seconds>, e.g. 600/60', raw);
  return { points: Number(match[1]), durationSeconds: Number(match[2]) };
}
