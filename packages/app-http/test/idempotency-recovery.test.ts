import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { IDEMPOTENCY_KEY_TTL_MS } from '@giggatek/domain';
import { hashRequest, IDEMPOTENCY_LEASE_MS } from '../src/middleware/idempotency.js';
import { expectError } from './support/expect-error.js';
import {
  customerWithAddress,
  manager,
  orderCount,
  placeOrder,
  productWith,
  stockOf,
  type Customer,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

/**
 * The crashes SPEC §4 guards against. A request's work and its stored answer commit in one
 * transaction, so a request that died left either its answer or nothing but its claim;
 * each crash is staged through the container's own ports, as the dead request left it.
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
  const bodyOf = (customer: Customer, items: { product_id: number; quantity: number }[]) => ({
    items,
    shipping_address_id: customer.addressId,
    shipping_method: 'standard',
  });

  const hashOf = (customer: Customer, items: { product_id: number; quantity: number }[]) =>
    hashRequest('POST', '/api/orders', bodyOf(customer, items));

  /** What a request that died right after claiming the key left behind. */
  async function claimAndDie(
    customer: Customer,
    key: string,
    items: { product_id: number; quantity: number }[],
  ): Promise<void> {
    const store = resolve(server.container, TOKENS.IdempotencyStore);
    const claim = await store.claim(
      customer.userId,
      key,
      hashOf(customer, items),
      server.clock.now(),
      IDEMPOTENCY_KEY_TTL_MS,
      IDEMPOTENCY_LEASE_MS,
    );
    expect(claim).toMatchObject({ claimed: true });
  }

  it(`places exactly one order after the lease when the first attempt died before committing (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 1 }];
    await claimAndDie(customer, 'died-before-commit', items);

    const early = await placeOrder(server, customer, items, {}, withKey('died-before-commit'));
    expectError(early, 409, 'idempotency_in_progress');
    expect(early.headers.get('retry-after')).toBe('1');
    server.clock.advance(IDEMPOTENCY_LEASE_MS - 1);
    expectError(
      await placeOrder(server, customer, items, {}, withKey('died-before-commit')),
      409,
      'idempotency_in_progress',
    );
    expect(await orderCount(server, customer.userId)).toBe(0);

    server.clock.advance(1);
    // Several retries at once: one takes the claim over and places the order; the others
    // see it in progress, or its stored answer once it is done.
    const retries = await Promise.all(
      Array.from({ length: 4 }, () => placeOrder(server, customer, items, {}, withKey('died-before-commit'))),
    );
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
    const changed = await placeOrder(
      server,
      customer,
      [{ product_id: productId, quantity: 3 }],
      {},
      withKey('stale-other-body'),
    );
    expectError(changed, 409, 'idempotency_conflict');
    expect(await orderCount(server, customer.userId)).toBe(0);
    expect(await stockOf(server, productId)).toBe(5);
  });

  it(`rolls back an order whose answer cannot be stored, mails nothing; a retry places one (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
    const items = [{ product_id: productId, quantity: 2 }];
    const store = resolve(server.container, TOKENS.IdempotencyStore);
    const complete = store.complete.bind(store);
    // The answer's write fails once, after the order was placed in the same transaction.
    store.complete = async () => {
      store.complete = complete;
      throw new Error('lost the database between the work and the answer');
    };
    const mailsBefore = server.mailer.sent.length;
    expectError(await placeOrder(server, customer, items, {}, withKey('answer-lost')), 500, 'internal_error');
    expect(await orderCount(server, customer.userId)).toBe(0);
    expect(await stockOf(server, productId)).toBe(5);
    expect(server.mailer.sent.length).toBe(mailsBefore);

    const retry = await placeOrder(server, customer, items, {}, withKey('answer-lost'));
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await orderCount(server, customer.userId)).toBe(1);
    expect(await stockOf(server, productId)).toBe(3);
    expect(server.mailer.sent.slice(mailsBefore).map((mail) => mail.to)).toEqual([customer.email]);
    const replay = await placeOrder(server, customer, items, {}, withKey('answer-lost'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(retry.body);
  });
});
