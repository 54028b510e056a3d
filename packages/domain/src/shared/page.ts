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
