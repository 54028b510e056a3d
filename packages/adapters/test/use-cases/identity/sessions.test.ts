import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@giggatek/domain';
import { CLIENT, GOOD_PASSWORD, identityHarness, registration } from '../support/identity-harness.js';

async function signedIn() {
  const h = identityHarness();
  const auth = await h.service.register(registration(), CLIENT);
  return { ...h, auth };
}

describe('refresh', () => {
  it('rotates the refresh token and keeps the session', async () => {
    const h = await signedIn();
    const first = await h.service.authenticate(h.auth.accessToken);
    const pair = await h.service.refresh(h.auth.refreshToken);
    expect(pair.refreshToken).not.toBe(h.auth.refreshToken);
    expect(pair.expiresIn).toBe(900);
    expect(await h.service.authenticate(pair.accessToken)).toEqual(first);
    // The new one works in turn.
    const again = await h.service.refresh(pair.refreshToken);
    expect(await h.service.authenticate(again.accessToken)).toEqual(first);
  });

  it('revokes the whole session when a rotated token is presented again', async () => {
    const h = await signedIn();
    const pair = await h.service.refresh(h.auth.refreshToken);
    await expect(h.service.refresh(h.auth.refreshToken)).rejects.toMatchObject({
      code: 'invalid_token',
      message: 'refresh token was already used; the session has been revoked',
    });
    // The legitimate successor and every access token of the session are dead now.
    await expect(h.service.refresh(pair.refreshToken)).rejects.toMatchObject({
      code: 'invalid_token',
      message: 'refresh token is invalid or expired',
    });
    await expect(h.service.authenticate(pair.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(h.service.authenticate(h.auth.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('treats losing a concurrent rotation as reuse', async () => {
    const h = await signedIn();
    const results = await Promise.allSettled([
      h.service.refresh(h.auth.refreshToken),
      h.service.refresh(h.auth.refreshToken),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const session = await h.sessions.findById(
      (await h.sessions.findRefreshToken(h.secrets.hash(h.auth.refreshToken)))!.sessionId,
    );
    expect(session?.revokedAt).not.toBeNull();
  });

  it('refuses unknown, expired and revoked-session tokens', async () => {
    const h = await signedIn();
    await expect(h.service.refresh('not-a-token')).rejects.toMatchObject({
      code: 'invalid_token',
      message: 'refresh token is invalid or expired',
    });
    await expect(h.service.refresh('')).rejects.toMatchObject({ code: 'invalid_token' });

    const other = await h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT);
    await h.service.logout(await h.service.authenticate(other.accessToken));
    await expect(h.service.refresh(other.refreshToken)).rejects.toMatchObject({
      message: 'refresh token is invalid or expired',
    });

    h.clock.advance(30 * DAY_MS - 1);
    const pair = await h.service.refresh(h.auth.refreshToken);
    h.clock.advance(1);
    await expect(h.service.refresh(pair.refreshToken)).rejects.toMatchObject({
      message: 'refresh token is invalid or expired',
    });
  });
});

describe('authenticate', () => {
  it('rejects tokens of revoked or expired sessions, and expired access tokens', async () => {
    const h = await signedIn();
    const actor = await h.service.authenticate(h.auth.accessToken);
    h.clock.advance(15 * MINUTE_MS);
    await expect(h.service.authenticate(h.auth.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    const fresh = await h.service.refresh(h.auth.refreshToken);
    await h.sessions.revoke(actor.sessionId!, h.clock.now());
    await expect(h.service.authenticate(fresh.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(h.service.authenticate('')).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('reads the role from the user row, so a role change applies at once', async () => {
    const h = await signedIn();
    await h.users.updateProfile(h.auth.user.id, { role: 'manager' }, h.clock.now());
    expect((await h.service.authenticate(h.auth.accessToken)).role).toBe('manager');
  });
});

describe('refreshWithAccessToken', () => {
  it('gives a new access token for the same live session', async () => {
    const h = await signedIn();
    const actor = await h.service.authenticate(h.auth.accessToken);
    const renewed = await h.service.refreshWithAccessToken(h.auth.accessToken);
    expect(renewed.accessToken).not.toBe(h.auth.accessToken);
    expect(renewed.expiresIn).toBe(900);
    expect(h.signer.claimsOf(renewed.accessToken)?.sid).toBe(actor.sessionId);
    await h.service.logout(actor);
    await expect(h.service.refreshWithAccessToken(renewed.accessToken)).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('marks the token it gives, and refuses to renew a marked token again (no endless chain)', async () => {
    const h = await signedIn();
    const renewed = await h.service.refreshWithAccessToken(h.auth.accessToken);
    expect(h.signer.claimsOf(renewed.accessToken)?.renewedByBearer).toBe(true);
    expect(h.signer.claimsOf(h.auth.accessToken)?.renewedByBearer).toBe(false);
    await expect(h.service.refreshWithAccessToken(renewed.accessToken)).rejects.toMatchObject({
      code: 'invalid_token',
      message: expect.stringMatching(/access token.*refresh token/),
    });
    // Still a valid access token for everything else until it expires.
    expect((await h.service.authenticate(renewed.accessToken)).userId).toBe(h.auth.user.id);
    // The refresh token still keeps the session going, and its access token may be renewed once.
    const pair = await h.service.refresh(h.auth.refreshToken);
    await expect(h.service.refreshWithAccessToken(pair.accessToken)).resolves.toMatchObject({ expiresIn: 900 });
  });
});

describe('logout, me and profile', () => {
  it('logout revokes only the current session', async () => {
    const h = await signedIn();
    const other = await h.service.login({ email: 'ada@example.com', password: GOOD_PASSWORD }, CLIENT);
    await h.service.logout(await h.service.authenticate(h.auth.accessToken));
    await expect(h.service.authenticate(h.auth.accessToken)).rejects.toMatchObject({ code: 'invalid_token' });
    expect((await h.service.authenticate(other.accessToken)).userId).toBe(h.auth.user.id);
  });

  it('updateProfile changes names and phone only', async () => {
    const h = await signedIn();
    const actor = await h.service.authenticate(h.auth.accessToken);
    const patch = { lastName: ' Byron ', phone: '+44 20 7946 0000', role: 'admin', email: 'evil@example.com' };
    const user = await h.service.updateProfile(actor, patch);
    expect(user).toMatchObject({
      firstName: 'Ada',
      lastName: 'Byron',
      phone: '+44 20 7946 0000',
      role: 'customer',
      email: 'ada@example.com',
    });
    expect(await h.service.me(actor)).toEqual(user);
    await expect(h.service.updateProfile(actor, { firstName: '' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'firstName' }],
    });
  });

  it('getUser answers not_found for an unknown id', async () => {
    const h = identityHarness();
    await expect(h.service.getUser(99)).rejects.toMatchObject({ code: 'not_found', message: 'user not found' });
  });
});
