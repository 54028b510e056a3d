import { DomainError } from '../shared/errors.js';
import { cents, subtractCents, sumCents, type Cents } from '../shared/money.js';
import type { NewPaymentEntry, PaymentEntry } from '../payments/payment.js';
import {
  UNPAID_PAYMENT_STATUSES,
  type ChangeActor,
  type Order,
  type OrderStatus,
  type PaymentStatus,
} from './order.js';
import { actorKindOf, assertTransition } from './order-status.js';
import type { StatusChangeRequest, TrackingNumberChange } from './ports.js';

/** An order as the planners need it: its state and its ledger. */
export type OrderWithPayments = Order & { payments: PaymentEntry[] };

/**
 * One repository call of a staff update, applied in order in one unit of work. Each is
 * conditional on the status and payment status it was planned from, so a step that finds
 * the order moved on changes nothing and the whole update rolls back.
 */
export type OrderStep =
  { kind: 'status'; change: StatusChangeRequest } | { kind: 'tracking'; change: TrackingNumberChange };

const PAID: readonly PaymentStatus[] = ['paid', 'partially_refunded'];
const SHIPPABLE: readonly OrderStatus[] = ['processing', 'shipped', 'delivered'];

/**
 * What the customer actually paid for the order, net of refunds, from the ledger. An
 * order marked paid without a ledger row (paid before the ledger existed) counts its total.
 */
export function amountPaid(order: OrderWithPayments): Cents {
  const succeeded = order.payments.filter((p) => p.status === 'succeeded' && p.orderId === order.id);
  const charged = succeeded.filter((p) => p.kind === 'order');
  if (charged.length === 0) return PAID.includes(order.paymentStatus) ? order.total : cents(0);
  const refunded = sumCents(succeeded.filter((p) => p.kind === 'refund').map((p) => p.amount));
  const net = subtractCents(sumCents(charged.map((p) => p.amount)), refunded);
  return net > 0 ? net : cents(0);
}

export function offlinePayment(order: Order, kind: 'order' | 'refund', amount: Cents): NewPaymentEntry {
  return {
    userId: order.userId,
    orderId: order.id,
    rentalId: null,
    installmentNo: null,
    kind,
    amount,
    lateFee: cents(0),
    currency: 'usd',
    status: 'succeeded',
    gateway: 'offline',
    gatewayRef: null,
  };
}

/**
 * A status transition as SPEC §4 has it: cancelling restocks, and cancelling a paid order
 * or refunding a delivered one refunds what was paid. The change only happens while the
 * payment status is still what we saw, so a payment landing meanwhile is never lost.
 */
export function transitionChange(
  order: OrderWithPayments,
  to: OrderStatus,
  actor: ChangeActor,
  note: string | null,
  now: Date,
): StatusChangeRequest {
  assertTransition(order.status, to, actor);
  if (order.status === 'pending' && to === 'processing' && !PAID.includes(order.paymentStatus)) {
    // SPEC §4: a payment moves an order to processing; nothing ships unpaid.
    throw new DomainError(
      'invalid_transition',
      'a pending order moves to processing when it is paid: set payment_status to paid',
    );
  }
  const change: StatusChangeRequest = {
    from: order.status,
    to,
    actor,
    note,
    now,
    restock: to === 'cancelled' ? 'order_cancel' : false,
    requirePaymentStatusIn: [order.paymentStatus],
  };
  if (
    to === 'cancelled' &&
    actorKindOf(actor) === 'customer' &&
    !UNPAID_PAYMENT_STATUSES.includes(order.paymentStatus)
  ) {
    throw new DomainError('invalid_transition', 'a paid order cannot be cancelled online; contact us for a refund');
  }
  if (to === 'refunded' && !PAID.includes(order.paymentStatus)) {
    throw new DomainError(
      'invalid_transition',
      `only a paid order can be refunded (payment status is ${order.paymentStatus})`,
    );
  }
  if (PAID.includes(order.paymentStatus) && (to === 'cancelled' || to === 'refunded')) {
    const refund = amountPaid(order);
    change.paymentStatus = 'refunded';
    if (refund > 0) change.payment = offlinePayment(order, 'refund', refund);
  }
  return change;
}

/**
 * A staff change of the payment status (offline payments). 'paid' records the total in the
 * ledger and moves a pending order to processing; 'failed' marks a pending payment failed.
 * Refunds are status changes (cancel, refunded), never a bare payment status.
 */
export function paymentChange(
  order: OrderWithPayments,
  to: PaymentStatus,
  actor: ChangeActor,
  note: string | null,
  now: Date,
): StatusChangeRequest {
  const from = order.paymentStatus;
  if (to === 'paid') {
    if (!UNPAID_PAYMENT_STATUSES.includes(from) || order.status === 'cancelled' || order.status === 'refunded') {
      throw new DomainError('invalid_transition', `cannot mark a ${order.status} order with payment ${from} as paid`);
    }
    const next: OrderStatus = order.status === 'pending' ? 'processing' : order.status;
    if (next !== order.status) assertTransition(order.status, next, actor);
    return {
      from: order.status,
      to: next,
      actor,
      note,
      now,
      restock: false,
      paymentStatus: 'paid',
      requirePaymentStatusIn: [...UNPAID_PAYMENT_STATUSES],
      payment: offlinePayment(order, 'order', order.total),
    };
  }
  if (to === 'failed' && order.status === 'pending' && from === 'pending') {
    return {
      from: 'pending',
      to: 'pending',
      actor,
      note,
      now,
      restock: false,
      paymentStatus: 'failed',
      requirePaymentStatusIn: ['pending'],
    };
  }
  if (to === 'refunded' || to === 'partially_refunded') {
    throw new DomainError(
      'invalid_transition',
      `payment status cannot be set to ${to} directly: ` +
        'cancel a processing order or set status refunded on a delivered one',
    );
  }
  throw new DomainError(
    'invalid_transition',
    `cannot change the payment status of a ${order.status} order from ${from} to ${to}`,
  );
}

export interface StaffChanges {
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  /** Undefined: leave as is; null: remove. */
  trackingNumber?: string | null;
  note: string | null;
}

/**
 * Plans a staff update as repository calls: the status transition, then the payment
 * status, then the tracking number. Everything is checked before anything is applied.
 * The note goes on the first history row; a change without a status change (tracking
 * number, bare note) still leaves a history row (same status) so the audit trail is whole.
 */
export function planStaffUpdate(
  order: OrderWithPayments,
  changes: StaffChanges,
  actor: ChangeActor,
  now: Date,
): OrderStep[] {
  const steps: OrderStep[] = [];
  let state: OrderWithPayments = order;
  let note = changes.note;
  const addStatusStep = (change: StatusChangeRequest): void => {
    steps.push({ kind: 'status', change });
    state = { ...state, status: change.to, paymentStatus: change.paymentStatus ?? state.paymentStatus };
    note = null;
  };

  // "processing + paid" on a pending order is one change: the payment moves it on.
  const paidIntoProcessing =
    changes.status === 'processing' && changes.paymentStatus === 'paid' && state.status === 'pending';
  if (changes.status !== undefined && changes.status !== state.status && !paidIntoProcessing) {
    addStatusStep(transitionChange(state, changes.status, actor, note, now));
  }
  if (changes.paymentStatus !== undefined && changes.paymentStatus !== state.paymentStatus) {
    addStatusStep(
      paymentChange(state, changes.paymentStatus, actor, note ?? `payment marked ${changes.paymentStatus}`, now),
    );
  }
  const tracking = changes.trackingNumber;
  const trackingChanged = tracking !== undefined && tracking !== order.trackingNumber;
  if (trackingChanged) {
    if (tracking !== null && !SHIPPABLE.includes(state.status)) {
      throw new DomainError(
        'conflict',
        `a tracking number can only be set on a processing, shipped or delivered order (this one is ${state.status})`,
      );
    }
    steps.push({
      kind: 'tracking',
      change: { from: state.status, paymentStatus: state.paymentStatus, trackingNumber: tracking, now },
    });
  }
  const wroteHistory = steps.some((step) => step.kind === 'status');
  if (!wroteHistory && (note !== null || trackingChanged)) {
    const text = note ?? (tracking ? `tracking number set to ${tracking}` : 'tracking number removed');
    addStatusStep({
      from: state.status,
      to: state.status,
      actor,
      note: text,
      now,
      restock: false,
      requirePaymentStatusIn: [state.paymentStatus],
    });
  }
  return steps;
}

/** The expiry job's change of one pending, unpaid order (the same conditional change a customer's cancel is). */
export function expiryCancellation(actor: ChangeActor, now: Date): StatusChangeRequest {
  return {
    from: 'pending',
    to: 'cancelled',
    actor,
    note: 'unpaid order expired',
    now,
    restock: 'order_expiry',
    requirePaymentStatusIn: [...UNPAID_PAYMENT_STATUSES],
  };
}
