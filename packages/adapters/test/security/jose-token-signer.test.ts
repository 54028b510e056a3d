import { describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt } from 'jose';
import { DomainError, FixedClock, MINUTE_MS } from '@giggatek/domain';
import { JoseTokenSigner } from '../../src/security/index.js';
import type { JoseTokenSignerOptions } from '../../src/security/index.js';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';

function makeSigner(overrides: Partial<JoseTokenSignerOptions> = {}): { signer: JoseTokenSigner; clock: FixedClock } {
  const clock = new FixedClock('2026-01-15T12:00:00.000Z');
  const signer = new JoseTokenSigner({
    secret: SECRET,
    issuer: 'giggatek',
    audience: 'giggatek-api',
    clock,
    ...overrides,
  });
  return { signer, clock };
}

async function expectInvalidToken(promise: Promise<unknown>, message: RegExp = /token/): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('invalid_token');
  expect((error as DomainError).message).toMatch(/token/);
  expect((error as DomainError).message).toMatch(message);
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('JoseTokenSigner', () => {
  it('round-trips the claims, with iat/exp from the clock', async () => {
    const { signer, clock } = makeSigner();
    const { token, expiresIn } = await signer.signAccessToken({ sub: 42, role: 'manager', sid: 7 });
    expect(expiresIn).toBe(900);
    const claims = await signer.verifyAccessToken(token);
    const iat = clock.now().getTime() / 1000;
    expect(claims).toEqual({
      sub: 42,
      role: 'manager',
      sid: 7,
      jti: expect.any(String),
      iat,
      exp: iat + 900,
      renewedByBearer: false,
    });
  });

  it('carries the renewed-by-bearer mark as the rfb claim, and refuses an rfb that is not true', async () => {
    const { signer, clock } = makeSigner();
    const { token } = await signer.signAccessToken({ sub: 42, role: 'manager', sid: 7, renewedByBearer: true });
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ rfb: true });
    await expect(signer.verifyAccessToken(token)).resolves.toMatchObject({ renewedByBearer: true });
    const plain = await signer.signAccessToken({ sub: 42, role: 'manager', sid: 7 });
    expect(JSON.parse(Buffer.from(plain.token.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('rfb');

    const iat = Math.floor(clock.now().getTime() / 1000);
    const oddMark = await new SignJWT({ role: 'customer', sid: 1, rfb: 'no' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('giggatek')
      .setAudience('giggatek-api')
      .setSubject('1')
      .setJti('j')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(new TextEncoder().encode(SECRET));
    await expectInvalidToken(signer.verifyAccessToken(oddMark), /missing required claims/);
  });

  it('writes sub as a string and sets iss and aud in the JWT', async () => {
    const { signer } = makeSigner();
    const { token } = await signer.signAccessToken({ sub: 42, role: 'customer', sid: 7 });
    const payload = decodeJwt(token);
    expect(payload.sub).toBe('42');
    expect(payload.iss).toBe('giggatek');
    expect(payload.aud).toBe('giggatek-api');
  });

  it('honours a custom lifetime', async () => {
    const { signer, clock } = makeSigner({ accessTtlSeconds: 60 });
    const { token, expiresIn } = await signer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    expect(expiresIn).toBe(60);
    clock.advance(59_000);
    await expect(signer.verifyAccessToken(token)).resolves.toMatchObject({ sub: 1 });
    clock.advance(2_000);
    await expectInvalidToken(signer.verifyAccessToken(token), /expired/);
  });

  it('gives two tokens issued in the same second different jti values', async () => {
    const { signer } = makeSigner();
    const a = await signer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    const b = await signer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    expect(a.token).not.toBe(b.token);
    const [ca, cb] = await Promise.all([signer.verifyAccessToken(a.token), signer.verifyAccessToken(b.token)]);
    expect(ca.iat).toBe(cb.iat);
    expect(ca.jti).not.toBe(cb.jti);
  });

  it('rejects an expired token once the clock has moved past exp', async () => {
    const { signer, clock } = makeSigner();
    const { token } = await signer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    clock.advance(14 * MINUTE_MS);
    await expect(signer.verifyAccessToken(token)).resolves.toMatchObject({ sub: 1 });
    clock.advance(2 * MINUTE_MS);
    await expectInvalidToken(signer.verifyAccessToken(token), /expired/);
  });

  it('rejects an unsigned alg "none" token crafted by hand', async () => {
    const { signer, clock } = makeSigner();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const payload = {
      sub: '1',
      role: 'admin',
      sid: 1,
      jti: 'x',
      iat,
      exp: iat + 900,
      iss: 'giggatek',
      aud: 'giggatek-api',
    };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    await expectInvalidToken(signer.verifyAccessToken(token));
  });

  it('rejects a token signed with another secret', async () => {
    const { signer } = makeSigner();
    const { signer: foreign } = makeSigner({ secret: 'another-secret-that-is-also-32-characters-long' });
    const { token } = await foreign.signAccessToken({ sub: 1, role: 'admin', sid: 1 });
    await expectInvalidToken(signer.verifyAccessToken(token));
  });

  it('rejects a token whose payload was tampered with', async () => {
    const { signer } = makeSigner();
    const { token } = await signer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
    await expectInvalidToken(signer.verifyAccessToken(forged));
  });

  it('rejects a token with the wrong issuer or audience', async () => {
    const { signer } = makeSigner();
    const { signer: otherIssuer } = makeSigner({ issuer: 'someone-else' });
    const { signer: otherAudience } = makeSigner({ audience: 'admin-api' });
    const fromOtherIssuer = await otherIssuer.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    const forOtherAudience = await otherAudience.signAccessToken({ sub: 1, role: 'customer', sid: 1 });
    await expectInvalidToken(signer.verifyAccessToken(fromOtherIssuer.token), /iss/);
    await expectInvalidToken(signer.verifyAccessToken(forOtherAudience.token), /aud/);
  });

  it('rejects a correctly signed token that lacks our claims', async () => {
    const { signer, clock } = makeSigner();
    const key = new TextEncoder().encode(SECRET);
    const iat = Math.floor(clock.now().getTime() / 1000);
    const base = (): SignJWT =>
      new SignJWT({ role: 'customer', sid: 1 })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('giggatek')
        .setAudience('giggatek-api')
        .setIssuedAt(iat)
        .setExpirationTime(iat + 60);
    const noJti = await base().setSubject('1').sign(key);
    const badSub = await base().setSubject('abc').setJti('j').sign(key);
    const badRole = await new SignJWT({ role: 'root', sid: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('giggatek')
      .setAudience('giggatek-api')
      .setSubject('1')
      .setJti('j')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(key);
    await expectInvalidToken(signer.verifyAccessToken(noJti));
    await expectInvalidToken(signer.verifyAccessToken(badSub), /missing required claims/);
    await expectInvalidToken(signer.verifyAccessToken(badRole), /missing required claims/);
  });

  it('rejects an HS512 token even with the right secret (alg pinned)', async () => {
    const { signer, clock } = makeSigner();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({ role: 'customer', sid: 1 })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('giggatek')
      .setAudience('giggatek-api')
      .setSubject('1')
      .setJti('j')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(new TextEncoder().encode(SECRET));
    await expectInvalidToken(signer.verifyAccessToken(token));
  });

  it('rejects garbage', async () => {
    const { signer } = makeSigner();
    await expectInvalidToken(signer.verifyAccessToken('not.a.jwt'));
    await expectInvalidToken(signer.verifyAccessToken(''));
  });
});
