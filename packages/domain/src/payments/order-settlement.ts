import type { ChangeActor } from '../ordering/order.js';
import { UNPAID_PAYMENT_STATUSES } from '../ordering/order.js';
import { paymentChange } from '../ordering/order-changes.js';
import type { OrderRepository, StatusChangeRequest } from '../ordering/ports.js';
import type { PaymentEntry } from './payment.js';

/**
 * An order's intent succeeded (its ledger row is succeeded now, in this unit of work): a
 * pending, unpaid order becomes processing / paid by the same change a staff "paid" is
 * (paymentChange), without its ledger row: the intent's row is the payment.
 *
 * An order cancelled meanwhile stays cancelled and the payment stays succeeded: staff
 * refund it (the money is real). An order already paid by another payment is left as is:
 * that second success is a refund case too. Either way the conditional change, not this
 * read, decides: it matches only while the order is still pending and unpaid.
 */
export async function settleOrderPayment(
  orders: OrderRepository,
  payment: PaymentEntry,
  actor: ChangeActor,
  now: Date,
): Promise<void> {
  if (payment.orderId === null) return;
  const order = await orders.findDetail(payment.orderId);
  if (!order || order.status !== 'pending' || !UNPAID_PAYMENT_STATUSES.includes(order.paymentStatus)) return;
  const change: StatusChangeRequest = paymentChange(
    order,
    'paid',
    actor,
    `payment ${payment.gatewayRef ?? payment.id} succeeded`,
    now,
  );
  delete change.payment;
  await orders.changeStatus(order.id, change);
}

/** An order's intent failed or was canceled: the order's payment status says so while it is still pending and unpaid. */
export async function markOrderPaymentFailed(
  orders: OrderRepository,
  payment: PaymentEntry,
  actor: ChangeActor,
  now: Date,
): Promise<void> {
  if (payment.orderId === null) return;
  const order = await orders.findDetail(payment.orderId);
  if (!order || order.status !== 'pending' || order.paymentStatus !== 'pending') return;
  await orders.changeStatus(
    order.id,
    paymentChange(order, 'failed', actor, `payment ${payment.gatewayRef ?? payment.id} failed`, now),
  );
}
