import { actorLabelOf, cents } from '@giggatek/domain';
import type {
  ChangeActor,
  NewOrder,
  NewPaymentEntry,
  Order,
  OrderItem,
  OrderStatus,
  PaymentEntry,
  StatusChange,
} from '@giggatek/domain';
import { toDate, toNumber } from '../row-values.js';
import type { AddressSnapshotRow, OrderItemRow, OrderRow, OrderStatusHistoryRow, PaymentRow } from '../rows/index.js';
import { snapshotColumns, toSnapshot } from './address-snapshot-columns.js';

/** What an insert writes: every column but the generated id. */
type Insert<Row> = Omit<Row, 'id'>;

export function orderColumns(order: NewOrder): Insert<OrderRow> {
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
    ...shippingColumns(snapshotColumns(order.shippingAddress)),
    ...billingColumns(snapshotColumns(order.billingAddress)),
    tracking_number: null,
    notes: order.notes,
    created_at: order.createdAt,
    updated_at: order.createdAt,
  };
}

export function itemColumns(orderId: number, order: NewOrder): Array<Insert<OrderItemRow>> {
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
): Insert<OrderStatusHistoryRow> {
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

export function paymentColumns(payment: NewPaymentEntry, now: Date): Insert<PaymentRow> {
  return {
    user_id: payment.userId,
    order_id: payment.orderId,
    rental_id: payment.rentalId,
    installment_no: payment.installmentNo,
    kind: payment.kind,
    amount: payment.amount,
    late_fee: payment.lateFee,
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
    userId: row.user_id,
    status: row.status,
    paymentStatus: row.payment_status,
    currency: 'usd',
    subtotal: cents(toNumber(row.subtotal)),
    shipping: cents(toNumber(row.shipping)),
    tax: cents(toNumber(row.tax)),
    total: cents(toNumber(row.total)),
    shippingMethod: row.shipping_method,
    shippingAddress: toSnapshot(shippingOf(row)),
    billingAddress: toSnapshot(billingOf(row)),
    trackingNumber: row.tracking_number,
    notes: row.notes,
    items,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function toItem(row: OrderItemRow): OrderItem {
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    quantity: row.quantity,
    unitPrice: cents(toNumber(row.unit_price)),
    lineTotal: cents(toNumber(row.line_total)),
  };
}

export function toStatusChange(row: OrderStatusHistoryRow): StatusChange {
  return {
    id: row.id,
    orderId: row.order_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    note: row.note,
    createdAt: toDate(row.created_at),
  };
}

export function toPaymentEntry(row: PaymentRow): PaymentEntry {
  return {
    id: row.id,
    userId: row.user_id,
    orderId: row.order_id,
    rentalId: row.rental_id,
    installmentNo: row.installment_no,
    kind: row.kind,
    amount: cents(toNumber(row.amount)),
    lateFee: cents(toNumber(row.late_fee)),
    currency: 'usd',
    status: row.status,
    gateway: row.gateway,
    gatewayRef: row.gateway_ref,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function shippingColumns(s: AddressSnapshotRow): Pick<OrderRow, `shipping_${keyof AddressSnapshotRow}`> {
  return {
    shipping_recipient_name: s.recipient_name,
    shipping_line1: s.line1,
    shipping_line2: s.line2,
    shipping_city: s.city,
    shipping_state: s.state,
    shipping_postal_code: s.postal_code,
    shipping_country: s.country,
    shipping_phone: s.phone,
  };
}

function billingColumns(s: AddressSnapshotRow): Pick<OrderRow, `billing_${keyof AddressSnapshotRow}`> {
  return {
    billing_recipient_name: s.recipient_name,
    billing_line1: s.line1,
    billing_line2: s.line2,
    billing_city: s.city,
    billing_state: s.state,
    billing_postal_code: s.postal_code,
    billing_country: s.country,
    billing_phone: s.phone,
  };
}

function shippingOf(row: OrderRow): AddressSnapshotRow {
  return {
    recipient_name: row.shipping_recipient_name,
    line1: row.shipping_line1,
    line2: row.shipping_line2,
    city: row.shipping_city,
    state: row.shipping_state,
    postal_code: row.shipping_postal_code,
    country: row.shipping_country,
    phone: row.shipping_phone,
  };
}

function billingOf(row: OrderRow): AddressSnapshotRow {
  return {
    recipient_name: row.billing_recipient_name,
    line1: row.billing_line1,
    line2: row.billing_line2,
    city: row.billing_city,
    state: row.billing_state,
    postal_code: row.billing_postal_code,
    country: row.billing_country,
    phone: row.billing_phone,
  };
}
