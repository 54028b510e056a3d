import type { Knex } from 'knex';
import { normalizeEmail, offsetOf } from '@giggatek/domain';
import type {
  AdminOrderFilter,
  Id,
  Order,
  OrderDetail,
  OrderItem,
  OrderListFilter,
  Page,
  PaymentEntry,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toNumber } from '../row-values.js';
import type { OrderRow } from '../rows/index.js';
import { toItem, toOrder, toPaymentEntry, toStatusChange } from './order-rows.js';

/**
 * Reads of orders in a fixed number of queries, whatever the number of orders or items:
 * the order rows first, then every item of those orders in one `IN (…)` query.
 */
export async function loadOrders(db: Knex, ids: Id[]): Promise<Order[]> {
  if (ids.length === 0) return [];
  const rows = await db('orders').whereIn('id', ids).orderBy('id', 'asc');
  return withItems(db, rows);
}

export async function loadOrder(db: Knex, id: Id): Promise<Order | null> {
  return (await loadOrders(db, [id]))[0] ?? null;
}

/**
 * Order, items, history and payments: four queries. With `lock` the order row is read FOR
 * UPDATE on MySQL and stays locked until `db`'s transaction ends; SQLite's write
 * transaction (BEGIN IMMEDIATE) already runs alone.
 */
export async function loadOrderDetail(
  db: Knex,
  where: { id: Id },
  options: { lock: boolean } = { lock: false },
): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
  const query = db('orders').where(where).first();
  if (options.lock && isMysql(db)) query.forUpdate();
  const row = await query;
  if (!row) return null;
  const id = row.id;
  const [items, history, payments] = await Promise.all([
    db('order_items').where({ order_id: id }).orderBy('id', 'asc'),
    db('order_status_history').where({ order_id: id }).orderBy('id', 'asc'),
    db('payments').where({ order_id: id }).orderBy('id', 'asc'),
  ]);
  return {
    ...toOrder(row, items.map(toItem)),
    statusHistory: history.map(toStatusChange),
    payments: payments.map(toPaymentEntry),
  };
}

export function listOrdersForUser(db: Knex, userId: Id, filter: OrderListFilter): Promise<Page<Order>> {
  return pageOfOrders(db, filter, (query) => {
    query.where('orders.user_id', userId);
    if (filter.status) query.where('orders.status', filter.status);
  });
}

export function listAllOrders(db: Knex, filter: AdminOrderFilter): Promise<Page<Order>> {
  return pageOfOrders(db, filter, (query) => {
    if (filter.status) query.where('orders.status', filter.status);
    if (filter.paymentStatus) query.where('orders.payment_status', filter.paymentStatus);
    if (filter.customerEmail !== undefined) {
      // Emails are stored normalised (users_email_unique), so this is an index lookup.
      query.whereIn('orders.user_id', db('users').select('id').where('email', normalizeEmail(filter.customerEmail)));
    }
    if (filter.createdFrom) query.where('orders.created_at', '>=', filter.createdFrom);
    if (filter.createdTo) query.where('orders.created_at', '<=', filter.createdTo);
  });
}

/** One query for the page, one COUNT on the same filter, one for the page's items. Newest first. */
async function pageOfOrders(
  db: Knex,
  request: { page: number; perPage: number },
  applyFilter: (query: Knex.QueryBuilder) => void,
): Promise<Page<Order>> {
  // Filtered in place (not .modify, which forgets the row type); the WHERE comes out the same.
  const pageQuery = db('orders').select<OrderRow[]>('orders.*'); // a qualified star: knex cannot type it
  applyFilter(pageQuery);
  pageQuery
    .orderBy([
      { column: 'orders.created_at', order: 'desc' },
      { column: 'orders.id', order: 'desc' },
    ])
    .limit(request.perPage)
    .offset(offsetOf(request));
  const countQuery = db('orders').count({ total: '*' });
  applyFilter(countQuery);
  const [rows, counted] = await Promise.all([pageQuery, countQuery]);
  return {
    items: await withItems(db, rows),
    total: toNumber(counted[0]?.total ?? 0),
    page: request.page,
    perPage: request.perPage,
  };
}

/** Attaches every item of the given orders, read in one query; keeps the rows' order. */
async function withItems(db: Knex, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const itemRows = await db('order_items')
    .whereIn(
      'order_id',
      rows.map((row) => row.id),
    )
    .orderBy('id', 'asc');
  const itemsByOrder = new Map<number, OrderItem[]>();
  for (const itemRow of itemRows) {
    const orderId = itemRow.order_id;
    const list = itemsByOrder.get(orderId) ?? [];
    list.push(toItem(itemRow));
    itemsByOrder.set(orderId, list);
  }
  return rows.map((row) => toOrder(row, itemsByOrder.get(row.id) ?? []));
}
