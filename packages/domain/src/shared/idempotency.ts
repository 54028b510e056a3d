import type { Id } from './ids.js';

/** A stored answer to a request made with an Idempotency-Key (SPEC §4). */
export interface IdempotencyRecord {
  userId: Id;
  key: string;
  /** SHA-256 of the request (method, path, body): the same key with another body is a conflict. */
  requestHash: string;
  /** Null while the first request is still being processed. */
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: Date;
}

export interface IdempotencyStore {
  /**
   * Claims the key for a new request. When a record younger than `ttlMs` exists, returns
   * it instead (claimed: false); an older one is replaced. Atomic: of two concurrent
   * claims of one key, exactly one wins.
   */
  claim(userId: Id, key: string, requestHash: string, now: Date, ttlMs: number): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord }>;
  /** Stores the response of the request that claimed the key. */
  complete(userId: Id, key: string, responseStatus: number, responseBody: string): Promise<void>;
  /** Forgets a claim whose request did not run (invalid input, server error), so a retry may run. */
  release(userId: Id, key: string): Promise<void>;
}
