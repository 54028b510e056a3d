import type { AddressRow, OneTimeTokenRow, RefreshTokenRow, SessionRow, UserRow } from './accounts.js';
import type { ProductRow, SettingRow, StockMovementRow } from './catalog.js';
import type { IdempotencyKeyRow, OrderItemRow, OrderRow, OrderStatusHistoryRow, PaymentRow } from './orders.js';
import type { GatewayEventRow } from './payments.js';
import type { RentalRow, RentalStatusHistoryRow } from './rentals.js';

/**
 * The row type of each table, registered with knex: `db('users')…first()` is a
 * `UserRow | undefined`, and inserts and updates are checked against the columns.
 */
// The .js suffix: NodeNext resolution of a package without an exports map.
declare module 'knex/types/tables.js' {
  interface Tables {
    users: UserRow;
    sessions: SessionRow;
    refresh_tokens: RefreshTokenRow;
    one_time_tokens: OneTimeTokenRow;
    addresses: AddressRow;
    products: ProductRow;
    stock_movements: StockMovementRow;
    settings: SettingRow;
    orders: OrderRow;
    order_items: OrderItemRow;
    order_status_history: OrderStatusHistoryRow;
    payments: PaymentRow;
    idempotency_keys: IdempotencyKeyRow;
    rentals: RentalRow;
    rental_status_history: RentalStatusHistoryRow;
    gateway_events: GatewayEventRow;
  }
}
