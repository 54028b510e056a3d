import type { Knex } from 'knex';
import { insufficientStockError, placementMovements, quantitiesByProduct, restockMovements } from '@giggatek/domain';
import type {
  ChangeActor,
  DomainError,
  Id,
  NewOrder,
  RestockReason,
  StatusChangeRequest,
  TrackingNumberChange,
} from '@giggatek/domain';
import { insertedId } from '../rows/index.js';
import { historyColumns, itemColumns, orderColumns, paymentColumns } from './order-rows.js';
import { applyMovements, lockAvailableStock } from './stock-movements.js';

/**
 * Inside `trx`: takes stock for every line, then writes the order, its items, its first
 * history row and its stock movements; returns the new order's id. A fixed number of
 * statements however many lines (no N+1): one locking read of the products, one UPDATE
 * for all of them, one insert per table. When a line is short, throws insufficient_stock
 * (the caller's transaction then rolls back) having taken nothing.
 */
export async function insertOrderTakingStock(trx: Knex.Transaction, order: NewOrder): Promise<Id> {
  const wanted = quantitiesByProduct(order.lines);
  const available = await lockAvailableStock(trx, [...wanted.keys()]);
  const short = [...order.lines]
    .sort((a, b) => a.productId - b.productId)
    .filter((line) => (available.get(line.productId) ?? 0) < (wanted.get(line.productId) ?? 0));
  if (short.length > 0) throw shortageError(short, available);

  // The order's id names its movements, so the stock is changed once the order row exists.
  const orderId = await insertRow(trx, order);
  await applyMovements(
    trx,
    placementMovements(orderId, order.lines, { actor: order.actor, now: order.createdAt }),
    order.createdAt,
  );
  await trx('order_items').insert(itemColumns(orderId, order));
  await trx('order_status_history').insert(
    historyColumns(orderId, { from: null, to: order.status, actor: order.actor, note: null, now: order.createdAt }),
  );
  return orderId;
}

async function insertRow(trx: Knex.Transaction, order: NewOrder): Promise<Id> {
  return insertedId(await trx('orders').insert(orderColumns(order)), 'orders');
}

/** Names every short line with what its product has (the domain's one message for it). */
function shortageError(
  short: ReadonlyArray<{ productId: Id; productName: string; quantity: number }>,
  available: ReadonlyMap<Id, number>,
): DomainError {
  return insufficientStockError(
    short.map((line) => ({
      productId: line.productId,
      productName: line.productName,
      requested: line.quantity,
      available: available.get(line.productId) ?? 0,
    })),
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
  if (change.restock) await returnStock(trx, id, change.restock, { actor: change.actor, now: change.now });
  if (change.payment) await trx('payments').insert(paymentColumns(change.payment, change.now));
  return true;
}

/**
 * Puts every line's quantity back with its movements: one read of the lines, one UPDATE
 * and one insert however many lines. The UPDATE finds its rows through the primary key
 * in id order, the order placements lock them in.
 */
async function returnStock(
  trx: Knex.Transaction,
  orderId: Id,
  reason: RestockReason,
  context: { actor: ChangeActor; now: Date },
): Promise<void> {
  const rows = await trx('order_items').where({ order_id: orderId }).select('product_id', 'quantity');
  const items = rows.map((row) => ({ productId: row.product_id, quantity: row.quantity }));
  await applyMovements(trx, restockMovements(orderId, items, reason, context), context.now);
}

/**
 * Inside `trx`: sets the tracking number with one conditional update, only while the order
 * is still in the status and payment status the change was planned from; false when it
 * moved on (nothing changed). Never writes the payment status or a payment.
 */
export async function applyTrackingNumberChange(
  trx: Knex.Transaction,
  id: Id,
  change: TrackingNumberChange,
): Promise<boolean> {
  const changed = await trx('orders')
    .where({ id, status: change.from, payment_status: change.paymentStatus })
    .update({ tracking_number: change.trackingNumber, updated_at: change.now });
  return changed > 0;
}
