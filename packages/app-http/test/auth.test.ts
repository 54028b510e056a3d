import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, STRONG_PASSWORD, uniqueEmail } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { sessionOfToken, storedUser } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('auth: register, login, profile, password (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const register = (body: Record<string, unknown>) => server.request('POST', '/api/auth/register', { body });
  // The stored account for an email, through the repository (every engine): none or one.
  const usersWith = async (email: string) => {
    const user = await server.storage.users.findCredentialsByEmail(email.trim().toLowerCase());
    return user ? [user] : [];
  };

  describe('register', () => {
    it('creates a customer, signs in and stores one row', async () => {
      const email = uniqueEmail('reg');
      const response = await register({
        email,
        password: STRONG_PASSWORD,
        first_name: 'Ada',
        last_name: 'Lovelace',
        phone: '555-0100',
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toEqual({
        message: expect.any(String),
        token: expect.any(String),
        refresh_token: expect.any(String),
        expires_in: 900,
        user: {
          id: expect.any(Number),
          email,
          first_name: 'Ada',
          last_name: 'Lovelace',
          phone: '555-0100',
          role: 'customer',
          email_verified: false,
        },
      });
      const rows = await usersWith(email);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: response.body.user.id, email, role: 'customer', firstName: 'Ada' });
      expect(rows[0]?.passwordHash).not.toContain(STRONG_PASSWORD);
      expect(rows[0]?.emailVerifiedAt).toBeNull();
      expect(await sessionOfToken(server, response.body.token)).toMatchObject({
        userId: response.body.user.id,
        revokedAt: null,
      });
      const me = await server.request('GET', '/api/auth/me', { token: response.body.token });
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(email);
    });

    it('stores the email lower-cased and refuses it again in any letter case (409, one row)', async () => {
      const email = uniqueEmail('dup');
      expect(
        (await register({ email: email.toUpperCase(), password: STRONG_PASSWORD, first_name: 'A', last_name: 'B' }))
          .status,
      ).toBe(201);
      for (const variant of [email, email.toUpperCase(), `  ${email.replace(/^./, (c) => c.toUpperCase())} `]) {
        const again = await register({ email: variant, password: STRONG_PASSWORD, first_name: 'C', last_name: 'D' });
        expectError(again, 409, 'already_exists');
        expect(again.body.error).toContain('already exists');
      }
      const rows = await usersWith(email);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.email).toBe(email.toLowerCase());
    });

    it.each([
      ['no upper-case letter', 'lowercase1!x'],
      ['no lower-case letter', 'UPPERCASE1!X'],
      ['no digit', 'NoDigitsHere!'],
      ['no special character', 'NoSpecial123'],
      ['too short', 'Sh0rt!a'],
      ['73 bytes in UTF-8 (multi-byte characters)', 'Aa1!x' + 'é'.repeat(34)],
    ])('refuses a weak password (%s) with 400 naming the rule, storing nothing', async (_why, password) => {
      const email = uniqueEmail('weak');
      const response = await register({ email, password, first_name: 'A', last_name: 'B' });
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response)).toEqual(['password']);
      expect(response.body.error).toMatch(/^password: /);
      expect(response.body.error).toMatch(/72 bytes/);
      expect(await usersWith(email)).toHaveLength(0);
    });

    it('accepts a password of exactly 72 bytes, and it signs in with all of it', async () => {
      const email = uniqueEmail('long');
      const password = 'Aa1!' + 'é'.repeat(34);
      expect(Buffer.byteLength(password)).toBe(72);
      expect((await register({ email, password, first_name: 'A', last_name: 'B' })).status).toBe(201);
      expect((await server.request('POST', '/api/auth/login', { body: { email, password } })).status).toBe(200);
      const prefix = await server.request('POST', '/api/auth/login', {
        body: { email, password: password.slice(0, -1) },
      });
      expectError(prefix, 401, 'invalid_credentials');
    });

    it('ignores a role in the body: the user is a customer', async () => {
      const email = uniqueEmail('sneaky');
      const response = await register({
        email,
        password: STRONG_PASSWORD,
        first_name: 'A',
        last_name: 'B',
        role: 'admin',
        email_verified_at: '2020-01-01',
      });
      expect(response.status).toBe(201);
      expect(response.body.user.role).toBe('customer');
      expect(response.body.user.email_verified).toBe(false);
      const [row] = await usersWith(email);
      expect(row?.role).toBe('customer');
      expect(row?.emailVerifiedAt).toBeNull();
    });

    it('names each missing field', async () => {
      const response = await register({});
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response).sort()).toEqual(['email', 'first_name', 'last_name', 'password']);
    });

    it('refuses a malformed email, naming the field', async () => {
      const response = await register({
        email: 'not-an-email',
        password: STRONG_PASSWORD,
        first_name: 'A',
        last_name: 'B',
      });
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response)).toContain('email');
      expect(await usersWith('not-an-email')).toHaveLength(0);
    });
  });

  describe('login', () => {
    it('signs in with the right password (email in any case) and opens a session', async () => {
      const account = await registerCustomer(server);
      const response = await server.request('POST', '/api/auth/login', {
        body: { email: account.email.toUpperCase(), password: STRONG_PASSWORD },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        message: expect.any(String),
        token: expect.any(String),
        refresh_token: expect.any(String),
        expires_in: 900,
      });
      expect(response.body.user).toMatchObject({ id: account.userId, email: account.email, role: 'customer' });
      const [first, second] = [
        await sessionOfToken(server, account.token),
        await sessionOfToken(server, response.body.token),
      ];
      expect(second).toMatchObject({ userId: account.userId, revokedAt: null });
      expect(second.id).not.toBe(first.id);
    });

    it('answers unknown email and wrong password with the same 401', async () => {
      const account = await registerCustomer(server);
      const wrong = await server.request('POST', '/api/auth/login', {
        body: { email: account.email, password: 'Wr0ng!Password' },
      });
      const unknown = await server.request('POST', '/api/auth/login', {
        body: { email: uniqueEmail('nobody'), password: 'Wr0ng!Password' },
      });
      expectError(wrong, 401, 'invalid_credentials');
      expectError(unknown, 401, 'invalid_credentials');
      const { request_id: _a, ...wrongBody } = wrong.body;
      const { request_id: _b, ...unknownBody } = unknown.body;
      expect(wrongBody).toEqual(unknownBody);
      expect(wrong.body.request_id).not.toBe(unknown.body.request_id);
      // No session was opened: the port lists no sessions per user, so this counts rows, on SQL.
      if (engine !== 'memory') expect(await server.db('sessions').where({ user_id: account.userId })).toHaveLength(1);
    });
  });

  describe('update-profile', () => {
    it('changes names and phone, ignores role and email', async () => {
      const account = await registerCustomer(server);
      const response = await server.request('PUT', '/api/auth/update-profile', {
        token: account.token,
        body: {
          first_name: 'Grace',
          last_name: 'Hopper',
          phone: '+1 555 0199',
          role: 'admin',
          email: 'other@example.com',
        },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.user).toMatchObject({
        first_name: 'Grace',
        last_name: 'Hopper',
        phone: '+1 555 0199',
        role: 'customer',
        email: account.email,
      });
      expect(await storedUser(server, account.userId)).toMatchObject({
        firstName: 'Grace',
        lastName: 'Hopper',
        phone: '+1 555 0199',
        role: 'customer',
        email: account.email,
      });
    });

    it('refuses an empty first name and needs a token', async () => {
      const account = await registerCustomer(server);
      const empty = await server.request('PUT', '/api/auth/update-profile', {
        token: account.token,
        body: { first_name: '' },
      });
      expectError(empty, 400, 'validation_failed');
      expect(detailFields(empty)).toContain('first_name');
      expectError(await server.request('PUT', '/api/auth/update-profile', { body: { first_name: 'X' } }), 401);
      expect((await storedUser(server, account.userId)).firstName).toBe('Test');
    });
  });

  describe('change-password', () => {
    const NEW_PASSWORD = 'N3w!Password';

    it('refuses a wrong current password and a weak new one (400 naming the field), changing nothing', async () => {
      const account = await registerCustomer(server);
      const before = await server.storage.users.findCredentialsById(account.userId);
      const wrong = await server.request('PUT', '/api/auth/change-password', {
        token: account.token,
        body: { current_password: 'Wr0ng!Password', new_password: NEW_PASSWORD },
      });
      expectError(wrong, 400, 'validation_failed');
      expect(detailFields(wrong)).toEqual(['current_password']);
      // The token is still good: a wrong current password must not read as an expired session.
      expect((await server.request('GET', '/api/auth/me', { token: account.token })).status).toBe(200);
      const weak = await server.request('PUT', '/api/auth/change-password', {
        token: account.token,
        body: { current_password: STRONG_PASSWORD, new_password: 'weakpass' },
      });
      expectError(weak, 400, 'validation_failed');
      expect(detailFields(weak)).toEqual(['new_password']);
      const after = await server.storage.users.findCredentialsById(account.userId);
      expect(after?.passwordHash).toBe(before?.passwordHash);
    });

    it('changes the password and revokes the other sessions but not the current one', async () => {
      const account = await registerCustomer(server);
      const other = await server.request('POST', '/api/auth/login', {
        body: { email: account.email, password: STRONG_PASSWORD },
      });
      expect(other.status).toBe(200);
      const response = await server.request('PUT', '/api/auth/change-password', {
        token: account.token,
        body: { current_password: STRONG_PASSWORD, new_password: NEW_PASSWORD },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ message: expect.any(String) });

      expect((await server.request('GET', '/api/auth/me', { token: account.token })).status).toBe(200);
      expectError(await server.request('GET', '/api/auth/me', { token: other.body.token }), 401);
      expectError(
        await server.request('POST', '/api/auth/refresh-token', { body: { refresh_token: other.body.refresh_token } }),
        401,
      );
      expect((await sessionOfToken(server, account.token)).revokedAt).toBeNull();
      expect((await sessionOfToken(server, other.body.token)).revokedAt).not.toBeNull();

      expectError(
        await server.request('POST', '/api/auth/login', { body: { email: account.email, password: STRONG_PASSWORD } }),
        401,
        'invalid_credentials',
      );
      expect(
        (await server.request('POST', '/api/auth/login', { body: { email: account.email, password: NEW_PASSWORD } }))
          .status,
      ).toBe(200);
    });
  });
});
