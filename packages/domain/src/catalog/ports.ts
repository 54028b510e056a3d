import type { Id } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { Product, ProductData } from './product.js';
import type { ProductFilter } from './product-filter.js';

export interface ProductRepository {
  /** Throws DomainError('already_exists') when the slug is taken. */
  create(data: ProductData & { slug: string }, now: Date): Promise<Product>;
  update(id: Id, data: Partial<ProductData>, now: Date): Promise<Product | null>;
  /**
   * Gives the product a new slug (after a rename). Throws DomainError('already_exists')
   * when another product has it; false when the product does not exist.
   */
  changeSlug(id: Id, slug: string, now: Date): Promise<boolean>;
  findById(id: Id): Promise<Product | null>;
  /**
   * The products with these ids, any status, in no particular order; unknown ids are
   * simply absent. One round trip however many ids (order placement reads up to 50).
   */
  findByIds(ids: readonly Id[]): Promise<Product[]>;
  slugExists(slug: string): Promise<boolean>;
  /** Active products only, filtered, sorted (ties broken by id) and paged. */
  list(filter: ProductFilter): Promise<Page<Product>>;
  /** True when an order line or a rental refers to the product (delete must archive then). */
  isReferenced(id: Id): Promise<boolean>;
  /** Hard delete; false when the product did not exist. */
  delete(id: Id): Promise<boolean>;
}
