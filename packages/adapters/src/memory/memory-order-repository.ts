import {
  actorLabelOf,
  expiryCancellation,
  UNPAID_PAYMENT_STATUSES,
  insufficientStockError,
  placementMovements,
  restockMovements,
} from '@giggatek/domain';
import type {
  AdminOrderFilter,
  ChangeActor,
  Id,
  NewOrder,
  Order,
  OrderDetail,
  OrderListFilter,
  OrderRepository,
  OrderStatus,
  Page,
  PaymentEntry,
  StatusChange,
  StatusChangeRequest,
  TrackingNumberChange,
  UserRepository,
} from '@giggatek/domain';
import type { MemoryPaymentLedger } from './memory-payment-ledger.js';
import { copy, IdSequence, pageOf } from './memory-store.js';
import type { MemoryStock } from './memory-stock.js';

/**
 * Orders in memory. Every write runs without an `await` between its check and its change,
 * so it is atomic the way the SQL adapter's transactions are: two racing cancels cannot
 * both match, and stock is taken for all lines or none.
 */
export class MemoryOrderRepository implements OrderRepository {
  private readonly orders = new Map<Id, Order>();
  private readonly history: StatusChange[] = [];
  private readonly orderIds = new IdSequence();
  private readonly itemIds = new IdSequence();
  private readonly historyIds = new IdSequence();

  /**
   * Takes stock from `stock` (a MemoryProductRepository), whose ledger then holds each
   * order's movements. `users` is needed only to filter by customer email. Ledger rows
   * go to `payments`, the ledger shared with the rentals.
   */
  constructor(
    private readonly stock: MemoryStock,
    private readonly payments: MemoryPaymentLedger,
    private readonly users?: UserRepository,
  ) {}

  async placeWithStock(order: NewOrder): Promise<Order> {
    // The id names the movements; a refused order burns it, as an auto-increment may.
    const id = this.orderIds.next();
    const short = this.stock.take(placementMovements(id, order.lines, { actor: order.actor, now: order.createdAt }));
    if (short.length > 0) {
      throw insufficientStockError(
        short.map(({ productId, requested, available }) => {
          const named = order.lines.find((l) => l.productId === productId);
          return { productId, productName: named?.productName ?? '', requested, available };
        }),
      );
    }
    const row: Order = {
      id,
      userId: order.userId,
      status: order.status,
      paymentStatus: order.paymentStatus,
      currency: 'usd',
      subtotal: order.subtotal,
      shipping: order.shipping,
      tax: order.tax,
      total: order.total,
      shippingMethod: order.shippingMethod,
      shippingAddress: copy(order.shippingAddress),
      billingAddress: copy(order.billingAddress),
      trackingNumber: null,
      notes: order.notes,
      items: order.lines.map((line) => ({
        id: this.itemIds.next(),
        productId: line.productId,
        productName: line.productName,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: line.lineTotal,
      })),
      createdAt: new Date(order.createdAt),
      updatedAt: new Date(order.createdAt),
    };
    this.orders.set(id, row);
    this.addHistory(id, null, order.status, order.actor, null, order.createdAt);
    return copy(row);
  }

  async findDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
    const row = this.orders.get(id);
    if (!row) return null;
    return {
      ...copy(row),
      statusHistory: this.history.filter((h) => h.orderId === id).map(copy),
      payments: this.payments.rowsWhere((p) => p.orderId === id),
    };
  }

  /** No lock needed: the memory unit of work runs one unit at a time. */
  lockDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
    return this.findDetail(id);
  }

  async listForUser(userId: Id, filter: OrderListFilter): Promise<Page<Order>> {
    return this.page(filter, (row) => row.userId === userId && (!filter.status || row.status === filter.status));
  }

  async listAll(filter: AdminOrderFilter): Promise<Page<Order>> {
    let customerId: Id | null | undefined;
    if (filter.customerEmail !== undefined) {
      if (!this.users) throw new Error('MemoryOrderRepository needs the user repository to filter by customer email');
      customerId = (await this.users.findCredentialsByEmail(filter.customerEmail.trim()))?.id ?? null;
    }
    const from = filter.createdFrom?.getTime();
    const to = filter.createdTo?.getTime();
    return this.page(
      filter,
      (row) =>
        (!filter.status || row.status === filter.status) &&
        (!filter.paymentStatus || row.paymentStatus === filter.paymentStatus) &&
        (customerId === undefined || row.userId === customerId) &&
        (from === undefined || row.createdAt.getTime() >= from) &&
        (to === undefined || row.createdAt.getTime() <= to),
    );
  }

  async changeStatus(id: Id, change: StatusChangeRequest): Promise<Order | null> {
    const row = this.orders.get(id);
    if (!row || row.status !== change.from) return null;
    if (change.requirePaymentStatusIn && !change.requirePaymentStatusIn.includes(row.paymentStatus)) return null;
    row.status = change.to;
    if (change.paymentStatus) row.paymentStatus = change.paymentStatus;
    row.updatedAt = new Date(change.now);
    this.addHistory(id, change.from, change.to, change.actor, change.note, change.now);
    if (change.restock) {
      this.stock.putBack(restockMovements(id, row.items, change.restock, { actor: change.actor, now: change.now }));
    }
    if (change.payment) this.payments.append(change.payment, change.now);
    return copy(row);
  }

  async changeTrackingNumber(id: Id, change: TrackingNumberChange): Promise<Order | null> {
    const row = this.orders.get(id);
    if (!row || row.status !== change.from || row.paymentStatus !== change.paymentStatus) return null;
    row.trackingNumber = change.trackingNumber;
    row.updatedAt = new Date(change.now);
    return copy(row);
  }

  /** Oldest first; each cancellation is the same conditional change a customer's cancel is. */
  async cancelExpired(cutoff: Date, limit: number, now: Date, actor: ChangeActor): Promise<Order[]> {
    const expired = [...this.orders.values()]
      .filter(
        (row) =>
          row.status === 'pending' && UNPAID_PAYMENT_STATUSES.includes(row.paymentStatus) && row.createdAt < cutoff,
      )
      .sort((a, b) => a.id - b.id)
      .slice(0, limit);
    const cancelled: Order[] = [];
    for (const row of expired) {
      const done = await this.changeStatus(row.id, expiryCancellation(actor, now));
      if (done) cancelled.push(done);
    }
    return cancelled;
  }

  /** Newest first, ties by id, as the SQL adapter sorts. */
  private page(request: { page: number; perPage: number }, keep: (row: Order) => boolean): Page<Order> {
    const rows = [...this.orders.values()]
      .filter(keep)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    return pageOf(rows, request);
  }

  private addHistory(
    orderId: Id,
    fromStatus: OrderStatus | null,
    toStatus: OrderStatus,
    actor: ChangeActor,
    note: string | null,
    at: Date,
  ): void {
    this.history.push({
      id: this.historyIds.next(),
      orderId,
      fromStatus,
      toStatus,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabelOf(actor),
      note,
      createdAt: new Date(at),
    });
  }
}
