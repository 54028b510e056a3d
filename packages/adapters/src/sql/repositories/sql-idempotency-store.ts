import type { Knex } from 'knex';
import { isStaleClaim } from '@giggatek/domain';
import type { Id, IdempotencyClaim, IdempotencyRecord, IdempotencyStore } from '@giggatek/domain';
import { isUniqueViolation, toDate } from '../row-values.js';
import { dbOf } from '../unit-of-work.js';

/** How often a claim re-reads after losing a race with a concurrent release or replacement. */
const CLAIM_ATTEMPTS = 5;

/**
 * Idempotency keys in `idempotency_keys`, unique per (user_id, idem_key). A claim is an
 * INSERT, so the primary key decides which of two concurrent claims wins. A claim's mark is
 * its created_at (DATETIME(3)): complete and release match it, so a claimer presumed dead
 * that finishes late finds its successor's renewed created_at and changes nothing.
 */
export class SqlIdempotencyStore implements IdempotencyStore {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async claim(
    userId: Id,
    key: string,
    requestHash: string,
    now: Date,
    ttlMs: number,
    leaseMs: number,
  ): Promise<IdempotencyClaim> {
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
      if (await this.insert(userId, key, requestHash, now)) return { claimed: true, claimedAt: new Date(now) };
      const record = await this.find(userId, key);
      if (!record) continue; // released in between: try the insert again
      const expiredBefore = new Date(now.getTime() - ttlMs);
      if (record.createdAt > expiredBefore) {
        if (!isStaleClaim(record, requestHash, now, leaseMs)) return { claimed: false, record };
        if (await this.takeOverStale(userId, key, requestHash, now, leaseMs))
          return { claimed: true, claimedAt: new Date(now) };
        continue; // another claim took it over first: read what it left
      }
      // Expired: take it over with a conditional update. Of two concurrent takeovers the
      // second finds created_at already renewed and matches nothing.
      const replaced = await this.db('idempotency_keys')
        .where({ user_id: userId, idem_key: key })
        .andWhere('created_at', '<=', expiredBefore)
        .update({ request_hash: requestHash, response_status: null, response_body: null, created_at: now });
      if (replaced > 0) return { claimed: true, claimedAt: new Date(now) };
    }
    throw new Error(`could not claim idempotency key after ${CLAIM_ATTEMPTS} attempts`);
  }

  /**
   * Renews the claim of a stale in-progress request with the same conditions the read saw,
   * so of two concurrent takeovers the second finds created_at renewed and matches nothing.
   */
  private async takeOverStale(
    userId: Id,
    key: string,
    requestHash: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const taken = await this.db('idempotency_keys')
      .where({ user_id: userId, idem_key: key, request_hash: requestHash })
      .whereNull('response_status')
      .andWhere('created_at', '<=', new Date(now.getTime() - leaseMs))
      .update({ created_at: now });
    return taken > 0;
  }

  /** Inside the request's unit of work: the row stays locked, and the answer commits with the work. */
  async complete(
    userId: Id,
    key: string,
    claimedAt: Date,
    responseStatus: number,
    responseBody: string,
  ): Promise<boolean> {
    const stored = await this.db('idempotency_keys')
      .where({ user_id: userId, idem_key: key, created_at: claimedAt })
      .whereNull('response_status')
      .update({ response_status: responseStatus, response_body: responseBody });
    return stored > 0;
  }

  async release(userId: Id, key: string, claimedAt: Date): Promise<void> {
    await this.db('idempotency_keys').where({ user_id: userId, idem_key: key, created_at: claimedAt }).delete();
  }

  private async insert(userId: Id, key: string, requestHash: string, now: Date): Promise<boolean> {
    try {
      await this.db('idempotency_keys').insert({
        user_id: userId,
        idem_key: key,
        request_hash: requestHash,
        response_status: null,
        response_body: null,
        created_at: now,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async find(userId: Id, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.db('idempotency_keys').where({ user_id: userId, idem_key: key }).first();
    if (!row) return null;
    return {
      userId: row.user_id,
      key: row.idem_key,
      requestHash: row.request_hash,
      responseStatus: row.response_status,
      responseBody: row.response_body,
      createdAt: toDate(row.created_at),
    };
  }
}
