import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, type SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { customerWithAddress, stockOf, type Customer } from './support/orders.js';
import {
  activeRental,
  createRental,
  pay,
  pendingRental,
  PRICE,
  rentableProduct,
  sign,
  startRentalServer,
  storedRental,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('rentals: ownership and validation (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let owner: Customer;
  let productId: number;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    owner = await customerWithAddress(server);
    productId = await rentableProduct(server, staff.token, { stock: 20 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Every customer route that names a rental, with a body that would succeed for its owner. */
  function customerRoutes(rentalId: number, paymentId: number): [string, string, unknown?][] {
    return [
      ['GET', `/api/rentals/${rentalId}`],
      ['POST', `/api/rentals/${rentalId}/sign-contract`, { signature: 'Mallory' }],
      ['GET', `/api/rentals/${rentalId}/contract`],
      ['GET', `/api/rentals/${rentalId}/payments/${paymentId}/receipt`],
      ['POST', `/api/rentals/${rentalId}/make-payment`, { payment_method_id: 'pm_test_mallory' }],
      ['GET', `/api/rentals/${rentalId}/buyout-amount`],
      ['POST', `/api/rentals/${rentalId}/process-buyout`, { payment_method_id: 'pm_test_mallory', amount: 0 }],
      ['POST', `/api/rentals/${rentalId}/cancel`, {}],
      ['POST', `/api/rentals/${rentalId}/return`, {}],
    ];
  }

  it(`another customer's rental is 404 on every route, and nothing of it changes (${engine})`, async () => {
    const pending = await pendingRental(server, owner, productId);
    const active = await activeRental(server, owner, productId);
    const payment = (await pay(server, owner, active.id)).body.payment;
    const intruder = await customerWithAddress(server);
    const routes = [...customerRoutes(pending.id, payment.id), ...customerRoutes(active.id, payment.id)];
    for (const [method, path, body] of routes) {
      const response = await server.request(method, path, { token: intruder.token, body });
      expectError(response, 404, 'not_found');
      expect(response.body.error, `${method} ${path}`).not.toMatch(/owner|another|belongs/i);
    }
    expect(await storedRental(server, pending.id)).toMatchObject({ status: 'pending', signature: null, payments: [] });
    const stillActive = await storedRental(server, active.id);
    expect(stillActive).toMatchObject({ status: 'active', installmentsPaid: 1 });
    expect(stillActive.payments).toHaveLength(1);
    // An unknown id answers the same.
    for (const [method, path, body] of customerRoutes(987_654, payment.id)) {
      expectError(await server.request(method, path, { token: intruder.token, body }), 404, 'not_found');
    }
    const listed = await server.request('GET', '/api/rentals', { token: intruder.token });
    expect(listed.body.rentals).toEqual([]);
  });

  it(`the admin routes are 403 for a customer and 401 without a token (${engine})`, async () => {
    const rental = await pendingRental(server, owner, productId);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/rentals'],
      ['GET', `/api/admin/rentals/${rental.id}`],
      ['PUT', `/api/admin/rentals/${rental.id}`, { status: 'cancelled' }],
    ];
    for (const [method, path, body] of routes) {
      expectError(await server.request(method, path, { token: owner.token, body }), 403, 'forbidden');
      expectError(await server.request(method, path, { body }), 401);
    }
    expect((await storedRental(server, rental.id)).status).toBe('pending');
    for (const [method, path, body] of customerRoutes(rental.id, 1)) {
      expectError(await server.request(method, path, { body }), 401);
    }
  });

  it(`a rental to an address that is not yours is 404, and takes no stock (${engine})`, async () => {
    const other = await customerWithAddress(server);
    const before = await stockOf(server, productId);
    const response = await createRental(server, { ...other, addressId: owner.addressId }, productId);
    expectError(response, 404, 'not_found');
    expect(await stockOf(server, productId)).toBe(before);
    const noAddress = await registerCustomer(server);
    expectError(await createRental(server, { ...noAddress, addressId: 987_654 }, productId), 404, 'not_found');
  });

  it(`validation: POST /rentals names the bad field (${engine})`, async () => {
    const send = (body: unknown) => server.request('POST', '/api/rentals', { token: owner.token, body });
    const valid = { product_id: productId, total_months: 3, address_id: owner.addressId };
    expect(detailFields(await send({})).sort()).toEqual(['address_id', 'product_id', 'total_months']);
    expect(detailFields(await send({ ...valid, total_months: '3' }))).toEqual(['total_months']);
    expect(detailFields(await send({ ...valid, total_months: 3.5 }))).toEqual(['total_months']);
    expect(detailFields(await send({ ...valid, product_id: 0 }))).toEqual(['product_id']);
  });

  it(`validation: a bad signature is 400 naming signature, and signs nothing (${engine})`, async () => {
    const rental = await pendingRental(server, owner, productId);
    for (const signature of [
      '',
      '   ',
      'Ada\u0000Lovelace',
      'Ada \u202Eecalevol',
      'x'.repeat(201),
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'data:image/png;base64,not base64!',
      42,
    ]) {
      const response = await sign(server, owner, rental.id, signature as string);
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response), JSON.stringify(signature)).toEqual(['signature']);
    }
    expect((await storedRental(server, rental.id)).status).toBe('pending');
  });

  it(`validation: a bad payment_method_id or amount is 400, and charges nothing (${engine})`, async () => {
    const rental = await activeRental(server, owner, productId);
    for (const method of ['', 'card_4242', 'pm_', 'pm_bad-char', 'pm_test_\u0000', 42, null]) {
      const response = await server.request('POST', `/api/rentals/${rental.id}/make-payment`, {
        token: owner.token,
        body: { payment_method_id: method },
      });
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response), JSON.stringify(method)).toEqual(['payment_method_id']);
    }
    const buyout = (body: unknown) =>
      server.request('POST', `/api/rentals/${rental.id}/process-buyout`, { token: owner.token, body });
    expect(detailFields(await buyout({ payment_method_id: 'pm_test_ok' }))).toEqual(['amount']);
    expect(detailFields(await buyout({ payment_method_id: 'pm_test_ok', amount: -1 }))).toEqual(['amount']);
    expect(detailFields(await buyout({ payment_method_id: 'pm_test_ok', amount: PRICE / 3 }))).toEqual(['amount']);
    expect(detailFields(await buyout({ payment_method_id: 'card', amount: PRICE }))).toEqual(['payment_method_id']);
    expect((await storedRental(server, rental.id)).payments).toEqual([]);
  });

  it(`unknown fields are ignored, never applied (${engine})`, async () => {
    const rental = await pendingRental(server, owner, productId);
    const signed = await server.request('POST', `/api/rentals/${rental.id}/sign-contract`, {
      token: owner.token,
      body: { signature: 'Ada Lovelace', start_date: '2020-01-01', signature_ip: '10.9.9.9', status: 'completed' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.rental).toMatchObject({ status: 'active', start_date: '2026-01-31' });
    expect((await storedRental(server, rental.id)).signatureIp).not.toBe('10.9.9.9');
    const paid = await server.request('POST', `/api/rentals/${rental.id}/make-payment`, {
      token: owner.token,
      body: { payment_method_id: 'pm_test_ok', amount: 1, installment_no: 3 },
    });
    expect(paid.body.payment).toMatchObject({ installment_no: 1, amount: rental.monthly_rate });
  });

  it(`a note over the limit or with control characters is 400 naming note (${engine})`, async () => {
    const rental = await pendingRental(server, owner, productId);
    for (const note of ['x'.repeat(1001), 'bad\u0007bell']) {
      const response = await server.request('POST', `/api/rentals/${rental.id}/cancel`, {
        token: owner.token,
        body: { note },
      });
      expectError(response, 400, 'validation_failed');
      expect(detailFields(response)).toEqual(['note']);
    }
    expect((await storedRental(server, rental.id)).status).toBe('pending');
  });
});

describe.each(ENGINES)('rentals: the signer IP behind a trusted proxy (%s)', (engine) => {
  let server: TestServer;
  let owner: Customer;
  let productId: number;
  beforeAll(async () => {
    const started = await startRentalServer(engine, { TRUST_PROXY: 'true' });
    server = started.server;
    owner = await customerWithAddress(server);
    productId = await rentableProduct(server, started.staff.token);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`stores the client IP of X-Forwarded-For (the entry the proxy appended) (${engine})`, async () => {
    const rental = await pendingRental(server, owner, productId);
    const response = await server.request('POST', `/api/rentals/${rental.id}/sign-contract`, {
      token: owner.token,
      body: { signature: 'Ada Lovelace' },
      headers: { 'X-Forwarded-For': '198.51.100.1, 203.0.113.9' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await storedRental(server, rental.id)).signatureIp).toBe('203.0.113.9');
  });
});
