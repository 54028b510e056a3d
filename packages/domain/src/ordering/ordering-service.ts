import type { Clock } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { Actor } from '../identity/user.js';
import type { AddressRepository } from '../addresses/ports.js';
import type { ProductRepository } from '../catalog/ports.js';
import type { Notifier } from '../notifications/ports.js';
import type { PaymentEntry } from '../payments/payment.js';
import type { StoreSettings } from '../settings/store-settings.js';
import type { Order, OrderDetail, OrderStatus, PaymentStatus, ShippingMethod } from './order.js';
import type { AdminOrderFilter, OrderListFilter, OrderRepository } from './ports.js';

export interface OrderingDeps {
  orders: OrderRepository;
  products: ProductRepository;
  addresses: AddressRepository;
  settings: StoreSettings;
  notifier: Notifier;
  clock: Clock;
}

export interface PlaceOrderInput {
  items: { productId: Id; quantity: number }[];
  shippingAddressId: Id;
  billingAddressId?: Id;
  shippingMethod: ShippingMethod;
  notes?: string | null;
}

export interface StaffOrderUpdate {
  status?: OrderStatus;
  /** Offline payments: 'paid' on a pending order also moves it to processing. */
  paymentStatus?: PaymentStatus;
  trackingNumber?: string | null;
  note?: string | null;
}

export type OrderView = OrderDetail & { payments: PaymentEntry[] };

/** Purchasing use cases of SPEC §4. */
export interface OrderingUseCases {
  /** Prices on the server (client prices are never read), takes stock atomically, records history. */
  placeOrder(actor: Actor, input: PlaceOrderInput): Promise<OrderView>;
  /** Customers see their own only (another's is not_found); staff see any. */
  getOrder(actor: Actor, id: Id): Promise<OrderView>;
  listOrders(actor: Actor, filter: OrderListFilter): Promise<Page<Order>>;
  /** Customers: only their pending, unpaid orders. Staff: pending or processing (the latter refunds). Stock returns once. */
  cancelOrder(actor: Actor, id: Id, note?: string | null): Promise<OrderView>;
  /** Staff (orders:manage). */
  listAllOrders(actor: Actor, filter: AdminOrderFilter): Promise<Page<Order>>;
  /** Staff (orders:manage): status transitions, offline payment status, tracking number, with a note. */
  updateOrder(actor: Actor, id: Id, update: StaffOrderUpdate): Promise<OrderView>;
  /** The scheduler's job: cancels expired unpaid orders; returns how many. */
  expireUnpaidOrders(): Promise<number>;
}
