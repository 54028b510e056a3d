import type { Clock } from '../shared/clock.js';
import { DomainError, notFound, Problems } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import { pageProblems } from '../shared/page.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { assertCan } from '../identity/permissions.js';
import type { Actor } from '../identity/user.js';
import { changeActorOf } from '../ordering/order-status.js';
import type { StockMovement } from '../stock/stock-movement.js';
import { ProductReferencedError, type ProductRepository } from './ports.js';
import { DEFAULT_CATEGORIES } from './product.js';
import type { Product } from './product.js';
import { PRODUCT_SORTS } from './product-filter.js';
import type { ProductFilter } from './product-filter.js';
import { validateNewProduct, validateProductUpdate } from './product-rules.js';
import { slugify, uniqueSlug } from './slug.js';

export interface CatalogDeps {
  products: ProductRepository;
  clock: Clock;
  /**
   * Deletion decides delete-or-archive in one transaction holding the product's row; an
   * update's fields and its stock change (with its movement) commit together.
   */
  unitOfWork: UnitOfWork;
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
  /**
   * Archives when referenced by orders or rentals, hard-deletes otherwise. When an order
   * line for it appears between the look and the delete, the product is archived and
   * DomainError('conflict') says so.
   */
  deleteProduct(actor: Actor, id: Id): Promise<{ outcome: 'archived' | 'deleted' }>;
  /** Staff (products:write): the product's stock ledger, newest first; not_found for an unknown product. */
  listStockMovements(actor: Actor, productId: Id, request: PageRequest): Promise<Page<StockMovement>>;
}

/** Attempts at a free slug when concurrent creates keep taking the one we picked. */
const SLUG_ATTEMPTS = 5;

/** SPEC §2 catalog: public reads, staff writes. */
export class CatalogService implements CatalogUseCases {
  constructor(private readonly deps: CatalogDeps) {}

  async listProducts(filter: ProductFilter): Promise<Page<Product>> {
    assertValidFilter(filter);
    return this.deps.products.list(filter);
  }

  async getProduct(id: Id): Promise<Product> {
    const product = await this.deps.products.findById(id);
    if (!product) throw notFound('product');
    return product;
  }

  async createProduct(actor: Actor, input: ProductInput): Promise<Product> {
    assertCan(actor, 'products:write');
    const data = validateNewProduct(input, await this.categories());
    const now = this.deps.clock.now();
    return this.withFreeSlug(data.name, (slug) =>
      this.deps.products.create({ ...data, slug }, now, changeActorOf(actor)),
    );
  }

  async updateProduct(actor: Actor, id: Id, input: ProductInput): Promise<Product> {
    assertCan(actor, 'products:write');
    const current = await this.getProduct(id);
    const data = validateProductUpdate(current, input, await this.categories());
    // SPEC §3: archiving (and bringing back) is deletion's business, which is the admin's.
    if (data.status !== undefined && data.status !== current.status) assertCan(actor, 'products:delete');
    const now = this.deps.clock.now();
    const { stock, ...fields } = data;
    return this.deps.unitOfWork.run(async () => {
      // The slug follows the name, and only the name: links stay stable through other edits.
      if (fields.name !== undefined && fields.name !== current.name && slugify(fields.name) !== slugify(current.name)) {
        const name = fields.name;
        await this.withFreeSlug(name, (slug) => this.deps.products.changeSlug(id, slug, now));
      }
      let updated = await this.deps.products.update(id, fields, now);
      // The stock is set against the row as it is when locked, never the copy read above:
      // an order placed meanwhile stays in the ledger (SPEC §4).
      if (updated && stock !== undefined)
        updated = await this.deps.products.setStock(id, stock, { actor: changeActorOf(actor), now });
      if (!updated) throw notFound('product');
      return updated;
    });
  }

  async deleteProduct(actor: Actor, id: Id): Promise<{ outcome: 'archived' | 'deleted' }> {
    assertCan(actor, 'products:delete');
    const { products, clock } = this.deps;
    const outcome = await this.deps.unitOfWork.run(async () => {
      if (!(await products.findByIdForUpdate(id))) throw notFound('product');
      // Orders and rentals keep pointing at a referenced product, so it is archived instead.
      if (await products.isReferenced(id)) {
        await products.update(id, { status: 'archived' }, clock.now());
        return 'archived' as const;
      }
      try {
        if (!(await products.delete(id))) throw notFound('product');
        return 'deleted' as const;
      } catch (error) {
        // Only the failed statement is undone: the transaction goes on to archive.
        if (!(error instanceof ProductReferencedError)) throw error;
        await products.update(id, { status: 'archived' }, clock.now());
        return 'archived meanwhile' as const;
      }
    });
    if (outcome === 'archived meanwhile') {
      throw new DomainError(
        'conflict',
        'an order for this product was placed meanwhile: it was archived instead of deleted',
      );
    }
    return { outcome };
  }

  async listStockMovements(actor: Actor, productId: Id, request: PageRequest): Promise<Page<StockMovement>> {
    assertCan(actor, 'products:write');
    const problems = new Problems();
    pageProblems(request, problems);
    problems.throwIfAny();
    if (!(await this.deps.products.findById(productId))) throw notFound('product');
    return this.deps.products.listStockMovements(productId, request);
  }

  private async categories(): Promise<readonly string[]> {
    return this.deps.categories ? this.deps.categories() : DEFAULT_CATEGORIES;
  }

  /** Runs `write` with the first free slug for `name`, again if a concurrent write took it. */
  private async withFreeSlug<T>(name: string, write: (slug: string) => Promise<T>): Promise<T> {
    const base = slugify(name);
    for (let attempt = 1; ; attempt += 1) {
      const slug = await uniqueSlug(base, (candidate) => this.deps.products.slugExists(candidate));
      try {
        return await write(slug);
      } catch (error) {
        const taken = error instanceof DomainError && error.code === 'already_exists';
        if (!taken || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }
}

function assertValidFilter(filter: ProductFilter): void {
  const problems = new Problems();
  pageProblems(filter, problems);
  if (!(PRODUCT_SORTS as readonly string[]).includes(filter.sort))
    problems.add('sort', `must be one of: ${PRODUCT_SORTS.join(', ')}`);
  const price = (value: number | undefined, field: string): void => {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0))
      problems.add(field, 'must be a whole number of cents, 0 or more');
  };
  price(filter.priceMin, 'priceMin');
  price(filter.priceMax, 'priceMax');
  if (filter.priceMin !== undefined && filter.priceMax !== undefined && filter.priceMin > filter.priceMax) {
    problems.add('priceMin', 'must not be more than the maximum price');
  }
  problems.throwIfAny();
}
