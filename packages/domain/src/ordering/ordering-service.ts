import { untilShortBatch } from '../shared/batches.js';
import { MINUTE_MS, type Clock } from '../shared/clock.js';
import { DomainError, notFound, Problems } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { assertCan, can } from '../identity/permissions.js';
import type { UserRepository } from '../identity/ports.js';
import type { Actor } from '../identity/user.js';
import type { AddressRepository } from '../addresses/ports.js';
import type { ProductRepository } from '../catalog/ports.js';
import { notifyBestEffort, type Notifier } from '../notifications/ports.js';
import type { PaymentEntry } from '../payments/payment.js';
import type { StoreSettings } from '../settings/store-settings.js';
import {
  INITIAL_ORDER_STATE,
  UNPAID_PAYMENT_STATUSES,
  type Order,
  type OrderDetail,
  type OrderStatus,
  type PaymentStatus,
  type ShippingMethod,
} from './order.js';
import type { AdminOrderFilter, NewOrder, OrderListFilter, OrderRepository } from './ports.js';
import { planStaffUpdate, transitionChange, type OrderStep } from './order-changes.js';
import { orderConfirmation } from './order-placement.js';
import { snapshotOf } from '../addresses/address.js';
import { validateOrderFilter, validateOrderRequest, validateStaffUpdate } from './order-rules.js';
import { changeActorOf } from './order-status.js';
import { priceOrder } from './pricing.js';

export interface OrderingDeps {
  orders: OrderRepository;
  products: ProductRepository;
  addresses: AddressRepository;
  settings: StoreSettings;
  notifier: Notifier;
  clock: Clock;
  /** Makes a staff update one transaction; holds the order confirmation until the order commits. */
  unitOfWork: UnitOfWork;
  /** To address the order confirmation; without it no confirmation is sent. */
  users?: UserRepository;
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
  /**
   * Customers: only their pending, unpaid orders. Staff: pending or processing (the latter
   * refunds). Stock returns once.
   */
  cancelOrder(actor: Actor, id: Id, note?: string | null): Promise<OrderView>;
  /** Staff (orders:manage). */
  listAllOrders(actor: Actor, filter: AdminOrderFilter): Promise<Page<Order>>;
  /** Staff (orders:manage): status transitions, offline payment status, tracking number, with a note. */
  updateOrder(actor: Actor, id: Id, update: StaffOrderUpdate): Promise<OrderView>;
  /** The scheduler's job: cancels expired unpaid orders; returns how many. */
  expireUnpaidOrders(): Promise<number>;
}

/** Orders expired per repository call; the job loops until a batch comes back short. */
export const EXPIRY_BATCH_SIZE = 100;

export const ORDER_EXPIRY_ACTOR = { kind: 'system', name: 'order-expiry' } as const;

/** SPEC §4 purchasing. Prices come from the catalog and settings only; stock is the repository's transaction. */
export class OrderingService implements OrderingUseCases {
  constructor(private readonly deps: OrderingDeps) {}

  async placeOrder(actor: Actor, input: PlaceOrderInput): Promise<OrderView> {
    const request = validateOrderRequest(input);
    const shipping = await this.deps.addresses.findForUser(actor.userId, request.shippingAddressId);
    if (!shipping) throw notFound('shipping address');
    const billing =
      request.billingAddressId === shipping.id
        ? shipping
        : await this.deps.addresses.findForUser(actor.userId, request.billingAddressId);
    if (!billing) throw notFound('billing address');

    // One query for every line (not one per line): ids are unique per order after validation.
    const found = await this.deps.products.findByIds(request.items.map((item) => item.productId));
    const products = new Map(found.map((product) => [product.id, product]));
    const problems = new Problems();
    const lines = request.items.flatMap((item, index) => {
      const product = products.get(item.productId);
      const field = `items[${index}].productId`;
      if (!product) problems.add(field, `product ${item.productId} does not exist`);
      else if (product.status !== 'active') problems.add(field, `product ${item.productId} is no longer sold`);
      else
        return [
          { productId: product.id, productName: product.name, unitPrice: product.price, quantity: item.quantity },
        ];
      return [];
    });
    problems.throwIfAny();

    const priced = priceOrder(lines, request.shippingMethod, await this.deps.settings.get('pricing'));
    const newOrder: NewOrder = {
      ...INITIAL_ORDER_STATE,
      userId: actor.userId,
      shippingMethod: request.shippingMethod,
      shippingAddress: snapshotOf(shipping),
      billingAddress: snapshotOf(billing),
      notes: request.notes,
      lines: priced.lines,
      subtotal: priced.subtotal,
      shipping: priced.shipping,
      tax: priced.tax,
      total: priced.total,
      createdAt: this.deps.clock.now(),
      actor: changeActorOf(actor),
    };
    // Inside a caller's unit of work (an idempotent request) the order may still roll back:
    // the confirmation waits for the outermost commit.
    const order = await this.deps.unitOfWork.run(async () => {
      const placed = await this.deps.orders.placeWithStock(newOrder);
      this.deps.unitOfWork.afterCommit(() => this.sendConfirmation(placed));
      return placed;
    });
    return this.view(order.id);
  }

  async getOrder(actor: Actor, id: Id): Promise<OrderView> {
    const order = await this.deps.orders.findDetail(id);
    // Another customer's order is "not found", never "forbidden": its existence is not revealed.
    if (!order || (order.userId !== actor.userId && !can(actor.role, 'orders:manage'))) throw notFound('order');
    return order;
  }

  async listOrders(actor: Actor, filter: OrderListFilter): Promise<Page<Order>> {
    validateOrderFilter(filter);
    return this.deps.orders.listForUser(actor.userId, filter);
  }

  async cancelOrder(actor: Actor, id: Id, note: string | null = null): Promise<OrderView> {
    const order = await this.getOrder(actor, id);
    const { note: text } = validateStaffUpdate({ note });
    const change = transitionChange(order, 'cancelled', changeActorOf(actor), text, this.deps.clock.now());
    if (!can(actor.role, 'orders:manage')) change.requirePaymentStatusIn = [...UNPAID_PAYMENT_STATUSES];
    await this.apply(id, [{ kind: 'status', change }], 'order can no longer be cancelled');
    return this.view(id);
  }

  async listAllOrders(actor: Actor, filter: AdminOrderFilter): Promise<Page<Order>> {
    assertCan(actor, 'orders:manage');
    validateOrderFilter(filter);
    return this.deps.orders.listAll(filter);
  }

  async updateOrder(actor: Actor, id: Id, update: StaffOrderUpdate): Promise<OrderView> {
    assertCan(actor, 'orders:manage');
    const changes = validateStaffUpdate(update);
    // One transaction: a step that fails (or finds the order moved on) undoes the ones before it.
    await this.deps.unitOfWork.run(async () => {
      const order = await this.getOrder(actor, id);
      const steps = planStaffUpdate(order, changes, changeActorOf(actor), this.deps.clock.now());
      await this.apply(id, steps, 'the order changed meanwhile; reload it and try again');
    });
    return this.view(id);
  }

  async expireUnpaidOrders(): Promise<number> {
    const now = this.deps.clock.now();
    const minutes = await this.deps.settings.get('order_expiry_minutes');
    const cutoff = new Date(now.getTime() - minutes * MINUTE_MS);
    return untilShortBatch(EXPIRY_BATCH_SIZE, async (limit) => {
      const cancelled = await this.deps.orders.cancelExpired(cutoff, limit, now, ORDER_EXPIRY_ACTOR);
      return cancelled.length;
    });
  }

  /**
   * Runs the steps in order; a conditional change that finds the order moved on is a 409.
   * Several steps need the caller's unit of work to be all or nothing.
   */
  private async apply(id: Id, steps: OrderStep[], conflictMessage: string): Promise<void> {
    for (const step of steps) {
      const changed =
        step.kind === 'status'
          ? await this.deps.orders.changeStatus(id, step.change)
          : await this.deps.orders.changeTrackingNumber(id, step.change);
      if (!changed) throw new DomainError('conflict', conflictMessage);
    }
  }

  private async view(id: Id): Promise<OrderView> {
    const order = await this.deps.orders.findDetail(id);
    if (!order) throw notFound('order');
    return order;
  }

  /** Best effort (notifyBestEffort), after the order committed. */
  private async sendConfirmation(order: Order): Promise<void> {
    const user = await this.deps.users?.findById(order.userId).catch(() => null);
    if (user) await notifyBestEffort(this.deps.notifier, orderConfirmation(order, user));
  }
}
