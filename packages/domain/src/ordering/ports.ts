import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { NewPaymentEntry, PaymentEntry } from '../payments/payment.js';
import type { INITIAL_ORDER_STATE } from './order.js';
import type {
  ChangeActor,
  Order,
  OrderDetail,
  OrderStatus,
  OrderTotals,
  PaymentStatus,
  ShippingMethod,
} from './order.js';
import type { PricedLine } from './pricing.js';
import type { AddressSnapshot } from '../addresses/address.js';
import type { RestockReason } from '../stock/stock-movement.js';

export interface NewOrder extends OrderTotals {
  /** INITIAL_ORDER_STATE: the domain decides how an order starts. */
  status: typeof INITIAL_ORDER_STATE.status;
  paymentStatus: typeof INITIAL_ORDER_STATE.paymentStatus;
  userId: Id;
  shippingMethod: ShippingMethod;
  shippingAddress: AddressSnapshot;
  billingAddress: AddressSnapshot;
  notes: string | null;
  lines: PricedLine[];
  createdAt: Date;
  actor: ChangeActor;
}

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
  /**
   * Return every line's quantity to stock in the same transaction, with movements of this
   * reason in the stock ledger; false leaves the stock alone.
   */
  restock: false | RestockReason;
  paymentStatus?: PaymentStatus;
  /** Only if the order's payment status is one of these (e.g. a customer cancels unpaid orders only). */
  requirePaymentStatusIn?: PaymentStatus[];
  /** A ledger row written in the same transaction (offline payment, refund). */
  payment?: NewPaymentEntry;
}

/**
 * A staff change of the tracking number, planned from the order's status and payment
 * status: it only happens while the order is still in both (a conditional update).
 */
export interface TrackingNumberChange {
  from: OrderStatus;
  paymentStatus: PaymentStatus;
  trackingNumber: string | null;
  now: Date;
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
   * (`stock = stock - q WHERE id = ? AND stock >= q`, after availableStock of the locked
   * rows), writes the order, its items, the first history row (null → pending) and one
   * `order` movement per product in the stock ledger. When any line is short,
   * nothing is taken and DomainError('insufficient_stock') is thrown with
   * `meta.shortages: StockShortage[]` (the API spells its keys in snake_case).
   */
  placeWithStock(order: NewOrder): Promise<Order>;
  /** Order + items + history + payments, in a fixed number of queries. */
  findDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null>;
  /**
   * Inside a unit of work: the detail read fresh with the order row locked until the unit
   * ends (FOR UPDATE on MySQL; SQLite's write transaction runs alone), so changes decided
   * from the ledger (refunds) of one order run one after the other.
   */
  lockDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null>;
  /** Newest first; items included; a fixed number of queries however many orders/items. */
  listForUser(userId: Id, filter: OrderListFilter): Promise<Page<Order>>;
  listAll(filter: AdminOrderFilter): Promise<Page<Order>>;
  /** Null when the order is not in `from` (or fails requirePaymentStatusIn): nothing changed. */
  changeStatus(id: Id, change: StatusChangeRequest): Promise<Order | null>;
  /** Null when the order is no longer in the state the change was planned from: nothing changed. */
  changeTrackingNumber(id: Id, change: TrackingNumberChange): Promise<Order | null>;
  /**
   * Cancels up to `limit` pending, unpaid orders created before `cutoff` and returns their
   * stock, each in its own transaction; rows are claimed with FOR UPDATE SKIP LOCKED on
   * MySQL so several schedulers never cancel (or restock) one order twice.
   */
  cancelExpired(cutoff: Date, limit: number, now: Date, actor: ChangeActor): Promise<Order[]>;
}
