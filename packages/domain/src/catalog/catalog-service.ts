import type { Clock } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { Actor } from '../identity/user.js';
import type { ProductRepository } from './ports.js';
import type { Product } from './product.js';
import type { ProductFilter } from './product-filter.js';

export interface CatalogDeps {
  products: ProductRepository;
  clock: Clock;
  /** The category list (a setting); defaults to DEFAULT_CATEGORIES. */
  categories?: () => Promise<readonly string[]>;
}

/**
 * Product fields as a client sends them (camelCase, already JSON-schema shaped; the
 * domain still validates every business rule). All optional on update.
 */
export interface ProductInput {
  name?: string;
  description?: string;
  category?: string;
  brand?: string;
  condition?: string;
  specifications?: Record<string, string | number>;
  imageUrls?: string[];
  price?: number;
  rentalRates?: Record<string, number>;
  rentable?: boolean;
  stock?: number;
  isFeatured?: boolean;
  status?: string;
}

export interface CatalogUseCases {
  listProducts(filter: ProductFilter): Promise<Page<Product>>;
  /** Archived products stay readable by id. */
  getProduct(id: Id): Promise<Product>;
  createProduct(actor: Actor, input: ProductInput): Promise<Product>;
  updateProduct(actor: Actor, id: Id, input: ProductInput): Promise<Product>;
  /** Archives when referenced by orders or rentals, hard-deletes otherwise. */
  deleteProduct(actor: Actor, id: Id): Promise<{ outcome: 'archived' | 'deleted' }>;
}
