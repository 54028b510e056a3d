import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import type { Actor } from '@giggatek/domain';
import { IDEMPOTENCY_KEY_TTL_MS } from '@giggatek/domain';
import { hashRequest, IDEMPOTENCY_LEASE_MS } from '../src/middleware/idempotency.js';
import { expectError } from './support/expect-error.js';
import { customerWithAddress, manager, orderCount, placeOrder, productWith, stockOf, type Customer } from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

/**
 * The crashes SPEC §4's recovery point is for: a request claimed its key and then died,
 * either after its order committed (answer never stored) or before. Each crash is staged
 * through the container's own ports, as the dead request left the database.
 */
describe.each(ENGINES)('orders: Idempotency-Key recovery after a crash (%s)', (engine) => {
  let server: TestServer;
  let staffToken: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staffToken = (await manager(server)).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const bodyOf = (customer: Customer, items: { product_id: number; quantity: number }[]) =>
    ({ items, shipping_address_id: customer.addressId, shipping_method: 'standard' });

  const hashOf = (customer: Customer, items: { product_id: number; quantity: number }[]) =>
    hashRequest('POST', '/api/orders', bodyOf(customer, items));

  /** What a request that died right after claiming the key left behind. */
  async function claimAndDie(customer: Customer, key: string, items: { product_id: number; quantity: number }[]): Promise<void> {
    const store = resolve(server.container, TOKENS.IdempotencyStore);
    const claim = await store.claim(customer.userId, key, hashOf(customer, items), server.clock.now(), IDEMPOTENCY_KEY_TTL_MS);
    expect(claim).toMatchObject({ claimed: true });
  }

  /**
   * Deletes the key's stored answer, as a release after an error past the commit (or by a
   * request presumed dead) leaves it: only the order still holds the key.
   */
  async function forgetAnswer(customer: Customer, key: string): Promise<void> {
    const store = resolve(server.container, TOKENS.IdempotencyStore);
    const found = await store.claim(customer.userId, key, 'probe', server.clock.now(), IDEMPOTENCY_KEY_TTL_MS);
    if (found.claimed) throw new Error('expected a stored answer to forget');
    await store.release(customer.userId, key, found.record.createdAt);
  }

  /** …and, for the other crash, the order it committed before dying. */
  function commitOrder(customer: Customer, key: string, items: { product_id: number; quantity: number }[]) {
    const actor: Actor = { userId: customer.userId, role: 'customer' };
    return resolve(server.container, TOKENS.OrderingUseCases).placeOrder(actor, {
      items: items.map((item) => ({ productId: item.product_id, quantity: item.quantity })),
      shippingAddressId: customer.addressId,
      shippingMethod: 'standard',
      idempotencyKey: key,
      idempotencyRequestHash: hashOf(customer, items),
    });
  }

  it(`answers the committed order once the lease is over, and stores that answer (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 20_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 2 }];
    await claimAndDie(customer, 'died-after-commit', items);
    const committed = await commitOrder(customer, 'died-after-commit', items);

    expectError(await placeOrder(server, customer, items, {}, withKey('died-after-commit')), 409, 'idempotency_in_progress');
    server.clock.advance(IDEMPOTENCY_LEASE_MS);
    const recovered = await placeOrder(server, customer, items, {}, withKey('died-after-commit'));
    expect(recovered.status, JSON.stringify(recovered.body)).toBe(201);
    expect(recovered.headers.get('idempotent-replayed')).toBe('true');
    expect(recovered.body.order.id).toBe(committed.id);
    // Exactly as POST and GET present an order.
    expect(recovered.body).toEqual((await server.request('GET', `/api/orders/${committed.id}`, { token: customer.token })).body);
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(3);

    // The answer is now the key's: later retries replay it without looking again.
    const replay = await placeOrder(server, customer, items, {}, withKey('died-after-commit'));
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(recovered.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount(server, customer.userId)).toBe(1);
  });

  it(`places exactly one order once the lease is over when the first attempt died before committing (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 1 }];
    await claimAndDie(customer, 'died-before-commit', items);

    const early = await placeOrder(server, customer, items, {}, withKey('died-before-commit'));
    expectError(early, 409, 'idempotency_in_progress');
    expect(early.headers.get('retry-after')).toBe('1');
    server.clock.advance(IDEMPOTENCY_LEASE_MS - 1);
    expectError(await placeOrder(server, customer, items, {}, withKey('died-before-commit')), 409, 'idempotency_in_progress');
    expect(await orderCount(server, customer.userId)).toBe(0);

    server.clock.advance(1);
    // Several retries at once: one takes the claim over and places the order; the others
    // see it in progress, or its stored answer once it is done.
    const retries = await Promise.all(Array.from({ length: 4 }, () => placeOrder(server, customer, items, {}, withKey('died-before-commit'))));
    const created = retries.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    expect(created).toHaveLength(1);
    for (const response of retries) {
      if (response.status === 201) expect(response.body.order.id).toBe(created[0]?.body.order.id);
      else expectError(response, 409, 'idempotency_in_progress');
    }
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(4);

    const replay = await placeOrder(server, customer, items, {}, withKey('died-before-commit'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.order.id).toBe(created[0]?.body.order.id);
  });

  it(`never recovers a stale claim for a different request: 409 idempotency_conflict (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    await claimAndDie(customer, 'stale-other-body', [{ product_id: productId, quantity: 1 }]);
    server.clock.advance(IDEMPOTENCY_LEASE_MS);
    const changed = await placeOrder(server, customer, [{ product_id: productId, quantity: 3 }], {}, withKey('stale-other-body'));
    expectError(changed, 409, 'idempotency_conflict');
    expect(await orderCount(server, customer.userId)).toBe(0);
    expect(await stockOf(server, productId)).toBe(5);
  });

  it(`answers the order only to its own request once the stored answer is gone: another body is 409 (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const first = [{ product_id: productId, quantity: 1 }];
    const other = [{ product_id: productId, quantity: 3 }];
    const placed = await placeOrder(server, customer, first, {}, withKey('answer-gone'));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    await forgetAnswer(customer, 'answer-gone');

    expectError(await placeOrder(server, customer, other, {}, withKey('answer-gone')), 409, 'idempotency_conflict');
    // Nor through a taken-over claim of the other body.
    await claimAndDie(customer, 'answer-gone', other);
    server.clock.advance(IDEMPOTENCY_LEASE_MS);
    expectError(await placeOrder(server, customer, other, {}, withKey('answer-gone')), 409, 'idempotency_conflict');
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(4);

    // The first request itself still gets its order.
    const again = await placeOrder(server, customer, first, {}, withKey('answer-gone'));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.order.id).toBe(placed.body.order.id);
    expect(await orderCount(server, customer.userId)).toBe(1);
  });

  it(`answers a retry with its order even after the product was archived (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 2 }];
    const placed = await placeOrder(server, customer, items, {}, withKey('archived-since'));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    await forgetAnswer(customer, 'archived-since');
    await resolve(server.container, TOKENS.ProductRepository).update(productId, { status: 'archived' }, server.clock.now());

    const retry = await placeOrder(server, customer, items, {}, withKey('archived-since'));
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body.order.id).toBe(placed.body.order.id);
    expect(await orderCount(server, customer.userId)).toBe(1);
    // Without the key the product is refused: the retry's answer came from its order.
    expectError(await placeOrder(server, customer, items), 400, 'validation_failed');
  });
});
