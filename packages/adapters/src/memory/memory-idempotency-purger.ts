import type { IdempotencyKeyPurger } from '@giggatek/domain';
import type { MemoryIdempotencyStore } from './memory-idempotency-store.js';

/** Deletes old records of one MemoryIdempotencyStore. */
export class MemoryIdempotencyPurger implements IdempotencyKeyPurger {
  constructor(private readonly store: MemoryIdempotencyStore) {}

  async purgeOlderThan(cutoff: Date, limit: number): Promise<number> {
    // The store keeps its records private and the purge is a port of its own; bracket
    // access is TypeScript's type-checked way in, so a rename there fails to compile here.
    const records = this.store['records'];
    const old = [...records.entries()].filter(([, record]) => record.createdAt < cutoff).slice(0, limit);
    for (const [slot] of old) records.delete(slot);
    return old.length;
  }
}
