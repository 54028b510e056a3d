import type { AddressSnapshot, Order, OrderItem, OrderView, PaymentEntry, StatusChange } from '@giggatek/domain';

/** An order as SPEC §9 spells it (lists and the answer to POST). */
export function presentOrder(order: Order) {
  return {
    id: order.id,
    user_id: order.userId,
    status: order.status,
    payment_status: order.paymentStatus,
    currency: order.currency,
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    shipping_method: order.shippingMethod,
    shipping_address: presentAddressSnapshot(order.shippingAddress),
    billing_address: presentAddressSnapshot(order.billingAddress),
    tracking_number: order.trackingNumber,
    notes: order.notes,
    items: order.items.map(presentOrderItem),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
}

/** The detail view adds the order's payments and status history. */
export function presentOrderDetail(order: OrderView) {
  return {
    ...presentOrder(order),
    payments: order.payments.map(presentPayment),
    status_history: order.statusHistory.map(presentStatusChange),
  };
}

export function presentAddressSnapshot(address: AddressSnapshot) {
  return {
    recipient_name: address.recipientName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.state,
    postal_code: address.postalCode,
    country: address.country,
    phone: address.phone,
  };
}

function presentOrderItem(item: OrderItem) {
  return {
    id: item.id,
    product_id: item.productId,
    product_name: item.productName,
    quantity: item.quantity,
    unit_price: item.unitPrice,
    line_total: item.lineTotal,
  };
}

/** SPEC §9: a payment that succeeded reads `paid` (the ledger says `succeeded`). */
export function presentPayment(entry: PaymentEntry) {
  return {
    id: entry.id,
    ...(entry.rentalId !== null ? { rental_id: entry.rentalId } : { order_id: entry.orderId }),
    installment_no: entry.installmentNo,
    kind: entry.kind,
    amount: entry.amount,
    currency: entry.currency,
    status: entry.status === 'succeeded' ? 'paid' : entry.status,
    created_at: entry.createdAt.toISOString(),
  };
}

/** One history row of an order or a rental. */
export function presentStatusChange(
  change: Pick<StatusChange, 'actorLabel' | 'note' | 'createdAt'> & { fromStatus: string | null; toStatus: string },
) {
  return {
    from: change.fromStatus,
    to: change.toStatus,
    actor: change.actorLabel,
    note: change.note,
    created_at: change.createdAt.toISOString(),
  };
}
