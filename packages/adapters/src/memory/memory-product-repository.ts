import { DomainError } from '@giggatek/domain';
import type { Id, Page, Product, ProductData, ProductFilter, ProductRepository } from '@giggatek/domain';
import { copy, IdSequence, pageOf } from './memory-store.js';
import { matchesFilter, productComparator } from './memory-product-list.js';

export class MemoryProductRepository implements ProductRepository {
  private readonly rows = new Map<Id, Product>();
  private readonly ids = new IdSequence();
  private readonly referenced = new Set<Id>();

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

  async slugExists(slug: string): Promise<boolean> {
    return [...this.rows.values()].some((row) => row.slug === slug);
  }

  async list(filter: ProductFilter): Promise<Page<Product>> {
    const matching = [...this.rows.values()].filter((row) => matchesFilter(row, filter)).sort(productComparator(filter.sort));
    return pageOf(matching, filter);
  }

  async isReferenced(id: Id): Promise<boolean> {
    return this.referenced.has(id);
  }

  /** Test helper: pretend an order line or a rental refers to the product. */
  markReferenced(id: Id): void {
    this.referenced.add(id);
  }

  async delete(id: Id): Promise<boolean> {
    return this.rows.delete(id);
  }

  private assertSlugFree(slug: string): void {
    if ([...this.rows.values()].some((row) => row.slug === slug)) {
      throw new DomainError('already_exists', 'a product with this slug already exists');
    }
  }
}
