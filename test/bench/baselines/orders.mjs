import { firstDifference } from '../lib/compare.mjs';

// Baseline of GET /api/orders: a customer's orders newest first with their items, in the
// three statements the app's repository runs (page, COUNT, items of the page's orders),
// written by hand with mysql2 and answering the same JSON page.
//
// It does NOT authenticate: the user id is a fixed value handed to the baseline server
// at start (BENCH_USER_ID), where the app verifies a JWT and looks its session up in the
// database on every request. The ratio therefore includes the cost of authentication.

const SNAPSHOT_FIELDS = ['recipient_name', 'line1', 'line2', 'city', 'state', 'postal_code', 'country', 'phone'];
const ORDER_COLUMNS = [
  'id',
  'user_id',
  'status',
  'payment_status',
  'currency',
  'subtotal',
  'shipping',
  'tax',
  'total',
  'shipping_method',
  ...SNAPSHOT_FIELDS.map((field) => `shipping_${field}`),
  ...SNAPSHOT_FIELDS.map((field) => `billing_${field}`),
  'tracking_number',
  'notes',
  'created_at',
  'updated_at',
]
  .map((column) => `\`${column}\``)
  .join(', ');
const ITEM_COLUMNS = ['id', 'order_id', 'product_id', 'product_name', 'quantity', 'unit_price', 'line_total']
  .map((column) => `\`${column}\``)
  .join(', ');

/** GET /api/orders?page=&per_page= for the user in `context.userId`. */
export async function listOrdersOfUser(pool, url, context) {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20) || 20));
  // Page and count at once, as the app's repository runs them; then the page's items.
  const [[rows], [[{ total }]]] = await Promise.all([
    pool.query(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE user_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [context.userId, perPage, (page - 1) * perPage],
    ),
    pool.query('SELECT COUNT(*) AS total FROM orders WHERE user_id = ?', [context.userId]),
  ]);
  const itemsByOrder = new Map(rows.map((row) => [row.id, []]));
  if (rows.length > 0) {
    const [items] = await pool.query(`SELECT ${ITEM_COLUMNS} FROM order_items WHERE order_id IN (?) ORDER BY id ASC`, [
      rows.map((row) => row.id),
    ]);
    for (const item of items) itemsByOrder.get(item.order_id)?.push(presentItemRow(item));
  }
  return {
    status: 200,
    body: {
      orders: rows.map((row) => presentOrderRow(row, itemsByOrder.get(row.id) ?? [])),
      pagination: { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) },
    },
  };
}

/** The public order shape (SPEC §9), built straight from a row. */
function presentOrderRow(row, items) {
  return {
    id: row.id,
    user_id: row.user_id,
    status: row.status,
    payment_status: row.payment_status,
    currency: row.currency,
    subtotal: row.subtotal,
    shipping: row.shipping,
    tax: row.tax,
    total: row.total,
    shipping_method: row.shipping_method,
    shipping_address: snapshot(row, 'shipping'),
    billing_address: snapshot(row, 'billing'),
    tracking_number: row.tracking_number,
    notes: row.notes,
    items,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function snapshot(row, prefix) {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, row[`${prefix}_${field}`]]));
}

function presentItemRow(row) {
  return {
    id: row.id,
    product_id: row.product_id,
    product_name: row.product_name,
    quantity: row.quantity,
    unit_price: row.unit_price,
    line_total: row.line_total,
  };
}

/**
 * Same orders in the same order, each with the same items, and the same pagination; then
 * every field alike (a baseline that skipped part of the answer would not be a floor).
 */
export function sameOrderPage(app, baseline) {
  if (baseline.orders.length === 0) return 'the baseline page is empty: the set-up placed no orders';
  const shape = (body) =>
    (body.orders ?? []).map((order) => `${order.id}:[${(order.items ?? []).map((item) => item.id).join(',')}]`);
  const appShape = shape(app);
  const baselineShape = shape(baseline);
  if (JSON.stringify(appShape) !== JSON.stringify(baselineShape)) {
    return `different orders (id:[item ids]): app ${appShape.join(' ')} vs baseline ${baselineShape.join(' ')}`;
  }
  if (JSON.stringify(app.pagination) !== JSON.stringify(baseline.pagination)) {
    return `different pagination: app ${JSON.stringify(app.pagination)} vs baseline ${JSON.stringify(baseline.pagination)}`;
  }
  const difference = firstDifference(app, baseline);
  return difference ? `different answers at ${difference} (app vs baseline)` : null;
}
