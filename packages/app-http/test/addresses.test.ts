import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, type SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

const HOME = {
  label: 'Home',
  recipient_name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Austin',
  state: 'TX',
  postal_code: '78701',
};
const WORK = {
  label: 'Work',
  recipient_name: 'Ada Lovelace',
  line1: '500 Congress Ave',
  line2: 'Suite 3',
  city: 'Austin',
  state: 'TX',
  postal_code: '78702',
  country: 'us',
  phone: '555-0101',
};

describe.each(ENGINES)('addresses (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = (account: SignedIn, body: object) =>
    server.request('POST', '/api/auth/addresses', { token: account.token, body });
  // The stored addresses, read through the repository (every engine), in id order.
  const rowsOf = async (account: SignedIn) =>
    (await server.storage.addresses.listForUser(account.userId)).sort((a, b) => a.id - b.id);
  const defaults = async (account: SignedIn) =>
    (await rowsOf(account)).filter((row) => row.isDefault).map((row) => row.id);

  it('creates addresses; the first becomes the default, the country defaults to US', async () => {
    const account = await registerCustomer(server);
    const first = await create(account, HOME);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.address).toMatchObject({
      ...HOME,
      id: expect.any(Number),
      line2: null,
      country: 'US',
      phone: null,
      is_default: true,
    });

    const second = await create(account, WORK);
    expect(second.status).toBe(201);
    expect(second.body.address).toMatchObject({ ...WORK, country: 'US', is_default: false });

    const rows = await rowsOf(account);
    expect(rows.map((row) => row.id)).toEqual([first.body.address.id, second.body.address.id]);
    expect(rows[1]).toMatchObject({
      recipientName: 'Ada Lovelace',
      line2: 'Suite 3',
      country: 'US',
      postalCode: '78702',
    });
    expect(await defaults(account)).toEqual([first.body.address.id]);

    const list = await server.request('GET', '/api/auth/addresses', { token: account.token });
    expect(list.status).toBe(200);
    expect(list.body.addresses.map((a: { id: number }) => a.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('keeps one default per user when another address is made the default', async () => {
    const account = await registerCustomer(server);
    await create(account, HOME);
    const second = (await create(account, WORK)).body.address;
    const third = (await create(account, { ...WORK, label: 'New default', is_default: true })).body.address;
    expect(third.is_default).toBe(true);
    expect(await defaults(account)).toEqual([third.id]);

    const updated = await server.request('PUT', `/api/auth/addresses/${second.id}`, {
      token: account.token,
      body: { is_default: true },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.address).toMatchObject({ id: second.id, is_default: true, label: 'Work' });
    expect(await defaults(account)).toEqual([second.id]);
  });

  it('updates the fields given, and deletes', async () => {
    const account = await registerCustomer(server);
    const address = (await create(account, HOME)).body.address;
    const updated = await server.request('PUT', `/api/auth/addresses/${address.id}`, {
      token: account.token,
      body: { city: 'Dallas', postal_code: '75201' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.address).toMatchObject({
      city: 'Dallas',
      postal_code: '75201',
      line1: HOME.line1,
      label: 'Home',
    });
    expect(await server.storage.addresses.findForUser(account.userId, address.id)).toMatchObject({
      city: 'Dallas',
      postalCode: '75201',
      line1: HOME.line1,
    });

    const removed = await server.request('DELETE', `/api/auth/addresses/${address.id}`, { token: account.token });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ message: expect.any(String) });
    expect(await rowsOf(account)).toEqual([]);
    expectError(
      await server.request('DELETE', `/api/auth/addresses/${address.id}`, { token: account.token }),
      404,
      'not_found',
    );
  });

  it("another user's address is 404 for PUT and DELETE, unchanged, and not in their list", async () => {
    const owner = await registerCustomer(server);
    const intruder = await registerCustomer(server);
    const address = (await create(owner, HOME)).body.address;
    const put = await server.request('PUT', `/api/auth/addresses/${address.id}`, {
      token: intruder.token,
      body: { city: 'Elsewhere' },
    });
    expectError(put, 404, 'not_found');
    expectError(
      await server.request('DELETE', `/api/auth/addresses/${address.id}`, { token: intruder.token }),
      404,
      'not_found',
    );
    expect(await server.storage.addresses.findForUser(owner.userId, address.id)).toMatchObject({ city: HOME.city });
    expect(await rowsOf(intruder)).toEqual([]);
    const list = await server.request('GET', '/api/auth/addresses', { token: intruder.token });
    expect(list.body.addresses).toEqual([]);
    expectError(
      await server.request('PUT', '/api/auth/addresses/999999', { token: owner.token, body: { city: 'X' } }),
      404,
      'not_found',
    );
    expectError(
      await server.request('PUT', '/api/auth/addresses/abc', { token: owner.token, body: { city: 'X' } }),
      404,
    );
  });

  it.each(['USA', 'U1', '', 'u'])('refuses country %j with 400 naming country, storing nothing', async (country) => {
    const account = await registerCustomer(server);
    const response = await create(account, { ...HOME, country });
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response)).toContain('country');
    expect(await rowsOf(account)).toHaveLength(0);
  });

  it('names missing required fields', async () => {
    const account = await registerCustomer(server);
    const response = await create(account, { label: 'x' });
    expectError(response, 400, 'validation_failed');
    expect(detailFields(response).sort()).toEqual(['city', 'line1', 'postal_code', 'recipient_name', 'state']);
  });

  it('needs a token', async () => {
    expectError(await server.request('GET', '/api/auth/addresses'), 401);
    expectError(await server.request('POST', '/api/auth/addresses', { body: HOME }), 401);
  });
});
