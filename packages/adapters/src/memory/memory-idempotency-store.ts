import { isStaleClaim } from '@giggatek/domain';
import type { Id, IdempotencyClaim, IdempotencyKeyPurger, IdempotencyRecord, IdempotencyStore } from '@giggatek/domain';
import { copy, userKeySlot as slotOf } from './memory-store.js';

/**
 * Idempotency keys per user. Each method checks and writes without an `await` in between,
 * so of two concurrent claims of one key exactly one wins (as the SQL primary key decides).
 */
export class MemoryIdempotencyStore implements IdempotencyStore, IdempotencyKeyPurger {
  private readonly records = new Map<string, IdempotencyRecord>();

  async claim(
    userId: Id,
    key: string,
    requestHash: string,
    now: Date,
    ttlMs: number,
    leaseMs: number,
  ): Promise<IdempotencyClaim> {
    const slot = slotOf(userId, key);
    const existing = this.records.get(slot);
    const fresh = { userId, key, requestHash, responseStatus: null, responseBody: null, createdAt: new Date(now) };
    // A record is live while younger than the TTL; an older one is taken over.
    if (!existing || existing.createdAt.getTime() <= now.getTime() - ttlMs) {
      this.records.set(slot, fresh);
      return { claimed: true, claimedAt: new Date(now) };
    }
    if (!isStaleClaim(existing, requestHash, now, leaseMs)) return { claimed: false, record: copy(existing) };
    this.records.set(slot, fresh);
    return { claimed: true, claimedAt: new Date(now) };
  }

  async complete(
    userId: Id,
    key: string,
    claimedAt: Date,
    responseStatus: number,
    responseBody: string,
  ): Promise<boolean> {
    const record = this.records.get(slotOf(userId, key));
    if (!record || !isClaim(record, claimedAt) || record.responseStatus !== null) return false;
    this.records.set(slotOf(userId, key), { ...record, responseStatus, responseBody });
    return true;
  }

  async release(userId: Id, key: string, claimedAt: Date): Promise<void> {
    const record = this.records.get(slotOf(userId, key));
    if (record && isClaim(record, claimedAt)) this.records.delete(slotOf(userId, key));
  }

  /** The housekeeping port (IdempotencyKeyPurger): forgets records created before `cutoff`. */
  async purgeOlderThan(cutoff: Date, limit: number): Promise<number> {
    const old = [...this.records.entries()].filter(([, record]) => record.createdAt < cutoff).slice(0, limit);
    for (const [slot] of old) this.records.delete(slot);
    return old.length;
  }
}

/** Still the claim made at `claimedAt` (a takeover or replacement renews createdAt). */
function isClaim(record: IdempotencyRecord, claimedAt: Date): boolean {
  return record.createdAt.getTime() === claimedAt.getTime();
}
