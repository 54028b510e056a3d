import { DomainError, ProductReferencedError } from '@giggatek/domain';
import type { Id, Page, Product, ProductData, ProductFilter, ProductRepository } from '@giggatek/domain';
import { copy, IdSequence, pageOf } from './memory-store.js';
import { matchesFilter, productComparator } from './memory-product-list.js';

export interface StockLine {
  productId: Id;
  quantity: number;
}

export interface StockShortfall {
  line: StockLine;
  /** What the product has now; 0 when it is archived or gone. */
  available: number;
}

export class MemoryProductRepository implements ProductRepository {
  private readonly rows = new Map<Id, Product>();
  private readonly ids = new IdSequence();
  private readonly referenced = new Set<Id>();
  /** Other memory repositories whose rows refer to products (orders, later rentals). */
  private readonly referenceChecks: Array<(id: Id) => boolean> = [];

  async create(data: ProductData & { slug: string }, now: Date): Promise<Product> {
    this.assertSlugFree(data.slug);
    const row: Product = { ...copy(data), id: this.ids.next(), createdAt: new Date(now), updatedAt: new Date(now) };
    this.rows.set(row.id, row);
    return copy(row);
  }

  async update(id: Id, data: Partial<ProductData>, now: Date): Promise<Product | null> {
    const current = this.rows.get(id);
    if (!current) return null;
    const changes = Object.fromEntries(Object.entries(copy(data)).filter(([, value]) => value !== undefined));
    const row: Product = { ...current, ...changes, updatedAt: new Date(now) };
    this.rows.set(id, row);
    return copy(row);
  }

  async changeSlug(id: Id, slug: string, now: Date): Promise<boolean> {
    const current = this.rows.get(id);
    if (!current) return false;
    if (current.slug === slug) return true;
    this.assertSlugFree(slug);
    this.rows.set(id, { ...current, slug, updatedAt: new Date(now) });
    return true;
  }

  /** Any status: archived products stay readable by id. */
  async findById(id: Id): Promise<Product | null> {
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }

  /** Any status; unknown ids are skipped. */
  async findByIds(ids: readonly Id[]): Promise<Product[]> {
    return [...new Set(ids)].flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [copy(row)] : [];
    });
  }

  async slugExists(slug: string): Promise<boolean> {
    return [...this.rows.values()].some((row) => row.slug === slug);
  }

  async list(filter: ProductFilter): Promise<Page<Product>> {
    const matching = [...this.rows.values()].filter((row) => matchesFilter(row, filter)).sort(productComparator(filter.sort));
    return pageOf(matching, filter);
  }

  /** Memory runs no two units of work at once (MemoryUnitOfWork): nothing to lock. */
  async findByIdForUpdate(id: Id): Promise<Product | null> {
    return this.findById(id);
  }

  async isReferenced(id: Id): Promise<boolean> {
    return this.hasReferences(id);
  }

  /** Internal (memory adapters): lets another repository report references to products. */
  addReferenceCheck(check: (id: Id) => boolean): void {
    this.referenceChecks.push(check);
  }

  /**
   * Internal (MemoryOrderRepository): takes every line's quantity from active products, or
   * nothing at all. Synchronous, so no other call can interleave: as atomic as SQL's
   * conditional updates in one transaction. Returns the short lines (empty when taken).
   */
  takeStock(lines: readonly StockLine[], now: Date): StockShortfall[] {
    const wanted = new Map<Id, number>();
    for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
    const short = lines.flatMap((line) => {
      const row = this.rows.get(line.productId);
      const available = row && row.status === 'active' ? row.stock : 0;
      return available >= (wanted.get(line.productId) ?? 0) ? [] : [{ line, available }];
    });
    if (short.length === 0) this.adjustStock(lines, -1, now);
    return short;
  }

  /** Internal (MemoryOrderRepository): puts the lines' quantities back (cancel, expiry). */
  returnStock(lines: readonly StockLine[], now: Date): void {
    this.adjustStock(lines, 1, now);
  }

  /** Test helper: pretend an order line or a rental refers to the product. */
  markReferenced(id: Id): void {
    this.referenced.add(id);
  }

  /** Like a foreign key: a referenced product is not deleted. */
  async delete(id: Id): Promise<boolean> {
    if (this.hasReferences(id)) throw new ProductReferencedError();
    return this.rows.delete(id);
  }

  private hasReferences(id: Id): boolean {
    return this.referenced.has(id) || this.referenceChecks.some((check) => check(id));
  }

  private adjustStock(lines: readonly StockLine[], sign: 1 | -1, now: Date): void {
    for (const line of lines) {
      const row = this.rows.get(line.productId);
      if (row) this.rows.set(row.id, { ...row, stock: row.stock + sign * line.quantity, updatedAt: new Date(now) });
    }
  }

  private assertSlugFree(slug: string): void {
    if ([...this.rows.values()].some((row) => row.slug === slug)) {
      throw new DomainError('already_exists', 'a product with this slug already exists');
    }
  }
}
