import type { Knex } from 'knex';
import { insufficientStockError, rentalMovement } from '@giggatek/domain';
import type {
  ChangeActor,
  Id,
  NewPaymentEntry,
  NewRental,
  PaymentEntry,
  RentalProgress,
  RentalStatusChangeRequest,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { insertedId } from '../rows/index.js';
import { paymentColumns, toPaymentEntry } from './order-rows.js';
import { dateColumn, factsColumns, rentalColumns, rentalHistoryColumns } from './rental-rows.js';
import { applyMovements, lockAvailableStock } from './stock-movements.js';

/** Who changes a rental, and when. */
interface ChangeContext {
  actor: ChangeActor;
  note: string | null;
  now: Date;
}

/**
 * Inside `trx`: takes one unit of the product as an order line does (the product row
 * locked, then the conditional UPDATE of applyMovements), then writes the rental, its
 * `rental_out` movement and its first history row; returns the rental's id. No unit:
 * throws insufficient_stock (the caller's transaction rolls back) having taken nothing.
 */
export async function insertRentalTakingStock(trx: Knex.Transaction, rental: NewRental): Promise<Id> {
  const available = (await lockAvailableStock(trx, [rental.productId])).get(rental.productId) ?? 0;
  if (available < 1) {
    throw insufficientStockError([
      { productId: rental.productId, productName: rental.productName, requested: 1, available },
    ]);
  }
  // The rental's id names its movement, so the stock is changed once the rental row exists.
  const id = insertedId(await trx('rentals').insert(rentalColumns(rental)), 'rentals');
  const context = { actor: rental.actor, note: null, now: rental.createdAt };
  await applyMovements(trx, [rentalMovement(id, rental.productId, 'rental_out', context)], rental.createdAt);
  await trx('rental_status_history').insert(rentalHistoryColumns(id, { from: null, to: rental.status, ...context }));
  return id;
}

/**
 * Inside `trx`: one conditional UPDATE from `change.from`, so of two racing changes exactly
 * one matches and the loser gets false having changed nothing. The winner sets the facts,
 * writes the history row and, when asked, puts the unit back in the same transaction.
 */
export async function applyRentalStatusChange(
  trx: Knex.Transaction,
  id: Id,
  change: RentalStatusChangeRequest,
): Promise<boolean> {
  const changed = await trx('rentals')
    .where({ id, status: change.from })
    .update({ ...factsColumns(change.facts ?? {}), status: change.to, updated_at: change.now });
  if (changed === 0) return false;
  await trx('rental_status_history').insert(rentalHistoryColumns(id, change));
  if (change.restock) await putUnitBack(trx, id, { actor: change.actor, note: null, now: change.now });
  return true;
}

/**
 * Inside `trx`: writes the ledger row and returns it as stored; with `progress` (a success)
 * the rental's installments_paid and next_due_date move in the same transaction.
 */
export async function insertRentalPayment(
  trx: Knex.Transaction,
  id: Id,
  entry: NewPaymentEntry,
  progress: RentalProgress | null,
  now: Date,
): Promise<PaymentEntry> {
  if (entry.rentalId !== id) throw new Error(`a payment of rental ${String(entry.rentalId)} recorded on rental ${id}`);
  if (progress) {
    await moveRentalOn(trx, id, progress, now);
  } else if (!(await trx('rentals').where({ id }).first('id'))) {
    throw new Error(`rental ${id} is gone`);
  }
  const paymentId = insertedId(await trx('payments').insert(paymentColumns(entry, now)), 'payments');
  const row = await trx('payments').where({ id: paymentId }).first();
  if (!row) throw new Error(`payment ${paymentId} is gone`);
  return toPaymentEntry(row);
}

/** Inside `trx`: the rental's counters after a success (installments paid, next due date). */
export async function moveRentalOn(trx: Knex.Transaction, id: Id, progress: RentalProgress, now: Date): Promise<void> {
  const moved = await trx('rentals')
    .where({ id })
    .update({
      installments_paid: progress.installmentsPaid,
      next_due_date: dateColumn(progress.nextDueDate),
      updated_at: now,
    });
  if (moved !== 1) throw new Error(`rental ${id} is gone`);
}

/**
 * Inside `trx`: a returned rental's unit is back, once: the conditional UPDATE matches only
 * while received_at is unset, and the winner writes the history row and the `rental_back`.
 */
export async function applyReceived(trx: Knex.Transaction, id: Id, change: ChangeContext): Promise<boolean> {
  const changed = await trx('rentals')
    .where({ id, status: 'returned' })
    .whereNull('received_at')
    .update({ received_at: change.now, updated_at: change.now });
  if (changed === 0) return false;
  await trx('rental_status_history').insert(
    rentalHistoryColumns(id, {
      ...change,
      from: 'returned',
      to: 'returned',
      note: change.note ?? 'unit received back into stock',
    }),
  );
  await putUnitBack(trx, id, change);
  return true;
}

/**
 * Inside `trx`: a history row that keeps the status. The rental row is locked first on
 * MySQL, so the status written is the one the rental still has when the note commits.
 */
export async function insertNote(trx: Knex.Transaction, id: Id, change: ChangeContext): Promise<void> {
  const query = trx('rentals').where({ id }).first('status');
  if (isMysql(trx)) query.forUpdate();
  const row = await query;
  if (!row) return;
  await trx('rental_status_history').insert(rentalHistoryColumns(id, { ...change, from: row.status, to: row.status }));
}

/** One unit back with a `rental_back` movement (the rental's row is already locked by its UPDATE). */
async function putUnitBack(trx: Knex.Transaction, rentalId: Id, context: ChangeContext): Promise<void> {
  const row = await trx('rentals').where({ id: rentalId }).first('product_id');
  if (!row) throw new Error(`rental ${rentalId} is gone`);
  await applyMovements(trx, [rentalMovement(rentalId, row.product_id, 'rental_back', context)], context.now);
}
