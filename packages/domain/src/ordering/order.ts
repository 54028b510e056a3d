import type { Cents } from '../shared/money.js';
import type { Id } from '../shared/ids.js';
import type { Role } from '../identity/user.js';
import type { AddressSnapshot } from '../addresses/address.js';

export const ORDER_STATUSES = ['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The state every order starts in (SPEC §4): pending, nothing paid yet. The domain puts it
 * on NewOrder; the adapters store what NewOrder says.
 */
export const INITIAL_ORDER_STATE = { status: 'pending', paymentStatus: 'pending' } as const satisfies {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
};

/** Nothing was paid: a customer may cancel, and the expiry job may cancel after a while. */
export const UNPAID_PAYMENT_STATUSES: readonly PaymentStatus[] = ['pending', 'failed'];

export const SHIPPING_METHODS = ['standard', 'expedited', 'overnight'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export interface OrderItem {
  id: Id;
  productId: Id;
  /** The product's name when ordered. */
  productName: string;
  quantity: number;
  unitPrice: Cents;
  lineTotal: Cents;
}

export interface OrderTotals {
  subtotal: Cents;
  shipping: Cents;
  tax: Cents;
  total: Cents;
}

export interface Order extends OrderTotals {
  id: Id;
  userId: Id;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  currency: 'usd';
  shippingMethod: ShippingMethod;
  shippingAddress: AddressSnapshot;
  billingAddress: AddressSnapshot;
  trackingNumber: string | null;
  notes: string | null;
  items: OrderItem[];
  createdAt: Date;
  updatedAt: Date;
}

/** Who changed an order: a person (with their role) or the system (scheduler, webhooks). */
export type ChangeActor = { kind: 'user'; userId: Id; role: Role } | { kind: 'system'; name: string };

export interface StatusChange {
  id: Id;
  orderId: Id;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  /** Null for the system. */
  actorUserId: Id | null;
  /** 'customer' | 'manager' | 'admin' | 'system:<job>' */
  actorLabel: string;
  note: string | null;
  createdAt: Date;
}

/** An order with what its detail view shows. */
export interface OrderDetail extends Order {
  statusHistory: StatusChange[];
}
