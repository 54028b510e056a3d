import { actorLabelOf, cents } from '@giggatek/domain';
import type {
  AddressSnapshot,
  ChangeActor,
  LedgerStatus,
  NewOrder,
  NewPaymentEntry,
  Order,
  OrderItem,
  OrderStatus,
  PaymentEntry,
  PaymentKind,
  PaymentStatus,
  ShippingMethod,
  StatusChange,
} from '@giggatek/domain';
import { toDate, toNumber, toStringOrNull } from '../row-values.js';

/** A row of `orders` as either engine returns it. */
export type OrderRow = Record<string, unknown> & { id: number };
type Row = Record<string, unknown>;

export function orderColumns(order: NewOrder): Row {
  return {
    user_id: order.userId,
    status: order.status,
    payment_status: order.paymentStatus,
    currency: 'usd',
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    shipping_method: order.shippingMethod,
    ...snapshotColumns('shipping', order.shippingAddress),
    ...snapshotColumns('billing', order.billingAddress),
    tracking_number: null,
    notes: order.notes,
    created_at: order.createdAt,
    updated_at: order.createdAt,
  };
}

export function itemColumns(orderId: number, order: NewOrder): Row[] {
  return order.lines.map((line) => ({
    order_id: orderId,
    product_id: line.productId,
    product_name: line.productName,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    line_total: line.lineTotal,
  }));
}

export function historyColumns(
  orderId: number,
  change: { from: OrderStatus | null; to: OrderStatus; actor: ChangeActor; note: string | null; now: Date },
): Row {
  return {
    order_id: orderId,
    from_status: change.from,
    to_status: change.to,
    actor_user_id: change.actor.kind === 'user' ? change.actor.userId : null,
    actor_label: actorLabelOf(change.actor),
    note: change.note,
    created_at: change.now,
  };
}

export function paymentColumns(payment: NewPaymentEntry, now: Date): Row {
  return {
    user_id: payment.userId,
    order_id: payment.orderId,
    rental_id: payment.rentalId,
    installment_no: payment.installmentNo,
    kind: payment.kind,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    gateway: payment.gateway,
    gateway_ref: payment.gatewayRef,
    created_at: now,
    updated_at: now,
  };
}

export function toOrder(row: OrderRow, items: OrderItem[]): Order {
  return {
    id: row.id,
    userId: toNumber(row.user_id),
    status: row.status as OrderStatus,
    paymentStatus: row.payment_status as PaymentStatus,
    currency: 'usd',
    subtotal: cents(toNumber(row.subtotal)),
    shipping: cents(toNumber(row.shipping)),
    tax: cents(toNumber(row.tax)),
    total: cents(toNumber(row.total)),
    shippingMethod: row.shipping_method as ShippingMethod,
    shippingAddress: toSnapshot('shipping', row),
    billingAddress: toSnapshot('billing', row),
    trackingNumber: toStringOrNull(row.tracking_number),
    notes: toStringOrNull(row.notes),
    items,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function toItem(row: Row): OrderItem {
  return {
    id: toNumber(row.id),
    productId: toNumber(row.product_id),
    productName: String(row.product_name),
    quantity: toNumber(row.quantity),
    unitPrice: cents(toNumber(row.unit_price)),
    lineTotal: cents(toNumber(row.line_total)),
  };
}

export function toStatusChange(row: Row): StatusChange {
  return {
    id: toNumber(row.id),
    orderId: toNumber(row.order_id),
    fromStatus: (row.from_status ?? null) as OrderStatus | null,
    toStatus: row.to_status as OrderStatus,
    actorUserId: row.actor_user_id === null || row.actor_user_id === undefined ? null : toNumber(row.actor_user_id),
    actorLabel: String(row.actor_label),
    note: toStringOrNull(row.note),
    createdAt: toDate(row.created_at),
  };
}

export function toPaymentEntry(row: Row): PaymentEntry {
  return {
    id: toNumber(row.id),
    userId: toNumber(row.user_id),
    orderId: nullableNumber(row.order_id),
    rentalId: nullableNumber(row.rental_id),
    installmentNo: nullableNumber(row.installment_no),
    kind: row.kind as PaymentKind,
    amount: cents(toNumber(row.amount)),
    currency: 'usd',
    status: row.status as LedgerStatus,
    gateway: String(row.gateway),
    gatewayRef: toStringOrNull(row.gateway_ref),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function snapshotColumns(prefix: 'shipping' | 'billing', address: AddressSnapshot): Row {
  return {
    [`${prefix}_recipient_name`]: address.recipientName,
    [`${prefix}_line1`]: address.line1,
    [`${prefix}_line2`]: address.line2,
    [`${prefix}_city`]: address.city,
    [`${prefix}_state`]: address.state,
    [`${prefix}_postal_code`]: address.postalCode,
    [`${prefix}_country`]: address.country,
    [`${prefix}_phone`]: address.phone,
  };
}

function toSnapshot(prefix: 'shipping' | 'billing', row: Row): AddressSnapshot {
  return {
    recipientName: String(row[`${prefix}_recipient_name`]),
    line1: String(row[`${prefix}_line1`]),
    line2: toStringOrNull(row[`${prefix}_line2`]),
    city: String(row[`${prefix}_city`]),
    state: String(row[`${prefix}_state`]),
    postalCode: String(row[`${prefix}_postal_code`]),
    country: String(row[`${prefix}_country`]),
    phone: toStringOrNull(row[`${prefix}_phone`]),
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}
