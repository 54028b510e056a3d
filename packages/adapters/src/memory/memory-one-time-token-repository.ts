import type { Id, OneTimeToken, OneTimeTokenPurpose, OneTimeTokenRepository } from '@giggatek/domain';
import { copy, IdSequence } from './memory-store.js';

/** Reset and verification tokens; (purpose, hash) is unique, like the SQL index. */
export class MemoryOneTimeTokenRepository implements OneTimeTokenRepository {
  private readonly rows = new Map<Id, OneTimeToken>();
  private readonly ids = new IdSequence();

  async create(token: Omit<OneTimeToken, 'id' | 'usedAt'>): Promise<OneTimeToken> {
    if (this.find(token.purpose, token.tokenHash))
      throw new Error('one-time token hash already stored (unique constraint)');
    const row: OneTimeToken = { ...copy(token), id: this.ids.next(), usedAt: null };
    this.rows.set(row.id, row);
    return copy(row);
  }

  async findByHash(purpose: OneTimeTokenPurpose, tokenHash: string): Promise<OneTimeToken | null> {
    const row = this.find(purpose, tokenHash);
    return row ? copy(row) : null;
  }

  /** Check and set in one synchronous step, so a token is consumed once under races. */
  async consume(id: Id, now: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.usedAt !== null) return false;
    row.usedAt = new Date(now);
    return true;
  }

  async consumeAllForUser(userId: Id, purpose: OneTimeTokenPurpose, now: Date): Promise<number> {
    let consumed = 0;
    for (const row of this.rows.values()) {
      if (row.userId === userId && row.purpose === purpose && row.usedAt === null) {
        row.usedAt = new Date(now);
        consumed += 1;
      }
    }
    return consumed;
  }

  async purgeEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const ended = [...this.rows.values()]
      .filter((row) => row.expiresAt < cutoff || (row.usedAt !== null && row.usedAt < cutoff))
      .slice(0, limit);
    for (const row of ended) this.rows.delete(row.id);
    return ended.length;
  }

  private find(purpose: OneTimeTokenPurpose, tokenHash: string): OneTimeToken | undefined {
    return [...this.rows.values()].find((row) => row.purpose === purpose && row.tokenHash === tokenHash);
  }
}
