import {
  MemoryAddressRepository,
  MemoryNotifier,
  MemoryOrderRepository,
  MemoryPaymentLedger,
  MemoryProductRepository,
  MemorySettingsRepository,
  MemoryUnitOfWork,
  MemoryUserRepository,
} from '../../../src/memory/index.js';
import { cents, FixedClock, OrderingService, StoreSettings } from '@giggatek/domain';
import type { Actor, OrderingDeps, PlaceOrderInput, Product, ProductData, Role } from '@giggatek/domain';

/** An OrderingService over the memory adapters, with handles on each part. */
export function orderingHarness(overrides: Partial<OrderingDeps> = {}) {
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const users = new MemoryUserRepository();
  const products = new MemoryProductRepository();
  const payments = new MemoryPaymentLedger();
  const orders = new MemoryOrderRepository(products, payments, users);
  const addresses = new MemoryAddressRepository();
  const settings = new StoreSettings(new MemorySettingsRepository());
  const notifier = new MemoryNotifier();
  const unitOfWork = new MemoryUnitOfWork([users, products, orders, payments, addresses]);
  const service = new OrderingService({
    orders,
    products,
    addresses,
    settings,
    notifier,
    clock,
    users,
    unitOfWork,
    ...overrides,
  });
  let productCount = 0;

  /** A user with one address; returns the actor and the address id. */
  const person = async (role: Role = 'customer', name = 'ada') => {
    const user = await users.create({
      email: `${name}@example.com`,
      passwordHash: 'x',
      firstName: name,
      lastName: 'Test',
      phone: null,
      role,
      createdAt: clock.now(),
    });
    const address = await addresses.create(
      user.id,
      {
        label: null,
        recipientName: `${name} Test`,
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
    return { actor, addressId: address.id, user };
  };

  const product = async (overrides: Partial<ProductData> = {}): Promise<Product> => {
    productCount += 1;
    return products.create(
      {
        name: `Product ${productCount}`,
        description: '',
        category: 'GPUs',
        brand: 'NVIDIA',
        condition: 'Good',
        specifications: {},
        imageUrls: [],
        price: cents(20_000),
        rentalRates: {},
        rentable: false,
        stock: 10,
        isFeatured: false,
        status: 'active',
        slug: `product-${productCount}`,
        ...overrides,
      },
      clock.now(),
    );
  };

  const stockOf = async (id: number): Promise<number | undefined> => (await products.findById(id))?.stock;

  return {
    clock,
    users,
    products,
    orders,
    addresses,
    settings,
    notifier,
    unitOfWork,
    service,
    person,
    product,
    stockOf,
  };
}

export function orderInput(
  addressId: number,
  items: PlaceOrderInput['items'],
  overrides: Partial<PlaceOrderInput> = {},
): PlaceOrderInput {
  return { items, shippingAddressId: addressId, shippingMethod: 'standard', ...overrides };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{
  code?: string;
  message: string;
  details?: { field: string; message: string }[];
  meta?: Record<string, unknown>;
}> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}
