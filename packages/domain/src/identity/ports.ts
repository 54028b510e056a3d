import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { NewUser, Role, User, UserCredentials, UserProfilePatch } from './user.js';

export interface UserListFilter extends PageRequest {
  /** Matches email, first or last name (case-insensitive substring). */
  q?: string;
  role?: Role;
}

export interface UserRepository {
  /** Throws DomainError('already_exists') when the email (any letter case) is taken. */
  create(user: NewUser): Promise<User>;
  findById(id: Id): Promise<User | null>;
  /** Case-insensitive lookup. */
  findCredentialsByEmail(email: string): Promise<UserCredentials | null>;
  findCredentialsById(id: Id): Promise<UserCredentials | null>;
  updateProfile(id: Id, patch: UserProfilePatch, now: Date): Promise<User | null>;
  setPasswordHash(id: Id, passwordHash: string, now: Date): Promise<void>;
  markEmailVerified(id: Id, at: Date): Promise<void>;
  list(filter: UserListFilter): Promise<Page<User>>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

export interface AccessClaims {
  sub: Id;
  role: Role;
  sid: Id;
  jti: string;
  iat: number;
  exp: number;
  /**
   * The token was bought with another access token (the bearer compatibility path of
   * POST /api/auth/refresh-token), so it cannot buy another one (SPEC §3). JWT claim `rfb`.
   */
  renewedByBearer: boolean;
}

export interface TokenSigner {
  /** Signs a short-lived access token (15 minutes by default). */
  signAccessToken(claims: {
    sub: Id;
    role: Role;
    sid: Id;
    renewedByBearer?: boolean;
  }): Promise<{ token: string; expiresIn: number }>;
  /** Throws DomainError('invalid_token') for a bad, expired, tampered or foreign token. */
  verifyAccessToken(token: string): Promise<AccessClaims>;
}

/** Random secrets and their one-way hashes (refresh, reset and verification tokens). */
export interface SecretTokens {
  /** A fresh random 256-bit secret, URL-safe. */
  generate(): string;
  /** A deterministic one-way hash (SHA-256 hex) to store instead of the secret. */
  hash(secret: string): string;
}

export interface Session {
  id: Id;
  userId: Id;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}

export interface RefreshTokenRecord {
  id: Id;
  sessionId: Id;
  tokenHash: string;
  expiresAt: Date;
  /** Set when the token was exchanged for a new one; presenting it again is reuse. */
  rotatedAt: Date | null;
  session: Session;
}

export interface SessionRepository {
  /** Creates a session and its first refresh token in one transaction. */
  create(
    session: { userId: Id; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
    firstRefreshTokenHash: string,
  ): Promise<Session>;
  findById(id: Id): Promise<Session | null>;
  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Atomically marks the token rotated and stores its successor, only if it had not
   * been rotated yet. Returns false when another request rotated it first (reuse).
   */
  rotateRefreshToken(tokenId: Id, next: { tokenHash: string; expiresAt: Date }, now: Date): Promise<boolean>;
  revoke(sessionId: Id, now: Date): Promise<void>;
  /** Revokes every live session of the user, except `keepSessionId` when given. */
  revokeAllForUser(userId: Id, now: Date, keepSessionId?: Id): Promise<void>;
  /**
   * Housekeeping: deletes at most `limit` sessions that expired or were revoked before
   * `cutoff`, with their refresh tokens, and returns how many sessions it deleted (fewer
   * than `limit` means none are left). Safe while other schedulers purge too: a session
   * another run deleted first is simply not counted.
   */
  purgeEndedBefore(cutoff: Date, limit: number): Promise<number>;
}

export type OneTimeTokenPurpose = 'password_reset' | 'email_verification';

export interface OneTimeToken {
  id: Id;
  userId: Id;
  purpose: OneTimeTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface OneTimeTokenRepository {
  create(token: Omit<OneTimeToken, 'id' | 'usedAt'>): Promise<OneTimeToken>;
  findByHash(purpose: OneTimeTokenPurpose, tokenHash: string): Promise<OneTimeToken | null>;
  /** Atomically marks the token used; false when it was already used (single use under races). */
  consume(id: Id, now: Date): Promise<boolean>;
  /** Marks every unused token of the user for that purpose used; returns how many. */
  consumeAllForUser(userId: Id, purpose: OneTimeTokenPurpose, now: Date): Promise<number>;
  /**
   * Housekeeping: deletes at most `limit` tokens that were used or expired before `cutoff`
   * and returns how many it deleted (fewer than `limit` means none are left). Safe while
   * other schedulers purge too: a token another run deleted first is simply not counted.
   */
  purgeEndedBefore(cutoff: Date, limit: number): Promise<number>;
}
