import { cents, DEFAULT_PRICING, DomainError, INITIAL_ORDER_STATE, priceOrder } from '@giggatek/domain';
import type {
  AddressSnapshot,
  ChangeActor,
  Id,
  NewOrder,
  OrderRepository,
  Product,
  ProductRepository,
  ShippingMethod,
  UserRepository,
} from '@giggatek/domain';
import { createTestUser } from './fixture.js';
import { productData } from './product-fixtures.js';

/** The ports an order contract needs around the order repository. */
export interface OrderFixture {
  orders: OrderRepository;
  products: ProductRepository;
  users: UserRepository;
  dispose(): Promise<void>;
}

export type MakeOrderFixture = () => Promise<OrderFixture>;

export const t0 = new Date('2026-02-01T10:00:00.250Z');
export const minutesAfter = (minutes: number, from: Date = t0): Date => new Date(from.getTime() + minutes * 60_000);

export const shippingSnapshot: AddressSnapshot = {
  recipientName: 'Ada Lovelace',
  line1: '12 St James Square',
  line2: 'Flat 3',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
  phone: '+1 555 0101',
};

export const billingSnapshot: AddressSnapshot = {
  recipientName: 'Charles Babbage',
  line1: '1 Dorset Street',
  line2: null,
  city: 'Dallas',
  state: 'TX',
  postalCode: '75201',
  country: 'US',
  phone: null,
};

export function customer(userId: Id): ChangeActor {
  return { kind: 'user', userId, role: 'customer' };
}

export async function createProduct(
  products: ProductRepository,
  name: string,
  stock: number,
  price = 20_000,
): Promise<Product> {
  return products.create(productData({ name, stock, price: cents(price) }), t0);
}

/** A priced order (SPEC §4 pricing with the default settings) for the given lines. */
export function newOrder(
  userId: Id,
  lines: Array<{ product: Product; quantity: number }>,
  options: { createdAt?: Date; shippingMethod?: ShippingMethod; notes?: string | null } = {},
): NewOrder {
  const shippingMethod = options.shippingMethod ?? 'standard';
  const priced = priceOrder(
    lines.map(({ product, quantity }) => ({
      productId: product.id,
      productName: product.name,
      unitPrice: product.price,
      quantity,
    })),
    shippingMethod,
    DEFAULT_PRICING,
  );
  return {
    ...INITIAL_ORDER_STATE,
    userId,
    shippingMethod,
    shippingAddress: shippingSnapshot,
    billingAddress: billingSnapshot,
    notes: options.notes ?? null,
    lines: priced.lines,
    subtotal: priced.subtotal,
    shipping: priced.shipping,
    tax: priced.tax,
    total: priced.total,
    createdAt: options.createdAt ?? t0,
    actor: customer(userId),
  };
}

export async function stockOf(products: ProductRepository, id: Id): Promise<number> {
  return (await products.findById(id))?.stock ?? Number.NaN;
}

/** The insufficient_stock error a placement threw, or a failure if it did not throw one. */
export async function shortageOf(attempt: Promise<unknown>): Promise<DomainError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'insufficient_stock') return error;
    throw error;
  }
  throw new Error('expected insufficient_stock, but the order was placed');
}

export { createTestUser };
