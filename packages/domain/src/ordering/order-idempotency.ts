import { DomainError } from '../shared/errors.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../shared/idempotency.js';

/**
 * An order placed with an Idempotency-Key carries the key and its request's fingerprint:
 * the recovery point of SPEC §4. The order and its key commit in one transaction, so a
 * retry after a crash (between the commit and storing the answer) finds the order instead
 * of placing a second one; the fingerprint makes sure only the same request gets it.
 */

/** The column's width; the HTTP header allows the same 1–255 characters. */
export const ORDER_IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * Orders placed before this instant no longer hold their key: a key lives as long as the
 * stored answer (IDEMPOTENCY_KEY_TTL_MS) and may then be used for a new order.
 */
export function idempotencyKeysExpiredBefore(now: Date): Date {
  return new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
}

/** A key the column can hold (1–255 characters); anything else is a validation problem. */
export function isWellFormedIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ORDER_IDEMPOTENCY_KEY_MAX_LENGTH;
}

/** A request fingerprint: SHA-256 as 64 lowercase hex digits (what the HTTP layer computes). */
export function isIdempotencyRequestHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/**
 * Thrown by OrderRepository.placeWithStock when a live order of the user already holds the
 * key (another request with the key committed first): nothing changed. A class of its own,
 * so this signal is never mistaken for any other idempotency_conflict.
 */
export class OrderIdempotencyKeyTakenError extends DomainError {
  constructor() {
    super('idempotency_conflict', 'an order was already placed with this Idempotency-Key');
    this.name = 'OrderIdempotencyKeyTakenError';
  }
}

export function orderIdempotencyKeyTakenError(): DomainError {
  return new OrderIdempotencyKeyTakenError();
}

export function isOrderIdempotencyKeyTaken(error: unknown): error is OrderIdempotencyKeyTakenError {
  return error instanceof OrderIdempotencyKeyTakenError;
}

/** The same key with another request (another fingerprint) than the one that placed its order. */
export function idempotencyRequestMismatchError(): DomainError {
  return new DomainError('idempotency_conflict', 'this Idempotency-Key was used with a different request');
}
