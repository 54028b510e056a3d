import type { Knex } from 'knex';
import type { ProductFilter, ProductSort } from '@giggatek/domain';
import { containsPattern, LIKE_ESCAPE } from '../row-values.js';

/**
 * The WHERE clause of the product list (SPEC §2), shared by the page query and its
 * count. Every condition starts from `status = 'active'`, the leading column of each
 * list index. `q` is a case-insensitive substring match over name, brand and
 * description, the same on both engines (LIKE, with wildcards in `q` taken literally).
 * Returns the query it was given, its row type kept.
 */
export function applyProductFilter<Q extends Knex.QueryBuilder>(query: Q, filter: ProductFilter): Q {
  query.where('status', 'active');
  if (filter.categories && filter.categories.length > 0) query.whereIn('category', filter.categories);
  if (filter.conditions && filter.conditions.length > 0) query.whereIn('condition', filter.conditions);
  if (filter.brand !== undefined) query.where('brand', filter.brand);
  if (filter.priceMin !== undefined) query.where('price', '>=', filter.priceMin);
  if (filter.priceMax !== undefined) query.where('price', '<=', filter.priceMax);
  if (filter.rentable !== undefined) query.where('rentable', filter.rentable);
  if (filter.inStock === true) query.where('stock', '>', 0);
  if (filter.inStock === false) query.where('stock', '=', 0);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query.where((w) => {
      w.whereRaw(`name LIKE ? ${LIKE_ESCAPE}`, [pattern])
        .orWhereRaw(`brand LIKE ? ${LIKE_ESCAPE}`, [pattern])
        .orWhereRaw(`description LIKE ? ${LIKE_ESCAPE}`, [pattern]);
    });
  }
  return query;
}

type Order = { column: string; order: 'asc' | 'desc' };

/**
 * Each sort ends with id in the same direction as its last key, so the order is total
 * and MySQL can read it straight from the matching (status, …) index, whose entries
 * end with the primary key.
 */
const SORTS: Record<ProductSort, Order[]> = {
  featured: [
    { column: 'is_featured', order: 'desc' },
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ],
  newest: [
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ],
  price_asc: [
    { column: 'price', order: 'asc' },
    { column: 'id', order: 'asc' },
  ],
  price_desc: [
    { column: 'price', order: 'desc' },
    { column: 'id', order: 'desc' },
  ],
  name: [
    { column: 'name', order: 'asc' },
    { column: 'id', order: 'asc' },
  ],
};

export function productOrder(sort: ProductSort): Order[] {
  return SORTS[sort];
}
