import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config/index.js';
import { DEFAULT_RATE_LIMITS } from '../../src/rate-limit/index.js';

const SECRET = 'a-production-secret-of-at-least-32-chars!';

/** The ConfigError thrown for env, so tests can check its one-line message. */
function errorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

function expectRejected(env: Record<string, string | undefined>, variable: string, message?: RegExp): void {
  const error = errorFor(env);
  expect(error.variable).toBe(variable);
  expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  expect(error.message).not.toContain('\n');
  if (message) expect(error.message).toMatch(message);
}

describe('loadConfig', () => {
  it('has safe local defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      nodeEnv: 'development',
      port: 5000,
      databaseUrl: 'sqlite:var/giggatek.db',
      redisUrl: null,
      jwtSecret: DEV_JWT_SECRET,
      jwtIssuer: 'giggatek',
      jwtAudience: 'giggatek-api',
      publicUrl: 'http://localhost:5000',
      resetUrl: 'http://localhost:5000/account/reset-password?token={token}',
      verifyUrl: 'http://localhost:5000/account/verify-email?token={token}',
      trustProxy: false,
      stripeSecretKey: null,
      stripeWebhookSecret: null,
      smtpUrl: null,
      mailFrom: 'GigGatek <no-reply@giggatek.local>',
      mailDir: 'var/mail',
      bcryptCost: 12,
      logLevel: 'info',
      corsOrigins: [],
      rateLimits: DEFAULT_RATE_LIMITS,
      scheduler: 'inline',
      seedDemoData: true,
      warnings: [expect.stringContaining('JWT_SECRET')],
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', REDIS_URL: '' })).toMatchObject({
      port: 5000,
      logLevel: 'info',
      redisUrl: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '8080',
      DATABASE_URL: 'mysql://shop:pw@db.internal:3306/giggatek',
      REDIS_URL: 'rediss://cache.internal:6380',
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'gg',
      JWT_AUDIENCE: 'gg-api',
      PUBLIC_URL: 'https://shop.example/',
      RESET_URL: 'https://front.example/reset?t={token}',
      TRUST_PROXY: '1',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_456',
      SMTP_URL: 'smtps://user:pass@smtp.example:465',
      MAIL_FROM: 'Shop <shop@example.com>',
      MAIL_DIR: '/tmp/mail',
      BCRYPT_COST: '4',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'https://shop.example, http://localhost:3000',
      SEED_DEMO_DATA: 'false',
      SCHEDULER: 'off',
    });
    expect(config).toEqual({
      nodeEnv: 'development',
      port: 8080,
      databaseUrl: 'mysql://shop:pw@db.internal:3306/giggatek',
      redisUrl: 'rediss://cache.internal:6380',
      jwtSecret: SECRET,
      jwtIssuer: 'gg',
      jwtAudience: 'gg-api',
      publicUrl: 'https://shop.example',
      resetUrl: 'https://front.example/reset?t={token}',
      verifyUrl: 'https://shop.example/account/verify-email?token={token}',
      trustProxy: true,
      stripeSecretKey: 'sk_test_123',
      stripeWebhookSecret: 'whsec_456',
      smtpUrl: 'smtps://user:pass@smtp.example:465',
      mailFrom: 'Shop <shop@example.com>',
      mailDir: '/tmp/mail',
      bcryptCost: 4,
      logLevel: 'debug',
      corsOrigins: ['https://shop.example', 'http://localhost:3000'],
      rateLimits: DEFAULT_RATE_LIMITS,
      scheduler: 'off',
      seedDemoData: false,
      warnings: [],
    });
  });

  describe('PORT', () => {
    it('accepts 1 to 65535', () => {
      expect(loadConfig({ PORT: '1' }).port).toBe(1);
      expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    });
    it('rejects anything else with the documented message', () => {
      expect(errorFor({ PORT: 'abc' }).message).toBe(
        'Invalid configuration: PORT must be an integer from 1 to 65535 (got "abc")',
      );
      for (const bad of ['0', '65536', '-1', '80.5', '1e3', '0x50'])
        expectRejected({ PORT: bad }, 'PORT', new RegExp(`got "${bad}"`));
    });
    it('sets the default PUBLIC_URL', () => {
      expect(loadConfig({ PORT: '7000' }).publicUrl).toBe('http://localhost:7000');
    });
  });

  describe('DATABASE_URL', () => {
    it('accepts sqlite: paths and mysql:// URLs', () => {
      expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe('sqlite::memory:');
      expect(loadConfig({ DATABASE_URL: 'sqlite:/data/shop.db' }).databaseUrl).toBe('sqlite:/data/shop.db');
      expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/giggatek' }).databaseUrl).toBe(
        'mysql://root@127.0.0.1:3306/giggatek',
      );
    });
    it('rejects other schemes and empty paths', () => {
      for (const bad of ['postgres://u:p@h/db', 'sqlite:', 'mysql://', 'var/giggatek.db'])
        expectRejected({ DATABASE_URL: bad }, 'DATABASE_URL');
    });
    it('does not echo a password', () => {
      const error = errorFor({ DATABASE_URL: 'postgres://shop:hunter2@db/shop' });
      expect(error.message).not.toContain('hunter2');
      expect(error.message).toContain('postgres://shop:***@db/shop');
    });
  });

  describe('REDIS_URL', () => {
    it('accepts redis:// and rediss://', () => {
      expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
      expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache:6380/2' }).redisUrl).toBe('rediss://:pw@cache:6380/2');
    });
    it('rejects other URLs', () => {
      for (const bad of ['http://cache:6379', '127.0.0.1:6379', 'redis'])
        expectRejected({ REDIS_URL: bad }, 'REDIS_URL');
    });
  });

  describe('SEED_DEMO_DATA', () => {
    it('seeds in development only, by default', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).seedDemoData).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test' }).seedDemoData).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).seedDemoData).toBe(false);
    });
    it('is refused in production, where the demo accounts would have published passwords', () => {
      expectRejected(
        { NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO_DATA: 'true' },
        'SEED_DEMO_DATA',
        /NODE_ENV=production/,
      );
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(
        false,
      );
    });
  });

  describe('STRIPE_WEBHOOK_SECRET', () => {
    it('is required in production once STRIPE_SECRET_KEY is set, and the key is never echoed', () => {
      const env = { NODE_ENV: 'production', JWT_SECRET: SECRET, STRIPE_SECRET_KEY: 'sk_live_private' };
      expectRejected(env, 'STRIPE_WEBHOOK_SECRET', /required when STRIPE_SECRET_KEY is set and NODE_ENV=production/);
      expect(errorFor(env).message).not.toContain('sk_live_private');
      expect(loadConfig({ ...env, STRIPE_WEBHOOK_SECRET: 'whsec_1' })).toMatchObject({
        stripeSecretKey: 'sk_live_private',
        stripeWebhookSecret: 'whsec_1',
        warnings: [],
      });
    });
    it('is not needed without Stripe (the offline gateway), and only warned about outside production', () => {
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toMatchObject({
        stripeSecretKey: null,
        stripeWebhookSecret: null,
        warnings: [],
      });
      const config = loadConfig({ JWT_SECRET: SECRET, STRIPE_SECRET_KEY: 'sk_test_1' });
      expect(config.stripeWebhookSecret).toBeNull();
      expect(config.warnings).toEqual([expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is not set/)]);
    });
  });

  describe('JWT_SECRET', () => {
    it('is required in production', () => {
      expectRejected({ NODE_ENV: 'production' }, 'JWT_SECRET', /required when NODE_ENV=production/);
    });
    it('must be at least 32 characters, and is never echoed', () => {
      const error = errorFor({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' });
      expect(error.variable).toBe('JWT_SECRET');
      expect(error.message).toMatch(/at least 32 characters/);
      expect(error.message).not.toContain('short-secret');
      expectRejected({ NODE_ENV: 'development', JWT_SECRET: 'x'.repeat(31) }, 'JWT_SECRET');
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
    });
    it('falls back to a dev secret with a warning outside production', () => {
      for (const NODE_ENV of ['development', 'test']) {
        const config = loadConfig({ NODE_ENV });
        expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
        expect(config.warnings).toEqual([expect.stringMatching(/JWT_SECRET/)]);
      }
      expect(loadConfig({ JWT_SECRET: SECRET }).warnings).toEqual([]);
    });
  });

  describe('NODE_ENV', () => {
    it('accepts development, production and test', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).nodeEnv).toBe('test');
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).nodeEnv).toBe('production');
    });
    it('rejects others', () => {
      expectRejected({ NODE_ENV: 'staging' }, 'NODE_ENV', /one of development, production, test \(got "staging"\)/);
    });
  });

  describe('PUBLIC_URL', () => {
    it('must be an http(s) URL; the trailing slash is dropped', () => {
      expect(loadConfig({ PUBLIC_URL: 'https://shop.example/store/' }).publicUrl).toBe('https://shop.example/store');
      for (const bad of ['shop.example', 'ftp://shop.example', 'not a url'])
        expectRejected({ PUBLIC_URL: bad }, 'PUBLIC_URL');
    });
  });

  describe('RESET_URL and VERIFY_URL', () => {
    it('default to the account pages under PUBLIC_URL', () => {
      const config = loadConfig({ PUBLIC_URL: 'https://shop.example/store/' });
      expect(config.resetUrl).toBe('https://shop.example/store/account/reset-password?token={token}');
      expect(config.verifyUrl).toBe('https://shop.example/store/account/verify-email?token={token}');
    });

    it('take an http(s) URL template containing {token}; anything else stops start-up naming the variable', () => {
      expect(loadConfig({ VERIFY_URL: 'https://front.example/#/verify/{token}' }).verifyUrl).toBe(
        'https://front.example/#/verify/{token}',
      );
      for (const name of ['RESET_URL', 'VERIFY_URL']) {
        for (const bad of ['https://front.example/reset', 'front.example/{token}', 'javascript:alert({token})']) {
          expectRejected({ [name]: bad }, name, /\{token\}/);
        }
      }
    });
  });

  describe('TRUST_PROXY', () => {
    it('accepts true/false/1/0', () => {
      expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
      expect(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe(true);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    });
    it('rejects anything else', () => {
      for (const bad of ['yes', 'on', '2']) expectRejected({ TRUST_PROXY: bad }, 'TRUST_PROXY');
    });
  });

  describe('SEED_DEMO_DATA', () => {
    it('defaults to on in development only', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).seedDemoData).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test' }).seedDemoData).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).seedDemoData).toBe(false);
    });
    it('can be set either way, and rejects other values', () => {
      expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO_DATA: '0' }).seedDemoData).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO_DATA: '1' }).seedDemoData).toBe(true);
      expectRejected({ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA');
    });
  });

  describe('SCHEDULER', () => {
    it('runs the jobs inline by default, or leaves them to a worker when off', () => {
      expect(loadConfig({}).scheduler).toBe('inline');
      expect(loadConfig({ SCHEDULER: 'inline' }).scheduler).toBe('inline');
      expect(loadConfig({ SCHEDULER: 'off' }).scheduler).toBe('off');
    });
    it('rejects other values', () => {
      for (const bad of ['on', 'worker', 'false']) expectRejected({ SCHEDULER: bad }, 'SCHEDULER', /inline, off/);
    });
  });

  it('gives each config its own copy of the rate limits', () => {
    const a = loadConfig({});
    a.rateLimits.login.points = 1;
    expect(loadConfig({}).rateLimits.login.points).toBe(DEFAULT_RATE_LIMITS.login.points);
  });

  describe('SMTP_URL', () => {
    it('accepts smtp:// and smtps://', () => {
      expect(loadConfig({ SMTP_URL: 'smtp://localhost:1025' }).smtpUrl).toBe('smtp://localhost:1025');
    });
    it('rejects other URLs without echoing the password', () => {
      expectRejected({ SMTP_URL: 'http://mail.example' }, 'SMTP_URL');
      const error = errorFor({ SMTP_URL: 'imap://user:topsecret@mail.example' });
      expect(error.variable).toBe('SMTP_URL');
      expect(error.message).not.toContain('topsecret');
    });
  });

  describe('BCRYPT_COST', () => {
    it('accepts 4 to 15', () => {
      expect(loadConfig({ BCRYPT_COST: '15' }).bcryptCost).toBe(15);
    });
    it('rejects others', () => {
      for (const bad of ['3', '16', 'twelve']) expectRejected({ BCRYPT_COST: bad }, 'BCRYPT_COST', /from 4 to 15/);
    });
  });

  describe('LOG_LEVEL', () => {
    it('accepts the pino levels', () => {
      for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) {
        expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
      }
    });
    it('rejects others', () => {
      expectRejected({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL');
    });
  });

  describe('CORS_ORIGINS', () => {
    it('ignores empty entries', () => {
      expect(loadConfig({ CORS_ORIGINS: 'https://a.example,,https://b.example:8443,' }).corsOrigins).toEqual([
        'https://a.example',
        'https://b.example:8443',
      ]);
    });
    it('rejects entries that are not bare origins', () => {
      for (const bad of ['https://a.example/', 'https://a.example/path', 'a.example', '*']) {
        expectRejected(
          { CORS_ORIGINS: `https://ok.example,${bad}` },
          'CORS_ORIGINS',
          new RegExp(`got "${bad.replace(/[.*/]/g, '\\$&')}"`),
        );
      }
    });
  });

  it('keeps free-text settings as given', () => {
    const config = loadConfig({
      MAIL_FROM: 'Shop <a@b.example>',
      MAIL_DIR: 'tmp/out',
      JWT_ISSUER: 'iss',
      JWT_AUDIENCE: 'aud',
    });
    expect(config).toMatchObject({
      mailFrom: 'Shop <a@b.example>',
      mailDir: 'tmp/out',
      jwtIssuer: 'iss',
      jwtAudience: 'aud',
    });
  });
});

describe('rate limit overrides', () => {
  it('reads <points>/<seconds> per budget and keeps the defaults for the others', () => {
    const config = loadConfig({ RATE_LIMIT_LOGIN: '3/60', RATE_LIMIT_GENERAL: '100000/60' });
    expect(config.rateLimits.login).toEqual({ points: 3, durationSeconds: 60 });
    expect(config.rateLimits.general).toEqual({ points: 100000, durationSeconds: 60 });
    expect(config.rateLimits.register).toEqual(DEFAULT_RATE_LIMITS.register);
  });

  it.each(['5', '0/60', '5/0', 'five/60', '5/60s'])('refuses %j naming the variable', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_REGISTER: value })).toThrow(/RATE_LIMIT_REGISTER must be <points>\/<seconds>/);
  });
});

describe('the environment it reads', () => {
  it('is only the env it is given, never process.env', () => {
    const saved = process.env.PORT;
    process.env.PORT = 'not-a-port';
    try {
      expect(loadConfig({}).port).toBe(5000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});
