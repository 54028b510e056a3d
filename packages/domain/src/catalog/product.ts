import type { Cents } from '../shared/money.js';
import type { Id } from '../shared/ids.js';

export const DEFAULT_CATEGORIES = [
  'GPUs',
  'CPUs',
  'Memory',
  'Storage',
  'Laptops',
  'Desktops',
  'Monitors',
  'Peripherals',
  'Accessories',
] as const;

export const CONDITIONS = ['Excellent', 'Good', 'Fair', 'Refurbished', 'Open Box'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export type Specifications = Record<string, string | number>;

/** Per-term monthly rate overrides, keyed by term in months (SPEC §5). */
export type RentalRates = Record<number, Cents>;

export interface Product {
  id: Id;
  name: string;
  slug: string;
  description: string;
  category: string;
  brand: string;
  condition: Condition;
  specifications: Specifications;
  imageUrls: string[];
  price: Cents;
  rentalRates: RentalRates;
  rentable: boolean;
  stock: number;
  isFeatured: boolean;
  status: ProductStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** The writable fields of a product, validated. */
export type ProductData = Omit<Product, 'id' | 'slug' | 'createdAt' | 'updatedAt'>;

export function primaryImage(product: Pick<Product, 'imageUrls'>): string | null {
  return product.imageUrls[0] ?? null;
}

/**
 * What an order (or a rental) can take from the product now: its stock while it is active,
 * 0 once archived (archived products stay readable by id but are no longer sold). The one
 * home of the rule; both adapters apply it to the rows they lock.
 */
export function availableStock(product: Pick<Product, 'status' | 'stock'>): number {
  return product.status === 'active' ? product.stock : 0;
}
