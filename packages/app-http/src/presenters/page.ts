import type { Page } from '@giggatek/domain';

/** `{<key>: [...], pagination}` as every list endpoint answers (SPEC §9). */
export function presentPage<T, R>(key: string, page: Page<T>, present: (item: T) => R) {
  return {
    [key]: page.items.map(present),
    pagination: {
      page: page.page,
      per_page: page.perPage,
      total: page.total,
      total_pages: Math.ceil(page.total / page.perPage),
    },
  };
}
