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
} from './orders.js';
export type { DbBigInt, DbBoolean, DbTimestamp } from './values.js';
export { insertedId } from './values.js';
