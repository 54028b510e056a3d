import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, type SignedIn } from './support/accounts.js';
import { productBody } from './support/catalog.js';
import { expectError } from './support/expect-error.js';
import { ADDRESS, manager } from './support/orders.js';
import { productsNamed } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Every POST that creates something opts into the one idempotency facility with one line
 * (`idempotent: true`): a retried address or product creation creates nothing new.
 */
describe.each(ENGINES)('idempotent creation of addresses and products (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await manager(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const addressCount = async (userId: number) => (await server.storage.addresses.listForUser(userId)).length;
  const productCount = async (name: string) => (await productsNamed(server, name)).length;

  it(`a retried address creation answers the first address and adds no second one (${engine})`, async () => {
    const customer = await registerCustomer(server);
    const first = await server.request('POST', '/api/auth/addresses', {
      token: customer.token,
      body: ADDRESS,
      headers: withKey('addr-1'),
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await server.request('POST', '/api/auth/addresses', {
      token: customer.token,
      body: ADDRESS,
      headers: withKey('addr-1'),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await addressCount(customer.userId)).toBe(1);

    const other = await server.request('POST', '/api/auth/addresses', {
      token: customer.token,
      body: { ...ADDRESS, city: 'Dallas' },
      headers: withKey('addr-1'),
    });
    expectError(other, 409, 'idempotency_conflict');
    expect(await addressCount(customer.userId)).toBe(1);

    // The key is the caller's own: another customer's same key is a new request.
    const someoneElse = await registerCustomer(server);
    const theirs = await server.request('POST', '/api/auth/addresses', {
      token: someoneElse.token,
      body: ADDRESS,
      headers: withKey('addr-1'),
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.address.id).not.toBe(first.body.address.id);
  });

  it(`a retried product creation answers the first product and adds no second one (${engine})`, async () => {
    const body = productBody({ name: `Idempotent Product ${engine}` });
    const first = await server.request('POST', '/api/products', {
      token: staff.token,
      body,
      headers: withKey('product-1'),
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await server.request('POST', '/api/products', {
      token: staff.token,
      body,
      headers: withKey('product-1'),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.product.id).toBe(first.body.product.id);
    expect(await productCount(body.name as string)).toBe(1);

    const invalid = await server.request('POST', '/api/products', {
      token: staff.token,
      body,
      headers: { 'Idempotency-Key': '' },
    });
    expectError(invalid, 400, 'invalid_idempotency_key');
    expect(await productCount(body.name as string)).toBe(1);
  });
});
