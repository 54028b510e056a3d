import { MemoryOrderRepository, MemoryPaymentLedger, MemoryRentalRepository } from '../../../src/memory/index.js';
import { OfflinePaymentGateway } from '../../../src/stripe/index.js';
import { cents, RefundService, type Id, type RefundOutcome, type RefundRequest } from '@giggatek/domain';
import { orderInput, orderingHarness } from '../ordering/harness.js';
import { rentingHarness } from '../renting/harness.js';

/**
 * The offline gateway, with every refund it was asked for; `nextOutcome` makes the next
 * refund answer pending or failed, `throwNext` makes it fail like a network fault (after
 * the processor refunded: the answer is lost).
 */
export class RefundingGateway extends OfflinePaymentGateway {
  readonly refunds: RefundRequest[] = [];
  nextOutcome: RefundOutcome['status'] | null = null;
  throwNext = false;

  override async refund(request: RefundRequest): Promise<RefundOutcome> {
    this.refunds.push(request);
    const outcome = await super.refund(request);
    if (this.throwNext) {
      this.throwNext = false;
      throw new Error('connection reset');
    }
    const status = this.nextOutcome ?? outcome.status;
    this.nextOutcome = null;
    return { ...outcome, status };
  }
}

/** Orders over memory with a RefundService on the same unit of work; orders paid through the gateway or offline. */
export async function orderRefundHarness() {
  const h = orderingHarness();
  const gateway = new RefundingGateway({ clock: h.clock });
  const refunds = new RefundService({
    orders: h.orders,
    // Unused by order refunds; the service needs one.
    rentals: new MemoryRentalRepository(h.products, new MemoryPaymentLedger(), h.users),
    gateway,
    unitOfWork: h.unitOfWork,
    clock: h.clock,
  });
  const ada = await h.person('customer', 'ada');
  const manager = (await h.person('manager', 'max')).actor;
  const gpu = await h.product({ stock: 10 });

  const placeOrder = () =>
    h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 1 }]));

  /** An order paid by card: its intent confirmed at the gateway, recorded as the webhook would (processing, paid). */
  const paidByCard = async () => {
    const order = await placeOrder();
    const intent = await gateway.createIntent({
      amount: order.total,
      currency: 'usd',
      idempotencyKey: `intent-${order.id}`,
      metadata: { order_id: String(order.id) },
      description: `order ${order.id}`,
    });
    await gateway.confirmIntent(intent.id, 'pm_test_visa', `confirm-${order.id}`);
    await h.orders.changeStatus(order.id, {
      from: 'pending',
      to: 'processing',
      actor: { kind: 'system', name: 'webhook' },
      note: null,
      now: h.clock.now(),
      restock: false,
      paymentStatus: 'paid',
      payment: {
        userId: order.userId,
        orderId: order.id,
        rentalId: null,
        installmentNo: null,
        kind: 'order',
        amount: order.total,
        lateFee: cents(0),
        currency: 'usd',
        status: 'succeeded',
        gateway: gateway.name,
        gatewayRef: intent.id,
      },
    });
    return { order, intentId: intent.id };
  };

  /** An order staff marked paid (an offline payment: no gateway reference). */
  const paidOffline = async () => {
    const order = await placeOrder();
    await h.service.updateOrder(manager, order.id, { paymentStatus: 'paid' });
    return { order };
  };

  const detail = async (id: Id) => {
    const order = await h.orders.findDetail(id);
    if (!order) throw new Error(`order ${id} is gone`);
    return order;
  };

  return { h, gateway, refunds, ada, manager, placeOrder, paidByCard, paidOffline, detail };
}

/** Rentals over memory (the renting harness) with a RefundService on the same unit of work. */
export function rentalRefundHarness() {
  const gateway = new RefundingGateway();
  const h = rentingHarness({ gateway });
  const refunds = new RefundService({
    // Unused by rental refunds; the service needs one.
    orders: new MemoryOrderRepository(h.products, new MemoryPaymentLedger(), h.users),
    rentals: h.rentals,
    gateway,
    unitOfWork: h.unitOfWork,
    clock: h.clock,
  });
  return { h, gateway, refunds };
}
