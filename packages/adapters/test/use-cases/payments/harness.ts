import {
  amountPaid,
  cents,
  dayOf,
  FixedClock,
  OrderingService,
  PaymentsService,
  rentalAccount,
  RentingService,
  StoreSettings,
} from '@giggatek/domain';
import type { Actor, GatewayEvent, Id, Product, ProductData, Role } from '@giggatek/domain';
import { expect } from 'vitest';
import { MemoryNotifier } from '../../../src/memory/index.js';
import { createMemoryStorage } from '../../../src/memory/memory-storage.js';
import type { Storage } from '../../../src/storage.js';
import { OfflinePaymentGateway } from '../../../src/stripe/index.js';

export const PAY = 'pm_test_visa';
export const DECLINE = 'pm_fail_card';
export const AUTHENTICATE = 'pm_3ds_card';

/**
 * Payments, orders and rentals over one store (memory unless told) and the offline
 * gateway, with the helpers the payment tests share.
 */
export function paymentsHarness(storage: Storage = createMemoryStorage()) {
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const gateway = new OfflinePaymentGateway({ clock });
  const settings = new StoreSettings(storage.settings);
  const { orders, rentals, products, addresses, users, unitOfWork, payments: ledger } = storage;
  const ordering = new OrderingService({
    orders,
    products,
    addresses,
    settings,
    notifier: new MemoryNotifier(),
    clock,
    unitOfWork,
  });
  const renting = new RentingService({ rentals, products, addresses, users, settings, gateway, unitOfWork, clock });
  const service = new PaymentsService({ ledger, orders, rentals, gateway, unitOfWork, clock });
  let people = 0;
  let productCount = 0;

  const person = async (role: Role = 'customer') => {
    people += 1;
    const user = await users.create({
      email: `payer${people}.${Date.now().toString(36)}@example.com`,
      passwordHash: 'x',
      firstName: `Payer${people}`,
      lastName: 'Test',
      phone: null,
      role,
      createdAt: clock.now(),
    });
    const address = await addresses.create(
      user.id,
      {
        label: null,
        recipientName: 'Payer Test',
        line1: '1 Main St',
        line2: null,
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        country: 'US',
        phone: null,
        isDefault: true,
      },
      clock.now(),
    );
    const actor: Actor = { userId: user.id, role };
    return { actor, addressId: address.id };
  };

  const product = async (fields: Partial<ProductData> = {}): Promise<Product> => {
    productCount += 1;
    return products.create(
      {
        name: `Payable ${productCount}`,
        description: '',
        category: 'Laptops',
        brand: 'Lenovo',
        condition: 'Refurbished',
        specifications: {},
        imageUrls: [],
        price: cents(120_000),
        rentalRates: {},
        rentable: true,
        stock: 5,
        isFeatured: false,
        status: 'active',
        slug: `payable-${productCount}-${Date.now().toString(36)}`,
        ...fields,
      },
      clock.now(),
    );
  };

  /** A customer with a pending, unpaid order of one product. */
  const pendingOrder = async () => {
    const customer = await person();
    const item = await product();
    const view = await ordering.placeOrder(customer.actor, {
      items: [{ productId: item.id, quantity: 1 }],
      shippingAddressId: customer.addressId,
      shippingMethod: 'standard',
    });
    return { ...customer, order: view };
  };

  /** A customer with a signed 3-month rental (installment 1 due today). */
  const activeRental = async (totalMonths = 3) => {
    const customer = await person();
    const item = await product();
    const created = await renting.createRental(customer.actor, {
      productId: item.id,
      totalMonths,
      addressId: customer.addressId,
    });
    const signed = await renting.signContract(customer.actor, created.rental.id, { signature: 'Payer Test', ip: null });
    return { ...customer, rental: signed.rental };
  };

  /** The gateway's events of one intent and type, as a webhook would deliver them. */
  const eventsOf = async (intentId: string, type: string): Promise<GatewayEvent[]> =>
    (await gateway.listEventsSince(new Date(0))).filter((e) => e.type === type && e.intent?.id === intentId);

  const eventOf = async (intentId: string, type: string): Promise<GatewayEvent> => {
    const [event] = await eventsOf(intentId, type);
    if (!event) throw new Error(`no ${type} event for ${intentId}`);
    return event;
  };

  const orderDetail = async (id: Id) => {
    const detail = await orders.findDetail(id);
    if (!detail) throw new Error(`order ${id} is gone`);
    return detail;
  };

  const rentalDetail = async (id: Id) => {
    const detail = await rentals.findDetail(id);
    if (!detail) throw new Error(`rental ${id} is gone`);
    return detail;
  };

  /**
   * SPEC §6: balances are derivable from the ledger. What the order reports (its payment
   * status) and the rental reports (its counters) against figures recomputed from the
   * ledger's rows alone (read through the ledger port, not the repositories).
   */
  const expectBalancesFromLedger = async (ids: { orderIds?: Id[]; rentalIds?: Id[] }) => {
    for (const id of ids.orderIds ?? []) {
      const order = await orderDetail(id);
      const rows = await ledger.listForOrder(id);
      const paid = amountPaid({ ...order, payments: rows });
      const succeeded = rows.filter((p) => p.kind === 'order' && p.status === 'succeeded');
      if (order.paymentStatus === 'paid') expect(paid).toBeGreaterThanOrEqual(order.total);
      else if (order.status !== 'cancelled') expect(succeeded).toHaveLength(0);
    }
    for (const id of ids.rentalIds ?? []) {
      const rental = await rentalDetail(id);
      const account = rentalAccount(rental, rental.payments, dayOf(clock.now()));
      expect(rental.installmentsPaid).toBe(account.paymentsMade);
      expect(rental.nextDueDate?.toString() ?? null).toBe(account.nextPaymentDate?.toString() ?? null);
    }
  };

  return {
    storage,
    clock,
    gateway,
    ledger,
    ordering,
    renting,
    service,
    person,
    pendingOrder,
    activeRental,
    eventsOf,
    eventOf,
    orderDetail,
    rentalDetail,
    expectBalancesFromLedger,
  };
}

export type PaymentsHarness = ReturnType<typeof paymentsHarness>;
