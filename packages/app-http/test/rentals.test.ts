import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { ADDRESS, customerWithAddress, stockOf } from './support/orders.js';
import {
  activeRental,
  createRental,
  PRICE,
  RATE_3,
  rentableProduct,
  rentalDetail,
  sign,
  SIGNING_DAY,
  SIGNING_TIME,
  startRentalServer,
  storedRental,
  TOTAL_3,
  pendingRental,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('rentals: creating, reading, signing (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`creates a pending rental priced by SPEC §5, taking one unit of stock (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token, { stock: 2, name: 'ThinkPad T14' });
    const response = await createRental(server, customer, productId, 3);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { rental } = response.body;
    expect(rental).toMatchObject({
      id: expect.any(Number),
      user_id: customer.userId,
      product_id: productId,
      product_name: 'ThinkPad T14',
      status: 'pending',
      currency: 'usd',
      cash_price: PRICE,
      total_months: 3,
      monthly_rate: RATE_3,
      total_amount: TOTAL_3,
      start_date: null,
      end_date: null,
      payments_made: 0,
      remaining_payments: 3,
      paid_total: 0,
      remaining_balance: TOTAL_3,
      late_fees_due: 0,
      contract_signed_at: null,
      ownership_transferred_at: null,
      created_at: SIGNING_TIME,
      delivery_address: expect.objectContaining({ recipient_name: ADDRESS.recipient_name, city: 'Austin' }),
      payments: [],
    });
    // Unsigned: the schedule it would have if signed today.
    expect(rental.schedule.map((i: { due_date: string; status: string }) => [i.due_date, i.status])).toEqual([
      ['2026-01-31', 'due'],
      ['2026-02-28', 'due'],
      ['2026-03-31', 'due'],
    ]);
    expect(rental.status_history).toEqual([
      { from: null, to: 'pending', actor: 'customer', note: null, created_at: SIGNING_TIME },
    ]);
    expect(await stockOf(server, productId)).toBe(1);
    expect(await storedRental(server, rental.id)).toMatchObject({
      status: 'pending',
      cashPrice: PRICE,
      monthlyRate: RATE_3,
      totalAmount: TOTAL_3,
    });
  });

  it(`12 months: ceil(10 000 × 11 500 / 120 000) = 959 a month; a rate override wins (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token);
    expect((await pendingRental(server, customer, productId, 12)).monthly_rate).toBe(959);
    const overridden = await rentableProduct(server, staff.token);
    const put = await server.request('PUT', `/api/products/${overridden}`, {
      token: staff.token,
      body: { rental_rates: { 6: 2_000 } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await pendingRental(server, customer, overridden, 6)).toMatchObject({
      monthly_rate: 2_000,
      total_amount: 12_000,
    });
  });

  it(`refuses a term the policy does not offer (400 naming total_months), taking no stock (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token, { stock: 1 });
    const response = await createRental(server, customer, productId, 5);
    expectError(response, 400, 'validation_failed');
    expect(response.body.error).toMatch(/^total_months: /);
    expect(detailFields(response)).toEqual(['total_months']);
    expectError(await createRental(server, customer, productId, 61), 400, 'validation_failed');
    expect(await stockOf(server, productId)).toBe(1);
  });

  it(`refuses a product that is not rentable, or out of stock, with 409 (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const notRentable = await rentableProduct(server, staff.token, { rentable: false });
    expectError(await createRental(server, customer, notRentable), 409, 'conflict');
    expect(await stockOf(server, notRentable)).toBe(5);

    const last = await rentableProduct(server, staff.token, { stock: 1 });
    await pendingRental(server, customer, last);
    const soldOut = await createRental(server, customer, last);
    expectError(soldOut, 409, 'insufficient_stock');
    expect(soldOut.body.shortages).toEqual([expect.objectContaining({ product_id: last, requested: 1, available: 0 })]);
    expect(await stockOf(server, last)).toBe(0);
    expectError(await createRental(server, customer, 987_654), 404, 'not_found');
  });

  it(`ignores prices, status and owner sent by the client (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token);
    const response = await server.request('POST', '/api/rentals', {
      token: customer.token,
      body: {
        product_id: productId,
        total_months: 3,
        address_id: customer.addressId,
        monthly_rate: 1,
        cash_price: 1,
        status: 'active',
        user_id: staff.userId,
        start_date: '2020-01-01',
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.rental).toMatchObject({
      monthly_rate: RATE_3,
      cash_price: PRICE,
      status: 'pending',
      user_id: customer.userId,
      start_date: null,
    });
  });

  it(`lists your rentals newest first, paged, filtered by ?status= (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token);
    const first = await pendingRental(server, customer, productId);
    server.clock.advance(1000);
    const second = await activeRental(server, customer, productId);
    const all = await server.request('GET', '/api/rentals?per_page=1', { token: customer.token });
    expect(all.status).toBe(200);
    expect(all.body.pagination).toEqual({ page: 1, per_page: 1, total: 2, total_pages: 2 });
    expect(all.body.rentals.map((r: { id: number }) => r.id)).toEqual([second.id]);
    expect(all.body.rentals[0]).not.toHaveProperty('schedule');
    const pending = await server.request('GET', '/api/rentals?status=pending', { token: customer.token });
    expect(pending.body.rentals.map((r: { id: number }) => r.id)).toEqual([first.id]);
    expectError(await server.request('GET', '/api/rentals?status=lost', { token: customer.token }), 400);
    expectError(await server.request('GET', '/api/rentals'), 401);
  });

  it(`signing makes it active from today, stores signature, time and IP; a second signing is 409 (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token);
    const created = await pendingRental(server, customer, productId);
    const signed = await sign(server, customer, created.id, 'Ada King, Countess of Lovelace');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.rental).toMatchObject({
      status: 'active',
      start_date: SIGNING_DAY,
      end_date: '2026-03-31',
      next_payment_date: SIGNING_DAY,
      contract_signed_at: server.clock.now().toISOString(),
    });
    // Jan 31 start: the day is clamped to the end of February.
    expect(signed.body.rental.schedule).toEqual([
      {
        installment_no: 1,
        due_date: '2026-01-31',
        amount: RATE_3,
        late_fee: 0,
        status: 'due',
        paid_at: null,
        payment_id: null,
      },
      {
        installment_no: 2,
        due_date: '2026-02-28',
        amount: RATE_3,
        late_fee: 0,
        status: 'due',
        paid_at: null,
        payment_id: null,
      },
      {
        installment_no: 3,
        due_date: '2026-03-31',
        amount: RATE_3,
        late_fee: 0,
        status: 'due',
        paid_at: null,
        payment_id: null,
      },
    ]);
    expect(signed.body.rental.status_history.map((c: { to: string }) => c.to)).toEqual(['pending', 'active']);
    const stored = await storedRental(server, created.id);
    expect(stored.signature).toBe('Ada King, Countess of Lovelace');
    expect(stored.signatureIp).toMatch(/127\.0\.0\.1$/);

    expectError(await sign(server, customer, created.id), 409, 'invalid_transition');
    expect((await storedRental(server, created.id)).signature).toBe('Ada King, Countess of Lovelace');
  });

  it(`a drawn signature (PNG data: URL) is accepted (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const created = await pendingRental(server, customer, await rentableProduct(server, staff.token));
    const drawn =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    expect((await sign(server, customer, created.id, drawn)).status).toBe(200);
    expect((await storedRental(server, created.id)).signature).toBe(drawn);
  });

  it(`cancelling a pending rental puts the unit back; an active one is 409 pointing to return (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token, { stock: 2 });
    const created = await pendingRental(server, customer, productId);
    expect(await stockOf(server, productId)).toBe(1);
    const cancelled = await server.request('POST', `/api/rentals/${created.id}/cancel`, {
      token: customer.token,
      body: { note: 'changed my mind' },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.rental).toMatchObject({ status: 'cancelled', remaining_balance: 0, remaining_payments: 0 });
    expect(cancelled.body.rental.status_history.at(-1)).toMatchObject({
      from: 'pending',
      to: 'cancelled',
      note: 'changed my mind',
    });
    expect(await stockOf(server, productId)).toBe(2);
    expectError(
      await server.request('POST', `/api/rentals/${created.id}/cancel`, { token: customer.token }),
      409,
      'invalid_transition',
    );
    expect(await stockOf(server, productId)).toBe(2);

    const active = await activeRental(server, customer, productId);
    const refused = await server.request('POST', `/api/rentals/${active.id}/cancel`, { token: customer.token });
    expectError(refused, 409, 'invalid_transition');
    expect(refused.body.error).toMatch(/return/);
    expect(refused.body.error).toContain(`/api/rentals/:id/return`);
    expect((await storedRental(server, active.id)).status).toBe('active');
    expect(await stockOf(server, productId)).toBe(1);
  });

  it(`returning an active rental ends what is owed; the unit waits for staff to receive it (${engine})`, async () => {
    const customer = await customerWithAddress(server);
    const productId = await rentableProduct(server, staff.token, { stock: 1 });
    const active = await activeRental(server, customer, productId);
    const returned = await server.request('POST', `/api/rentals/${active.id}/return`, {
      token: customer.token,
      body: { note: 'no longer needed' },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.rental).toMatchObject({
      status: 'returned',
      remaining_balance: 0,
      remaining_payments: 0,
      next_payment_date: null,
      returned_at: server.clock.now().toISOString(),
      received_at: null,
    });
    expect(returned.body.rental.schedule.map((i: { status: string }) => i.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await stockOf(server, productId)).toBe(0);
    expectError(
      await server.request('POST', `/api/rentals/${active.id}/return`, { token: customer.token }),
      409,
      'invalid_transition',
    );
    expect((await rentalDetail(server, customer, active.id)).body.rental.status).toBe('returned');

    const unsigned = await pendingRental(server, customer, await rentableProduct(server, staff.token));
    expectError(
      await server.request('POST', `/api/rentals/${unsigned.id}/return`, { token: customer.token }),
      409,
      'invalid_transition',
    );
  });
});
