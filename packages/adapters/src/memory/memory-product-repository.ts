import {
  adjustmentMovement,
  availableStock,
  CATALOG_SYSTEM_ACTOR,
  DomainError,
  ProductReferencedError,
} from '@giggatek/domain';
import type {
  ChangeActor,
  Id,
  NewStockMovement,
  Page,
  PageRequest,
  Product,
  ProductData,
  ProductFilter,
  ProductRepository,
  StockChange,
  StockMovement,
} from '@giggatek/domain';
import { copy, IdSequence, pageOf } from './memory-store.js';
import { matchesFilter, productComparator } from './memory-product-list.js';
import type { MemoryStock, StockShortfall } from './memory-stock.js';

/**
 * Products and their stock ledger in memory. It is also the MemoryStock the memory order
 * repository takes stock from: the movements live beside the stock they explain, and a
 * movement naming an order or a rental is what makes a product referenced (as order_items
 * rows do in SQL).
 */
export class MemoryProductRepository implements ProductRepository, MemoryStock {
  private readonly rows = new Map<Id, Product>();
  private readonly ids = new IdSequence();
  private readonly referenced = new Set<Id>();
  private readonly movements: StockMovement[] = [];
  private readonly movementIds = new IdSequence();

  async create(
    data: ProductData & { slug: string },
    now: Date,
    actor: ChangeActor = CATALOG_SYSTEM_ACTOR,
  ): Promise<Product> {
    this.assertSlugFree(data.slug);
    const row: Product = { ...copy(data), id: this.ids.next(), createdAt: new Date(now), updatedAt: new Date(now) };
    this.rows.set(row.id, row);
    const first = adjustmentMovement(row.id, data.stock, { actor, now, note: 'initial stock' });
    if (first) this.record([first]);
    return copy(row);
  }

  async update(id: Id, data: Partial<Omit<ProductData, 'stock'>>, now: Date): Promise<Product | null> {
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

  /** Synchronous between the read and the write: as atomic as SQL's locked row. */
  async setStock(id: Id, stock: number, change: StockChange): Promise<Product | null> {
    const current = this.rows.get(id);
    if (!current) return null;
    const movement = adjustmentMovement(id, stock - current.stock, change);
    if (movement) this.apply([movement], change.now);
    return copy(this.rows.get(id) ?? current);
  }

  /** Newest first, as the SQL adapter sorts (by id). */
  async listStockMovements(productId: Id, request: PageRequest): Promise<Page<StockMovement>> {
    const mine = this.movements.filter((m) => m.productId === productId).sort((a, b) => b.id - a.id);
    return pageOf(mine, request);
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
    const matching = [...this.rows.values()]
      .filter((row) => matchesFilter(row, filter))
      .sort(productComparator(filter.sort));
    return pageOf(matching, filter);
  }

  /** Memory runs no two units of work at once (MemoryUnitOfWork): nothing to lock. */
  async findByIdForUpdate(id: Id): Promise<Product | null> {
    return this.findById(id);
  }

  async isReferenced(id: Id): Promise<boolean> {
    return this.hasReferences(id);
  }

  /** MemoryStock: all or nothing, by availableStock (0 for an archived product). */
  take(movements: readonly NewStockMovement[]): StockShortfall[] {
    const short = movements.flatMap((movement) => {
      const row = this.rows.get(movement.productId);
      const available = row ? availableStock(row) : 0;
      return available >= -movement.delta
        ? []
        : [{ productId: movement.productId, requested: -movement.delta, available }];
    });
    if (short.length === 0) this.apply(movements, movements[0]?.createdAt ?? new Date());
    return short;
  }

  /** MemoryStock: cancel, expiry (and rental returns). */
  putBack(movements: readonly NewStockMovement[]): void {
    this.apply(movements, movements[0]?.createdAt ?? new Date());
  }

  /** Test helper: pretend an order line or a rental refers to the product. */
  markReferenced(id: Id): void {
    this.referenced.add(id);
  }

  /** Like a foreign key: a referenced product is not deleted. Its adjustments go with it (ON DELETE CASCADE in SQL). */
  async delete(id: Id): Promise<boolean> {
    if (this.hasReferences(id)) throw new ProductReferencedError();
    const kept = this.movements.filter((m) => m.productId !== id);
    this.movements.splice(0, this.movements.length, ...kept);
    return this.rows.delete(id);
  }

  private hasReferences(id: Id): boolean {
    return (
      this.referenced.has(id) ||
      this.movements.some((m) => m.productId === id && (m.orderId !== null || m.rentalId !== null))
    );
  }

  /** Changes the stock of every movement's product and records the movements (products that are gone are skipped). */
  private apply(movements: readonly NewStockMovement[], now: Date): void {
    const kept = movements.filter((movement) => this.rows.has(movement.productId));
    for (const movement of kept) {
      const row = this.rows.get(movement.productId) as Product;
      this.rows.set(row.id, { ...row, stock: row.stock + movement.delta, updatedAt: new Date(now) });
    }
    this.record(kept);
  }

  private record(movements: readonly NewStockMovement[]): void {
    for (const movement of movements) this.movements.push({ ...copy(movement), id: this.movementIds.next() });
  }

  private assertSlugFree(slug: string): void {
    if ([...this.rows.values()].some((row) => row.slug === slug)) {
      throw new DomainError('already_exists', 'a product with this slug already exists');
    }
  }
}
