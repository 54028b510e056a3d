import type { Knex } from 'knex';
import { insufficientStockError } from '@giggatek/domain';
import type { DomainError, Id, NewOrder, StatusChangeRequest, TrackingNumberChange } from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toNumber } from '../row-values.js';
import { historyColumns, itemColumns, orderColumns, paymentColumns } from './order-rows.js';

/**
 * Inside `trx`: takes stock for every line, then writes the order, its items and its first
 * history row; returns the new order's id. A fixed number of statements however many lines (no N+1): one locking read
 * of the products, then one UPDATE for all of them. When a line is short, throws
 * insufficient_stock (the caller's transaction then rolls back) having taken nothing.
 */
export async function insertOrderTakingStock(trx: Knex.Transaction, order: NewOrder): Promise<Id> {
  const wanted = new Map<Id, number>();
  for (const line of order.lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
  const available = await lockAvailableStock(trx, [...wanted.keys()]);
  const short = [...order.lines]
    .sort((a, b) => a.productId - b.productId)
    .filter((line) => (available.get(line.productId) ?? 0) < (wanted.get(line.productId) ?? 0));
  if (short.length > 0) throw shortageError(short, available);
  await takeStock(trx, wanted, order.createdAt);

  const orderId = await insertRow(trx, order);
  await trx('order_items').insert(itemColumns(orderId, order));
  await trx('order_status_history').insert(
    historyColumns(orderId, { from: null, to: 'pending', actor: order.actor, note: null, now: order.createdAt }),
  );
  return orderId;
}

async function insertRow(trx: Knex.Transaction, order: NewOrder): Promise<Id> {
  const [orderId] = await trx('orders').insert<number[]>(orderColumns(order));
  if (orderId === undefined) throw new Error('the orders insert returned no id');
  return orderId;
}

/**
 * The stock each product has now (0 when archived; absent when missing), read with a
 * lock so it cannot change before this transaction ends. On MySQL the locking read takes
 * the rows in primary key order, so two multi-line orders lock in the same order and
 * cannot deadlock each other; SQLite runs one transaction at a time.
 */
async function lockAvailableStock(trx: Knex.Transaction, ids: Id[]): Promise<Map<Id, number>> {
  const query = trx('products').whereIn('id', ids).orderBy('id', 'asc').select('id', 'stock', 'status');
  if (isMysql(trx)) query.forUpdate();
  const rows = (await query) as Array<{ id: unknown; stock: unknown; status: string }>;
  return new Map(rows.map((row) => [toNumber(row.id), row.status === 'active' ? toNumber(row.stock) : 0]));
}

/**
 * One UPDATE for every product. The rows are locked and were checked, so every one must
 * match; the conditions stay in the WHERE as a guard, and a miss aborts the transaction.
 */
async function takeStock(trx: Knex.Transaction, wanted: Map<Id, number>, now: Date): Promise<void> {
  const entries = [...wanted.entries()];
  const quantityOf = `CASE id ${entries.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  const bindings = entries.flat();
  const taken = await trx('products')
    .whereIn('id', [...wanted.keys()])
    .andWhere('status', 'active')
    .andWhereRaw(`stock >= ${quantityOf}`, bindings)
    .update({ stock: trx.raw(`stock - ${quantityOf}`, bindings), updated_at: now });
  if (taken !== entries.length) throw new Error(`stock changed under a lock: took ${taken} of ${entries.length} products`);
}

/** Names every short line with what its product has (the domain's one message for it). */
function shortageError(
  short: ReadonlyArray<{ productId: Id; productName: string; quantity: number }>,
  available: ReadonlyMap<Id, number>,
): DomainError {
  return insufficientStockError(short.map((line) => ({
    productId: line.productId,
    productName: line.productName,
    requested: line.quantity,
    available: available.get(line.productId) ?? 0,
  })));
}

/**
 * Inside `trx`: moves the order from `change.from` to `change.to` with one conditional
 * update, so of two racing changes exactly one matches; the loser changes nothing and
 * gets false. The winner writes the history row, returns stock and records the ledger
 * row in the same transaction.
 */
export async function applyStatusChange(trx: Knex.Transaction, id: Id, change: StatusChangeRequest): Promise<boolean> {
  const update = trx('orders').where({ id, status: change.from });
  if (change.requirePaymentStatusIn) update.whereIn('payment_status', change.requirePaymentStatusIn);
  const changed = await update.update({
    status: change.to,
    ...(change.paymentStatus ? { payment_status: change.paymentStatus } : {}),
    updated_at: change.now,
  });
  if (changed === 0) return false;

  await trx('order_status_history').insert(
    historyColumns(id, { from: change.from, to: change.to, actor: change.actor, note: change.note, now: change.now }),
  );
  if (change.restock) await returnStock(trx, id, change.now);
  if (change.payment) await trx('payments').insert(paymentColumns(change.payment, change.now));
  return true;
}

/** Puts every line's quantity back, in product id order (the same lock order as taking it). */
async function returnStock(trx: Knex.Transaction, orderId: Id, now: Date): Promise<void> {
  const items = await trx('order_items')
    .where({ order_id: orderId })
    .orderBy('product_id', 'asc')
    .select<Array<{ product_id: unknown; quantity: unknown }>>('product_id', 'quantity');
  for (const item of items) {
    await trx('products')
      .where({ id: toNumber(item.product_id) })
      .update({ stock: trx.raw('stock + ?', [toNumber(item.quantity)]), updated_at: now });
  }
}

/**
 * Inside `trx`: sets the tracking number with one conditional update, only while the order
 * is still in the status and payment status the change was planned from; false when it
 * moved on (nothing changed). Never writes the payment status or a payment.
 */
export async function applyTrackingNumberChange(trx: Knex.Transaction, id: Id, change: TrackingNumberChange): Promise<boolean> {
  const changed = await trx('orders')
    .where({ id, status: change.from, payment_status: change.paymentStatus })
    .update({ tracking_number: change.trackingNumber, updated_at: change.now });
  return changed > 0;
}
