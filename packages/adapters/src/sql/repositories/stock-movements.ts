import type { Knex } from 'knex';
import { availableStock, offsetOf } from '@giggatek/domain';
import type { Id, NewStockMovement, Page, PageRequest, StockMovement } from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toDate, toNumber } from '../row-values.js';
import type { StockMovementRow } from '../rows/index.js';

/**
 * Inside `trx`: adds each product's delta to its stock in ONE UPDATE however many products,
 * only where the result stays ≥ 0 (the rows were locked and checked by the caller, so every
 * one must match: a miss throws and the transaction rolls back). Then writes the movements
 * in ONE multi-row insert. `movements` hold one row per product.
 */
export async function applyMovements(
  trx: Knex.Transaction,
  movements: readonly NewStockMovement[],
  now: Date,
): Promise<void> {
  if (movements.length === 0) return;
  const deltaOf = `CASE id ${movements.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  const bindings = movements.flatMap((m) => [m.productId, m.delta]);
  const changed = await trx('products')
    .whereIn(
      'id',
      movements.map((m) => m.productId),
    )
    .andWhereRaw(`stock + ${deltaOf} >= 0`, bindings)
    .update({ stock: trx.raw(`stock + ${deltaOf}`, bindings), updated_at: now });
  if (changed !== movements.length) {
    throw new Error(`stock changed under a lock: changed ${changed} of ${movements.length} products`);
  }
  await insertMovements(trx, movements);
}

/**
 * What each product can give now (availableStock: 0 when archived; absent when missing),
 * read with a lock so it cannot change before this transaction ends (orders and rentals
 * take stock through here). On MySQL the locking read takes the rows in primary key order,
 * so two multi-line orders lock in the same order and cannot deadlock each other; SQLite
 * runs one write transaction at a time.
 */
export async function lockAvailableStock(trx: Knex.Transaction, ids: Id[]): Promise<Map<Id, number>> {
  const query = trx('products').whereIn('id', ids).orderBy('id', 'asc').select('id', 'stock', 'status');
  if (isMysql(trx)) query.forUpdate();
  const rows = await query;
  return new Map(rows.map((row) => [row.id, availableStock({ status: row.status, stock: row.stock })]));
}

/** ONE multi-row insert of ledger rows; nothing for none. */
export async function insertMovements(trx: Knex.Transaction, movements: readonly NewStockMovement[]): Promise<void> {
  if (movements.length > 0) await trx('stock_movements').insert(movements.map(movementColumns));
}

/** A product's movements, newest first: one SELECT for the page, one COUNT for the total. */
export async function listMovements(db: Knex, productId: Id, request: PageRequest): Promise<Page<StockMovement>> {
  const [rows, counted] = await Promise.all([
    db('stock_movements')
      .where({ product_id: productId })
      .orderBy('id', 'desc')
      .limit(request.perPage)
      .offset(offsetOf(request))
      .select('*'),
    db('stock_movements').where({ product_id: productId }).count({ total: '*' }),
  ]);
  return {
    items: rows.map(toMovement),
    total: toNumber(counted[0]?.total ?? 0),
    page: request.page,
    perPage: request.perPage,
  };
}

function movementColumns(movement: NewStockMovement): Omit<StockMovementRow, 'id'> {
  return {
    product_id: movement.productId,
    delta: movement.delta,
    reason: movement.reason,
    order_id: movement.orderId,
    rental_id: movement.rentalId,
    actor_user_id: movement.actorUserId,
    actor_label: movement.actorLabel,
    note: movement.note,
    created_at: movement.createdAt,
  };
}

function toMovement(row: StockMovementRow): StockMovement {
  return {
    id: row.id,
    productId: row.product_id,
    delta: row.delta,
    reason: row.reason,
    orderId: row.order_id,
    rentalId: row.rental_id,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    note: row.note,
    createdAt: toDate(row.created_at),
  };
}
