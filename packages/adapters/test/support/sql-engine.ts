import type { Knex } from 'knex';
import type { Id } from '@giggatek/domain';
import {
  SqlAddressRepository,
  SqlIdempotencyPurger,
  SqlIdempotencyStore,
  SqlOneTimeTokenRepository,
  SqlOrderRepository,
  SqlPaymentLedger,
  SqlProductRepository,
  SqlRentalRepository,
  SqlSessionRepository,
  SqlSettingsRepository,
  SqlUnitOfWork,
  SqlUserRepository,
} from '../../src/sql/index.js';

/** Every SQL repository over one knex instance. */
export function sqlRepositories(knex: Knex) {
  const repositories = {
    users: new SqlUserRepository(knex),
    sessions: new SqlSessionRepository(knex),
    oneTimeTokens: new SqlOneTimeTokenRepository(knex),
    addresses: new SqlAddressRepository(knex),
    products: new SqlProductRepository(knex),
    orders: new SqlOrderRepository(knex),
    rentals: new SqlRentalRepository(knex),
    payments: new SqlPaymentLedger(knex),
    settings: new SqlSettingsRepository(knex),
    idempotency: new SqlIdempotencyStore(knex),
    idempotencyPurger: new SqlIdempotencyPurger(knex),
    unitOfWork: new SqlUnitOfWork(knex),
  };
  return { ...repositories, markReferenced: (productId: Id) => insertOrderLine(knex, productId) };
}

/** Makes a product referenced the way the shop does: an order line for it (written directly). */
async function insertOrderLine(knex: Knex, productId: Id): Promise<void> {
  const now = new Date('2026-01-01T00:00:00.000Z');
  const [userId] = await knex('users').insert({
    email: `referencing-${productId}-${Date.now()}@example.com`,
    password_hash: 'hash',
    first_name: 'Ref',
    last_name: 'User',
    role: 'customer',
    created_at: now,
    updated_at: now,
  });
  const address = {
    recipient_name: 'Ref User',
    line1: '1 Main St',
    city: 'Austin',
    state: 'TX',
    postal_code: '78701',
    country: 'US',
  };
  const [orderId] = await knex('orders').insert({
    user_id: userId,
    status: 'pending',
    payment_status: 'pending',
    currency: 'usd',
    subtotal: 100,
    shipping: 0,
    tax: 0,
    total: 100,
    shipping_method: 'standard',
    created_at: now,
    updated_at: now,
    ...Object.fromEntries(
      Object.entries(address).flatMap(([k, v]) => [
        [`shipping_${k}`, v],
        [`billing_${k}`, v],
      ]),
    ),
  });
  await knex('order_items').insert({
    order_id: orderId,
    product_id: productId,
    product_name: 'x',
    quantity: 1,
    unit_price: 100,
    line_total: 100,
  });
}

/** Every table of the schema, children before parents, for emptying a shared database. */
const TABLES_CHILDREN_FIRST = [
  'stock_movements',
  'idempotency_keys',
  'gateway_events',
  'payments',
  'rental_status_history',
  'rentals',
  'order_status_history',
  'order_items',
  'orders',
  'refresh_tokens',
  'sessions',
  'one_time_tokens',
  'addresses',
  'products',
  'settings',
  'users',
];

/** Deletes every row (keeping the schema), so tests sharing one database start empty. */
export async function emptyTables(knex: Knex): Promise<void> {
  for (const table of TABLES_CHILDREN_FIRST) await knex(table).delete();
}
