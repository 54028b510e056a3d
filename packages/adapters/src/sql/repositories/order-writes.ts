import type { Knex } from 'knex';
import { DomainError } from '@giggatek/domain';
import type { Id, NewOrder, StatusChangeRequest, StockShortage } from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toNumber } from '../row-values.js';
import { historyColumns, itemColumns, orderColumns, paymentColumns } from './order-rows.js';

/**
 * Inside `trx`: takes stock for every line with a conditional update, then writes the
 * order, its items and its first history row; returns the new order's id. Lines are
 * taken in product id order, so two multi-line orders lock rows in the same order and
 * cannot deadlock each other on MySQL. When a line is short, throws insufficient_stock
 * (the caller's transaction then rolls back everything taken).
 */
export async function insertOrderTakingStock(trx: Knex.Transaction, order: NewOrder): Promise<Id> {
  const lines = [...order.lines].sort((a, b) => a.productId - b.productId);
  const short: typeof lines = [];
  for (const line of lines) {
    const taken = await trx('products')
      .where({ id: line.productId, status: 'active' })
      .andWhere('stock', '>=', line.quantity)
      .update({ stock: trx.raw('stock - ?', [line.quantity]), updated_at: order.createdAt });
    if (taken === 0) short.push(line);
  }
  if (short.length > 0) throw await shortageError(trx, short);

  const [orderId] = (await trx('orders').insert(orderColumns(order))) as number[];
  if (orderId === undefined) throw new Error('the orders insert returned no id');
  await trx('order_items').insert(itemColumns(orderId, order));
  await trx('order_status_history').insert(
    historyColumns(orderId, { from: null, to: 'pending', actor: order.actor, note: null, now: order.createdAt }),
  );
  return orderId;
}

/**
 * What each short line has now. Read inside the transaction that failed to take it: on
 * MySQL the failed conditional update still locked the row, and this locking read sees
 * its latest value; SQLite runs one transaction at a time. Archived or missing products
 * have nothing available.
 */
async function shortageError(
  trx: Knex.Transaction,
  short: Array<{ productId: Id; productName: string; quantity: number }>,
): Promise<DomainError> {
  const query = trx('products').whereIn('id', short.map((line) => line.productId)).select('id', 'stock', 'status');
  if (isMysql(trx)) query.forUpdate();
  const rows = (await query) as Array<{ id: number; stock: unknown; status: string }>;
  const shortages: StockShortage[] = short.map((line) => {
    const row = rows.find((candidate) => toNumber(candidate.id) === line.productId);
    const available = row && row.status === 'active' ? toNumber(row.stock) : 0;
    return { productId: line.productId, productName: line.productName, requested: line.quantity, available };
  });
  return new DomainError(
    'insufficient_stock',
    `not enough stock for: ${shortages.map((s) => s.productName).join(', ')}`,
    undefined,
    {
      shortages: shortages.map((s) => ({
        product_id: s.productId, product_name: s.productName, requested: s.requested, available: s.available,
      })),
    },
  );
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
  const items = (await trx('order_items')
    .where({ order_id: orderId })
    .orderBy('product_id', 'asc')
    .select('product_id', 'quantity')) as Array<{ product_id: unknown; quantity: unknown }>;
  for (const item of items) {
    await trx('products')
      .where({ id: toNumber(item.product_id) })
      .update({ stock: trx.raw('stock + ?', [toNumber(item.quantity)]), updated_at: now });
  }
}
