import type { Product, ProductFilter, ProductSort } from '@giggatek/domain';

/**
 * The product list rules of SPEC §2 as the SQL query applies them: active products only;
 * name, brand, category and condition compare ignoring letter case (the columns'
 * case-insensitive collation); `q` is a substring of name, brand or description.
 */
export function matchesFilter(product: Product, filter: ProductFilter): boolean {
  if (product.status !== 'active') return false;
  if (filter.categories && filter.categories.length > 0 && !includesIgnoringCase(filter.categories, product.category)) {
    return false;
  }
  if (
    filter.conditions &&
    filter.conditions.length > 0 &&
    !includesIgnoringCase(filter.conditions, product.condition)
  ) {
    return false;
  }
  if (filter.brand !== undefined && filter.brand.toLowerCase() !== product.brand.toLowerCase()) return false;
  if (filter.priceMin !== undefined && product.price < filter.priceMin) return false;
  if (filter.priceMax !== undefined && product.price > filter.priceMax) return false;
  if (filter.rentable !== undefined && product.rentable !== filter.rentable) return false;
  if (filter.inStock === true && product.stock <= 0) return false;
  if (filter.inStock === false && product.stock !== 0) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (![product.name, product.brand, product.description].some((text) => text.toLowerCase().includes(q)))
      return false;
  }
  return true;
}

type Compare = (a: Product, b: Product) => number;

const byNewest: Compare = (a, b) => b.createdAt.getTime() - a.createdAt.getTime();
const idAsc: Compare = (a, b) => a.id - b.id;
const idDesc: Compare = (a, b) => b.id - a.id;

/** Each sort ends with id in the direction of its last key, exactly as the SQL ORDER BY. */
const SORTS: Record<ProductSort, Compare[]> = {
  featured: [(a, b) => Number(b.isFeatured) - Number(a.isFeatured), byNewest, idDesc],
  newest: [byNewest, idDesc],
  price_asc: [(a, b) => a.price - b.price, idAsc],
  price_desc: [(a, b) => b.price - a.price, idDesc],
  name: [(a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()), idAsc],
};

export function productComparator(sort: ProductSort): Compare {
  const keys = SORTS[sort];
  return (a, b) => {
    for (const key of keys) {
      const order = key(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function includesIgnoringCase(list: readonly string[], value: string): boolean {
  const wanted = value.toLowerCase();
  return list.some((item) => item.toLowerCase() === wanted);
}
