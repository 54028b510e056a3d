/** The longest slug we generate before a collision suffix (the store keeps 255). */
export const SLUG_MAX_LENGTH = 200;

/**
 * A URL-safe slug from a product name: accents dropped, lower case, runs of anything
 * else than a-z and 0-9 become one '-'. Never empty.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'product' : slug;
}

/** `base`, else `base-2`, `base-3`, … : the first one `exists` says is free. */
export async function uniqueSlug(base: string, exists: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await exists(base))) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
}
