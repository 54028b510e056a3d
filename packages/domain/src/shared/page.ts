import type { Problems } from './errors.js';

/** One page of a list, as every list port returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.perPage;
}

/** The problems of a page request (`page`, `perPage`). */
export function pageProblems(request: PageRequest, problems: Problems): void {
  if (!Number.isSafeInteger(request.page) || request.page < 1)
    problems.add('page', 'must be a whole number, 1 or more');
  if (!Number.isSafeInteger(request.perPage) || request.perPage < 1 || request.perPage > MAX_PER_PAGE) {
    problems.add('perPage', `must be a whole number from 1 to ${MAX_PER_PAGE}`);
  }
}
