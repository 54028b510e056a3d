import type { Knex } from 'knex';
import {
  adjustmentMovement,
  CATALOG_SYSTEM_ACTOR,
  DomainError,
  offsetOf,
  ProductReferencedError,
} from '@giggatek/domain';
import type {
  ChangeActor,
  Id,
  Page,
  PageRequest,
  Product,
  ProductData,
  ProductFilter,
  ProductRepository,
  StockChange,
  StockMovement,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { isForeignKeyViolation, isUniqueViolation, toNumber } from '../row-values.js';
import { applyProductFilter, productOrder } from './product-list-query.js';
import { toProduct, toProductColumns } from './product-rows.js';
import { insertedId } from '../rows/index.js';
import { dbOf, inTransaction } from '../unit-of-work.js';
import { insertMovements, listMovements } from './stock-movements.js';

/** Tables whose rows refer to a product: order_items (migration 002) and rentals (007); a rented product is archived. */
const REFERENCING_TABLES = ['order_items', 'rentals'] as const;

export class SqlProductRepository implements ProductRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  /** The row and its first movement (the initial stock as an adjustment) in one transaction. */
  async create(
    data: ProductData & { slug: string },
    now: Date,
    actor: ChangeActor = CATALOG_SYSTEM_ACTOR,
  ): Promise<Product> {
    try {
      return await inTransaction(this.knex, async (trx) => {
        const ids = await trx('products').insert({
          ...toProductColumns(data),
          slug: data.slug,
          created_at: now,
          updated_at: now,
        });
        const id = insertedId(ids, 'products');
        const first = adjustmentMovement(id, data.stock, { actor, now, note: 'initial stock' });
        if (first) await insertMovements(trx, [first]);
        return readProduct(trx, id);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('already_exists', 'a product with this slug already exists');
      throw error;
    }
  }

  async update(id: Id, data: Partial<Omit<ProductData, 'stock'>>, now: Date): Promise<Product | null> {
    const updated = await this.db('products')
      .where({ id })
      .update({ ...toProductColumns(data), updated_at: now });
    return updated > 0 ? this.findById(id) : null;
  }

  /**
   * Locks the row (FOR UPDATE on MySQL; SQLite's write transaction holds the database),
   * then sets the stock only while it is still what was read, and writes the difference
   * as an adjustment: a concurrent order either came first (and is in the difference) or
   * waits and takes from the new stock.
   */
  async setStock(id: Id, stock: number, change: StockChange): Promise<Product | null> {
    return inTransaction(this.knex, async (trx) => {
      const query = trx('products').where({ id }).first('stock');
      if (isMysql(trx)) query.forUpdate();
      const row = await query;
      if (!row) return null;
      const before = toNumber(row.stock);
      const movement = adjustmentMovement(id, stock - before, change);
      if (movement) {
        const changed = await trx('products').where({ id, stock: before }).update({ stock, updated_at: change.now });
        if (changed !== 1) throw new Error('stock changed under a lock');
        await insertMovements(trx, [movement]);
      }
      return readProduct(trx, id);
    });
  }

  listStockMovements(productId: Id, request: PageRequest): Promise<Page<StockMovement>> {
    return listMovements(this.db, productId, request);
  }

  async changeSlug(id: Id, slug: string, now: Date): Promise<boolean> {
    try {
      const updated = await this.db('products').where({ id }).update({ slug, updated_at: now });
      return updated > 0;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('already_exists', 'a product with this slug already exists');
      throw error;
    }
  }

  /** Any status: archived products stay readable by id. */
  async findById(id: Id): Promise<Product | null> {
    const row = await this.db('products').where({ id }).first();
    return row ? toProduct(row) : null;
  }

  async findByIdForUpdate(id: Id): Promise<Product | null> {
    const query = this.db('products').where({ id }).first();
    if (isMysql(this.knex)) query.forUpdate();
    const row = await query;
    return row ? toProduct(row) : null;
  }

  /** Any status, in one `WHERE id IN (…)` query; no query at all for no ids. */
  async findByIds(ids: readonly Id[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.db('products').whereIn('id', [...new Set(ids)]);
    return rows.map(toProduct);
  }

  async slugExists(slug: string): Promise<boolean> {
    const row = await this.db('products').where({ slug }).first('id');
    return row !== undefined;
  }

  /** One SELECT for the page and one COUNT for the total, both on the same filter. */
  async list(filter: ProductFilter): Promise<Page<Product>> {
    const pageQuery = applyProductFilter(this.db('products').select('*'), filter)
      .orderBy(productOrder(filter.sort))
      .limit(filter.perPage)
      .offset(offsetOf(filter));
    const countQuery = applyProductFilter(this.db('products').count({ total: '*' }), filter);
    const [rows, counted] = await Promise.all([pageQuery, countQuery]);
    return {
      items: rows.map(toProduct),
      total: toNumber(counted[0]?.total ?? 0),
      page: filter.page,
      perPage: filter.perPage,
    };
  }

  async isReferenced(id: Id): Promise<boolean> {
    for (const table of REFERENCING_TABLES) {
      const row = await this.db(table)
        .where({ product_id: id })
        .first<{ product_id: number } | undefined>('product_id');
      if (row !== undefined) return true;
    }
    return false;
  }

  async delete(id: Id): Promise<boolean> {
    try {
      const deleted = await this.db('products').where({ id }).delete();
      return deleted > 0;
    } catch (error) {
      // A row still refers to it: the statement changed nothing, the transaction goes on.
      if (isForeignKeyViolation(error)) throw new ProductReferencedError();
      throw error;
    }
  }
}

/** The product just written in `trx`: it must be there. */
async function readProduct(trx: Knex.Transaction, id: Id): Promise<Product> {
  const row = await trx('products').where({ id }).first();
  if (!row) throw new Error(`product ${id} is gone`);
  return toProduct(row);
}
