import { DomainError } from '@giggatek/domain';
import type { AccessClaims, Clock, Id, PasswordHasher, Role, SecretTokens, TokenSigner } from '@giggatek/domain';

/** Reversible "hash" that counts its calls (timing-equality tests count verifies). */
export class FakePasswordHasher implements PasswordHasher {
  hashCalls = 0;
  verifyCalls = 0;

  async hash(password: string): Promise<string> {
    this.hashCalls += 1;
    return `hashed:${password}`;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    this.verifyCalls += 1;
    return hash === `hashed:${password}`;
  }
}

/** Opaque access tokens backed by a table; they expire by the clock like JWTs. */
export class FakeTokenSigner implements TokenSigner {
  readonly ttlSeconds = 900;
  private readonly issued = new Map<string, AccessClaims>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  async signAccessToken(claims: {
    sub: Id;
    role: Role;
    sid: Id;
    renewedByBearer?: boolean;
  }): Promise<{ token: string; expiresIn: number }> {
    this.counter += 1;
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const token = `access-${this.counter}`;
    const { renewedByBearer = false, ...rest } = claims;
    this.issued.set(token, { ...rest, renewedByBearer, jti: `jti-${this.counter}`, iat, exp: iat + this.ttlSeconds });
    return { token, expiresIn: this.ttlSeconds };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    const claims = this.issued.get(token);
    if (!claims) throw new DomainError('invalid_token', 'access token is invalid');
    if (claims.exp * 1000 <= this.clock.now().getTime())
      throw new DomainError('invalid_token', 'access token has expired');
    return { ...claims };
  }

  /** The claims a token was signed with (to check role and session id). */
  claimsOf(token: string): AccessClaims | undefined {
    return this.issued.get(token);
  }
}

/** Predictable secrets; the "hash" is visibly different from the secret. */
export class FakeSecretTokens implements SecretTokens {
  private counter = 0;

  generate(): string {
    this.counter += 1;
    return `secret-${this.counter}`;
  }

  hash(secret: string): string {
    return `sha256(${secret})`;
  }
}
