import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, STRONG_PASSWORD, uniqueEmail } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { sessionOfToken, storedOneTimeToken, storedUser } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

const RESET_MAIL = /reset/i;
const VERIFY_MAIL = /confirm your email/i;
const NEW_PASSWORD = 'Brand!N3wPass';
const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)('auth: password reset and email verification (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const requestReset = async (email: string) => {
    const response = await server.request('POST', '/api/auth/password-reset-request', { body: { email } });
    await server.drain();
    return response;
  };
  const reset = (token: string, newPassword = NEW_PASSWORD) =>
    server.request('POST', '/api/auth/password-reset', { body: { token, new_password: newPassword } });
  const login = (email: string, password: string) =>
    server.request('POST', '/api/auth/login', { body: { email, password } });
  const mailsTo = (email: string) => server.mailer.sent.filter((m) => m.to === email && RESET_MAIL.test(m.subject));

  it('answers known and unknown emails with the same 200 message, never the token; mails the known one', async () => {
    const account = await registerCustomer(server);
    const unknownEmail = uniqueEmail('ghost');
    const known = await requestReset(account.email.toUpperCase());
    const unknown = await requestReset(unknownEmail);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual({ message: expect.any(String) });
    expect(unknown.body).toEqual(known.body);
    expect(mailsTo(account.email)).toHaveLength(1);
    expect(server.mailer.sent.filter((m) => m.to === unknownEmail)).toHaveLength(0);
    const token = server.mailer.tokenFor(account.email, RESET_MAIL);
    expect(JSON.stringify(known.body)).not.toContain(token);
    // stored hashed, not as sent
    expect(await storedOneTimeToken(server, 'password_reset', token)).toMatchObject({
      userId: account.userId,
      usedAt: null,
    });
    expect(await server.storage.oneTimeTokens.findByHash('password_reset', token)).toBeNull();
  });

  it('answers a malformed email with the same 200', async () => {
    const response = await requestReset('not an email');
    expect(response.status).toBe(200);
  });

  it('resets the password once with the mailed token, revoking every session', async () => {
    const account = await registerCustomer(server);
    const second = await login(account.email, STRONG_PASSWORD);
    await requestReset(account.email);
    const token = server.mailer.tokenFor(account.email, RESET_MAIL);

    const response = await reset(token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ message: expect.any(String) });

    for (const accessToken of [account.token, second.body.token]) {
      expectError(await server.request('GET', '/api/auth/me', { token: accessToken }), 401);
    }
    expectError(
      await server.request('POST', '/api/auth/refresh-token', { body: { refresh_token: account.refreshToken } }),
      401,
    );
    for (const accessToken of [account.token, second.body.token]) {
      expect((await sessionOfToken(server, accessToken)).revokedAt).not.toBeNull();
    }

    expectError(await login(account.email, STRONG_PASSWORD), 401, 'invalid_credentials');
    expect((await login(account.email, NEW_PASSWORD)).status).toBe(200);

    const again = await reset(token, 'Th1rd!Password');
    expectError(again, 401, 'invalid_token');
    expect(again.body.error).toMatch(/token/i);
    expect((await login(account.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('keeps the token usable after a weak new password is refused', async () => {
    const account = await registerCustomer(server);
    await requestReset(account.email);
    const token = server.mailer.tokenFor(account.email, RESET_MAIL);
    const weak = await reset(token, 'weak');
    expectError(weak, 400, 'validation_failed');
    expect(detailFields(weak)).toEqual(['new_password']);
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(200);
    expect((await reset(token)).status).toBe(200);
  });

  it('refuses a token older than 1 hour', async () => {
    const account = await registerCustomer(server);
    await requestReset(account.email);
    const token = server.mailer.tokenFor(account.email, RESET_MAIL);
    server.clock.advance(HOUR_MS + 1000);
    expectError(await reset(token), 401, 'invalid_token');
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(200);
  });

  it('refuses an unknown token', async () => {
    expectError(await reset('no-such-token'), 401, 'invalid_token');
  });

  it('verify-email: the mailed token sets email_verified (API and column), once', async () => {
    const email = uniqueEmail('verify');
    const registered = await server.request('POST', '/api/auth/register', {
      body: { email, password: STRONG_PASSWORD, first_name: 'Vera', last_name: 'Fied' },
    });
    expect(registered.body.user.email_verified).toBe(false);
    const token = server.mailer.tokenFor(email, VERIFY_MAIL);

    const response = await server.request('POST', '/api/auth/verify-email', { body: { token } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ message: expect.any(String) });

    const me = await server.request('GET', '/api/auth/me', { token: registered.body.token });
    expect(me.body.user.email_verified).toBe(true);
    expect((await storedUser(server, registered.body.user.id)).emailVerifiedAt).not.toBeNull();

    expectError(await server.request('POST', '/api/auth/verify-email', { body: { token } }), 401, 'invalid_token');
    expectError(
      await server.request('POST', '/api/auth/verify-email', { body: { token: 'bogus' } }),
      401,
      'invalid_token',
    );
  });

  it('verify-email: a token older than 24 hours is refused', async () => {
    const email = uniqueEmail('late');
    await server.request('POST', '/api/auth/register', {
      body: { email, password: STRONG_PASSWORD, first_name: 'L', last_name: 'Ate' },
    });
    const token = server.mailer.tokenFor(email, VERIFY_MAIL);
    server.clock.advance(24 * HOUR_MS + 1000);
    expectError(await server.request('POST', '/api/auth/verify-email', { body: { token } }), 401, 'invalid_token');
    expect((await server.storage.users.findCredentialsByEmail(email.toLowerCase()))?.emailVerifiedAt).toBeNull();
  });
});
