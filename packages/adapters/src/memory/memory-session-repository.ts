import type { Id, RefreshTokenRecord, Session, SessionRepository } from '@giggatek/domain';
import { copy, IdSequence } from './memory-store.js';

type NewSession = Parameters<SessionRepository['create']>[0];
type StoredToken = Omit<RefreshTokenRecord, 'session'> & { createdAt: Date };

/** Sessions and their refresh tokens; a token hash is unique, like the SQL index. */
export class MemorySessionRepository implements SessionRepository {
  private readonly sessions = new Map<Id, Session>();
  private readonly tokens = new Map<Id, StoredToken>();
  private readonly sessionIds = new IdSequence();
  private readonly tokenIds = new IdSequence();

  async create(session: NewSession, firstRefreshTokenHash: string): Promise<Session> {
    this.assertFreeHash(firstRefreshTokenHash);
    const row: Session = {
      id: this.sessionIds.next(),
      userId: session.userId,
      createdAt: new Date(session.createdAt),
      expiresAt: new Date(session.expiresAt),
      revokedAt: null,
      ip: session.ip,
      userAgent: session.userAgent,
    };
    this.sessions.set(row.id, row);
    this.addToken(row.id, firstRefreshTokenHash, session.expiresAt, session.createdAt);
    return copy(row);
  }

  async findById(id: Id): Promise<Session | null> {
    const row = this.sessions.get(id);
    return row ? copy(row) : null;
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const token = [...this.tokens.values()].find((t) => t.tokenHash === tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    if (!token || !session) return null;
    const { createdAt: _created, ...record } = copy(token);
    return { ...record, session: copy(session) };
  }

  /** Check and set in one synchronous step: of two rotations of one token only one wins. */
  async rotateRefreshToken(tokenId: Id, next: { tokenHash: string; expiresAt: Date }, now: Date): Promise<boolean> {
    const token = this.tokens.get(tokenId);
    if (!token || token.rotatedAt !== null) return false;
    this.assertFreeHash(next.tokenHash);
    token.rotatedAt = new Date(now);
    this.addToken(token.sessionId, next.tokenHash, next.expiresAt, now);
    return true;
  }

  async revoke(sessionId: Id, now: Date): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session && session.revokedAt === null) session.revokedAt = new Date(now);
  }

  async revokeAllForUser(userId: Id, now: Date, keepSessionId?: Id): Promise<void> {
    for (const session of this.sessions.values()) {
      if (session.userId === userId && session.revokedAt === null && session.id !== keepSessionId) {
        session.revokedAt = new Date(now);
      }
    }
  }

  async purgeEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const ended = [...this.sessions.values()]
      .filter((s) => s.expiresAt < cutoff || (s.revokedAt !== null && s.revokedAt < cutoff))
      .slice(0, limit);
    for (const session of ended) this.sessions.delete(session.id);
    // Like ON DELETE CASCADE: a purged session's refresh tokens go with it.
    for (const token of [...this.tokens.values()]) {
      if (!this.sessions.has(token.sessionId)) this.tokens.delete(token.id);
    }
    return ended.length;
  }

  private addToken(sessionId: Id, tokenHash: string, expiresAt: Date, createdAt: Date): void {
    const id = this.tokenIds.next();
    this.tokens.set(id, {
      id,
      sessionId,
      tokenHash,
      expiresAt: new Date(expiresAt),
      rotatedAt: null,
      createdAt: new Date(createdAt),
    });
  }

  private assertFreeHash(tokenHash: string): void {
    if ([...this.tokens.values()].some((t) => t.tokenHash === tokenHash)) {
      throw new Error('refresh token hash already stored (unique constraint)');
    }
  }
}
