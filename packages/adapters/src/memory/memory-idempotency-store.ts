import type { Id, IdempotencyClaim, IdempotencyRecord, IdempotencyStore } from '@giggatek/domain';
import { copy } from './memory-store.js';

/**
 * Idempotency keys per user. Each method checks and writes without an `await` in between,
 * so of two concurrent claims of one key exactly one wins (as the SQL primary key decides).
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async claim(
    userId: Id,
    key: string,
    requestHash: string,
    now: Date,
    ttlMs: number,
    leaseMs?: number,
  ): Promise<IdempotencyClaim> {
    const slot = slotOf(userId, key);
    const existing = this.records.get(slot);
    const fresh = { userId, key, requestHash, responseStatus: null, responseBody: null, createdAt: new Date(now) };
    // A record is live while younger than the TTL; an older one is taken over.
    if (!existing || existing.createdAt.getTime() <= now.getTime() - ttlMs) {
      this.records.set(slot, fresh);
      return { claimed: true, claimedAt: new Date(now) };
    }
    // An in-progress claim of the same request older than the lease: its request is presumed dead.
    const stale = leaseMs !== undefined && existing.responseStatus === null && existing.requestHash === requestHash
      && existing.createdAt.getTime() <= now.getTime() - leaseMs;
    if (!stale) return { claimed: false, record: copy(existing) };
    this.records.set(slot, fresh);
    return { claimed: true, claimedAt: new Date(now), takenOver: true };
  }

  async complete(userId: Id, key: string, claimedAt: Date, responseStatus: number, responseBody: string): Promise<void> {
    const record = this.records.get(slotOf(userId, key));
    if (record && isClaim(record, claimedAt)) this.records.set(slotOf(userId, key), { ...record, responseStatus, responseBody });
  }

  async release(userId: Id, key: string, claimedAt: Date): Promise<void> {
    const record = this.records.get(slotOf(userId, key));
    if (record && isClaim(record, claimedAt)) this.records.delete(slotOf(userId, key));
  }
}

/** Still the claim made at `claimedAt` (a takeover or replacement renews createdAt). */
function isClaim(record: IdempotencyRecord, claimedAt: Date): boolean {
  return record.createdAt.getTime() === claimedAt.getTime();
}

/** Keys are per user: one user's key never answers another's request. */
function slotOf(userId: Id, key: string): string {
  return JSON.stringify([userId, key]);
}
