/**
 * Housekeeping of stored idempotency answers. A port of its own, next to IdempotencyStore
 * rather than in it, because the scheduler is the only caller and it never claims keys.
 */
export interface IdempotencyKeyPurger {
  /**
   * Deletes at most `limit` idempotency records created before `cutoff` and returns how
   * many it deleted (fewer than `limit` means none are left). A record claimed again
   * meanwhile (created_at renewed past the cutoff) stays. Safe while other schedulers
   * purge too: a record another run deleted first is simply not counted.
   */
  purgeOlderThan(cutoff: Date, limit: number): Promise<number>;
}
