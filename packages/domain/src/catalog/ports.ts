import { DomainError } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { ChangeActor } from '../ordering/order.js';
import type { StockLedger } from '../stock/ports.js';
import type { Product, ProductData } from './product.js';
import type { ProductFilter } from './product-filter.js';

/** Who changed a product's stock and when, for its movement in the stock ledger. */
export interface StockChange {
  actor: ChangeActor;
  now: Date;
  note?: string | null;
}

/** The actor of stock written without a person behind it (tests, imports): `system:catalog`. */
export const CATALOG_SYSTEM_ACTOR: ChangeActor = { kind: 'system', name: 'catalog' };

export interface ProductRepository extends StockLedger {
  /**
   * Throws DomainError('already_exists') when the slug is taken. A product created with
   * stock gets its first movement (an `adjustment` of that stock, by `actor`, default
   * CATALOG_SYSTEM_ACTOR) in the same transaction.
   */
  create(data: ProductData & { slug: string }, now: Date, actor?: ChangeActor): Promise<Product>;
  /** Every field but the stock, which only changes with a movement (setStock, orders). */
  update(id: Id, data: Partial<Omit<ProductData, 'stock'>>, now: Date): Promise<Product | null>;
  /**
   * Sets the stock to `stock` in one transaction holding the product's row: the difference
   * from the stock it holds at that moment is written as an `adjustment` movement, so an
   * order placed just before is kept in the ledger and one placed just after takes from
   * the new stock. Null when the product does not exist.
   */
  setStock(id: Id, stock: number, change: StockChange): Promise<Product | null>;
  /**
   * Gives the product a new slug (after a rename). Throws DomainError('already_exists')
   * when another product has it; false when the product does not exist.
   */
  changeSlug(id: Id, slug: string, now: Date): Promise<boolean>;
  findById(id: Id): Promise<Product | null>;
  /**
   * Like findById, and inside a unit of work the row stays locked until it ends (FOR UPDATE
   * on MySQL; SQLite runs one write transaction at a time): order placement locks product
   * rows too, so a delete and a placement of the product serialise.
   */
  findByIdForUpdate(id: Id): Promise<Product | null>;
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
  /**
   * Hard delete; false when the product did not exist. Throws ProductReferencedError when
   * a row refers to it (the foreign key refused), having deleted nothing.
   */
  delete(id: Id): Promise<boolean>;
}

/** A delete refused because an order line (or rental) refers to the product. */
export class ProductReferencedError extends DomainError {
  constructor() {
    super('conflict', 'the product is referenced by an order or rental');
    this.name = 'ProductReferencedError';
  }
}
