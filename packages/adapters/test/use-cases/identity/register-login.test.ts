import { describe, expect, it } from 'vitest';
import type { DomainError, RegisterInput } from '@giggatek/domain';
import { CLIENT, GOOD_PASSWORD, identityHarness, registration } from '../support/identity-harness.js';

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the call to fail');
}

describe('register', () => {
  it('creates a customer with a normalized email and a hashed password, and signs in', async () => {
    const h = identityHarness();
    const result = await h.service.register(registration({ email: '  Ada@Example.COM ', firstName: ' Ada ' }), CLIENT);
    expect(result.user).toMatchObject({
      email: 'ada@example.com',
      firstName: 'Ada',
      role: 'customer',
      emailVerifiedAt: null,
    });
    const stored = await h.users.findCredentialsByEmail('ada@example.com');
    expect(stored?.passwordHash).toBe(`hashed:${GOOD_PASSWORD}`);
    expect(await h.service.authenticate(result.accessToken)).toEqual({
      userId: result.user.id,
      role: 'customer',
      sessionId: expect.any(Number),
    });
    const session = await h.sessions.findRefreshToken(h.secrets.hash(result.refreshToken));
    expect(session?.session).toMatchObject({ userId: result.user.id, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
    // Stored hashed only, and valid 30 days.
    expect(await h.sessions.findRefreshToken(result.refreshToken)).toBeNull();
    expect(session?.session.expiresAt.getTime() ?? 0).toBe(h.clock.now().getTime() + 30 * 86_400_000);
  });

  it('never applies a role sent with the input', async () => {
    const h = identityHarness();
    const smuggled = { ...registration(), role: 'admin' } as RegisterInput;
    const { user } = await h.service.register(smuggled, CLIENT);
    expect(user.role).toBe('customer');
    expect((await h.service.getUser(user.id)).role).toBe('customer');
  });

  it('refuses an email taken in any letter case', async () => {
    const h = identityHarness();
    await h.service.register(registration(), CLIENT);
    const error = await failure(h.service.register(registration({ email: 'ADA@example.com' }), CLIENT));
    expect(error.code).toBe('already_exists');
    expect(error.message).toBe('an account with this email already exists');
  });

  it('sends the welcome and verify-email notifications, the verify token stored hashed for 24 hours', async () => {
    const h = identityHarness();
    const { user } = await h.service.register(registration(), CLIENT);
    expect(h.notifier.sent.map((n) => [n.template, n.to])).toEqual([
      ['welcome', 'ada@example.com'],
      ['verify_email', 'ada@example.com'],
    ]);
    const token = h.tokenSent('verify_email');
    const stored = await h.oneTimeTokens.findByHash('email_verification', h.secrets.hash(token));
    expect(stored).toMatchObject({ userId: user.id, usedAt: null });
    expect(stored?.expiresAt.getTime()).toBe(h.clock.now().getTime() + 24 * 3_600_000);
    expect(await h.oneTimeTokens.findByHash('email_verification', token)).toBeNull();
  });

  it('reports every invalid field at once, by its domain name', async () => {
    const h = identityHarness();
    const error = await failure(
      h.service.register({ email: 'nope', password: 'weak', firstName: '', lastName: 'L', phone: 'abc' }, CLIENT),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.map((d) => d.field)).toEqual(['email', 'password', 'firstName', 'phone']);
    expect(h.notifier.sent).toHaveLength(0);
  });
});

describe('createUser', () => {
  it('creates a user of the given role without sending anything', async () => {
    const h = identityHarness();
    const user = await h.service.createUser({ ...registration(), role: 'manager' });
    expect(user.role).toBe('manager');
    expect(h.notifier.sent).toHaveLength(0);
    await expect(
      h.service.createUser({ ...registration({ email: 'x@example.com', password: 'short' }), role: 'admin' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      h.service.createUser({ ...registration({ email: 'y@example.com' }), role: 'root' as 'admin' }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'role' }] });
  });
});

describe('login', () => {
  it('signs in with the email in any case and opens a new session', async () => {
    const h = identityHarness();
    const registered = await h.service.register(registration(), CLIENT);
    const result = await h.service.login({ email: 'ADA@example.com', password: GOOD_PASSWORD }, CLIENT);
    expect(result.user.id).toBe(registered.user.id);
    expect('passwordHash' in result.user).toBe(false);
    const actor = await h.service.authenticate(result.accessToken);
    const first = await h.service.authenticate(registered.accessToken);
    expect(actor.sessionId).not.toBe(first.sessionId);
  });

  it('answers an unknown email and a wrong password the same way, after one verify each', async () => {
    const h = identityHarness();
    await h.service.register(registration(), CLIENT);
    const before = h.hasher.verifyCalls;
    const wrong = await failure(h.service.login({ email: 'ada@example.com', password: 'Wrong-pass1' }, CLIENT));
    expect(h.hasher.verifyCalls - before).toBe(1);
    const unknown = await failure(h.service.login({ email: 'nobody@example.com', password: GOOD_PASSWORD }, CLIENT));
    expect(h.hasher.verifyCalls - before).toBe(2);
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe('invalid_credentials');
      expect(error.message).toBe('invalid email or password');
    }
  });

  it('computes the dummy hash once, lazily', async () => {
    const h = identityHarness();
    expect(h.hasher.hashCalls).toBe(0);
    await failure(h.service.login({ email: 'a@example.com', password: 'x' }, CLIENT));
    await failure(h.service.login({ email: 'b@example.com', password: 'y' }, CLIENT));
    expect(h.hasher.hashCalls).toBe(1);
    expect(h.hasher.verifyCalls).toBe(2);
  });

  it('refuses a password longer than 72 bytes even when bcrypt would match its prefix', async () => {
    const h = identityHarness();
    await h.service.register(registration(), CLIENT);
    const error = await failure(
      h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD + 'x'.repeat(80) }, CLIENT),
    );
    expect(error.code).toBe('invalid_credentials');
  });
});
