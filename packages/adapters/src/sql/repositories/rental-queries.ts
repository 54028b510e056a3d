import type { Knex } from 'knex';
import { normalizeEmail, offsetOf } from '@giggatek/domain';
import type {
  AdminRentalFilter,
  Id,
  Page,
  PaymentEntry,
  RentalDetail,
  RentalListFilter,
  RentalRecord,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toNumber } from '../row-values.js';
import type { RentalRow } from '../rows/index.js';
import { toPaymentEntry } from './order-rows.js';
import { dateColumn, toRental, toRentalStatusChange } from './rental-rows.js';

/**
 * The rental, its ledger rows and its history, oldest first: three queries. With `lock`
 * the rental row is read FOR UPDATE on MySQL and stays locked until `db`'s transaction
 * ends; SQLite's write transaction (BEGIN IMMEDIATE) already runs alone.
 */
export async function loadRentalDetail(db: Knex, id: Id, options: { lock: boolean }): Promise<RentalDetail | null> {
  const query = db('rentals').where({ id }).first();
  if (options.lock && isMysql(db)) query.forUpdate();
  const row = await query;
  if (!row) return null;
  const [payments, history] = await Promise.all([
    db('payments').where({ rental_id: id }).orderBy('id', 'asc'),
    db('rental_status_history').where({ rental_id: id }).orderBy('id', 'asc'),
  ]);
  return { ...toRental(row), payments: payments.map(toPaymentEntry), statusHistory: history.map(toRentalStatusChange) };
}

export function listRentalsForUser(db: Knex, userId: Id, filter: RentalListFilter): Promise<Page<RentalRecord>> {
  return pageOfRentals(db, filter, (query) => {
    query.where('rentals.user_id', userId);
    if (filter.status) query.where('rentals.status', filter.status);
  });
}

export function listAllRentals(db: Knex, filter: AdminRentalFilter): Promise<Page<RentalRecord>> {
  return pageOfRentals(db, filter, (query) => {
    if (filter.status) query.where('rentals.status', filter.status);
    if (filter.overdueOn) {
      // The next installment's due date has passed: a DATE compared with `YYYY-MM-DD` on both engines.
      query
        .whereIn('rentals.status', ['active', 'defaulted'])
        .where('rentals.next_due_date', '<', dateColumn(filter.overdueOn));
    }
    if (filter.customerEmail !== undefined) {
      // Emails are stored normalised (users_email_unique), so this is an index lookup.
      query.whereIn('rentals.user_id', db('users').select('id').where('email', normalizeEmail(filter.customerEmail)));
    }
  });
}

/** One query for the page, one COUNT on the same filter, one for the page's ledger rows. Newest first, ties by id. */
async function pageOfRentals(
  db: Knex,
  request: { page: number; perPage: number },
  applyFilter: (query: Knex.QueryBuilder) => void,
): Promise<Page<RentalRecord>> {
  const pageQuery = db('rentals').select<RentalRow[]>('rentals.*'); // a qualified star: knex cannot type it
  applyFilter(pageQuery);
  pageQuery
    .orderBy([
      { column: 'rentals.created_at', order: 'desc' },
      { column: 'rentals.id', order: 'desc' },
    ])
    .limit(request.perPage)
    .offset(offsetOf(request));
  const countQuery = db('rentals').count({ total: '*' });
  applyFilter(countQuery);
  const [rows, counted] = await Promise.all([pageQuery, countQuery]);
  return {
    items: await withPayments(db, rows),
    total: toNumber(counted[0]?.total ?? 0),
    page: request.page,
    perPage: request.perPage,
  };
}

/** Attaches every ledger row of the given rentals, read in one query; keeps the rows' order. */
async function withPayments(db: Knex, rows: RentalRow[]): Promise<RentalRecord[]> {
  if (rows.length === 0) return [];
  const paymentRows = await db('payments')
    .whereIn(
      'rental_id',
      rows.map((row) => row.id),
    )
    .orderBy('id', 'asc');
  const paymentsByRental = new Map<Id | null, PaymentEntry[]>();
  for (const paymentRow of paymentRows) {
    const list = paymentsByRental.get(paymentRow.rental_id) ?? [];
    list.push(toPaymentEntry(paymentRow));
    paymentsByRental.set(paymentRow.rental_id, list);
  }
  return rows.map((row) => ({ ...toRental(row), payments: paymentsByRental.get(row.id) ?? [] }));
}
