import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, hashRequest } from '../src/middleware/idempotency.js';
import { expectError } from './support/expect-error.js';
import type { SignedIn } from './support/accounts.js';
import {
  customerWithAddress,
  manager,
  orderCount,
  placeOrder,
  productWith,
  signInAgain,
  stockOf,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe('request hash', () => {
  it('is canonical: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(hashRequest('POST', '/api/orders', { a: 1, b: 2 })).toBe(hashRequest('post', '/api/orders', { b: 2, a: 1 }));
    expect(hashRequest('POST', '/api/orders', { a: 1 })).not.toBe(hashRequest('POST', '/api/orders', { a: 2 }));
    expect(hashRequest('POST', '/api/orders', { a: 1 })).not.toBe(hashRequest('POST', '/api/other', { a: 1 }));
  });
});

describe.each(ENGINES)('orders: Idempotency-Key (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let staffToken: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await manager(server);
    staffToken = staff.token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const withKey = (key: string) => ({ 'Idempotency-Key': key });

  it(`the same key and body answer the first response again and create nothing (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 20_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 2 }];
    const first = await placeOrder(server, customer, items, {}, withKey('order-attempt-1'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // Same request, keys in another order: the canonical body is the same.
    const again = await server.request('POST', '/api/orders', {
      token: customer.token,
      headers: withKey('order-attempt-1'),
      body: { shipping_method: 'standard', shipping_address_id: customer.addressId, items },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(3);

    // A new key is a new order.
    const other = await placeOrder(server, customer, items, {}, withKey('order-attempt-2'));
    expect(other.status).toBe(201);
    expect(other.body.order.id).not.toBe(first.body.order.id);
    expect(await orderCount(server, customer.userId)).toBe(2);
  });

  it(`the same key with a different body is a 409 and creates nothing (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    expect(
      (await placeOrder(server, customer, [{ product_id: productId, quantity: 1 }], {}, withKey('k-conflict'))).status,
    ).toBe(201);
    const changed = await placeOrder(
      server,
      customer,
      [{ product_id: productId, quantity: 2 }],
      {},
      withKey('k-conflict'),
    );
    expectError(changed, 409, 'idempotency_conflict');
    expect(changed.body.error).toBe('this Idempotency-Key was used with a different request');
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(4);
  });

  it(`keys belong to one user: another customer's same key is a separate request (${engine})`, async () => {
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const alice = await customerWithAddress(server);
    const bob = await customerWithAddress(server);
    const a = await placeOrder(server, alice, [{ product_id: productId, quantity: 1 }], {}, withKey('shared-key'));
    const b = await placeOrder(server, bob, [{ product_id: productId, quantity: 1 }], {}, withKey('shared-key'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.order.user_id).toBe(bob.userId);
    expect(await stockOf(server, productId)).toBe(3);
  });

  it(`two concurrent requests with one key create exactly one order (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 50 });
    const items = [{ product_id: productId, quantity: 1 }];
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(server, customer, items, {}, withKey('concurrent-key'))),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of responses) {
      if (response.status === 201) expect(response.body.order.id).toBe(created[0]?.body.order.id);
      else expectError(response, 409, 'idempotency_in_progress');
    }
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(49);
    // Once done, a retry replays.
    const retry = await placeOrder(server, customer, items, {}, withKey('concurrent-key'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it(`an insufficient-stock answer is stored and replayed, even after restocking (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 1, name: 'Last Unit SSD' });
    const first = await placeOrder(
      server,
      customer,
      [{ product_id: productId, quantity: 2 }],
      {},
      withKey('short-key'),
    );
    expectError(first, 409, 'insufficient_stock');
    await server.request('PUT', `/api/products/${productId}`, { token: staffToken, body: { stock: 10 } });
    const replay = await placeOrder(
      server,
      customer,
      [{ product_id: productId, quantity: 2 }],
      {},
      withKey('short-key'),
    );
    expect(replay.status).toBe(409);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount(server, customer.userId)).toBe(0);
  });

  it(`a refused request (invalid input, unknown address) frees the key for a corrected retry (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const duplicate = [
      { product_id: productId, quantity: 1 },
      { product_id: productId, quantity: 1 },
    ];
    expectError(await placeOrder(server, customer, duplicate, {}, withKey('retry-key')), 400, 'validation_failed');
    expectError(
      await placeOrder(
        server,
        customer,
        [{ product_id: productId, quantity: 1 }],
        { shipping_address_id: 99_999_999 },
        withKey('retry-key'),
      ),
      404,
      'not_found',
    );
    const fixed = await placeOrder(
      server,
      customer,
      [{ product_id: productId, quantity: 1 }],
      {},
      withKey('retry-key'),
    );
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await orderCount(server, customer.userId)).toBe(1);
  });

  it(`expires after 24 hours: the key may then be used again (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 1 }];
    const first = await placeOrder(server, customer, items, {}, withKey('day-key'));
    server.clock.advance(23 * 60 * 60 * 1000);
    customer.token = await signInAgain(server, customer);
    const replay = await placeOrder(server, customer, items, {}, withKey('day-key'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.order.id).toBe(first.body.order.id);
    server.clock.advance(2 * 60 * 60 * 1000);
    customer.token = await signInAgain(server, customer);
    const later = await placeOrder(server, customer, items, {}, withKey('day-key'));
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.order.id).not.toBe(first.body.order.id);
    staffToken = await signInAgain(server, staff);
  });

  it.each([
    // `Idempotency-Key:` with no value is a client bug, not "no key": it must not run unprotected.
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['non-ASCII', 'clé'],
  ])(`refuses a malformed key (%s) with 400 and creates nothing (${engine})`, async (_why, key) => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const response = await server.request('POST', '/api/orders', {
      token: customer.token,
      headers: { 'Idempotency-Key': key },
      body: {
        items: [{ product_id: productId, quantity: 1 }],
        shipping_address_id: customer.addressId,
        shipping_method: 'standard',
      },
    });
    expectError(response, 400, 'invalid_idempotency_key');
    expect(await orderCount(server, customer.userId)).toBe(0);
  });

  it(`accepts a key of exactly 255 characters (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    expect(
      (await placeOrder(server, customer, [{ product_id: productId, quantity: 1 }], {}, withKey('K'.repeat(255))))
        .status,
    ).toBe(201);
  });
});
