import type { Knex } from 'knex';
import type { Id, RefreshTokenRecord, Session, SessionRepository } from '@giggatek/domain';
import { toDate, toDateOrNull, toStringOrNull } from '../row-values.js';
import { deleteEndedBefore } from '../delete-ended.js';
import { insertedId } from '../rows/index.js';
import type { DbTimestamp, SessionRow } from '../rows/index.js';
import { dbOf, inTransaction } from '../unit-of-work.js';

type NewSession = Parameters<SessionRepository['create']>[0];

/** The columns of a refresh token joined with its session, aliased apart. */
interface TokenWithSessionRow extends SessionRow {
  token_id: number;
  token_hash: string;
  token_expires_at: DbTimestamp;
  rotated_at: DbTimestamp | null;
}

export class SqlSessionRepository implements SessionRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async create(session: NewSession, firstRefreshTokenHash: string): Promise<Session> {
    const id = await inTransaction(this.knex, async (trx) => {
      const sessionId = insertedId(
        await trx('sessions').insert({
          user_id: session.userId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          revoked_at: null,
          ip: session.ip,
          user_agent: session.userAgent,
        }),
        'sessions',
      );
      await trx('refresh_tokens').insert({
        session_id: sessionId,
        token_hash: firstRefreshTokenHash,
        expires_at: session.expiresAt,
        rotated_at: null,
        created_at: session.createdAt,
      });
      return sessionId;
    });
    const created = await this.findById(id);
    if (!created) throw new Error('the new session is gone');
    return created;
  }

  async findById(id: Id): Promise<Session | null> {
    const row = await this.db('sessions').where({ id }).first();
    return row ? toSession(row) : null;
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.db('refresh_tokens as t')
      .join('sessions as s', 's.id', 't.session_id')
      .where('t.token_hash', tokenHash)
      .first<TokenWithSessionRow | undefined>(
        't.id as token_id',
        't.token_hash',
        't.expires_at as token_expires_at',
        't.rotated_at',
        's.id',
        's.user_id',
        's.created_at',
        's.expires_at',
        's.revoked_at',
        's.ip',
        's.user_agent',
      );
    if (!row) return null;
    return {
      id: row.token_id,
      sessionId: row.id,
      tokenHash: row.token_hash,
      expiresAt: toDate(row.token_expires_at),
      rotatedAt: toDateOrNull(row.rotated_at),
      session: toSession(row),
    };
  }

  /**
   * The conditional UPDATE is the lock: of two concurrent rotations of one token only
   * one matches `rotated_at IS NULL`; the other sees 0 rows and inserts nothing.
   */
  async rotateRefreshToken(tokenId: Id, next: { tokenHash: string; expiresAt: Date }, now: Date): Promise<boolean> {
    return inTransaction(this.knex, async (trx) => {
      const token = await trx('refresh_tokens').where({ id: tokenId }).first();
      if (!token) return false;
      const updated = await trx('refresh_tokens')
        .where({ id: tokenId })
        .whereNull('rotated_at')
        .update({ rotated_at: now });
      if (updated === 0) return false;
      await trx('refresh_tokens').insert({
        session_id: token.session_id,
        token_hash: next.tokenHash,
        expires_at: next.expiresAt,
        rotated_at: null,
        created_at: now,
      });
      return true;
    });
  }

  async revoke(sessionId: Id, now: Date): Promise<void> {
    await this.db('sessions').where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: now });
  }

  async revokeAllForUser(userId: Id, now: Date, keepSessionId?: Id): Promise<void> {
    const query = this.db('sessions').where({ user_id: userId }).whereNull('revoked_at');
    if (keepSessionId !== undefined) query.whereNot({ id: keepSessionId });
    await query.update({ revoked_at: now });
  }

  /**
   * Selects a batch of ids, then deletes by id, so MySQL locks only those rows and never
   * holds a long range lock. Refresh tokens go with their session (ON DELETE CASCADE). An
   * ended session never becomes live again, so the ids need no second check.
   */
  async purgeEndedBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteEndedBefore(this.db, 'sessions', ['expires_at', 'revoked_at'], cutoff, limit);
  }
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: toDateOrNull(row.revoked_at),
    ip: toStringOrNull(row.ip),
    userAgent: toStringOrNull(row.user_agent),
  };
}
