import { DomainError } from '../shared/errors.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../shared/idempotency.js';

/**
 * An order placed with an Idempotency-Key carries the key: the recovery point of SPEC §4.
 * The order and its key commit in one transaction, so a retry after a crash (between the
 * commit and storing the answer) finds the order instead of placing a second one.
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

/**
 * Thrown by OrderRepository.placeWithStock when a live order of the user already holds the
 * key (the request that placed it was presumed dead, but had committed): nothing changed.
 */
export function orderIdempotencyKeyTakenError(): DomainError {
  return new DomainError('idempotency_conflict', 'an order was already placed with this Idempotency-Key');
}

export function isOrderIdempotencyKeyTaken(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'idempotency_conflict';
}
