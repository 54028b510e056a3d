import { resolve, TOKENS } from '@giggatek/adapters';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, type SignedIn } from './support/accounts.js';
import { expectError } from './support/expect-error.js';
import { sessionOfToken, storedRefreshToken } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (token: string, index: number) =>
  JSON.parse(Buffer.from(token.split('.')[index] as string, 'base64url').toString('utf8'));

describe.each(ENGINES)('auth: access and refresh tokens (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const me = (token?: string, headers?: Record<string, string>) =>
    server.request('GET', '/api/auth/me', { token, headers });
  const refresh = (refreshToken: string) =>
    server.request('POST', '/api/auth/refresh-token', { body: { refresh_token: refreshToken } });

  function expectTokenRejected(response: Awaited<ReturnType<typeof me>>): void {
    expectError(response, 401);
    expect(response.body.error).toMatch(/token/i);
  }

  /** Signs claims like the server's, with a chosen secret and overrides. */
  async function forge(
    account: SignedIn,
    options: { secret?: string; issuer?: string; audience?: string } = {},
  ): Promise<string> {
    const config = resolve(server.container, TOKENS.Config);
    const claims = decodePart(account.token, 1);
    const iat = Math.floor(server.clock.now().getTime() / 1000);
    return new SignJWT({ role: claims.role, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setJti(`forged-${iat}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 900)
      .setIssuer(options.issuer ?? config.jwtIssuer)
      .setAudience(options.audience ?? config.jwtAudience)
      .sign(new TextEncoder().encode(options.secret ?? config.jwtSecret));
  }

  it('GET /auth/me answers the user for a valid token', async () => {
    const account = await registerCustomer(server);
    const response = await me(account.token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: {
        id: account.userId,
        email: account.email,
        first_name: 'Test',
        last_name: 'Customer',
        phone: null,
        role: 'customer',
        email_verified: false,
      },
    });
  });

  it('a token forged with the server secret and claims is accepted (each rejection below is one thing)', async () => {
    const account = await registerCustomer(server);
    expect((await me(await forge(account))).status).toBe(200);
  });

  it('no token → 401 mentioning the token', async () => {
    const response = await me();
    expectTokenRejected(response);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('a malformed Authorization header → 401', async () => {
    expectTokenRejected(await me(undefined, { Authorization: 'Basic dXNlcjpwYXNz' }));
    expectTokenRejected(await me('not-a-jwt'));
    expectTokenRejected(await me('a.b.c'));
  });

  it('alg "none" → 401', async () => {
    const account = await registerCustomer(server);
    const payload = decodePart(account.token, 1);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...payload, role: 'admin' })}.`;
    expectTokenRejected(await me(unsigned));
    // the same claims and role, unsigned: still refused
    expectTokenRejected(await me(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`));
  });

  it('a tampered payload or signature → 401', async () => {
    const account = await registerCustomer(server);
    const [header, payload, signature] = account.token.split('.') as [string, string, string];
    const elevated = base64url({ ...decodePart(account.token, 1), role: 'admin' });
    expectTokenRejected(await me(`${header}.${elevated}.${signature}`));
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expectTokenRejected(await me(`${header}.${payload}.${flipped}`));
    expectTokenRejected(await me(await forge(account, { secret: 'another-secret-of-enough-length-0123456789' })));
  });

  it('a wrong issuer or audience → 401', async () => {
    const account = await registerCustomer(server);
    expectTokenRejected(await me(await forge(account, { issuer: 'someone-else' })));
    expectTokenRejected(await me(await forge(account, { audience: 'another-api' })));
  });

  it('an expired token (past 15 minutes) → 401; a fresh one from the refresh token works', async () => {
    const account = await registerCustomer(server);
    expect((await me(account.token)).status).toBe(200);
    // Time only moves forward here; later tests sign in afresh.
    server.clock.advance(15 * 60 * 1000 + 1000);
    const expired = await me(account.token);
    expectTokenRejected(expired);
    expect(expired.body.error).toMatch(/expired/);
    const renewed = await refresh(account.refreshToken);
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect((await me(renewed.body.token)).status).toBe(200);
  });

  describe('refresh-token', () => {
    it('rotates: a new refresh token and a new access token, stored hashed', async () => {
      const account = await registerCustomer(server);
      const response = await refresh(account.refreshToken);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ token: expect.any(String), refresh_token: expect.any(String), expires_in: 900 });
      expect(response.body.refresh_token).not.toBe(account.refreshToken);
      expect(response.body.token).not.toBe(account.token);
      expect((await me(response.body.token)).status).toBe(200);
      const sid = decodePart(account.token, 1).sid;
      // Stored as hashes: the raw tokens find nothing, their hashes find both, in one session.
      const rows = [
        await storedRefreshToken(server, account.refreshToken),
        await storedRefreshToken(server, response.body.refresh_token),
      ];
      expect(rows.map((row) => row?.sessionId)).toEqual([sid, sid]);
      expect(rows[0]?.rotatedAt).not.toBeNull();
      expect(rows[1]?.rotatedAt).toBeNull();
      expect(await server.storage.sessions.findRefreshToken(account.refreshToken)).toBeNull();
      expect(await server.storage.sessions.findRefreshToken(response.body.refresh_token)).toBeNull();
      // the next rotation works from the new token
      expect((await refresh(response.body.refresh_token)).status).toBe(200);
    });

    it('reusing a rotated refresh token → 401 and the whole session is revoked', async () => {
      const account = await registerCustomer(server);
      const rotated = await refresh(account.refreshToken);
      expect(rotated.status).toBe(200);
      const reuse = await refresh(account.refreshToken);
      expectError(reuse, 401, 'invalid_token');
      expect(reuse.body.error).toMatch(/token/i);
      // everything of that session is dead: the new refresh token and both access tokens
      expectError(await refresh(rotated.body.refresh_token), 401, 'invalid_token');
      expectTokenRejected(await me(rotated.body.token));
      expectTokenRejected(await me(account.token));
      expect((await sessionOfToken(server, account.token)).revokedAt).not.toBeNull();
    });

    it('a refresh token older than 30 days → 401', async () => {
      const account = await registerCustomer(server);
      server.clock.advance(30 * 24 * 60 * 60 * 1000 + 1000);
      expectError(await refresh(account.refreshToken), 401, 'invalid_token');
    });

    it('an unknown refresh token → 401', async () => {
      expectError(await refresh('x'.repeat(43)), 401, 'invalid_token');
    });

    it('accepts a live bearer access token instead (compatibility) and answers a new access token', async () => {
      const account = await registerCustomer(server);
      const response = await server.request('POST', '/api/auth/refresh-token', { token: account.token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.token).toEqual(expect.any(String));
      expect(response.body.token).not.toBe(account.token);
      expect(response.body.expires_in).toBe(900);
      expect(decodePart(response.body.token, 1).sid).toBe(decodePart(account.token, 1).sid);
      expect((await me(response.body.token)).status).toBe(200);
    });

    it('refuses to renew by bearer a token itself renewed by bearer; it still works until it expires', async () => {
      const account = await registerCustomer(server);
      const renewed = await server.request('POST', '/api/auth/refresh-token', { token: account.token });
      expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
      expect(decodePart(renewed.body.token, 1).rfb).toBe(true);

      const chained = await server.request('POST', '/api/auth/refresh-token', { token: renewed.body.token });
      expectError(chained, 401, 'invalid_token');
      expect(chained.body.error).toMatch(/access token/);
      expect(chained.body.error).toMatch(/refresh token/);

      expect((await me(renewed.body.token)).status).toBe(200);
      server.clock.advance(15 * 60 * 1000 + 1000);
      expectTokenRejected(await me(renewed.body.token));
      // The refresh token keeps the session going.
      expect((await refresh(account.refreshToken)).status).toBe(200);
    });

    it('refuses a refresh with neither a refresh token nor a bearer, or with a dead bearer', async () => {
      const missing = await server.request('POST', '/api/auth/refresh-token', { body: {} });
      expectTokenRejected(missing);
      expectTokenRejected(await server.request('POST', '/api/auth/refresh-token', { token: 'garbage' }));
    });
  });

  describe('logout', () => {
    it('revokes the session: its access and refresh tokens stop working, other sessions live on', async () => {
      const account = await registerCustomer(server);
      const other = await server.request('POST', '/api/auth/login', {
        body: { email: account.email, password: 'Str0ng!Passw0rd' },
      });
      const response = await server.request('POST', '/api/auth/logout', { token: account.token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ message: expect.any(String) });
      expectTokenRejected(await me(account.token));
      expectError(await refresh(account.refreshToken), 401, 'invalid_token');
      expectTokenRejected(await server.request('POST', '/api/auth/refresh-token', { token: account.token }));
      expect((await sessionOfToken(server, account.token)).revokedAt).not.toBeNull();
      expect((await me(other.body.token)).status).toBe(200);
    });

    it('needs a token', async () => {
      expectTokenRejected(await server.request('POST', '/api/auth/logout'));
    });
  });
});
