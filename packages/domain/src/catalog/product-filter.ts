import type { PageRequest } from '../shared/page.js';

export const PRODUCT_SORTS = ['featured', 'price_asc', 'price_desc', 'newest', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** SPEC §2 list filters. Listing shows active products only. */
export interface ProductFilter extends PageRequest {
  q?: string;
  categories?: string[];
  conditions?: string[];
  brand?: string;
  priceMin?: number;
  priceMax?: number;
  rentable?: boolean;
  inStock?: boolean;
  sort: ProductSort;
}
