// The accounts and orders the order scenarios need, made through the app's own HTTP API
// (register, address, POST /api/orders), so they are exactly what real use produces.
// Only the stock of a few products is set directly in the database, before the app starts.
import { expectJson } from './http.mjs';

export const ORDERS_PER_CUSTOMER = 60;
const ITEMS_PER_ORDER = 3;
const STOCKED_PRODUCTS = 5;
// Enough that no run, however long, sells a product out (a 409 would spoil the figures).
const BENCH_STOCK = 1_000_000;
const PASSWORD = 'Bench-Orders-2026!';

/**
 * `customer` holds ORDERS_PER_CUSTOMER orders and is the one GET /api/orders lists;
 * `buyer` places the orders of the POST scenario, so that scenario leaves the customer's
 * list (and the other scenario's figures) untouched.
 */
const ACCOUNTS = {
  customer: { email: 'bench.customer@example.com', first_name: 'Bench', last_name: 'Customer' },
  buyer: { email: 'bench.buyer@example.com', first_name: 'Bench', last_name: 'Buyer' },
};

/** Gives a few active products a stock no run can exhaust; returns their ids. Category
 * Accessories, so the products scenario's GPU pages are not touched. */
export async function stockProducts(knex) {
  const rows = await knex('products')
    .select('id')
    .where({ status: 'active', category: 'Accessories' })
    .orderBy('id', 'asc')
    .limit(STOCKED_PRODUCTS);
  const ids = rows.map((row) => row.id);
  if (ids.length < ITEMS_PER_ORDER) throw new Error(`only ${ids.length} active Accessories to order from`);
  await knex('products').whereIn('id', ids).update({ stock: BENCH_STOCK });
  return ids;
}

/** Registers both accounts with an address each and places the customer's orders. */
export async function prepareOrderFixture(appUrl, productIds) {
  const started = Date.now();
  const customer = await registerWithAddress(appUrl, ACCOUNTS.customer);
  const buyer = await registerWithAddress(appUrl, ACCOUNTS.buyer);
  for (let i = 0; i < ORDERS_PER_CUSTOMER; i += 1) {
    const items = Array.from({ length: ITEMS_PER_ORDER }, (_, line) => ({
      product_id: productIds[(i + line) % productIds.length],
      quantity: 1 + ((i + line) % 3),
    }));
    await expectJson(
      'placing a set-up order',
      `${appUrl}/api/orders`,
      {
        method: 'POST',
        headers: bearer(customer.token),
        body: { items, shipping_address_id: customer.addressId, shipping_method: 'standard' },
      },
      201,
    );
  }
  console.log(
    `set up 2 accounts and ${ORDERS_PER_CUSTOMER} orders of ${ITEMS_PER_ORDER} items through the API in ${Date.now() - started} ms`,
  );
  return {
    productIds,
    customer: { userId: customer.userId, addressId: customer.addressId },
    buyer: { userId: buyer.userId, addressId: buyer.addressId },
  };
}

/** A fresh access token (they last 15 minutes; run.mjs signs in before each scenario). */
export async function signIn(appUrl, account) {
  const { email } = ACCOUNTS[account];
  const body = await expectJson(
    `signing in as ${email}`,
    `${appUrl}/api/auth/login`,
    {
      method: 'POST',
      body: { email, password: PASSWORD },
    },
    200,
  );
  return body.token;
}

export function bearer(token) {
  return { authorization: `Bearer ${token}` };
}

async function registerWithAddress(appUrl, account) {
  const registered = await expectJson(
    `registering ${account.email}`,
    `${appUrl}/api/auth/register`,
    {
      method: 'POST',
      body: { ...account, password: PASSWORD },
    },
    201,
  );
  const { address } = await expectJson(
    'creating an address',
    `${appUrl}/api/auth/addresses`,
    {
      method: 'POST',
      headers: bearer(registered.token),
      body: {
        recipient_name: `${account.first_name} ${account.last_name}`,
        line1: '1 Benchmark Way',
        city: 'Austin',
        state: 'TX',
        postal_code: '78701',
      },
    },
    201,
  );
  return { userId: registered.user.id, token: registered.token, addressId: address.id };
}
