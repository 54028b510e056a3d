import type { LedgerStatus, OrderStatus, PaymentKind, PaymentStatus, ShippingMethod } from '@giggatek/domain';
import type { DbBigInt, DbTimestamp } from './values.js';

/** An address copied onto an order, each column under the prefix `shipping_` or `billing_` (002). */
export interface AddressSnapshotRow {
  recipient_name: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  phone: string | null;
}

/** The columns of T, each under the prefix `P_` (an address copied onto an order or a rental). */
export type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}_${K}`]: T[K] };

/** orders (002; 003 added and 005 dropped the idempotency columns). */
export type OrderRow = {
  id: number;
  user_id: number;
  status: OrderStatus;
  payment_status: PaymentStatus;
  currency: 'usd';
  subtotal: DbBigInt;
  shipping: DbBigInt;
  tax: DbBigInt;
  total: DbBigInt;
  shipping_method: ShippingMethod;
  tracking_number: string | null;
  notes: string | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
} & Prefixed<'shipping', AddressSnapshotRow> &
  Prefixed<'billing', AddressSnapshotRow>;

/** order_items (002). */
export interface OrderItemRow {
  id: number;
  order_id: number;
  product_id: number;
  product_name: string;
  quantity: number;
  unit_price: DbBigInt;
  line_total: DbBigInt;
}

/** order_status_history (002). */
export interface OrderStatusHistoryRow {
  id: number;
  order_id: number;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_user_id: number | null;
  actor_label: string;
  note: string | null;
  created_at: DbTimestamp;
}

/** payments (002): the ledger of SPEC §6. */
export interface PaymentRow {
  id: number;
  user_id: number;
  order_id: number | null;
  rental_id: number | null;
  installment_no: number | null;
  kind: PaymentKind;
  amount: DbBigInt;
  /** 007: the part of amount that is late fees. */
  late_fee: DbBigInt;
  currency: 'usd';
  status: LedgerStatus;
  gateway: string;
  gateway_ref: string | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/** idempotency_keys (002). */
export interface IdempotencyKeyRow {
  user_id: number;
  idem_key: string;
  request_hash: string;
  response_status: number | null;
  response_body: string | null;
  created_at: DbTimestamp;
}
