import { expect } from 'vitest';
import { registerCustomer, signInAs, STRONG_PASSWORD, type SignedIn } from './accounts.js';
import { createProduct } from './catalog.js';
import type { TestResponse, TestServer } from './test-server.js';

export interface Customer extends SignedIn {
  addressId: number;
}

export const ADDRESS = {
  recipient_name: 'Ada Lovelace',
  line1: '12 Analytical Way',
  city: 'Austin',
  state: 'TX',
  postal_code: '78701',
  country: 'US',
};

/** A registered customer with one address in their book. */
export async function customerWithAddress(
  server: TestServer,
  address: Record<string, unknown> = ADDRESS,
): Promise<Customer> {
  const customer = await registerCustomer(server);
  const response = await server.request('POST', '/api/auth/addresses', { token: customer.token, body: address });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...customer, addressId: response.body.address.id };
}

/** A manager signed in through the API (creates products, runs the staff order API). */
export function manager(server: TestServer): Promise<SignedIn> {
  return signInAs(server, 'manager');
}

/** An active product with the given price and stock; answers its id. */
export async function productWith(
  server: TestServer,
  staffToken: string,
  fields: { price: number; stock: number; name?: string },
): Promise<number> {
  const product = await createProduct(server, staffToken, {
    name: fields.name ?? `Part ${Math.random().toString(36).slice(2, 8)}`,
    price: fields.price,
    stock: fields.stock,
  });
  return product.id as number;
}

export function placeOrder(
  server: TestServer,
  customer: Customer,
  items: { product_id: number; quantity: number }[],
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return server.request('POST', '/api/orders', {
    token: customer.token,
    headers,
    body: { items, shipping_address_id: customer.addressId, shipping_method: 'standard', ...extra },
  });
}

/** Places an order that must succeed; answers the presented order. */
export async function placedOrder(
  server: TestServer,
  customer: Customer,
  items: { product_id: number; quantity: number }[],
  extra: Record<string, unknown> = {},
) {
  const response = await placeOrder(server, customer, items, extra);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.order;
}

// State checks read through the repositories (server.storage), so they hold on every engine.

export async function stockOf(server: TestServer, productId: number): Promise<number> {
  const product = await server.storage.products.findById(productId);
  if (!product) throw new Error(`no product ${productId}`);
  return product.stock;
}

export async function orderCount(server: TestServer, userId?: number): Promise<number> {
  const page = { page: 1, perPage: 1 };
  const found =
    userId === undefined
      ? await server.storage.orders.listAll(page)
      : await server.storage.orders.listForUser(userId, page);
  return found.total;
}

/** The stored order with its status history and payments. */
export async function storedOrder(server: TestServer, orderId: number) {
  const order = await server.storage.orders.findDetail(orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  return order;
}

/** The stored status changes of an order into `to`. */
export async function changesTo(server: TestServer, orderId: number, to: string) {
  return (await storedOrder(server, orderId)).statusHistory.filter((change) => change.toStatus === to);
}

/** A new access token for an account (after a test moved the clock past the 15-minute token life). */
export async function signInAgain(server: TestServer, account: { email: string }): Promise<string> {
  const response = await server.request('POST', '/api/auth/login', {
    body: { email: account.email, password: STRONG_PASSWORD },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.token as string;
}

/**
 * `count` customers, made one after another: concurrent first addresses of different users
 * currently deadlock on MySQL (a gap lock in SqlAddressRepository.create; reported), and
 * these tests are about racing orders, not address books.
 */
export async function customersWithAddresses(server: TestServer, count: number): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i += 1) customers.push(await customerWithAddress(server));
  return customers;
}
