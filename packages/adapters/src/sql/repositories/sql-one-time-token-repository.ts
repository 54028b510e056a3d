import type { Knex } from 'knex';
import type { Id, OneTimeToken, OneTimeTokenPurpose, OneTimeTokenRepository } from '@giggatek/domain';
import { toDate, toDateOrNull } from '../row-values.js';
import { deleteEndedBefore } from '../delete-ended.js';
import { insertedId } from '../rows/index.js';
import type { OneTimeTokenRow } from '../rows/index.js';
import { dbOf } from '../unit-of-work.js';

export class SqlOneTimeTokenRepository implements OneTimeTokenRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async create(token: Omit<OneTimeToken, 'id' | 'usedAt'>): Promise<OneTimeToken> {
    const ids = await this.db('one_time_tokens').insert({
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
      used_at: null,
      created_at: token.createdAt,
    });
    const row = await this.db('one_time_tokens')
      .where({ id: insertedId(ids, 'one_time_tokens') })
      .first();
    if (!row) throw new Error('the new one-time token is gone');
    return toOneTimeToken(row);
  }

  async findByHash(purpose: OneTimeTokenPurpose, tokenHash: string): Promise<OneTimeToken | null> {
    const row = await this.db('one_time_tokens').where({ purpose, token_hash: tokenHash }).first();
    return row ? toOneTimeToken(row) : null;
  }

  /** Single use under races: only the request whose UPDATE still sees `used_at IS NULL` wins. */
  async consume(id: Id, now: Date): Promise<boolean> {
    const updated = await this.db('one_time_tokens').where({ id }).whereNull('used_at').update({ used_at: now });
    return updated > 0;
  }

  async consumeAllForUser(userId: Id, purpose: OneTimeTokenPurpose, now: Date): Promise<number> {
    return this.db('one_time_tokens').where({ user_id: userId, purpose }).whereNull('used_at').update({ used_at: now });
  }

  /**
   * Selects a batch of ids, then deletes by id, so MySQL locks only those rows and never
   * holds a long range lock. A used or expired token stays so, so the ids need no second check.
   */
  async purgeEndedBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteEndedBefore(this.db, 'one_time_tokens', ['expires_at', 'used_at'], cutoff, limit);
  }
}

function toOneTimeToken(row: OneTimeTokenRow): OneTimeToken {
  return {
    id: row.id,
    userId: row.user_id,
    purpose: row.purpose,
    tokenHash: row.token_hash,
    expiresAt: toDate(row.expires_at),
    usedAt: toDateOrNull(row.used_at),
    createdAt: toDate(row.created_at),
  };
}
