import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, STRONG_PASSWORD, uniqueEmail } from './support/accounts.js';
import { expectError } from './support/expect-error.js';
import { userExists } from './support/stored.js';
import {
  DEFAULT_RATE_LIMITS,
  ENGINES,
  RELAXED_LIMITS,
  startTestServer,
  type TestResponse,
  type TestServer,
} from './support/test-server.js';

const WRONG = 'Wr0ng!Password';

function expectRateLimited(response: TestResponse, limit: number): void {
  expectError(response, 429, 'rate_limited');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(response.headers.get('x-ratelimit-limit')).toBe(String(limit));
  expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  expect(reset).toBeGreaterThan(Date.now() / 1000 - 1);
}

describe.each(ENGINES)('rate limits of SPEC §3 (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { rateLimits: DEFAULT_RATE_LIMITS });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const login = (email: string, password: string) =>
    server.request('POST', '/api/auth/login', { body: { email, password } });

  it('6th failed login for one IP + email: 429, Retry-After, X-RateLimit-*, even with the right password', async () => {
    const account = await signInAs(server, 'customer');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await login(account.email, WRONG);
      expectError(response, 401, 'invalid_credentials');
      expect(response.headers.get('x-ratelimit-limit')).toBe('5');
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(5 - attempt));
    }
    expectRateLimited(await login(account.email, WRONG), 5);
    expectRateLimited(await login(account.email.toUpperCase(), STRONG_PASSWORD), 5);
    // another email from the same IP has its own budget
    const other = await signInAs(server, 'customer');
    expect((await login(other.email, STRONG_PASSWORD)).status).toBe(200);
  });

  it('X-Forwarded-For does not buy a fresh budget when the proxy is not trusted', async () => {
    const email = uniqueEmail('spoof');
    for (let n = 1; n <= 5; n += 1) {
      const response = await server.request('POST', '/api/auth/login', {
        body: { email, password: WRONG },
        headers: { 'X-Forwarded-For': `203.0.113.${n}` },
      });
      expect(response.status).toBe(401);
    }
    const spoofed = await server.request('POST', '/api/auth/login', {
      body: { email, password: WRONG },
      headers: { 'X-Forwarded-For': '198.51.100.7' },
    });
    expectRateLimited(spoofed, 5);
  });

  it('a successful login resets the count', async () => {
    const account = await signInAs(server, 'customer');
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await login(account.email, WRONG)).status).toBe(401);
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(account.email, WRONG)).status).toBe(401);
    expectRateLimited(await login(account.email, WRONG), 5);
  });

  it('the 11th registration within an hour from one IP is 429 and stores nothing', async () => {
    const register = (email: string) =>
      server.request('POST', '/api/auth/register', {
        body: { email, password: STRONG_PASSWORD, first_name: 'R', last_name: 'L' },
      });
    for (let n = 1; n <= 10; n += 1) expect((await register(uniqueEmail('burst'))).status).toBe(201);
    const email = uniqueEmail('eleventh');
    expectRateLimited(await register(email), 10);
    expect(await userExists(server, email)).toBe(false);
  });

  it('the 4th password reset request is 429', async () => {
    const request = () =>
      server.request('POST', '/api/auth/password-reset-request', { body: { email: uniqueEmail('reset') } });
    for (let n = 1; n <= 3; n += 1) expect((await request()).status).toBe(200);
    expectRateLimited(await request(), 3);
  });
});

describe('general rate limit (sqlite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      rateLimits: { ...RELAXED_LIMITS, general: { points: 3, durationSeconds: 60 } },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('limits every other endpoint per IP', async () => {
    for (let n = 1; n <= 3; n += 1) {
      const response = await server.request('GET', '/api/products');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(3 - n));
    }
    expectRateLimited(await server.request('GET', '/api/products'), 3);
  });
});

describe.skipIf(!process.env.REDIS_URL)('rate limits shared through redis', () => {
  const limits = { ...RELAXED_LIMITS, login: DEFAULT_RATE_LIMITS.login };
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer('sqlite', { redis: true, rateLimits: limits });
    second = await startTestServer('sqlite', { redis: true, rateLimits: limits });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('two instances on redis share one failed-login budget', async () => {
    // A new email each run, so keys left in redis by earlier runs never count.
    const email = uniqueEmail('shared');
    const attempt = (server: TestServer) =>
      server.request('POST', '/api/auth/login', { body: { email, password: WRONG } });
    for (const server of [first, second, first, second, first]) expect((await attempt(server)).status).toBe(401);
    expectRateLimited(await attempt(second), 5);
    expectRateLimited(await attempt(first), 5);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      rateLimits: {
        ...RELAXED_LIMITS,
        login: { points: 2, durationSeconds: 900 },
        general: { points: 4, durationSeconds: 60 },
      },
      env: { TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const loginVia = (forwardedFor: string, email: string) =>
    server.request('POST', '/api/auth/login', {
      body: { email, password: WRONG },
      headers: { 'X-Forwarded-For': forwardedFor },
    });

  it('counts the client the proxy saw, not entries the client wrote before it', async () => {
    const email = uniqueEmail('proxied');
    expect((await loginVia('1.1.1.1, 203.0.113.9', email)).status).toBe(401);
    expect((await loginVia('2.2.2.2, 203.0.113.9', email)).status).toBe(401);
    expectRateLimited(await loginVia('3.3.3.3, 203.0.113.9', email), 2);
    // Another client behind the same proxy has its own budget.
    expect((await loginVia('203.0.113.10', email)).status).toBe(401);
  });

  it('caps logins per IP over every email too (no password spraying)', async () => {
    const ip = '198.51.100.77';
    for (let n = 0; n < 4; n += 1) expect((await loginVia(ip, uniqueEmail('spray'))).status).toBe(401);
    expectRateLimited(await loginVia(ip, uniqueEmail('spray')), 4);
  });
});
