import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { DomainError, ROLES, isId } from '@giggatek/domain';
import type { AccessClaims, Clock, Id, Role, TokenSigner } from '@giggatek/domain';

export interface JoseTokenSignerOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime of an access token; 15 minutes by default (SPEC §3). */
  accessTtlSeconds?: number;
  clock: Clock;
}

const ALGORITHM = 'HS256';
/** Marks a token that was renewed by bearer: it cannot be renewed that way again (SPEC §3). */
const RENEWED_BY_BEARER = 'rfb';

/** Short-lived HS256 access tokens. The algorithm is pinned on verify, so `none` never passes. */
export class JoseTokenSigner implements TokenSigner {
  private readonly key: Uint8Array;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly ttlSeconds: number;
  private readonly clock: Clock;

  constructor(options: JoseTokenSignerOptions) {
    if (options.secret.length === 0) throw new RangeError('JWT secret must not be empty');
    this.key = new TextEncoder().encode(options.secret);
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.ttlSeconds = options.accessTtlSeconds ?? 900;
    this.clock = options.clock;
  }

  async signAccessToken(claims: {
    sub: Id;
    role: Role;
    sid: Id;
    renewedByBearer?: boolean;
  }): Promise<{ token: string; expiresIn: number }> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const payload = {
      role: claims.role,
      sid: claims.sid,
      ...(claims.renewedByBearer && { [RENEWED_BY_BEARER]: true }),
    };
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(claims.sub))
      // A random id makes two tokens issued in the same second differ.
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.issuer,
        audience: this.audience,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      }));
    } catch (error) {
      throw toInvalidToken(error);
    }
    return toAccessClaims(payload);
  }
}

function toInvalidToken(error: unknown): DomainError {
  if (error instanceof joseErrors.JWTExpired) {
    return new DomainError('invalid_token', 'access token has expired');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new DomainError('invalid_token', `access token is invalid (claim "${error.claim}" rejected)`);
  }
  return new DomainError('invalid_token', 'access token is invalid');
}

function toAccessClaims(payload: JWTPayload): AccessClaims {
  // The JWT carries the id as a string (RFC 7519 `sub`); accept only a plain decimal.
  const sub = typeof payload.sub === 'string' && /^[1-9][0-9]*$/.test(payload.sub) ? Number(payload.sub) : NaN;
  const { role, sid, jti, iat, exp } = payload;
  const renewedByBearer = payload[RENEWED_BY_BEARER];
  if (
    !isId(sub) ||
    !isId(sid) ||
    typeof role !== 'string' ||
    !(ROLES as readonly string[]).includes(role) ||
    typeof jti !== 'string' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    (renewedByBearer !== undefined && renewedByBearer !== true)
  ) {
    throw new DomainError('invalid_token', 'access token is missing required claims');
  }
  return { sub, role: role as Role, sid, jti, iat, exp, renewedByBearer: renewedByBearer === true };
}
