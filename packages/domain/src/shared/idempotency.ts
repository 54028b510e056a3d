import { HOUR_MS } from './clock.js';
import type { Id } from './ids.js';

/** How long a key answers for the request it first saw (SPEC §4); after that it may be used again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * HOUR_MS;

/** A request made with an Idempotency-Key (SPEC §4): claimed while it runs, then its stored answer. */
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
 * still this claim, never a successor that took it over after this claimer was presumed dead.
 */
export type IdempotencyClaim = { claimed: true; claimedAt: Date } | { claimed: false; record: IdempotencyRecord };

/**
 * The store of the idempotency facility. `claim` runs on its own (a short transaction of its
 * own); `complete` is meant to run inside the unit of work that does the request's work, so
 * the work and its answer commit together: a crash leaves either nothing of the request
 * (the claim, taken over after the lease) or a replayable answer.
 */
export interface IdempotencyStore {
  /**
   * Claims the key for a new request. When a record younger than `ttlMs` exists, returns
   * it instead (claimed: false); an older one is replaced. An in-progress record (no
   * answer) of the same request hash claimed at least `leaseMs` ago is taken over too
   * (created_at renewed): no request runs that long, so its claimer is presumed dead, and
   * nothing of its work committed (its answer would have committed with it). Atomic: of two
   * concurrent claims or takeovers of one key, exactly one wins.
   */
  claim(
    userId: Id,
    key: string,
    requestHash: string,
    now: Date,
    ttlMs: number,
    leaseMs: number,
  ): Promise<IdempotencyClaim>;
  /**
   * Stores the answer of the request that claimed the key at `claimedAt` and returns true;
   * returns false and changes nothing when the record is no longer that claim (released,
   * taken over or replaced since): the caller must then roll its work back.
   */
  complete(userId: Id, key: string, claimedAt: Date, responseStatus: number, responseBody: string): Promise<boolean>;
  /**
   * Forgets the claim made at `claimedAt` whose request left nothing (invalid input, server
   * error), so a retry may run; does nothing when the record is no longer that claim.
   */
  release(userId: Id, key: string, claimedAt: Date): Promise<void>;
}

/** An in-progress claim of the same request, older than the lease: its request is presumed dead. */
export function isStaleClaim(record: IdempotencyRecord, requestHash: string, now: Date, leaseMs: number): boolean {
  return (
    record.responseStatus === null &&
    record.requestHash === requestHash &&
    record.createdAt.getTime() <= now.getTime() - leaseMs
  );
}
