import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { NewPaymentEntry, PaymentEntry } from '../payments/payment.js';
import type {
  ChangeActor, Order, OrderDetail, OrderStatus, OrderTotals, PaymentStatus, ShippingMethod,
} from './order.js';
import type { PricedLine } from './pricing.js';
import type { AddressSnapshot } from '../addresses/address.js';

export interface NewOrder extends OrderTotals {
  userId: Id;
  shippingMethod: ShippingMethod;
  shippingAddress: AddressSnapshot;
  billingAddress: AddressSnapshot;
  notes: string | null;
  lines: PricedLine[];
  createdAt: Date;
  actor: ChangeActor;
  /**
   * The client's Idempotency-Key, stored on the order in the same transaction (the recovery
   * point of SPEC §4); unique per user among orders younger than the key's life
   * (idempotencyKeysExpiredBefore). Null or absent: no key.
   */
  idempotencyKey?: string | null;
  /**
   * The fingerprint (SHA-256) of the request that placed the order with the key, stored
   * with it: a later request with the key gets this order only with the same fingerprint.
   */
  idempotencyRequestHash?: string | null;
}

/** An order found by its idempotency key, with the fingerprint of the request that placed it. */
export type KeyedOrderDetail = OrderDetail & { payments: PaymentEntry[]; idempotencyRequestHash: string | null };

/** A product that could not be taken in the asked quantity. */
export interface StockShortage {
  productId: Id;
  productName: string;
  requested: number;
  available: number;
}

export interface StatusChangeRequest {
  /** The change only happens if the order is still in this status (races lose cleanly). */
  from: OrderStatus;
  to: OrderStatus;
  actor: ChangeActor;
  note: string | null;
  now: Date;
  /** Return every line's quantity to stock, in the same transaction. */
  restock: boolean;
  paymentStatus?: PaymentStatus;
  /** Only if the order's payment status is one of these (e.g. a customer cancels unpaid orders only). */
  requirePaymentStatusIn?: PaymentStatus[];
  /** A ledger row written in the same transaction (offline payment, refund). */
  payment?: NewPaymentEntry;
}

export interface OrderListFilter extends PageRequest {
  status?: OrderStatus;
}

export interface AdminOrderFilter extends PageRequest {
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  /** Case-insensitive exact match of the customer's email. */
  customerEmail?: string;
  /** Inclusive range on created_at. */
  createdFrom?: Date;
  createdTo?: Date;
}

export interface OrderRepository {
  /**
   * In ONE transaction: takes stock for every line with a conditional update
   * (`stock = stock - q WHERE id = ? AND stock >= q AND status = 'active'`), writes the
   * order, its items and the first history row (null → pending). When any line is short,
   * nothing is taken and DomainError('insufficient_stock') is thrown with
   * `meta.shortages: StockShortage[]` (snake_case keys for the API: product_id, product_name, requested, available).
   *
   * With an idempotency key, the key is looked at first, before any stock: an older order
   * of the user holding the key gives it up when it was placed at or before
   * idempotencyKeysExpiredBefore(order.createdAt); a younger one means the key already
   * placed its order, and nothing is taken or written: OrderIdempotencyKeyTakenError is
   * thrown, whatever the stock (two racing placements with one key: one wins).
   */
  placeWithStock(order: NewOrder): Promise<Order>;
  /** Order + items + history + payments, in a fixed number of queries. */
  findDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null>;
  /**
   * The user's order holding this idempotency key (compared byte for byte), as findDetail
   * reads it plus its request fingerprint; null if none.
   */
  findByIdempotencyKey(userId: Id, key: string): Promise<KeyedOrderDetail | null>;
  /** Newest first; items included; a fixed number of queries however many orders/items. */
  listForUser(userId: Id, filter: OrderListFilter): Promise<Page<Order>>;
  listAll(filter: AdminOrderFilter): Promise<Page<Order>>;
  /** Null when the order is not in `from` (or fails requirePaymentStatusIn): nothing changed. */
  changeStatus(id: Id, change: StatusChangeRequest): Promise<Order | null>;
  /** Staff edits that are not status transitions. */
  updateFields(id: Id, fields: { trackingNumber?: string | null; paymentStatus?: PaymentStatus; payment?: NewPaymentEntry }, now: Date): Promise<Order | null>;
  /**
   * Cancels up to `limit` pending, unpaid orders created before `cutoff` and returns their
   * stock, each in its own transaction; rows are claimed with FOR UPDATE SKIP LOCKED on
   * MySQL so several schedulers never cancel (or restock) one order twice.
   */
  cancelExpired(cutoff: Date, limit: number, now: Date, actor: ChangeActor): Promise<Order[]>;
}
