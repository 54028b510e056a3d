import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '@giggatek/domain';
import { CLIENT, GOOD_PASSWORD, identityHarness, registration } from '../support/identity-harness.js';

const NEW_PASSWORD = 'N3w-Password';

async function signedIn() {
  const h = identityHarness();
  const auth = await h.service.register(registration(), CLIENT);
  h.notifier.sent.length = 0;
  return { ...h, auth };
}

describe('changePassword', () => {
  it('stores the new password and revokes the other sessions, keeping this one', async () => {
    const h = await signedIn();
    const other = await h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT);
    const actor = await h.service.authenticate(h.auth.accessToken);
    await h.service.changePassword(actor, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
    await expect(h.service.authenticate(other.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await h.service.authenticate(h.auth.accessToken)).toEqual(actor);
    await expect(h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await h.service.login({ email: 'ada@example.com', password: NEW_PASSWORD }, CLIENT);
  });

  it('refuses a wrong current password and a weak new one', async () => {
    const h = await signedIn();
    const actor = await h.service.authenticate(h.auth.accessToken);
    await expect(
      h.service.changePassword(actor, { currentPassword: 'Wrong-pass1', newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'currentPassword', message: 'is incorrect' }],
    });
    await expect(
      h.service.changePassword(actor, { currentPassword: GOOD_PASSWORD, newPassword: 'weakweak' }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'newPassword' }] });
    await h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT);
  });
});

describe('password reset', () => {
  it('sends a 1-hour token (stored hashed) only when the account exists, resolving alike either way', async () => {
    const h = await signedIn();
    await expect(h.service.requestPasswordReset('nobody@example.com')).resolves.toBeUndefined();
    await h.background.drain();
    expect(h.notifier.sent).toHaveLength(0);
    await expect(h.service.requestPasswordReset(' ADA@example.com ')).resolves.toBeUndefined();
    await h.background.drain();
    expect(h.notifier.sent).toHaveLength(1);
    const sent = h.notifier.sent[0]!;
    expect(sent).toMatchObject({
      template: 'password_reset',
      to: 'ada@example.com',
      data: { first_name: 'Ada', expires_in_minutes: 60 },
    });
    const token = h.tokenSent('password_reset');
    const stored = await h.oneTimeTokens.findByHash('password_reset', h.secrets.hash(token));
    expect(stored?.expiresAt.getTime()).toBe(h.clock.now().getTime() + HOUR_MS);
  });

  it('resolves before looking the email up: the lookup, the token and the mail run in the background', async () => {
    const h = await signedIn();
    const lookups: string[] = [];
    const findCredentialsByEmail = h.users.findCredentialsByEmail.bind(h.users);
    h.users.findCredentialsByEmail = async (email) => {
      lookups.push(email);
      return findCredentialsByEmail(email);
    };
    await h.service.requestPasswordReset('ada@example.com');
    await h.service.requestPasswordReset('nobody@example.com');
    expect(lookups).toEqual([]);
    expect(h.notifier.sent).toHaveLength(0);
    await h.background.drain();
    expect(lookups).toEqual(['ada@example.com', 'nobody@example.com']);
    expect(h.notifier.sent.map((n) => n.to)).toEqual(['ada@example.com']);
  });

  it('queues nothing for a blank or malformed email', async () => {
    const h = await signedIn();
    const enqueued: string[] = [];
    h.background.enqueue = (name) => void enqueued.push(name);
    await h.service.requestPasswordReset('   ');
    await h.service.requestPasswordReset('not an email');
    expect(enqueued).toEqual([]);
  });

  it('sets the password and revokes every session; the token works once', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    const token = h.tokenSent('password_reset');
    await h.service.resetPassword({ token, newPassword: NEW_PASSWORD });
    await expect(h.service.authenticate(h.auth.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(h.service.refresh(h.auth.refreshToken)).rejects.toMatchObject({ code: 'invalid_token' });
    await h.service.login({ email: 'ada@example.com', password: NEW_PASSWORD }, CLIENT);
    await expect(h.service.resetPassword({ token, newPassword: 'An0ther-pass' })).rejects.toMatchObject({
      code: 'invalid_token',
      message: 'reset token is invalid or expired',
    });
  });

  it('voids every other reset link of the user once one is used, and after a password change', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    const older = h.tokenSent('password_reset');
    await h.resetRequested('ada@example.com');
    const newer = h.tokenSent('password_reset');
    expect(newer).not.toBe(older);
    await h.service.resetPassword({ token: newer, newPassword: NEW_PASSWORD });
    await expect(h.service.resetPassword({ token: older, newPassword: 'An0ther-pass' })).rejects.toMatchObject({
      code: 'invalid_token',
    });

    await h.resetRequested('ada@example.com');
    const mailedBeforeChange = h.tokenSent('password_reset');
    const auth = await h.service.login({ email: 'ada@example.com', password: NEW_PASSWORD }, CLIENT);
    const actor = await h.service.authenticate(auth.accessToken);
    await h.service.changePassword(actor, { currentPassword: NEW_PASSWORD, newPassword: 'Th1rd-Password' });
    await expect(
      h.service.resetPassword({ token: mailedBeforeChange, newPassword: 'An0ther-pass' }),
    ).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('answers alike whether or not the mail could be sent (no 500 that would reveal the account)', async () => {
    const h = await signedIn();
    h.notifier.notify = async () => {
      throw new Error('SMTP is down');
    };
    await expect(h.service.requestPasswordReset('ada@example.com')).resolves.toBeUndefined();
    await expect(h.service.requestPasswordReset('nobody@example.com')).resolves.toBeUndefined();
    await h.background.drain();
    // The failure goes to the background tasks' error report, not to the caller.
    expect(h.backgroundErrors).toEqual([new Error('SMTP is down')]);
  });

  it('expires after one hour', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    const token = h.tokenSent('password_reset');
    h.clock.advance(60 * MINUTE_MS);
    await expect(h.service.resetPassword({ token, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'invalid_token',
    });
    await h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT);
  });

  it('is still usable one millisecond before expiry', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    h.clock.advance(60 * MINUTE_MS - 1);
    await h.service.resetPassword({ token: h.tokenSent('password_reset'), newPassword: NEW_PASSWORD });
  });

  it('keeps the token when the new password is refused, and refuses unknown tokens', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    const token = h.tokenSent('password_reset');
    await expect(h.service.resetPassword({ token, newPassword: 'weak' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'newPassword' }],
    });
    await h.service.resetPassword({ token, newPassword: NEW_PASSWORD });
    await expect(h.service.resetPassword({ token: 'made-up', newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('lets only one of two concurrent resets with the same token win', async () => {
    const h = await signedIn();
    await h.resetRequested('ada@example.com');
    const token = h.tokenSent('password_reset');
    const results = await Promise.allSettled([
      h.service.resetPassword({ token, newPassword: NEW_PASSWORD }),
      h.service.resetPassword({ token, newPassword: 'An0ther-pass' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('a verification token cannot reset a password', async () => {
    const h = identityHarness();
    await h.service.register(registration(), CLIENT);
    await expect(
      h.service.resetPassword({ token: h.tokenSent('verify_email'), newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: 'invalid_token' });
  });
});

describe('verifyEmail', () => {
  it('sets email_verified_at once, within 24 hours', async () => {
    const h = identityHarness();
    const { user } = await h.service.register(registration(), CLIENT);
    const token = h.tokenSent('verify_email');
    h.clock.advance(24 * HOUR_MS - 1);
    await h.service.verifyEmail(token);
    expect((await h.service.getUser(user.id)).emailVerifiedAt).toEqual(h.clock.now());
    await expect(h.service.verifyEmail(token)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('refuses an expired token', async () => {
    const h = identityHarness();
    const { user } = await h.service.register(registration(), CLIENT);
    h.clock.advance(24 * HOUR_MS);
    await expect(h.service.verifyEmail(h.tokenSent('verify_email'))).rejects.toMatchObject({ code: 'invalid_token' });
    expect((await h.service.getUser(user.id)).emailVerifiedAt).toBeNull();
  });
});
