import './tables.js';

export type { AddressRow, OneTimeTokenRow, RefreshTokenRow, SessionRow, UserRow } from './accounts.js';
export type { ProductRow, SettingRow, StockMovementRow } from './catalog.js';
export type {
  AddressSnapshotRow,
  IdempotencyKeyRow,
  OrderItemRow,
  OrderRow,
  OrderStatusHistoryRow,
  PaymentRow,
  Prefixed,
} from './orders.js';
export type { GatewayEventRow } from './payments.js';
export type { RentalRow, RentalStatusHistoryRow } from './rentals.js';
export type { DbBigInt, DbBoolean, DbDate, DbTimestamp } from './values.js';
export { insertedId } from './values.js';
