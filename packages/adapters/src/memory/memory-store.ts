import { offsetOf } from '@giggatek/domain';
import type { Page, PageRequest } from '@giggatek/domain';

/**
 * A deep copy, so callers never hold a repository's internal object (the SQL adapters
 * return fresh objects too: mutating a result must not change the store).
 */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** One page of already filtered and sorted items. */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = offsetOf(request);
  return {
    items: items.slice(start, start + request.perPage).map(copy),
    total: items.length,
    page: request.page,
    perPage: request.perPage,
  };
}

/** Ids like an auto-increment column: 1, 2, 3, … never reused. */
export class IdSequence {
  private last = 0;
  next(): number {
    this.last += 1;
    return this.last;
  }
}

/** The map key of a per-user key (idempotency keys): one user's key never matches another's; compared byte for byte. */
export function userKeySlot(userId: number, key: string): string {
  return JSON.stringify([userId, key]);
}
