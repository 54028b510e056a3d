import { HOUR_MS } from './clock.js';
import type { Id } from './ids.js';

/** How long a key answers for the request it first saw (SPEC §4); after that it may be used again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * HOUR_MS;

/** A stored answer to a request made with an Idempotency-Key (SPEC §4). */
export interface IdempotencyRecord {
  userId: Id;
  key: string;
  /** SHA-256 of the request (method, path, body): the same key with another body is a conflict. */
  requestHash: string;
  /** Null while the first request is still being processed. */
  responseStatus: number | null;
  responseBody: string | null;
  /** When the key was claimed (renewed when a claim takes it over). */
  createdAt: Date;
}

/**
 * The outcome of a claim. `claimedAt` is the claim's own mark (the record's createdAt): the
 * claimer passes it to complete and release, which then touch the record only while it is
 * still this claim, never a successor that took it over after this claimer was presumed
 * dead. `takenOver` is set when the claim took over a stale in-progress claim of the same
 * request (see `leaseMs`): that request may have done its work before it died, so the
 * caller must look at its recovery point before doing the work again.
 */
export type IdempotencyClaim =
  | { claimed: true; claimedAt: Date; takenOver?: true }
  | { claimed: false; record: IdempotencyRecord };

export interface IdempotencyStore {
  /**
   * Claims the key for a new request. When a record younger than `ttlMs` exists, returns
   * it instead (claimed: false); an older one is replaced. With `leaseMs`, an in-progress
   * record (no response yet) of the same request hash claimed at least `leaseMs` ago is
   * taken over too (created_at renewed; answer `takenOver: true`): no request runs that
   * long, so the one that claimed it is presumed dead. Atomic: of two concurrent claims
   * or takeovers of one key, exactly one wins.
   */
  claim(userId: Id, key: string, requestHash: string, now: Date, ttlMs: number, leaseMs?: number): Promise<IdempotencyClaim>;
  /**
   * Stores the response of the request that claimed the key at `claimedAt`; does nothing
   * when the record is no longer that claim (released, taken over or replaced since).
   */
  complete(userId: Id, key: string, claimedAt: Date, responseStatus: number, responseBody: string): Promise<void>;
  /**
   * Forgets the claim made at `claimedAt` whose request did not run (invalid input, server
   * error), so a retry may run; does nothing when the record is no longer that claim.
   */
  release(userId: Id, key: string, claimedAt: Date): Promise<void>;
}

/** An in-progress claim of the same request, older than the lease: its request is presumed dead. */
export function isStaleClaim(record: IdempotencyRecord, requestHash: string, now: Date, leaseMs: number): boolean {
  return record.responseStatus === null && record.requestHash === requestHash
    && record.createdAt.getTime() <= now.getTime() - leaseMs;
}
